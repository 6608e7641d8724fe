package liangshan.kernel.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.RoundingMode;
import liangshan.kernel.money.Money;
import org.junit.jupiter.api.Test;

class QuantityTest {

    @Test
    void areaConversionsFollowTheStatutoryRatios() {
        assertThat(Area.of(1, Unit.HECTARE).in(Unit.MU)).isCloseTo(15, within(1e-12));
        assertThat(Area.of(1, Unit.MU).squareMetres()).isCloseTo(666.6666666666666, within(1e-9));
        assertThat(Area.of(1, Unit.SQUARE_KILOMETRE).in(Unit.HECTARE)).isCloseTo(100, within(1e-12));
        assertThat(Area.of(8_854.7, Unit.SQUARE_KILOMETRE).in(Unit.MU)).isCloseTo(13_282_050, within(1e-3));
    }

    @Test
    void otherDimensionsConvert() {
        assertThat(Volume.of(321.49, Unit.YI_CUBIC_METRE).cubicMetres()).isCloseTo(3.2149e10, within(1.0));
        assertThat(Mass.of(1_500, Unit.KILOGRAM).tonnes()).isCloseTo(1.5, within(1e-12));
        assertThat(Length.of(1_200, Unit.MILLIMETRE).metres()).isCloseTo(1.2, within(1e-12));
        assertThat(Energy.of(2, Unit.WAN_KILOWATT_HOUR).kilowattHours()).isCloseTo(20_000, within(1e-9));
        assertThat(Quantity.of(50, Unit.PERCENT).in(Unit.ONE)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void mixingDimensionsIsRejected() {
        assertThatThrownBy(() -> Area.of(1, Unit.CUBIC_METRE))
                .hasMessageContaining("m³")
                .hasMessageContaining("AREA");
        assertThatThrownBy(() -> Quantity.of(1, Unit.TONNE).plus(Quantity.of(1, Unit.METRE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quantity.of(Double.NaN, Unit.TONNE)).hasMessageContaining("finite");
    }

    @Test
    void quantityArithmeticConvertsTheRightOperand() {
        Quantity sum = Quantity.of(1, Unit.HECTARE).plus(Quantity.of(15, Unit.MU));
        assertThat(sum.unit()).isEqualTo(Unit.HECTARE);
        assertThat(sum.value()).isCloseTo(2, within(1e-12));
        assertThat(Quantity.of(1, Unit.TONNE).compareTo(Quantity.of(999, Unit.KILOGRAM)))
                .isPositive();
    }

    @Test
    void symbolsAreLookedUpLeniently() {
        assertThat(Unit.bySymbol("m2")).contains(Unit.SQUARE_METRE);
        assertThat(Unit.bySymbol("m^3")).contains(Unit.CUBIC_METRE);
        assertThat(Unit.bySymbol("ha")).contains(Unit.HECTARE);
        assertThat(Unit.bySymbol("亩")).contains(Unit.MU);
        assertThat(Unit.bySymbol("kwh")).isEmpty();
        assertThat(Unit.bySymbol("kWh")).contains(Unit.KILOWATT_HOUR);
        assertThat(Unit.bySymbol("furlong")).isEmpty();
    }

    @Test
    void unitPriceValuesAQuantityWithOneRounding() {
        // Garze 2010 water conservation: 321.49 亿m³ × 7.06 元/m³ = 2,269.7 亿元.
        UnitPrice reservoir = UnitPrice.of("7.06", Unit.CUBIC_METRE);
        Money value = reservoir.valueOf(Quantity.of(321.49, Unit.YI_CUBIC_METRE), RoundingMode.HALF_EVEN);
        assertThat(value).isEqualTo(Money.parse("226,971,940,000.00 元"));
        UnitPrice electricity = UnitPrice.of("0.53", Unit.KILOWATT_HOUR);
        assertThat(electricity.valueOf(Quantity.of(3, Unit.KILOWATT_HOUR), RoundingMode.HALF_EVEN))
                .isEqualTo(Money.ofFen(159));
        assertThatThrownBy(() -> electricity.valueOf(Quantity.of(1, Unit.TONNE), RoundingMode.HALF_EVEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UnitPrice.of("-1", Unit.TONNE)).hasMessageContaining("negative");
    }
}
