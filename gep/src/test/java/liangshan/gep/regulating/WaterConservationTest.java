package liangshan.gep.regulating;

import static liangshan.gep.regulating.Windows.NAN;
import static liangshan.gep.regulating.Windows.NO_CLASS;
import static liangshan.gep.regulating.Windows.NO_DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import liangshan.gep.TestSets;
import liangshan.gep.cell.CellResult;
import liangshan.gep.cell.CellWindow;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.params.ParameterSet;
import org.junit.jupiter.api.Test;

class WaterConservationTest {

    private final ParameterSet set = TestSets.defaults();
    private final WaterConservation wc = RegulatingIndicators.WATER_CONSERVATION;

    /*
     * a = 900 m². Q = max(0, P − αP − ET) × a × 10⁻³ m³.
     *  0 class 1  α .0465 P 1600 ET 800: 1600 − 74.4 − 800 = 725.6 mm → 653.04 m³
     *  1 class 3  α .0229 P 1600 ET 800: 1600 − 36.64 − 800 = 763.36 mm → 687.024 m³
     *  2 class 8  α .2    P 1500 ET 700: 1500 − 300 − 700 = 500 mm → 450 m³
     *  3 class 11 α 0     P 1500 ET 1000: 500 mm → 450 m³
     *  4 class 13 built-up: not counted → 0
     *  5 class 14 bare: not counted → 0
     *  6 class 7  α .0937 P 1000 ET 950: 1000 − 93.7 − 950 < 0 → 0
     *  7 class 1, P NaN: no-data → 0
     *  8 class 99 (not in the table): unknown → 0
     * total 2240.064 m³; value 2240.064 × 7.06 = 15 814.85184 → 15 814.85 元
     */
    private CellWindow window() {
        return Windows.nine()
                .ints("land_cover", new int[] {1, 3, 8, 11, 13, 14, 7, 1, 99}, NO_CLASS)
                .floats("precipitation", new float[] {1600, 1600, 1500, 1500, 1500, 1500, 1000, NAN, 1500}, NO_DATA)
                .floats("evapotranspiration", new float[] {800, 800, 700, 1000, 700, 700, 950, 800, 700}, NO_DATA)
                .build();
    }

    @Test
    void hand_computed_three_by_three() {
        CellResult r = wc.compute(window(), set);
        assertThat(r.perCell("water_conservation_m3"))
                .containsExactly(new double[] {653.04, 687.024, 450, 450, 0, 0, 0, 0, 0}, within(1e-9));
        assertThat(r.total("water_conservation_m3")).isCloseTo(2240.064, within(1e-9));
        assertThat(wc.value(r.totals(), set).totalYuan()).isEqualByComparingTo("15814.85");
    }

    @Test
    void no_data_unknown_and_not_counted_cells_are_reported() {
        CellResult r = wc.compute(window(), set);
        assertThat(r.quality().cells()).isEqualTo(9);
        assertThat(r.quality().noDataCells()).isEqualTo(1);
        assertThat(r.quality().noDataByInput()).isEqualTo(Map.of("precipitation", 1L));
        assertThat(r.quality().unknownClassCells()).isEqualTo(1);
        assertThat(r.quality().notCountedCells()).isEqualTo(2);
    }

    @Test
    void the_declared_no_data_value_counts_like_nan_and_for_every_input() {
        CellWindow w = CellWindow.builder(2, 900)
                .ints("land_cover", new int[] {NO_CLASS, 1}, NO_CLASS)
                .floats("precipitation", new float[] {NO_DATA, NO_DATA}, NO_DATA)
                .floats("evapotranspiration", new float[] {800, NO_DATA}, NO_DATA)
                .build();
        CellResult r = wc.compute(w, set);
        assertThat(r.total("water_conservation_m3")).isZero();
        assertThat(r.quality().noDataCells()).isEqualTo(2);
        assertThat(r.quality().noDataByInput())
                .isEqualTo(Map.of("land_cover", 1L, "precipitation", 2L, "evapotranspiration", 1L));
    }

    @Test
    void the_alternative_runoff_table_changes_only_evergreen_broadleaf() {
        // class 1 with α 0.0267: 1600 − 42.72 − 800 = 757.28 mm → 681.552 m³ (was 653.04)
        CellResult r = wc.compute(window(), set.withAlternative("runoff-alternative-table"));
        assertThat(r.perCell("water_conservation_m3")[0]).isCloseTo(681.552, within(1e-9));
        assertThat(r.perCell("water_conservation_m3")[1]).isCloseTo(687.024, within(1e-9));
    }

    @Test
    void windows_add_up_like_the_whole() {
        // splitting the 9 cells into strips of 4 and 5 gives the same total and quality counts
        CellWindow whole = window();
        CellResult a = wc.compute(slice(whole, 0, 4), set);
        CellResult b = wc.compute(slice(whole, 4, 9), set);
        a.quality().merge(b.quality());
        assertThat(a.total("water_conservation_m3") + b.total("water_conservation_m3"))
                .isCloseTo(2240.064, within(1e-9));
        assertThat(a.quality().toString())
                .isEqualTo(wc.compute(whole, set).quality().toString());
    }

    private static CellWindow slice(CellWindow w, int from, int to) {
        return CellWindow.builder(to - from, w.cellAreaSquareMetres())
                .ints("land_cover", Arrays.copyOfRange(w.intBand("land_cover").values(), from, to), NO_CLASS)
                .floats(
                        "precipitation",
                        Arrays.copyOfRange(w.floatBand("precipitation").values(), from, to),
                        NO_DATA)
                .floats(
                        "evapotranspiration",
                        Arrays.copyOfRange(w.floatBand("evapotranspiration").values(), from, to),
                        NO_DATA)
                .build();
    }

    @Test
    void a_window_without_a_required_band_or_with_the_wrong_type_is_rejected_with_every_problem() {
        CellWindow w = CellWindow.builder(1, 900)
                .floats("land_cover", new float[] {1}, NO_DATA)
                .floats("precipitation", new float[] {1000}, NO_DATA)
                .build();
        assertThatThrownBy(() -> wc.compute(w, set))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageEn())
                        .containsExactly(
                                "input raster 'land_cover' must have sample type INT32",
                                "Water conservation needs input raster 'evapotranspiration' (actual evapotranspiration"
                                        + " ET)"));
    }
}
