package liangshan.kernel.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Literal cases and a seeded property of {@link Allocation} (moved here from the ledger module). */
class LargestRemainderTest {

    private static long[] largestRemainder(long total, long... weights) {
        return Allocation.allocate(total, weights);
    }

    private static long[] largestRemainder(long total, List<BigDecimal> weights) {
        return Allocation.allocate(total, weights.toArray(BigDecimal[]::new));
    }

    @Test
    void splitsByLargestRemainderWithTiesToTheLowerIndex() {
        // 100 fen in thirds: 33.33 each, the one leftover fen goes to the first part.
        assertThat(largestRemainder(100, 1, 1, 1)).containsExactly(34, 33, 33);
        // 10 fen by 1:2:2 → 2, 4, 4 exactly.
        assertThat(largestRemainder(10, 1, 2, 2)).containsExactly(2, 4, 4);
        // 7 fen by 1:1:1:1 → 1.75 each, leftovers 3 to the first three.
        assertThat(largestRemainder(7, 1, 1, 1, 1)).containsExactly(2, 2, 2, 1);
        // 100 by 0.6 : 0.3 : 0.1 → remainders decide nothing, exact.
        assertThat(largestRemainder(100, List.of(new BigDecimal("0.6"), new BigDecimal("0.3"), new BigDecimal("0.1"))))
                .containsExactly(60, 30, 10);
        // 1 fen by 1:2 → the larger remainder (2/3) wins over the lower index.
        assertThat(largestRemainder(1, 1, 2)).containsExactly(0, 1);
    }

    @Test
    void zeroWeightsGetNothingAndNegativesAreRejected() {
        assertThat(largestRemainder(5, 0, 1, 0, 1)).containsExactly(0, 3, 0, 2);
        assertThat(largestRemainder(0, 0, 0)).containsExactly(0, 0);
        assertThatThrownBy(() -> largestRemainder(5, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> largestRemainder(5, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        // A negative total is split as its magnitude and negated.
        assertThat(largestRemainder(-5, 1, 1)).containsExactly(-3, -2);
        assertThatThrownBy(() -> largestRemainder(5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void largeTotalsAndWeightsDoNotOverflow() {
        long[] parts = largestRemainder(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 1);
        assertThat(Arrays.stream(parts).mapToObj(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add))
                .isEqualTo(BigInteger.valueOf(Long.MAX_VALUE));
    }

    /**
     * Seeded property: parts sum to the total, each part is within one unit of its exact share, zero
     * weights get zero, and the result does not depend on the weights' common scale.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void partsAlwaysSumExactlyAndStayWithinOneUnitOfTheirShare(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 500; round++) {
            int n = 1 + random.nextInt(12);
            long[] weights = new long[n];
            List<BigDecimal> decimals = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                weights[i] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(1_000_000);
            }
            weights[random.nextInt(n)] += 1;
            for (long w : weights) {
                decimals.add(BigDecimal.valueOf(w, 4));
            }
            long total = random.nextInt(3) == 0 ? random.nextLong() >>> 1 : random.nextInt(100_000);
            long[] parts = largestRemainder(total, weights);
            assertThat(largestRemainder(total, decimals)).as("seed %d", seed).containsExactly(parts);
            BigInteger sumWeights = BigInteger.ZERO;
            BigInteger sumParts = BigInteger.ZERO;
            for (int i = 0; i < n; i++) {
                sumWeights = sumWeights.add(BigInteger.valueOf(weights[i]));
                sumParts = sumParts.add(BigInteger.valueOf(parts[i]));
            }
            assertThat(sumParts).as("seed %d round %d", seed, round).isEqualTo(BigInteger.valueOf(total));
            for (int i = 0; i < n; i++) {
                BigInteger floor = BigInteger.valueOf(total)
                        .multiply(BigInteger.valueOf(weights[i]))
                        .divide(sumWeights);
                BigInteger part = BigInteger.valueOf(parts[i]);
                assertThat(part.subtract(floor).intValueExact())
                        .as("seed %d round %d part %d", seed, round, i)
                        .isBetween(0, 1);
                if (weights[i] == 0) {
                    assertThat(parts[i]).isZero();
                }
            }
        }
    }
}
