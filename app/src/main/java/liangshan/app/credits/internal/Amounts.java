package liangshan.app.credits.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import liangshan.app.web.ApiException;
import liangshan.ledger.credits.CreditUnits;

/**
 * Credits and money at the API boundary: credits as strings with up to 3 decimals (units, decision 0005),
 * 元 as strings with up to 2 decimals (fen). Parsing is exact: more decimals is a field problem, never a
 * rounding.
 */
final class Amounts {

    private Amounts() {}

    /** Units of a positive credit amount, or a {@code credits.bad-credits} problem added to {@code problems}. */
    static long units(String credits, String field, List<ApiException.FieldProblem> problems) {
        long v = scaled(credits, 3);
        if (v < 1) {
            problems.add(new ApiException.FieldProblem(field, "credits.bad-credits", null, null));
            return 0;
        }
        return v;
    }

    /** Fen of a non-negative amount of 元, or a problem with {@code code}. */
    static long fen(String yuan, String field, String code, List<ApiException.FieldProblem> problems) {
        long v = scaled(yuan, 2);
        if (v < 0) {
            problems.add(new ApiException.FieldProblem(field, code, null, null));
            return 0;
        }
        return v;
    }

    /** Basis points of a percentage 0..100 with at most 2 decimals, or −1. */
    static int basisPoints(String pct) {
        long v = scaled(pct, 2);
        return v < 0 || v > 10_000 ? -1 : (int) v;
    }

    /** {@code text × 10^scale} when it is a non-negative decimal with at most {@code scale} decimals, else −1. */
    private static long scaled(String text, int scale) {
        if (text == null || !text.matches("\\d{1,15}(\\.\\d{1," + scale + "})?")) {
            return -1;
        }
        return new BigDecimal(text).movePointRight(scale).longValueExact();
    }

    /** Units of a credits string this module wrote ({@link #credits}). */
    static long parseUnits(String credits) {
        return new BigDecimal(credits).movePointRight(3).longValueExact();
    }

    static String credits(long units) {
        return CreditUnits.format(units);
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen)
                .movePointLeft(2)
                .setScale(2, RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    static String pct(int basisPoints) {
        return BigDecimal.valueOf(basisPoints)
                .movePointLeft(2)
                .stripTrailingZeros()
                .toPlainString();
    }

    static void check(List<ApiException.FieldProblem> problems, String code) {
        if (!problems.isEmpty()) {
            throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, code, problems);
        }
    }
}
