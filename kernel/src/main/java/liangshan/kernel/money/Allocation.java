package liangshan.kernel.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * Largest-remainder (Hamilton) allocation of a whole number of fen.
 *
 * <p>Part {@code i} first gets {@code floor(|total| × wᵢ / W)} with {@code W = Σ w}; the fen left
 * over (always fewer than the number of parts) go one each to the parts with the largest
 * remainder {@code |total| × wᵢ mod W}, ties to the lower index. A negative total is allocated as
 * its absolute value and negated, so the split of −x mirrors the split of x. The products are
 * computed in {@link BigInteger}, so huge weights cannot overflow. Guarantees: the parts sum to
 * the total exactly, a zero weight gets zero, and the result depends only on the inputs.
 */
public final class Allocation {

    private Allocation() {}

    /**
     * Allocates {@code total} fen by {@code weights}.
     *
     * @throws IllegalArgumentException if there are no weights, a weight is negative, or all
     *     weights are zero while the total is not zero
     */
    public static long[] allocate(long total, long[] weights) {
        Objects.requireNonNull(weights, "weights");
        BigInteger[] big = new BigInteger[weights.length];
        for (int i = 0; i < weights.length; i++) {
            big[i] = BigInteger.valueOf(weights[i]);
        }
        return allocate(total, big);
    }

    /** As {@link #allocate(long, long[])} with decimal weights (areas, shares), used exactly. */
    public static long[] allocate(long total, BigDecimal[] weights) {
        Objects.requireNonNull(weights, "weights");
        int scale = 0;
        for (int i = 0; i < weights.length; i++) {
            Objects.requireNonNull(weights[i], "weight " + i);
            scale = Math.max(scale, weights[i].stripTrailingZeros().scale());
        }
        BigInteger[] big = new BigInteger[weights.length];
        for (int i = 0; i < weights.length; i++) {
            // Scaling every weight by the same power of ten keeps the ratios exact.
            big[i] = weights[i].movePointRight(scale).setScale(0).toBigIntegerExact();
        }
        return allocate(total, big);
    }

    private static long[] allocate(long total, BigInteger[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("cannot allocate among zero parts");
        }
        BigInteger weightSum = BigInteger.ZERO;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i].signum() < 0) {
                throw new IllegalArgumentException("weight " + i + " is negative: " + weights[i]);
            }
            weightSum = weightSum.add(weights[i]);
        }
        long[] parts = new long[weights.length];
        if (total == 0) {
            return parts;
        }
        if (weightSum.signum() == 0) {
            throw new IllegalArgumentException("all weights are zero; cannot allocate " + total + " fen");
        }
        // |Long.MIN_VALUE| does not fit a long, so parts stay BigInteger until the sign is applied.
        BigInteger magnitude = BigInteger.valueOf(total).abs();
        BigInteger[] quotients = new BigInteger[weights.length];
        BigInteger[] remainders = new BigInteger[weights.length];
        BigInteger assigned = BigInteger.ZERO;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = magnitude.multiply(weights[i]).divideAndRemainder(weightSum);
            quotients[i] = qr[0];
            remainders[i] = qr[1];
            assigned = assigned.add(qr[0]);
        }
        int leftover = magnitude.subtract(assigned).intValueExact();
        Integer[] order = new Integer[weights.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> {
            int byRemainder = remainders[b].compareTo(remainders[a]);
            return byRemainder != 0 ? byRemainder : Integer.compare(a, b);
        });
        for (int k = 0; k < leftover; k++) {
            int i = order[k];
            if (remainders[i].signum() == 0) {
                // Cannot happen: the leftover equals Σ remainderᵢ / W < number of non-zero remainders.
                throw new IllegalStateException("largest-remainder invariant broken");
            }
            quotients[i] = quotients[i].add(BigInteger.ONE);
        }
        for (int i = 0; i < parts.length; i++) {
            parts[i] = (total < 0 ? quotients[i].negate() : quotients[i]).longValueExact();
        }
        return parts;
    }
}
