package liangshan.app.ecoaccount.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The two comparisons of the early-warning rules, on exact decimals. */
final class GepWarningMath {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private GepWarningMath() {}

    /**
     * The P-th percentile by the <b>nearest-rank</b> method: with the n values sorted ascending
     * x₁ ≤ … ≤ xₙ, it is x_k with k = ⌈P·n / 100⌉ (k ≥ 1). No interpolation, so the percentile is
     * always one of the villages' own values, and a village is "below" it only when its value is
     * strictly smaller: fewer than P % of the villages can be below (e.g. with n = 10 and P = 10,
     * k = 1 and no village lies below the minimum; with n = 20, k = 2 and only a village strictly
     * below the second-smallest value is).
     *
     * @param percentile P, 1–99
     * @throws IllegalArgumentException for no values or P out of range
     */
    static BigDecimal nearestRank(Collection<BigDecimal> values, int percentile) {
        if (values.isEmpty() || percentile < 1 || percentile > 99) {
            throw new IllegalArgumentException("percentile " + percentile + " of " + values.size() + " values");
        }
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        int k = (int) ((percentile * (long) n + 99) / 100);
        return sorted.get(Math.max(k, 1) - 1);
    }

    /**
     * The change from {@code previous} to {@code current} in percent, 1 decimal half-even; null when
     * {@code previous} is not positive (no meaningful base).
     */
    static BigDecimal changePct(BigDecimal previous, BigDecimal current) {
        if (previous.signum() <= 0) {
            return null;
        }
        return current.subtract(previous).multiply(HUNDRED).divide(previous, 1, RoundingMode.HALF_EVEN);
    }

    /**
     * True when {@code current} is down by more than {@code thresholdPct} percent of a positive
     * {@code previous}: {@code (previous − current) × 100 > thresholdPct × previous}, exactly (a drop
     * of exactly the threshold does not count).
     */
    static boolean droppedMoreThan(BigDecimal previous, BigDecimal current, BigDecimal thresholdPct) {
        if (previous.signum() <= 0) {
            return false;
        }
        return previous.subtract(current).multiply(HUNDRED).compareTo(thresholdPct.multiply(previous)) > 0;
    }
}
