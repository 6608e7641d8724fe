package liangshan.gep.regulating;

import static liangshan.gep.regulating.Windows.NO_CLASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import liangshan.gep.TestSets;
import liangshan.gep.cell.CellResult;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.regulating.FloodRegulation.Lake;
import liangshan.gep.regulating.FloodRegulation.Reservoir;
import org.junit.jupiter.api.Test;

class FloodRegulationTest {

    private final ParameterSet set = TestSets.defaults();
    private final FloodRegulation flood = RegulatingIndicators.FLOOD_REGULATION;

    /*
     * a = 900 m²; marsh (class 10) cells store 0.3 m × 900 m² = 270 m³ each.
     * cells: 10, 10, 11, 12, 1, 8, 13, (no-data), 10 → 3 marsh cells = 810 m³; reservoirs and
     * rivers as cells store nothing here (reservoirs come from the table).
     */
    @Test
    void marsh_cells_store_a_fixed_depth() {
        CellResult r = flood.compute(
                Windows.nine()
                        .ints("land_cover", new int[] {10, 10, 11, 12, 1, 8, 13, NO_CLASS, 10}, NO_CLASS)
                        .build(),
                set);
        assertThat(r.perCell("flood_marsh_m3"))
                .containsExactly(new double[] {270, 270, 0, 0, 0, 0, 0, 0, 270}, within(1e-9));
        assertThat(r.quality().noDataCells()).isEqualTo(1);
        assertThat(r.quality().notCountedCells()).isEqualTo(5);
    }

    /*
     * Reservoirs: 0.35 × total capacity, to the zone of the dam point.
     *  A 1 000 000 m³ in V1 → 350 000;  B 500 000 m³ in V1 → 175 000;  C 200 000 m³ outside → 70 000.
     * Lake of 2 km² in V2: exp(4.924) × 2^1.128 × 3.19 = 958.99987 (10⁴ m³) → 9 589 998.7 m³.
     * Value (V1): 525 000 m³ × 7.06 = 3 706 500.00 元.
     */
    @Test
    void reservoirs_and_lakes_are_attributed_to_zones() {
        Map<String, Double> reservoirs = flood.reservoirs(
                List.of(
                        new Reservoir("A", 1_000_000, "V1"),
                        new Reservoir("B", 500_000, "V1"),
                        new Reservoir("C", 200_000, null)),
                set);
        assertThat(reservoirs).containsOnlyKeys("V1", FloodRegulation.OUTSIDE);
        assertThat(reservoirs.get("V1")).isCloseTo(525_000, within(1e-6));
        assertThat(reservoirs.get(FloodRegulation.OUTSIDE)).isCloseTo(70_000, within(1e-6));
        Map<String, Double> lakes = flood.lakes(List.of(new Lake("L", 2.0, "V2")), set);
        assertThat(lakes.get("V2")).isCloseTo(9_589_998.6726, within(1e-3));
        assertThat(flood.value(Map.of("flood_reservoir_m3", reservoirs.get("V1")), set)
                        .totalYuan())
                .isEqualByComparingTo("3706500.00");
    }

    @Test
    void bad_table_rows_are_all_reported() {
        assertThatThrownBy(() -> flood.reservoirs(
                        List.of(new Reservoir("X", -1, "V1"), new Reservoir("Y", Double.NaN, "V1")), set))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageEn())
                        .containsExactly(
                                "reservoir 'X' has invalid total capacity -1.0",
                                "reservoir 'Y' has invalid total capacity NaN"));
        assertThatThrownBy(() -> flood.lakes(List.of(new Lake("Z", 0, null)), set))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lake 'Z' has invalid area 0.0 km²");
    }
}
