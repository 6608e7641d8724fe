package liangshan.ledger;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an amount of smallest units (fen, thousandths of a credit) by weights so that the parts always
 * sum exactly to the total (rights-and-money.md, ledger rule 8): the largest-remainder (Hamilton) method.
 *
 * <p>Part i first gets ⌊total × wᵢ / Σw⌋; the k units left over (k &lt; number of parts) go one each to
 * the parts with the largest remainders (total × wᵢ mod Σw), ties to the lower index. All arithmetic is
 * exact integer arithmetic; a zero weight always gets 0 because its remainder is 0 and the leftover units
 * never exceed the number of parts with a positive remainder.
 */
public final class Allocation {

    private Allocation() {}

    /**
     * Parts of {@code total} (≥ 0) proportional to integer weights (each ≥ 0, at least one &gt; 0 unless
     * total is 0).
     */
    public static long[] largestRemainder(long total, long... weights) {
        BigInteger[] big = new BigInteger[weights.length];
        for (int i = 0; i < weights.length; i++) {
            big[i] = BigInteger.valueOf(weights[i]);
        }
        return allocate(total, big);
    }

    /**
     * Parts of {@code total} (≥ 0) proportional to decimal weights (e.g. shares 0.35, 0.65, or areas in
     * 亩); weights are scaled to integers exactly, so no rounding happens before the split.
     */
    public static long[] largestRemainder(long total, List<BigDecimal> weights) {
        int scale = 0;
        for (BigDecimal weight : weights) {
            scale = Math.max(scale, weight.stripTrailingZeros().scale());
        }
        BigInteger[] big = new BigInteger[weights.size()];
        for (int i = 0; i < big.length; i++) {
            big[i] = weights.get(i).setScale(scale).unscaledValue();
        }
        return allocate(total, big);
    }

    private static long[] allocate(long total, BigInteger[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("at least one weight is needed");
        }
        if (total < 0) {
            throw new IllegalArgumentException("the total to allocate must not be negative: " + total);
        }
        BigInteger sum = BigInteger.ZERO;
        for (BigInteger weight : weights) {
            if (weight.signum() < 0) {
                throw new IllegalArgumentException("weights must not be negative: " + weight);
            }
            sum = sum.add(weight);
        }
        long[] parts = new long[weights.length];
        if (total == 0) {
            return parts;
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("all weights are zero, so " + total + " cannot be allocated");
        }
        BigInteger bigTotal = BigInteger.valueOf(total);
        BigInteger[] remainders = new BigInteger[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = bigTotal.multiply(weights[i]).divideAndRemainder(sum);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += parts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            if (remainders[i].signum() > 0) {
                order.add(i);
            }
        }
        // Largest remainder first; List.sort is stable, so equal remainders keep index order.
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed());
        long leftover = total - given;
        for (int k = 0; k < leftover; k++) {
            parts[order.get(k)]++;
        }
        return parts;
    }
}
