package liangshan.kernel.money.benefit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The village collective's retention (提留) from an amount before it is distributed to households.
 *
 * <p>Rule: {@code retention = min(⌊amount × percent / 100⌋, cap)} in fen, rounded DOWN (the fraction of a
 * fen goes to the households, never to the collective); the distributable rest is {@code amount −
 * retention}. A null cap means no cap.
 *
 * @param percent 0..100 with at most 2 decimal places
 * @param capFen the policy cap in fen (≥ 0), or null
 */
public record Retention(BigDecimal percent, Long capFen) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Retention {
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() < 0
                || percent.compareTo(HUNDRED) > 0
                || percent.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("retention percent must be 0..100 with ≤ 2 decimals: " + percent);
        }
        if (capFen != null && capFen < 0) {
            throw new IllegalArgumentException("retention cap must be ≥ 0: " + capFen);
        }
    }

    /** The retention in fen of {@code amountFen} (≥ 0). */
    public long of(long amountFen) {
        if (amountFen < 0) {
            throw new IllegalArgumentException("amount must be ≥ 0: " + amountFen);
        }
        long byPercent = BigDecimal.valueOf(amountFen)
                .multiply(percent)
                .divide(HUNDRED, 0, RoundingMode.DOWN)
                .longValueExact();
        return capFen == null ? byPercent : Math.min(byPercent, capFen);
    }
}
