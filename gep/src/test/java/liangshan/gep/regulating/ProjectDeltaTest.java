package liangshan.gep.regulating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import liangshan.gep.TestSets;
import liangshan.gep.cell.CellKernel;
import liangshan.gep.cell.CellWindow;
import liangshan.gep.params.ParameterSet;
import org.junit.jupiter.api.Test;

/**
 * The kernels run on a small footprint window for project-level Δ (LS-2026.1 §J, MISSION N1):
 * same inputs, land cover before and after.
 */
class ProjectDeltaTest {

    private final ParameterSet set = TestSets.defaults();

    private static CellWindow footprint(int[] cover) {
        return CellWindow.builder(2, 900)
                .ints("land_cover", cover, 0)
                .floats("precipitation", new float[] {1600, 1600}, -9999f)
                .floats("evapotranspiration", new float[] {800, 800}, -9999f)
                .floats("npp", new float[] {1000, 1000}, -9999f)
                .build();
    }

    /*
     * Two 900 m² cells of evergreen broadleaf forest (1) become built-up (13).
     * Water conservation before: 2 × 653.04 = 1306.08 m³; after 0 → Δ −1306.08 m³,
     * × 7.06 = −9 220.9248 → −9 220.92 元. Carbon before 2 × 1.155 = 2.31 t CO₂; after 0.
     */
    @Test
    void delta_of_a_forest_footprint_turned_built_up() {
        CellWindow before = footprint(new int[] {1, 1});
        CellWindow after = footprint(new int[] {13, 13});
        for (CellKernel k :
                List.of(RegulatingIndicators.WATER_CONSERVATION, RegulatingIndicators.CARBON_SEQUESTRATION)) {
            String out = k.cellOutputs().get(0);
            double delta =
                    k.compute(after, set).total(out) - k.compute(before, set).total(out);
            BigDecimal deltaYuan = k.value(Map.of(out, delta), set).totalYuan();
            if (out.equals("water_conservation_m3")) {
                assertThat(delta).isCloseTo(-1306.08, within(1e-9));
                assertThat(deltaYuan).isEqualByComparingTo("-9220.92");
            } else {
                assertThat(delta).isCloseTo(-2.31, within(1e-12));
                assertThat(deltaYuan).isEqualByComparingTo("-207.90");
            }
        }
    }
}
