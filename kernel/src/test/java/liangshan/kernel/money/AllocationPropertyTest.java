package liangshan.kernel.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded property tests of largest-remainder allocation; each case prints its seed. */
class AllocationPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 300).map(i -> 0x5EED_0000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void partsSumExactlyAndFollowTheWeights(long seed) {
        System.out.println("AllocationPropertyTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        long total = randomTotal(random);
        long[] weights = randomWeights(random);
        boolean allZero = LongStream.of(weights).allMatch(w -> w == 0);
        if (allZero) {
            weights[0] = 1;
        }
        long[] parts = Allocation.allocate(total, weights);

        BigInteger sum = BigInteger.ZERO;
        BigInteger weightSum = BigInteger.ZERO;
        for (int i = 0; i < parts.length; i++) {
            sum = sum.add(BigInteger.valueOf(parts[i]));
            weightSum = weightSum.add(BigInteger.valueOf(weights[i]));
        }
        assertThat(sum).as("seed %d", seed).isEqualTo(BigInteger.valueOf(total));
        for (int i = 0; i < parts.length; i++) {
            if (weights[i] == 0) {
                assertThat(parts[i]).as("seed %d zero weight %d", seed, i).isZero();
            }
            // Each part is its exact quota rounded down or up: |part − total·w/W| < 1.
            BigInteger exactTimesW = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i]));
            BigInteger deviation = BigInteger.valueOf(parts[i])
                    .multiply(weightSum)
                    .subtract(exactTimesW)
                    .abs();
            assertThat(deviation).as("seed %d part %d", seed, i).isLessThan(weightSum);
            assertThat(Long.signum(parts[i]) * Long.signum(total))
                    .as("seed %d sign", seed)
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void decimalWeightsAgreeWithScaledIntegerWeights(long seed) {
        System.out.println("AllocationPropertyTest decimal seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(12);
        BigDecimal[] decimals = new BigDecimal[n];
        long[] scaled = new long[n];
        for (int i = 0; i < n; i++) {
            long raw = random.nextInt(4) == 0 ? 0 : random.nextLong(1, 1_000_000_000L);
            decimals[i] = BigDecimal.valueOf(raw, 4);
            scaled[i] = raw;
        }
        scaled[0] = scaled[0] == 0 ? 1 : scaled[0];
        decimals[0] = BigDecimal.valueOf(scaled[0], 4);
        long total = randomTotal(random);
        assertThat(Allocation.allocate(total, decimals))
                .as("seed %d", seed)
                .containsExactly(Allocation.allocate(total, scaled));
    }

    @ParameterizedTest(name = "prime total {0}")
    @MethodSource("primes")
    void primeTotalsAmongEqualParts(long prime) {
        for (int n = 2; n <= 17; n++) {
            long[] parts = java.util.Arrays.stream(Money.ofFen(prime).allocateEqually(n))
                    .mapToLong(Money::fen)
                    .toArray();
            assertThat(LongStream.of(parts).sum()).isEqualTo(prime);
            assertThat(LongStream.of(parts).max().getAsLong()
                            - LongStream.of(parts).min().getAsLong())
                    .isLessThanOrEqualTo(1);
            for (int i = 1; i < n; i++) {
                assertThat(parts[i]).as("earlier parts get the extra fen").isLessThanOrEqualTo(parts[i - 1]);
            }
        }
    }

    static LongStream primes() {
        return LongStream.of(2, 3, 7, 97, 7919, 104_729, 2_147_483_647L, 9_223_372_036_854_775_783L);
    }

    private static long randomTotal(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextLong(-10, 10);
            case 1 -> random.nextLong(-1_000_000, 1_000_000);
            case 2 -> random.nextLong();
            default -> random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
        };
    }

    private static long[] randomWeights(SplittableRandom random) {
        int n = 1 + random.nextInt(20);
        long[] weights = new long[n];
        for (int i = 0; i < n; i++) {
            weights[i] = switch (random.nextInt(5)) {
                case 0 -> 0;
                case 1 -> random.nextLong(1, 4);
                case 2 -> random.nextLong(1, 1_000_000);
                case 3 -> random.nextLong(Long.MAX_VALUE / 2, Long.MAX_VALUE);
                default -> random.nextLong(0, Long.MAX_VALUE);
            };
        }
        return weights;
    }
}
