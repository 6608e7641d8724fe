package liangshan.kernel.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void parsesYuanWithGroupingAndSuffixes() {
        assertThat(Money.parse("1,234.56 元")).isEqualTo(Money.ofFen(123_456));
        assertThat(Money.parse("1234.5")).isEqualTo(Money.ofFen(123_450));
        assertThat(Money.parse("-12 元")).isEqualTo(Money.ofFen(-1_200));
        assertThat(Money.parse("¥8.00")).isEqualTo(Money.ofFen(800));
        assertThat(Money.parse("12.5 万元")).isEqualTo(Money.ofYuan(125_000));
        assertThat(Money.parse("0.000001 万元")).isEqualTo(Money.ofFen(1));
    }

    @Test
    void rejectsMalformedOrSubFenText() {
        assertThatThrownBy(() -> Money.parse("1,23.00 元")).hasMessageContaining("1,23.00 元");
        assertThatThrownBy(() -> Money.parse("1.234 元")).hasMessageContaining("fraction of a fen");
        assertThatThrownBy(() -> Money.parse("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("99999999999999999999")).hasMessageContaining("out of range");
    }

    @Test
    void formatsWithTwoDecimalsAndGrouping() {
        assertThat(Money.ofFen(123_456).format()).isEqualTo("1,234.56 元");
        assertThat(Money.ofFen(-5).format()).isEqualTo("-0.05 元");
        assertThat(Money.ofFen(0).toString()).isEqualTo("0.00 元");
        assertThat(Money.ofYuan(29_320_000_000_000L / 100).format()).isEqualTo("293,200,000,000.00 元");
    }

    @Test
    void formatsWanYuanWithExplicitRounding() {
        Money m = Money.ofFen(123_456_789); // 1,234,567.89 元
        assertThat(m.formatWan(2, RoundingMode.HALF_UP)).isEqualTo("123.46 万元");
        assertThat(m.formatWan(2, RoundingMode.DOWN)).isEqualTo("123.45 万元");
        assertThat(m.formatWan(6, RoundingMode.UNNECESSARY)).isEqualTo("123.456789 万元");
        assertThat(m.toWanYuan()).isEqualByComparingTo("123.456789");
    }

    @Test
    void arithmeticIsExactAndOverflowThrows() {
        assertThat(Money.ofFen(1).plus(Money.ofFen(2)).minus(Money.ofFen(5))).isEqualTo(Money.ofFen(-2));
        assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofFen(Long.MIN_VALUE).negate()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE / 2 + 1).times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofYuan(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void multiplyRoundsOnceWithTheGivenMode() {
        Money m = Money.ofFen(1_001); // 10.01 元
        assertThat(m.multiply(new BigDecimal("0.5"), RoundingMode.HALF_EVEN)).isEqualTo(Money.ofFen(500));
        assertThat(m.multiply(new BigDecimal("0.5"), RoundingMode.HALF_UP)).isEqualTo(Money.ofFen(501));
        assertThat(m.multiply(new BigDecimal("0.5"), RoundingMode.FLOOR)).isEqualTo(Money.ofFen(500));
        assertThatThrownBy(() -> m.multiply(new BigDecimal("0.5"), RoundingMode.UNNECESSARY))
                .isInstanceOf(ArithmeticException.class);
        assertThat(Money.ofFen(-1_001).multiply(new BigDecimal("0.5"), RoundingMode.HALF_UP))
                .isEqualTo(Money.ofFen(-501));
    }

    @Test
    void ofYuanRejectsFractionsOfAFenUnlessRounded() {
        assertThat(Money.ofYuan(new BigDecimal("7.06"))).isEqualTo(Money.ofFen(706));
        assertThatThrownBy(() -> Money.ofYuan(new BigDecimal("7.065"))).isInstanceOf(ArithmeticException.class);
        assertThat(Money.ofYuan(new BigDecimal("7.065"), RoundingMode.HALF_EVEN))
                .isEqualTo(Money.ofFen(706));
    }

    @Test
    void allocatesOneFenAmongThreeToTheFirst() {
        assertThat(Money.ofFen(1).allocateEqually(3)).containsExactly(Money.ofFen(1), Money.ZERO, Money.ZERO);
        assertThat(Money.ofFen(100).allocateEqually(3))
                .containsExactly(Money.ofFen(34), Money.ofFen(33), Money.ofFen(33));
        assertThat(Money.ofFen(-100).allocateEqually(3))
                .containsExactly(Money.ofFen(-34), Money.ofFen(-33), Money.ofFen(-33));
    }

    @Test
    void allocatesByLargestRemainder() {
        // 1000 × (1, 2, 4) / 7 = 142.857, 285.714, 571.428: floors sum to 998, remainders 6/7, 5/7, 3/7.
        assertThat(Money.ofFen(1_000).allocate(1, 2, 4))
                .containsExactly(Money.ofFen(143), Money.ofFen(286), Money.ofFen(571));
        assertThat(Money.ofFen(10).allocate(0, 1, 0, 1))
                .containsExactly(Money.ZERO, Money.ofFen(5), Money.ZERO, Money.ofFen(5));
        assertThat(Money.ofFen(10).allocate(new BigDecimal("0.25"), new BigDecimal("0.75"), BigDecimal.ZERO))
                .containsExactly(Money.ofFen(3), Money.ofFen(7), Money.ZERO);
    }

    @Test
    void allocationRejectsBadWeights() {
        assertThatThrownBy(() -> Money.ofFen(10).allocate(1, -1)).hasMessageContaining("negative");
        assertThatThrownBy(() -> Money.ofFen(10).allocate(0, 0)).hasMessageContaining("all weights are zero");
        assertThatThrownBy(() -> Money.ofFen(10).allocate(new long[0])).hasMessageContaining("zero parts");
        assertThatThrownBy(() -> Money.ofFen(10).allocate(new BigDecimal("-0.1")))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> Money.ofFen(10).allocateEqually(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.ZERO.allocate(0, 0)).containsExactly(Money.ZERO, Money.ZERO);
    }

    @Test
    void allocatesExtremeAmountsAndWeights() {
        Money[] parts = Money.ofFen(Long.MIN_VALUE).allocate(Long.MAX_VALUE, Long.MAX_VALUE, 1);
        assertThat(parts[0].fen() + parts[1].fen() + parts[2].fen()).isEqualTo(Long.MIN_VALUE);
        Money[] tiny = Money.ofFen(7).allocate(new BigDecimal("1e-30"), new BigDecimal("1e10"));
        assertThat(tiny).containsExactly(Money.ZERO, Money.ofFen(7));
    }
}
