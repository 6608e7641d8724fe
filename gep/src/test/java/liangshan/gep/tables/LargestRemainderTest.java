package liangshan.gep.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class LargestRemainderTest {

    @Test
    void small_case_by_hand() {
        // 10 fen by 1:1:1 → 3.33 each, one fen left... two: 3+3+3 = 9, 1 left → first key "a"
        assertThat(LargestRemainder.split(10, Map.of("b", 1.0, "a", 1.0, "c", 1.0)))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("a", 4L, "b", 3L, "c", 3L)));
        // 7 by 1:2 → 2.33 / 4.67 → 2 + 4 = 6, the fen goes to the larger remainder (b)
        assertThat(LargestRemainder.split(7, Map.of("a", 1.0, "b", 2.0)))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("a", 2L, "b", 5L)));
        assertThatThrownBy(() -> LargestRemainder.split(5, Map.of("a", 0.0))).hasMessageContaining("zero");
    }

    /** Seeded property test: parts sum exactly and each is within one fen of its exact share. */
    @RepeatedTest(50)
    void parts_sum_exactly_and_stay_within_one_fen(RepetitionInfo info) {
        long seed = 20260101L + info.getCurrentRepetition();
        System.out.println("LargestRemainderTest seed " + seed);
        Random random = new Random(seed);
        long amount = Math.floorMod(random.nextLong(), 10_000_000_000_000L);
        Map<String, Double> weights = new TreeMap<>();
        int n = 1 + random.nextInt(40);
        for (int i = 0; i < n; i++) {
            weights.put("v" + i, random.nextInt(4) == 0 ? 0.0 : random.nextDouble() * 1000);
        }
        weights.put("anchor", 1.0);
        Map<String, Long> parts = LargestRemainder.split(amount, weights);
        assertThat(parts.values().stream().mapToLong(Long::longValue).sum())
                .as("seed %d", seed)
                .isEqualTo(amount);
        double total =
                weights.values().stream().mapToDouble(Double::doubleValue).sum();
        parts.forEach((k, v) -> {
            double exact = amount * weights.get(k) / total;
            assertThat(Math.abs(v - exact)).as("seed %d key %s", seed, k).isLessThan(1.0 + exact * 1e-12);
        });
    }
}
