package liangshan.kernel.money.benefit;

import java.math.BigDecimal;
import java.util.Objects;
import liangshan.kernel.money.Allocation;

/**
 * Allocation of a village's distributable amount to households by shares, with an optional priority
 * rule for low-income households (where a fund's policy says so).
 *
 * <p>Steps, all in integer fen:
 *
 * <ol>
 *   <li>Priority: each low-income household is first given {@code minimumPerLowIncomeFen}; when the
 *       amount is smaller than all of those minimums together, the whole amount is split equally among
 *       the low-income households (largest remainder, ties to the lower index).
 *   <li>The rest goes to every household by {@code shares × weight} (largest remainder), where the
 *       weight is {@code lowIncomeWeightPercent} for low-income households and 100 for the others.
 * </ol>
 *
 * The parts sum to the amount exactly; a household with zero shares receives only its priority part.
 *
 * @param minimumPerLowIncomeFen ≥ 0
 * @param lowIncomeWeightPercent ≥ 100 (100 = no preference), ≤ 2 decimals
 */
public record PriorityAllocation(long minimumPerLowIncomeFen, BigDecimal lowIncomeWeightPercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** No priority: the amount is split by shares only. */
    public static final PriorityAllocation NONE = new PriorityAllocation(0, HUNDRED);

    public PriorityAllocation {
        Objects.requireNonNull(lowIncomeWeightPercent, "lowIncomeWeightPercent");
        if (minimumPerLowIncomeFen < 0
                || lowIncomeWeightPercent.compareTo(HUNDRED) < 0
                || lowIncomeWeightPercent.compareTo(BigDecimal.valueOf(10_000)) > 0
                || lowIncomeWeightPercent.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(
                    "priority needs a minimum ≥ 0 and a weight of 100..10000 %: " + lowIncomeWeightPercent);
        }
    }

    /** Per household: the priority part and the whole amount (priority part included). */
    public record Share(long priorityFen, long amountFen) {}

    /** True when {@code amountFen} can be allocated: something to allocate needs a share or a priority. */
    public boolean canAllocate(long amountFen, long[] shares, boolean[] lowIncome) {
        if (amountFen == 0) {
            return true;
        }
        for (int i = 0; i < shares.length; i++) {
            if (shares[i] > 0 || lowIncome[i] && minimumPerLowIncomeFen > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Allocates {@code amountFen} (≥ 0).
     *
     * @throws IllegalArgumentException when {@link #canAllocate} is false, or shares are negative
     */
    public Share[] allocate(long amountFen, long[] shares, boolean[] lowIncome) {
        if (amountFen < 0 || shares.length != lowIncome.length || !canAllocate(amountFen, shares, lowIncome)) {
            throw new IllegalArgumentException("cannot allocate " + amountFen + " among " + shares.length);
        }
        long[] priority = priority(amountFen, lowIncome);
        long rest = amountFen;
        for (long p : priority) {
            rest -= p;
        }
        long[] byShares = new long[shares.length];
        BigDecimal[] weights = new BigDecimal[shares.length];
        boolean anyWeight = false;
        for (int i = 0; i < shares.length; i++) {
            if (shares[i] < 0) {
                throw new IllegalArgumentException("shares must be ≥ 0");
            }
            weights[i] = BigDecimal.valueOf(shares[i]).multiply(lowIncome[i] ? lowIncomeWeightPercent : HUNDRED);
            anyWeight |= shares[i] > 0;
        }
        if (rest > 0 && anyWeight) {
            byShares = Allocation.allocate(rest, weights);
        } else if (rest > 0) {
            // Only low-income households without shares: the whole amount is theirs, equally.
            long[] all = equally(amountFen, lowIncome);
            return shares(all, all);
        }
        long[] amount = new long[shares.length];
        for (int i = 0; i < shares.length; i++) {
            amount[i] = priority[i] + byShares[i];
        }
        return shares(priority, amount);
    }

    private long[] priority(long amountFen, boolean[] lowIncome) {
        int count = 0;
        for (boolean low : lowIncome) {
            count += low ? 1 : 0;
        }
        if (count == 0 || minimumPerLowIncomeFen == 0) {
            return new long[lowIncome.length];
        }
        long wanted = Math.multiplyExact(minimumPerLowIncomeFen, count);
        if (wanted <= amountFen) {
            long[] out = new long[lowIncome.length];
            for (int i = 0; i < lowIncome.length; i++) {
                out[i] = lowIncome[i] ? minimumPerLowIncomeFen : 0;
            }
            return out;
        }
        return equally(amountFen, lowIncome);
    }

    private static long[] equally(long amountFen, boolean[] lowIncome) {
        long[] weights = new long[lowIncome.length];
        for (int i = 0; i < lowIncome.length; i++) {
            weights[i] = lowIncome[i] ? 1 : 0;
        }
        return Allocation.allocate(amountFen, weights);
    }

    private static Share[] shares(long[] priority, long[] amount) {
        Share[] out = new Share[amount.length];
        for (int i = 0; i < amount.length; i++) {
            out[i] = new Share(priority[i], amount[i]);
        }
        return out;
    }
}
