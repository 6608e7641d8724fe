package liangshan.kernel.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Random;
import liangshan.kernel.share.ShareQuantification.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShareQuantificationTest {

    @Test
    void literalCaseByAreaMembersAndMix() {
        BigDecimal[] areas = {new BigDecimal("1000"), new BigDecimal("2000"), new BigDecimal("3000")};
        long[] members = {1, 1, 2};
        assertThat(ShareQuantification.quantify(7, areas, members, Method.AREA, null))
                .containsExactly(1, 2, 4);
        assertThat(ShareQuantification.quantify(7, areas, members, Method.MEMBERS, null))
                .containsExactly(2, 2, 3);
        // 7 × 50 % = 3.5 → area basis 4 (tie to the lower index), members 3; area 4 → 0.67,1.33,2 → 1,1,2; members 3 →
        // 1,1,1
        assertThat(ShareQuantification.quantify(7, areas, members, Method.MIX, new BigDecimal("50")))
                .containsExactly(2, 2, 3);
    }

    /** Prime totals and many small households: the shares sum exactly and each is within one of its proportion. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void sumsExactlyForAwkwardInputs(long seed) {
        Random random = new Random(seed);
        long[] primes = {2, 3, 7, 97, 9_973, 7_919, 1_000_003, 2_147_483_647L};
        long total = primes[random.nextInt(primes.length)];
        int n = 1 + random.nextInt(seed % 2 == 0 ? 2_000 : 40);
        BigDecimal[] areas = new BigDecimal[n];
        long[] members = new long[n];
        for (int i = 0; i < n; i++) {
            // many tiny areas (0.01 m² steps), some zero; 0..9 members
            areas[i] = BigDecimal.valueOf(random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(100_000), 2);
            members[i] = random.nextInt(10);
        }
        areas[0] = areas[0].add(BigDecimal.ONE);
        members[0] += 1;
        for (Method method : Method.values()) {
            long[] shares = ShareQuantification.quantify(total, areas, members, method, new BigDecimal("33.33"));
            assertThat(Arrays.stream(shares).sum())
                    .as("seed %d %s", seed, method)
                    .isEqualTo(total);
            assertThat(Arrays.stream(shares).allMatch(s -> s >= 0))
                    .as("seed %d %s", seed, method)
                    .isTrue();
        }
        long[] byArea = ShareQuantification.quantify(total, areas, members, Method.AREA, null);
        BigDecimal sum = Arrays.stream(areas).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (int i = 0; i < n; i++) {
            BigDecimal exact = BigDecimal.valueOf(total).multiply(areas[i]).divide(sum, MathContext.DECIMAL128);
            assertThat(BigDecimal.valueOf(byArea[i]).subtract(exact).abs())
                    .as("seed %d household %d", seed, i)
                    .isLessThan(BigDecimal.ONE);
            if (areas[i].signum() == 0) {
                assertThat(byArea[i]).isZero();
            }
        }
    }

    @Test
    void refusesImpossibleInputs() {
        BigDecimal[] zero = {BigDecimal.ZERO, BigDecimal.ZERO};
        assertThatThrownBy(() -> ShareQuantification.quantify(5, zero, new long[] {1, 1}, Method.AREA, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShareQuantification.quantify(5, zero, new long[] {1}, Method.MEMBERS, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShareQuantification.quantify(
                        5, new BigDecimal[] {BigDecimal.ONE}, new long[] {1}, Method.MIX, new BigDecimal("101")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
