package liangshan.app.distribution.internal;

import java.math.BigDecimal;
import java.util.List;
import liangshan.app.web.ApiException.FieldProblem;

/** Parsing of the API's decimal strings (元 with ≤ 2 decimals, percentages) with per-field problems. */
final class Amounts {

    private Amounts() {}

    /** Fen of a 元 string, or null (and a problem added) when absent, malformed or out of range. */
    static Long fen(String yuan, boolean positive, String field, String code, List<FieldProblem> problems) {
        BigDecimal value = decimal(yuan);
        if (value == null
                || value.stripTrailingZeros().scale() > 2
                || (positive ? value.signum() <= 0 : value.signum() < 0)
                || value.compareTo(BigDecimal.valueOf(90_000_000_000_000L)) > 0) {
            problems.add(new FieldProblem(field, code, null, null));
            return null;
        }
        return value.movePointRight(2).longValueExact();
    }

    /** A percentage min..max with ≤ 2 decimals, or null (and a problem added). */
    static BigDecimal percent(String text, int min, int max, String field, String code, List<FieldProblem> problems) {
        BigDecimal value = decimal(text);
        if (value == null
                || value.stripTrailingZeros().scale() > 2
                || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            problems.add(new FieldProblem(field, code, null, null));
            return null;
        }
        return value.setScale(2);
    }

    /** Fen of a 元 string this module wrote ("1234.50"). */
    static long fenOf(String yuan) {
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    /** "1234.50" for 123450 fen. */
    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    static String yuan(Long fen) {
        return fen == null ? null : yuan(fen.longValue());
    }

    private static BigDecimal decimal(String text) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
