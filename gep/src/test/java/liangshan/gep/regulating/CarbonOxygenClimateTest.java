package liangshan.gep.regulating;

import static liangshan.gep.regulating.Windows.NAN;
import static liangshan.gep.regulating.Windows.NO_CLASS;
import static liangshan.gep.regulating.Windows.NO_DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import liangshan.gep.TestSets;
import liangshan.gep.cell.CellResult;
import liangshan.gep.cell.CellWindow;
import liangshan.gep.params.ParameterSet;
import org.junit.jupiter.api.Test;

class CarbonOxygenClimateTest {

    private final ParameterSet set = TestSets.defaults();

    /*
     * a = 900 m². Q_co2 = NPP × ratio × a × 10⁻⁶ × 44/12.
     *  class 1 (ratio .35) NPP 1000 → 350 g C/m² × 900 = 315 000 g = 0.315 t C → 1.155 t CO₂
     *  class 8 (ratio .05) NPP 600 → 30 g C/m² × 900 = 27 000 g = 0.027 t C → 0.099 t CO₂
     *  class 13 (ratio 0) → 0;  NPP no-data → 0 and counted
     * CO₂ 1.254 t × 90 = 112.86 元. O₂ = 1.254 × 32/44 = 0.912 t × 727 = 663.024 → 663.02 元
     */
    @Test
    void carbon_and_oxygen_by_hand() {
        CellWindow w = CellWindow.builder(4, 900)
                .ints("land_cover", new int[] {1, 8, 13, 1}, NO_CLASS)
                .floats("npp", new float[] {1000, 600, 200, NO_DATA}, NO_DATA)
                .build();
        CellResult co2 = RegulatingIndicators.CARBON_SEQUESTRATION.compute(w, set);
        assertThat(co2.perCell("co2_t")).containsExactly(new double[] {1.155, 0.099, 0, 0}, within(1e-12));
        assertThat(co2.quality().noDataCells()).isEqualTo(1);
        assertThat(RegulatingIndicators.CARBON_SEQUESTRATION
                        .value(co2.totals(), set)
                        .totalYuan())
                .isEqualByComparingTo("112.86");
        CellResult o2 = RegulatingIndicators.OXYGEN_RELEASE.compute(w, set);
        assertThat(o2.total("o2_t")).isCloseTo(0.912, within(1e-12));
        assertThat(RegulatingIndicators.OXYGEN_RELEASE.value(o2.totals(), set).totalYuan())
                .isEqualByComparingTo("663.02");
    }

    /** METHOD-CHOICES C13: NPP is used as given; a negative NPP makes a (negative) carbon source. */
    @Test
    void negative_npp_is_not_clamped() {
        CellWindow w = CellWindow.builder(1, 900)
                .ints("land_cover", new int[] {1}, NO_CLASS)
                .floats("npp", new float[] {-100}, NO_DATA)
                .build();
        // −100 × 0.35 × 900 × 10⁻⁶ × 44/12 = −0.1155 t CO₂
        assertThat(RegulatingIndicators.CARBON_SEQUESTRATION.compute(w, set).total("co2_t"))
                .isCloseTo(-0.1155, within(1e-12));
    }

    /*
     * a = 900 m², d = 90, r = 3. Vegetation: EPP × 900 × 90 / 10 800 = EPP × 7.5 kWh.
     *  0 class 1 EPP 2837.27 → 21 279.525;  1 class 7 EPP 969.83 → 7 273.725
     *  2 class 11 ET 800 mm → E_w 720 m³ × 1000 × 2260 / 10 800 = 150 666.667 kWh
     *  3 class 10 (marsh = water) ET 700 → 630 m³ → 131 833.333 kWh
     *  4 class 1 with ET no-data → 21 279.525 (vegetation needs no ET; not a no-data cell)
     *  5 class 11 with ET no-data → 0, counted as no-data
     *  6 class 13 built-up → not counted;  7 land cover no-data → counted
     *  8 class 9 EPP 969.83 → 7 273.725
     * vegetation 57 106.5 kWh × 0.53 = 30 266.445 → 30 266.44 (half-even); water 282 500 kWh
     * × 0.53 = 149 725.00; humidification off → 0. Total 179 991.44 元.
     * With humidification on (γ 125 kWh/m³): (720 + 630) × 125 = 168 750 kWh.
     */
    private CellWindow climateWindow() {
        return Windows.nine()
                .ints("land_cover", new int[] {1, 7, 11, 10, 1, 11, 13, NO_CLASS, 9}, NO_CLASS)
                .floats("evapotranspiration", new float[] {900, 900, 800, 700, NAN, NO_DATA, 500, 500, 600}, NO_DATA)
                .build();
    }

    @Test
    void climate_regulation_by_hand() {
        ClimateRegulation climate = RegulatingIndicators.CLIMATE_REGULATION;
        CellResult r = climate.compute(climateWindow(), set);
        assertThat(r.perCell("cooling_vegetation_kwh"))
                .containsExactly(new double[] {21279.525, 7273.725, 0, 0, 21279.525, 0, 0, 0, 7273.725}, within(1e-6));
        assertThat(r.total("cooling_water_kwh")).isCloseTo(282_500, within(1e-6));
        assertThat(r.total("humidification_kwh")).isZero();
        assertThat(r.quality().noDataCells()).isEqualTo(2);
        assertThat(r.quality().noDataByInput()).isEqualTo(Map.of("evapotranspiration", 1L, "land_cover", 1L));
        var v = climate.value(r.totals(), set);
        assertThat(v.lines().get(0).valueYuan()).isEqualByComparingTo("30266.44");
        assertThat(v.totalYuan()).isEqualByComparingTo("179991.44");
    }

    @Test
    void humidification_counts_only_when_the_set_says_so() {
        ParameterSet humid = TestSets.edited(
                t -> TestSets.scalar(t, "constants", "humidification_applies").put("value", true));
        CellResult r = RegulatingIndicators.CLIMATE_REGULATION.compute(climateWindow(), humid);
        assertThat(r.total("humidification_kwh")).isCloseTo(168_750, within(1e-6));
        assertThat(humid.sha256()).isNotEqualTo(set.sha256());
    }
}
