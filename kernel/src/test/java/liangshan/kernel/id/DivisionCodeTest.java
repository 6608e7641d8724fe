package liangshan.kernel.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import liangshan.kernel.id.DivisionCode.Level;
import org.junit.jupiter.api.Test;

class DivisionCodeTest {

    @Test
    void levelsFollowCodeLength() {
        assertThat(DivisionCode.of("33").level()).isEqualTo(Level.PROVINCE);
        assertThat(DivisionCode.of("3308").level()).isEqualTo(Level.CITY);
        assertThat(DivisionCode.of("330802").level()).isEqualTo(Level.COUNTY);
        assertThat(DivisionCode.of("330802001").level()).isEqualTo(Level.TOWNSHIP);
        assertThat(DivisionCode.of("330802001001").level()).isEqualTo(Level.VILLAGE);
    }

    @Test
    void parentsChainUpToTheProvince() {
        DivisionCode village = DivisionCode.of("330802001001");
        assertThat(village.parent()).contains(DivisionCode.of("330802001"));
        assertThat(DivisionCode.of("330802001").parent()).contains(DivisionCode.of("330802"));
        assertThat(DivisionCode.of("330802").parent()).contains(DivisionCode.of("3308"));
        assertThat(DivisionCode.of("3308").parent()).contains(DivisionCode.of("33"));
        assertThat(DivisionCode.of("33").parent()).isEmpty();
    }

    @Test
    void withinIsPrefixContainment() {
        DivisionCode village = DivisionCode.of("330802001001");
        assertThat(village.isWithin(DivisionCode.of("3308"))).isTrue();
        assertThat(village.isWithin(village)).isTrue();
        assertThat(village.isWithin(DivisionCode.of("330803"))).isFalse();
        assertThat(DivisionCode.of("3308").isWithin(village)).isFalse();
    }

    @Test
    void rejectsWrongLengthsAndNonDigits() {
        for (String bad : new String[] {"", "3", "330", "33080", "3308020", "33080200100", "3308a2", "３３０８"}) {
            assertThatThrownBy(() -> DivisionCode.of(bad)).as(bad).hasMessageContaining("\"" + bad + "\"");
        }
    }

    @Test
    void paddedCodesAreNormalised() {
        assertThat(DivisionCode.ofPadded("330802000000")).isEqualTo(DivisionCode.of("330802"));
        assertThat(DivisionCode.ofPadded("330802001000")).isEqualTo(DivisionCode.of("330802001"));
        assertThat(DivisionCode.ofPadded("330802001001")).isEqualTo(DivisionCode.of("330802001001"));
        assertThat(DivisionCode.of("3308").padded()).isEqualTo("330800000000");
        assertThatThrownBy(() -> DivisionCode.ofPadded("3308")).isInstanceOf(IllegalArgumentException.class);
    }
}
