package liangshan.kernel.money.benefit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import liangshan.kernel.money.Allocation;

/**
 * A project's dividend policy (分红政策) and the dividend it pays for one period's reported profit.
 *
 * <p>For holders with {@code shares[i]} shares:
 *
 * <ul>
 *   <li>guaranteed part: {@code shares[i] × minimumPerShare}, or the per-period minimum split by shares
 *       (largest remainder);
 *   <li>profit part: {@code ⌊profit × profitSharePercent / 100⌋} fen (rounded down; nothing for a loss)
 *       split by shares (largest remainder);
 *   <li>paid: the guaranteed part ({@link Kind#GUARANTEED}), the profit part ({@link Kind#PROFIT}) or,
 *       per holder, the larger of the two ({@link Kind#MAX}).
 * </ul>
 *
 * @param minimumPerShareFen guaranteed fen per share per period, or null
 * @param minimumPerPeriodFen guaranteed fen per period for all holders together, or null
 * @param profitSharePercent 0..100, ≤ 2 decimals; null unless the kind uses profit
 */
public record DividendPolicy(
        Kind kind, Long minimumPerShareFen, Long minimumPerPeriodFen, BigDecimal profitSharePercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Which part is paid. */
    public enum Kind {
        GUARANTEED,
        PROFIT,
        MAX
    }

    public DividendPolicy {
        Objects.requireNonNull(kind, "kind");
        boolean guaranteed = kind != Kind.PROFIT;
        boolean profit = kind != Kind.GUARANTEED;
        if (guaranteed != (minimumPerShareFen != null ^ minimumPerPeriodFen != null)
                || !guaranteed && minimumPerShareFen != null
                || minimumPerShareFen != null && minimumPerShareFen < 0
                || minimumPerPeriodFen != null && minimumPerPeriodFen < 0) {
            throw new IllegalArgumentException("a guaranteed part needs exactly one minimum ≥ 0: " + kind);
        }
        if (profit != (profitSharePercent != null)
                || profit
                        && (profitSharePercent.signum() < 0
                                || profitSharePercent.compareTo(HUNDRED) > 0
                                || profitSharePercent.stripTrailingZeros().scale() > 2)) {
            throw new IllegalArgumentException("a profit part needs a share 0..100 % with ≤ 2 decimals: " + kind);
        }
    }

    /** One holder's dividend. */
    public record Line(long shares, long guaranteedFen, long profitFen, long amountFen) {}

    /** The dividend of a period with reported {@code profitFen} (may be negative) to holders by shares. */
    public Line[] pay(long profitFen, long[] shares) {
        long total = 0;
        for (long s : shares) {
            if (s < 0) {
                throw new IllegalArgumentException("shares must be ≥ 0");
            }
            total = Math.addExact(total, s);
        }
        if (total == 0) {
            throw new IllegalArgumentException("no shares to pay a dividend on");
        }
        long[] guaranteed = new long[shares.length];
        if (minimumPerShareFen != null) {
            for (int i = 0; i < shares.length; i++) {
                guaranteed[i] = Math.multiplyExact(shares[i], minimumPerShareFen);
            }
        } else if (minimumPerPeriodFen != null) {
            guaranteed = Allocation.allocate(minimumPerPeriodFen, shares);
        }
        long[] profit = new long[shares.length];
        if (profitSharePercent != null && profitFen > 0) {
            long pool = BigDecimal.valueOf(profitFen)
                    .multiply(profitSharePercent)
                    .divide(HUNDRED, 0, RoundingMode.DOWN)
                    .longValueExact();
            profit = Allocation.allocate(pool, shares);
        }
        Line[] lines = new Line[shares.length];
        for (int i = 0; i < shares.length; i++) {
            long paid =
                    switch (kind) {
                        case GUARANTEED -> guaranteed[i];
                        case PROFIT -> profit[i];
                        case MAX -> Math.max(guaranteed[i], profit[i]);
                    };
            lines[i] = new Line(shares[i], guaranteed[i], profit[i], paid);
        }
        return lines;
    }
}
