package liangshan.gep.regulating;

import static liangshan.gep.regulating.Windows.NAN;
import static liangshan.gep.regulating.Windows.NO_CLASS;
import static liangshan.gep.regulating.Windows.NO_DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import liangshan.gep.TestSets;
import liangshan.gep.cell.CellResult;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.valuation.Valuation;
import org.junit.jupiter.api.Test;

class SoilRetentionTest {

    private final ParameterSet set = TestSets.defaults();
    private final SoilRetention sc = RegulatingIndicators.SOIL_RETENTION;

    /*
     * a = 900 m² = 0.09 hm². A = R·K·LS·(1 − C·P)·a/10⁴ t.
     *  0 class 1 (C .006 P 1):   R 4000 K .03  LS 2.5 → 300 × 0.994  × 0.09 = 26.838 t
     *  1 class 9 (C .31 P .35):  R 4000 K .03  LS 1   → 120 × 0.8915 × 0.09 = 9.6282 t
     *  2 class 8 (C .1 P .15):   R 4000 K .02  LS 0.5 →  40 × 0.985  × 0.09 = 3.546 t
     *  3 class 11 water: not counted;  4 class 13 built-up: not counted
     *  5 class 14 bare (C 1 P 1): 1 − 1 = 0 → 0 t (counted)
     *  6 class 5, LS = -9999: no-data;  7 class 1, K NaN: no-data
     *  8 class 7 (C .04 P 1):    R 3000 K .025 LS 4   → 300 × 0.96   × 0.09 = 25.92 t
     * total 65.9322 t.
     * sediment: 0.24 × 65.9322 / 0.93 = 17.014761... m³ × 15.58 = 265.0899809 → 265.09 元
     * N: 65.9322 × 0.37 % = 0.24394914 t × 875 = 213.4554975 → 213.46 元
     * P: 65.9322 × 0.108 % = 0.071206776 t × 2800 = 199.3789728 → 199.38 元
     */
    @Test
    void hand_computed_three_by_three() {
        CellResult r = sc.compute(
                Windows.nine()
                        .ints("land_cover", new int[] {1, 9, 8, 11, 13, 14, 5, 1, 7}, NO_CLASS)
                        .floats(
                                "rainfall_erosivity",
                                new float[] {4000, 4000, 4000, 4000, 4000, 4000, 4000, 4000, 3000},
                                NO_DATA)
                        .floats(
                                "soil_erodibility",
                                new float[] {.03f, .03f, .02f, .03f, .03f, .03f, .03f, NAN, .025f},
                                NO_DATA)
                        .floats("ls_factor", new float[] {2.5f, 1, .5f, 1, 1, 1, NO_DATA, 1, 4}, NO_DATA)
                        .build(),
                set);
        // float inputs (0.03f, 0.025f …) are not exact decimals: compare to 1e-6 t
        assertThat(r.perCell("soil_retention_t"))
                .containsExactly(new double[] {26.838, 9.6282, 3.546, 0, 0, 0, 0, 0, 25.92}, within(1e-5));
        assertThat(r.quality().noDataByInput()).isEqualTo(Map.of("ls_factor", 1L, "soil_erodibility", 1L));
        assertThat(r.quality().notCountedCells()).isEqualTo(2);
        Valuation v = sc.value(Map.of("soil_retention_t", 65.9322), set);
        assertThat(v.byOutput()).containsOnlyKeys("sediment_value", "nitrogen_value", "phosphorus_value");
        assertThat(v.byOutput().get("sediment_value")).isEqualByComparingTo("265.09");
        assertThat(v.byOutput().get("nitrogen_value")).isEqualByComparingTo("213.46");
        assertThat(v.byOutput().get("phosphorus_value")).isEqualByComparingTo("199.38");
        assertThat(v.totalYuan()).isEqualByComparingTo("677.93");
        assertThat(v.lines().get(0).quantity()).isCloseTo(17.01476129, within(1e-8));
    }
}
