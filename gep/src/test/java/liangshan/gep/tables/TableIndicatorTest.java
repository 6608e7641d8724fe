package liangshan.gep.tables;

import static liangshan.gep.tables.StatisticRow.Level.COUNTY;
import static liangshan.gep.tables.StatisticRow.Level.VILLAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import liangshan.gep.Indicators;
import liangshan.gep.TestSets;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.tables.ZoneLine.Basis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableIndicatorTest {

    private final ParameterSet set = TestSets.defaults();
    private static final Map<String, String> COUNTIES = Map.of("V1", "C1", "V2", "C1", "V3", "C1", "V4", "C2");
    // hm² per class; agriculture producing classes are 6 (garden), 8 (paddy), 9 (dry farmland)
    private static final Map<String, Map<Integer, Double>> AREAS = Map.of(
            "V1", Map.of(6, 10.0, 8, 20.0),
            "V2", Map.of(6, 30.0, 1, 100.0),
            "V3", Map.of(8, 10.0, 9, 10.0, 13, 50.0),
            "V4", Map.of(8, 5.0));

    /*
     * tea: V1 reports 10 t × 50 000 = 500 000 元; county C1 reports 100 t × 50 000 = 5 000 000 元.
     *   remainder 4 500 000 元 and 90 t to V2, V3 by producing area 30 : 20 → 2 700 000 / 54 t and
     *   1 800 000 / 36 t.
     * rice: county C1 output value 1 000 000 元, no village rows → V1 30, V2 30, V3 20 hm² →
     *   375 000, 375 000, 250 000.
     * village totals: V1 875 000, V2 3 075 000, V3 2 050 000 (sum 6 000 000 = the county rows).
     */
    @Test
    void county_statistics_are_allocated_by_producing_class_area() {
        List<ZoneLine> lines = Indicators.table("agriculture")
                .compute(
                        List.of(
                                StatisticRow.priced("V1", VILLAGE, "agriculture", "tea", "10", "t", "50000"),
                                StatisticRow.priced("C1", COUNTY, "agriculture", "tea", "100", "t", "50000"),
                                StatisticRow.valued("C1", COUNTY, "agriculture", "rice", "1000000"),
                                StatisticRow.valued("C1", COUNTY, "forestry", "timber", "999")),
                        COUNTIES,
                        AREAS,
                        Map.of(),
                        set);
        assertThat(lines)
                .extracting(l -> l.zoneId() + " " + l.item() + " " + l.valueYuan() + " " + l.basis())
                .containsExactly(
                        "V1 rice 375000.00 ALLOCATED_BY_CLASS_AREA",
                        "V1 tea 500000.00 VILLAGE_STATISTICS",
                        "V2 rice 375000.00 ALLOCATED_BY_CLASS_AREA",
                        "V2 tea 2700000.00 ALLOCATED_BY_CLASS_AREA",
                        "V3 rice 250000.00 ALLOCATED_BY_CLASS_AREA",
                        "V3 tea 1800000.00 ALLOCATED_BY_CLASS_AREA");
        assertThat(lines.get(3).quantity()).isEqualByComparingTo("54");
        assertThat(lines.get(5).quantity()).isEqualByComparingTo("36");
        assertThat(lines.get(0).quantity()).isNull();
        assertThat(TableIndicator.totalsByZone(lines))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "V1",
                        new BigDecimal("875000.00"),
                        "V2",
                        new BigDecimal("3075000.00"),
                        "V3",
                        new BigDecimal("2050000.00")));
        assertThat(lines.stream().filter(l -> l.basis().allocated())).hasSize(5);
    }

    /*
     * Recreation revenue 1 000 001.00 元 = 100 000 100 fen, split by visitors 1 : 1 : 1:
     * 33 333 366.67 fen each → floors 33 333 366 × 3 = 100 000 098, 2 fen left, equal remainders →
     * by village code: V1 and V2 get one more. V1 333 333.67, V2 333 333.67, V3 333 333.66.
     */
    @Test
    void recreation_is_allocated_by_visitors_when_every_village_has_a_count() {
        TableIndicator recreation = Indicators.table("recreation");
        List<StatisticRow> rows = List.of(StatisticRow.valued("C1", COUNTY, "recreation", "revenue", "1000001.00"));
        List<ZoneLine> byVisitors =
                recreation.compute(rows, COUNTIES, AREAS, Map.of("V1", 5.0, "V2", 5.0, "V3", 5.0), set);
        assertThat(byVisitors)
                .extracting(l -> l.zoneId() + " " + l.valueYuan() + " " + l.basis())
                .containsExactly(
                        "V1 333333.67 ALLOCATED_BY_VISITORS",
                        "V2 333333.67 ALLOCATED_BY_VISITORS",
                        "V3 333333.66 ALLOCATED_BY_VISITORS");
        // V3 has no count → area of the recreation classes for all: V1 30, V2 130, V3 20 (built-up
        // excluded); V2: 100 000 100 × 130/180 = 72 222 294.44 fen, floor + the one fen left → 722 222.95
        List<ZoneLine> byArea = recreation.compute(rows, COUNTIES, AREAS, Map.of("V1", 5.0, "V2", 5.0), set);
        assertThat(byArea).extracting(ZoneLine::basis).containsOnly(Basis.ALLOCATED_BY_CLASS_AREA);
        assertThat(byArea.get(1).valueYuan()).isEqualByComparingTo("722222.95");
        assertThat(byArea.stream().map(ZoneLine::valueYuan).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("1000001.00");
    }

    @Test
    void bad_rows_are_all_reported_and_nothing_is_computed() {
        assertThatThrownBy(() -> Indicators.table("fishery")
                        .compute(
                                List.of(
                                        StatisticRow.valued("V9", VILLAGE, "fishery", "carp", "10"),
                                        new StatisticRow(
                                                "V1",
                                                VILLAGE,
                                                "fishery",
                                                "eel",
                                                BigDecimal.ONE,
                                                "t",
                                                BigDecimal.TEN,
                                                BigDecimal.TEN),
                                        StatisticRow.valued("V2", VILLAGE, "fishery", "crab", "-5")),
                                COUNTIES,
                                AREAS,
                                Map.of(),
                                set))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code())
                        .containsExactly("input.unknown_zone", "input.row_value_basis", "input.negative_statistic"));
    }

    @Test
    void villages_above_the_county_figure_or_no_producing_area_are_rejected() {
        TableIndicator agriculture = Indicators.table("agriculture");
        assertThatThrownBy(() -> agriculture.compute(
                        List.of(
                                StatisticRow.valued("V1", VILLAGE, "agriculture", "tea", "10"),
                                StatisticRow.valued("C1", COUNTY, "agriculture", "tea", "5")),
                        COUNTIES,
                        AREAS,
                        Map.of(),
                        set))
                .hasMessageContaining("county C1 / tea: the villages' own figures exceed the county figure");
        // fishery producing classes are water classes; no village of C2 has any
        assertThatThrownBy(() -> Indicators.table("fishery")
                        .compute(
                                List.of(StatisticRow.valued("C2", COUNTY, "fishery", "carp", "5")),
                                COUNTIES,
                                AREAS,
                                Map.of(),
                                set))
                .hasMessageContaining("cannot be allocated");
    }

    /*
     * Every provisioning indicator, and landscape value, takes village rows as they are:
     * 12.5 t × 800 元/t = 10 000.00 元 for V4; a landscape value of 2 500.50 元 for V1.
     */
    @ParameterizedTest
    @ValueSource(strings = {"agriculture", "forestry", "livestock", "fishery", "water_supply", "hydropower"})
    void village_rows_are_taken_as_they_are(String id) {
        List<ZoneLine> lines = Indicators.table(id)
                .compute(
                        List.of(StatisticRow.priced("V4", VILLAGE, id, "x", "12.5", "t", "800")),
                        COUNTIES,
                        AREAS,
                        Map.of(),
                        set);
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.valueYuan()).isEqualByComparingTo("10000.00");
            assertThat(l.quantity()).isEqualByComparingTo("12.5");
            assertThat(l.basis()).isEqualTo(Basis.VILLAGE_STATISTICS);
        });
        List<ZoneLine> landscape = Indicators.table("landscape_value")
                .compute(
                        List.of(StatisticRow.valued("V1", VILLAGE, "landscape_value", "view premium", "2500.50")),
                        COUNTIES,
                        AREAS,
                        Map.of(),
                        set);
        assertThat(TableIndicator.totalsByZone(landscape)).containsEntry("V1", new BigDecimal("2500.50"));
    }
}
