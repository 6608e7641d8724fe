package liangshan.app.ecoaccount.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Nearest-rank percentiles, year-on-year drops and per-hm² figures with literal numbers. */
class GepWarningMathTest {

    private static List<BigDecimal> oneTo(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(BigDecimal::valueOf).toList();
    }

    /** Values 1 … n: the P-th percentile is k = ⌈P·n/100⌉ itself. */
    @ParameterizedTest(name = "n={0} P={1} → {2}")
    @CsvSource({
        "10, 10, 1", // k = 1: nothing lies below the minimum
        "10, 11, 2", // 1.1 → 2
        "20, 10, 2",
        "20, 15, 3",
        "19, 10, 2", // 1.9 → 2
        "100, 1, 1",
        "100, 99, 99",
        "1, 50, 1",
        "3, 99, 3",
        "7, 50, 4" // the median of 1…7
    })
    void nearest_rank_of_one_to_n(int n, int p, int expected) {
        List<BigDecimal> values = new ArrayList<>(oneTo(n));
        Collections.shuffle(values, new Random(n * 100L + p));
        assertThat(GepWarningMath.nearestRank(values, p)).isEqualByComparingTo(BigDecimal.valueOf(expected));
    }

    @Test
    void ties_are_not_below_their_own_percentile() {
        List<BigDecimal> values =
                List.of(new BigDecimal("5"), new BigDecimal("5"), new BigDecimal("5"), new BigDecimal("9"));
        // n = 4, P = 50 → k = 2 → 5; no value is strictly below 5.
        BigDecimal p = GepWarningMath.nearestRank(values, 50);
        assertThat(p).isEqualByComparingTo("5");
        assertThat(values.stream().filter(v -> v.compareTo(p) < 0)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100, -1})
    void percentile_out_of_range_is_a_programmer_error(int p) {
        assertThatThrownBy(() -> GepWarningMath.nearestRank(oneTo(5), p)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void no_values_is_a_programmer_error() {
        assertThatThrownBy(() -> GepWarningMath.nearestRank(List.of(), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} → {1} by more than {2} %: {3}")
    @CsvSource({
        "1000.00, 900.00, 10.0, false", // exactly −10 %
        "1000.00, 899.99, 10.0, true", // −10.001 %
        "1000.00, 1200.00, 10.0, false",
        "0.00, 0.00, 10.0, false", // no base
        "-5.00, -100.00, 10.0, false", // non-positive base
        "333.33, 299.99, 10.0, true", // −10.002 %
        "333.33, 300.00, 10.0, false" // −9.9990 %
    })
    void dropped_more_than(String previous, String current, String threshold, boolean expected) {
        assertThat(GepWarningMath.droppedMoreThan(
                        new BigDecimal(previous), new BigDecimal(current), new BigDecimal(threshold)))
                .isEqualTo(expected);
    }

    @Test
    void change_in_percent() {
        assertThat(GepWarningMath.changePct(new BigDecimal("1000.00"), new BigDecimal("899.99")))
                .isEqualByComparingTo("-10.0");
        assertThat(GepWarningMath.changePct(new BigDecimal("1100.00"), new BigDecimal("600.00")))
                .isEqualByComparingTo("-45.5"); // −45.4545…
        assertThat(GepWarningMath.changePct(new BigDecimal("3"), new BigDecimal("4")))
                .isEqualByComparingTo("33.3");
        assertThat(GepWarningMath.changePct(BigDecimal.ZERO, BigDecimal.ONE)).isNull();
    }

    @Test
    void per_hm2_rounds_half_even_and_needs_an_area() {
        // 12 345.67 元 over 2 500 000 m² = 250 hm² → 49.38268 → 49.38 元/hm²
        assertThat(GepWarningMeasure.perHm2(new BigDecimal("12345.67"), 2_500_000.0))
                .contains(new BigDecimal("49.38"));
        // 1.25 元 over 1 hm² → 1.25; 0.125 over 10 000 m² → 0.12 (half-even)
        assertThat(GepWarningMeasure.perHm2(new BigDecimal("0.125"), 10_000.0)).contains(new BigDecimal("0.12"));
        assertThat(GepWarningMeasure.perHm2(BigDecimal.TEN, 0.0)).isEmpty();
        assertThat(GepWarningMeasure.perHm2(BigDecimal.TEN, Double.NaN)).isEmpty();
    }

    @Test
    void measures() {
        assertThat(GepWarningMeasure.isValid("regulatingPerHm2")).isTrue();
        assertThat(GepWarningMeasure.isValid("totalPerHm2")).isTrue();
        assertThat(GepWarningMeasure.isValid("indicator:water_conservation")).isTrue();
        assertThat(GepWarningMeasure.isValid("indicator:nonsense")).isFalse();
        assertThat(GepWarningMeasure.isValid("perKm2")).isFalse();
        assertThat(GepWarningMeasure.isValid(null)).isFalse();
    }
}
