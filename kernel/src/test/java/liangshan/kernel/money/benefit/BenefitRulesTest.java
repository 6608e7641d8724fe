package liangshan.kernel.money.benefit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Literal cases and a seeded property of retention, priority allocation, dividends and conversion. */
class BenefitRulesTest {

    @Test
    void oneFenAmongThreeHouseholdsGoesToTheFirstOfTheTiedRemainders() {
        PriorityAllocation.Share[] parts = PriorityAllocation.NONE.allocate(1, new long[] {1, 1, 1}, new boolean[3]);
        assertThat(Arrays.stream(parts)
                        .mapToLong(PriorityAllocation.Share::amountFen)
                        .toArray())
                .containsExactly(new long[] {1, 0, 0});
    }

    @Test
    void aPrimeTotalAmongPrimeSharesSumsExactly() {
        long[] shares = {7, 11, 13, 0, 17};
        PriorityAllocation.Share[] parts = PriorityAllocation.NONE.allocate(100_003, shares, new boolean[5]);
        // 100003 × (7, 11, 13, 0, 17) / 48 = 14583.77, 22917.35, 27084.14, 0, 35417.56 → floors + 2 fen
        assertThat(Arrays.stream(parts)
                        .mapToLong(PriorityAllocation.Share::amountFen)
                        .toArray())
                .containsExactly(new long[] {14584, 22917, 27084, 0, 35418});
    }

    @Test
    void zeroShareHouseholdsGetNothingAndAllZeroSharesCannotTakeMoney() {
        PriorityAllocation.Share[] parts = PriorityAllocation.NONE.allocate(5, new long[] {0, 3, 0}, new boolean[3]);
        assertThat(Arrays.stream(parts)
                        .mapToLong(PriorityAllocation.Share::amountFen)
                        .toArray())
                .containsExactly(new long[] {0, 5, 0});
        assertThat(PriorityAllocation.NONE.canAllocate(5, new long[] {0, 0}, new boolean[2]))
                .isFalse();
        assertThat(PriorityAllocation.NONE.canAllocate(0, new long[] {0, 0}, new boolean[2]))
                .isTrue();
        assertThatThrownBy(() -> PriorityAllocation.NONE.allocate(5, new long[] {0, 0}, new boolean[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lowIncomeHouseholdsGetTheirMinimumFirstThenAWeightedShare() {
        PriorityAllocation rule = new PriorityAllocation(10_000, new BigDecimal("150"));
        long[] shares = {10, 10, 10};
        boolean[] low = {false, true, false};
        PriorityAllocation.Share[] parts = rule.allocate(100_000, shares, low);
        // 10000 first; 90000 by weights 1000, 1500, 1000 → 25714.28, 38571.43, 25714.28 → +1 fen to index 1
        assertThat(parts[1].priorityFen()).isEqualTo(10_000);
        assertThat(Arrays.stream(parts)
                        .mapToLong(PriorityAllocation.Share::amountFen)
                        .toArray())
                .containsExactly(new long[] {25_714, 48_572, 25_714});
        // Not enough for every minimum: split equally among the low-income only.
        PriorityAllocation.Share[] short_ = rule.allocate(10_001, shares, new boolean[] {true, true, false});
        assertThat(Arrays.stream(short_)
                        .mapToLong(PriorityAllocation.Share::amountFen)
                        .toArray())
                .containsExactly(new long[] {5_001, 5_000, 0});
        // Low-income without shares and nobody else with shares: the whole amount to them.
        PriorityAllocation.Share[] onlyLow = rule.allocate(30_001, new long[] {0, 0}, new boolean[] {true, true});
        assertThat(Arrays.stream(onlyLow)
                        .mapToLong(PriorityAllocation.Share::amountFen)
                        .toArray())
                .containsExactly(new long[] {15_001, 15_000});
    }

    @Test
    void retentionIsRoundedDownAndCapped() {
        assertThat(new Retention(new BigDecimal("12.5"), null).of(1_001)).isEqualTo(125); // 125.125
        assertThat(new Retention(new BigDecimal("30"), 50_000L).of(1_000_000)).isEqualTo(50_000);
        assertThat(new Retention(BigDecimal.ZERO, null).of(99)).isZero();
        assertThatThrownBy(() -> new Retention(new BigDecimal("100.001"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dividendPoliciesPayGuaranteedProfitOrTheLargerPerHolder() {
        long[] shares = {300, 700};
        DividendPolicy guaranteed = new DividendPolicy(DividendPolicy.Kind.GUARANTEED, 50L, null, null);
        DividendPolicy profit = new DividendPolicy(DividendPolicy.Kind.PROFIT, null, null, new BigDecimal("40"));
        DividendPolicy max = new DividendPolicy(DividendPolicy.Kind.MAX, null, 1_000_001L, new BigDecimal("40"));
        assertThat(amounts(guaranteed.pay(999_999, shares))).containsExactly(new long[] {15_000, 35_000});
        // 40 % of 100000.01 元 = 4000000.4 fen → 4000000 fen, split 3:7
        assertThat(amounts(profit.pay(10_000_001, shares))).containsExactly(new long[] {1_200_000, 2_800_000});
        assertThat(amounts(profit.pay(-5_000, shares))).containsExactly(new long[] {0, 0});
        // per-period minimum 1000001 fen split 3:7 = 300000.3 / 700000.7 → 300000, 700001; profit part 60000/140000
        assertThat(amounts(max.pay(500_000, shares))).containsExactly(new long[] {300_000, 700_001});
        assertThatThrownBy(() -> new DividendPolicy(DividendPolicy.Kind.MAX, 1L, 1L, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionConvertsToWholeSharesWithTheResidualRecorded() {
        EquityConversion c = EquityConversion.of(123_456_789, 10_000);
        assertThat(c.shares()).isEqualTo(12_345);
        assertThat(c.residualFen()).isEqualTo(6_789);
        assertThat(EquityConversion.of(100, 100)).isEqualTo(new EquityConversion(1, 0));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 17, 2026, 987_654_321})
    void seededAllocationsAlwaysSumExactlyAndRespectZeroShares(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 500; round++) {
            int n = 1 + random.nextInt(60);
            long[] shares = new long[n];
            boolean[] low = new boolean[n];
            for (int i = 0; i < n; i++) {
                shares[i] = random.nextInt(4) == 0 ? 0 : random.nextLong(1, 1_000_000);
                low[i] = random.nextInt(5) == 0;
            }
            PriorityAllocation rule = random.nextBoolean()
                    ? PriorityAllocation.NONE
                    : new PriorityAllocation(random.nextLong(0, 50_000), BigDecimal.valueOf(random.nextInt(100, 400)));
            long amount = random.nextLong(0, 100_000_000_000L);
            if (!rule.canAllocate(amount, shares, low)) {
                continue;
            }
            PriorityAllocation.Share[] parts = rule.allocate(amount, shares, low);
            long sum = 0;
            for (int i = 0; i < n; i++) {
                assertThat(parts[i].amountFen()).as("seed %d", seed).isGreaterThanOrEqualTo(0);
                if (shares[i] == 0 && !low[i]) {
                    assertThat(parts[i].amountFen())
                            .as("seed %d zero share", seed)
                            .isZero();
                }
                sum += parts[i].amountFen();
            }
            assertThat(sum).as("seed %d", seed).isEqualTo(amount);
        }
    }

    private static long[] amounts(DividendPolicy.Line[] lines) {
        return Arrays.stream(lines).mapToLong(DividendPolicy.Line::amountFen).toArray();
    }
}
