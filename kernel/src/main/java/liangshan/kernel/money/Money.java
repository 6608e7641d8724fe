package liangshan.kernel.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of renminbi (CNY) held as a whole number of fen (分, 1 元 = 100 fen).
 *
 * <p>Every operation is exact: sums and products overflow with {@link ArithmeticException}
 * instead of wrapping, and every conversion that could lose a fraction of a fen takes an explicit
 * {@link RoundingMode}. There is no {@code double} anywhere on this path (see
 * {@code docs/decisions/0001-money-in-fen.md}). The range is ±9.2 × 10¹⁶ 元, far above any
 * GEP figure (Quzhou city ≈ 3 × 10¹¹ 元).
 *
 * @param fen the amount in fen; negative amounts are allowed (refunds, reversals)
 */
public record Money(long fen) implements Comparable<Money> {

    /** Zero yuan. */
    public static final Money ZERO = new Money(0);

    /** Fen per yuan. */
    public static final int FEN_PER_YUAN = 100;

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final Pattern AMOUNT =
            Pattern.compile("^\\s*([+-]?)\\s*¥?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*(万元|元|CNY|RMB)?\\s*$");

    /** The amount of {@code fen} fen. */
    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** Whole yuan; overflow throws {@link ArithmeticException}. */
    public static Money ofYuan(long yuan) {
        return new Money(Math.multiplyExact(yuan, FEN_PER_YUAN));
    }

    /**
     * An amount in yuan that must be representable in whole fen.
     *
     * @throws ArithmeticException if {@code yuan} has a fraction of a fen or is out of range
     */
    public static Money ofYuan(BigDecimal yuan) {
        return ofYuan(yuan, RoundingMode.UNNECESSARY);
    }

    /** An amount in yuan, rounded to whole fen with {@code rounding}. */
    public static Money ofYuan(BigDecimal yuan, RoundingMode rounding) {
        Objects.requireNonNull(yuan, "yuan");
        Objects.requireNonNull(rounding, "rounding");
        return new Money(yuan.movePointRight(2).setScale(0, rounding).longValueExact());
    }

    /**
     * Parses "1,234.56 元", "1234.56", "-12 元", "¥8.00" or "12.5 万元". Thousands separators
     * must be in groups of three; more decimals than a fen are rejected (no silent rounding).
     *
     * @throws IllegalArgumentException naming the text when it is not an amount
     */
    public static Money parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an amount of money: \"" + text + "\"");
        }
        String digits = m.group(2).replace(",", "") + (m.group(3) == null ? "" : "." + m.group(3));
        BigDecimal value = new BigDecimal(digits);
        if ("万元".equals(m.group(4))) {
            value = value.multiply(WAN);
        }
        if ("-".equals(m.group(1))) {
            value = value.negate();
        }
        try {
            return ofYuan(value);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount \"" + text + "\" has a fraction of a fen or is out of range", e);
        }
    }

    /** This amount in yuan with scale 2 (exact). */
    public BigDecimal toYuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    /** This amount in 万元 (10⁴ 元), exact, scale 6. */
    public BigDecimal toWanYuan() {
        return BigDecimal.valueOf(fen, 6);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money negate() {
        return new Money(Math.negateExact(fen));
    }

    public Money abs() {
        return fen < 0 ? negate() : this;
    }

    /** Multiplies by a whole number, exactly. */
    public Money times(long factor) {
        return new Money(Math.multiplyExact(fen, factor));
    }

    /**
     * Multiplies by a decimal factor (a price ratio, a share) and rounds the product to whole fen.
     * The product is computed exactly before the single rounding step.
     */
    public Money multiply(BigDecimal factor, RoundingMode rounding) {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(rounding, "rounding");
        return new Money(
                BigDecimal.valueOf(fen).multiply(factor).setScale(0, rounding).longValueExact());
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isPositive() {
        return fen > 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    /**
     * Splits this amount into {@code weights.length} parts proportional to the weights by the
     * largest-remainder method; see {@link Allocation#allocate(long, long[])}.
     */
    public Money[] allocate(long... weights) {
        return wrap(Allocation.allocate(fen, weights));
    }

    /** As {@link #allocate(long...)} with decimal weights (areas, shares). */
    public Money[] allocate(BigDecimal... weights) {
        return wrap(Allocation.allocate(fen, weights));
    }

    /** Splits into {@code parts} equal parts; the first {@code fen mod parts} parts get 1 fen more. */
    public Money[] allocateEqually(int parts) {
        if (parts <= 0) {
            throw new IllegalArgumentException("parts must be positive, was " + parts);
        }
        long[] weights = new long[parts];
        java.util.Arrays.fill(weights, 1);
        return allocate(weights);
    }

    private static Money[] wrap(long[] parts) {
        Money[] result = new Money[parts.length];
        for (int i = 0; i < parts.length; i++) {
            result[i] = new Money(parts[i]);
        }
        return result;
    }

    /** "1,234.56 元" (always two decimals, grouping by thousands, minus sign in front). */
    public String format() {
        return grouped(toYuan(), 2) + " 元";
    }

    /** The amount in 万元 rounded to {@code decimals} places, e.g. "12.35 万元". */
    public String formatWan(int decimals, RoundingMode rounding) {
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals must be 0..6, was " + decimals);
        }
        return grouped(toWanYuan().setScale(decimals, rounding), decimals) + " 万元";
    }

    private static String grouped(BigDecimal value, int decimals) {
        DecimalFormat format = new DecimalFormat(
                decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(value);
    }

    @Override
    public String toString() {
        return format();
    }

    /** Sum of amounts, exact. */
    public static Money sum(Iterable<Money> amounts) {
        long total = 0;
        for (Money m : amounts) {
            total = Math.addExact(total, m.fen);
        }
        return new Money(total);
    }
}
