package liangshan.gep.regulating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liangshan.gep.TestSets;
import liangshan.gep.cell.CellResult;
import liangshan.gep.cell.CellWindow;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.regulating.EmissionCapped.CapFactors;
import liangshan.gep.regulating.EmissionCapped.CountyCapacity;
import liangshan.gep.regulating.EmissionCapped.CountyEmission;
import org.junit.jupiter.api.Test;

class EmissionCappedTest {

    private static final int NO_COUNTY = -1;
    private final ParameterSet set = TestSets.defaults();
    private final EmissionCapped water = RegulatingIndicators.WATER_PURIFICATION;

    /*
     * a = 1 hm². Removal rates (t·hm⁻²·a⁻¹, COD/NH₃-N/TN/TP): marsh (10) 1/.1/.3/.03,
     * river (11) and reservoir (12) .5/.05/.15/.015, other classes 0.
     * cells (class, county): (10,1) (10,1) (11,1) (12,2) (1,2) (11,2) (10,no-data) (13,2) (11,1)
     * capacity county 1: COD 1+1+.5+.5 = 3, NH₃-N .3, TN .9, TP .09
     * capacity county 2: COD .5+.5 = 1, NH₃-N .1, TN .3, TP .03
     * emissions county 1: COD 1.5 → ×0.5; NH₃-N 10 → ×1; TN .45 → ×0.5; TP .09 → ×1
     * emissions county 2: COD .25 → ×0.25; NH₃-N 0 → ×0; TN 5 → ×1; TP .03 → ×1
     * removed: COD 1.5 + .25 = 1.75 t; NH₃-N .3 + 0 = .3; TN .45 + .3 = .75; TP .09 + .03 = .12
     * value: 1.75×700 + .3×875 + .75×875 + .12×2800 = 1225 + 262.5 + 656.25 + 336 = 2479.75 元
     */
    private CellWindow window() {
        return Windows.nineHectares()
                .ints("land_cover", new int[] {10, 10, 11, 12, 1, 11, 10, 13, 11}, 0)
                .ints("county", new int[] {1, 1, 1, 2, 2, 2, NO_COUNTY, 2, 1}, NO_COUNTY)
                .build();
    }

    private List<CountyEmission> emissions() {
        return new ArrayList<>(List.of(
                new CountyEmission(1, "cod", 1.5), new CountyEmission(1, "nh3n", 10),
                new CountyEmission(1, "tn", 0.45), new CountyEmission(1, "tp", 0.09),
                new CountyEmission(2, "cod", 0.25), new CountyEmission(2, "nh3n", 0),
                new CountyEmission(2, "tn", 5), new CountyEmission(2, "tp", 0.03)));
    }

    @Test
    void capacity_is_capped_by_county_emissions() {
        CellWindow w = window();
        CountyCapacity sums = water.newCountyCapacity();
        sums.add(w, water.capacity(w, set));
        assertThat(sums.sum(1, 0)).isCloseTo(3.0, within(1e-12));
        assertThat(sums.sum(2, 0)).isCloseTo(1.0, within(1e-12));
        CapFactors f = water.factors(sums, emissions());
        assertThat(f.factor(1, "cod")).isCloseTo(0.5, within(1e-12));
        assertThat(f.factor(2, "nh3n")).isZero();
        assertThat(f.factor(2, "tn")).isEqualTo(1.0);
        CellResult r = water.compute(w, set, f);
        assertThat(r.perCell("cod_t"))
                .containsExactly(new double[] {0.5, 0.5, 0.25, 0.125, 0, 0.125, 0, 0, 0.25}, within(1e-12));
        assertThat(r.total("cod_t")).isCloseTo(1.75, within(1e-12));
        assertThat(r.total("nh3n_t")).isCloseTo(0.3, within(1e-12));
        assertThat(r.total("tn_t")).isCloseTo(0.75, within(1e-12));
        assertThat(r.total("tp_t")).isCloseTo(0.12, within(1e-12));
        assertThat(r.quality().noDataByInput()).isEqualTo(Map.of("county", 1L));
        assertThat(water.value(r.totals(), set).totalYuan()).isEqualByComparingTo("2479.75");
    }

    @Test
    void a_county_without_an_emission_figure_is_named() {
        CellWindow w = window();
        CountyCapacity sums = water.newCountyCapacity();
        sums.add(w, water.capacity(w, set));
        List<CountyEmission> e = emissions();
        e.removeIf(x -> x.countyCode() == 2 && x.pollutant().equals("tp"));
        e.add(new CountyEmission(1, "cod", -3));
        assertThatThrownBy(() -> water.factors(sums, e))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems())
                        .extracting(p -> p.code() + " " + p.messageEn())
                        .containsExactly(
                                "input.bad_emission county 1 has invalid cod emission -3.0",
                                "input.missing_emission county 2 has no tp emission; the cap cannot be applied"));
    }

    /*
     * Air: a = 1 hm²; class 1 SO₂ .08865, NOₓ .006, dust 10.11; class 2 SO₂ .2156, NOₓ .006,
     * dust 33.2 (t·hm⁻²·a⁻¹). County 7 has one cell of each: capacity SO₂ .30425, NOₓ .012,
     * dust 43.31. Emissions SO₂ 1 (≥ capacity → ×1), NOₓ .006 (×0.5), dust 4.331 (×0.1).
     * removed SO₂ .30425, NOₓ .006, dust 4.331 → 365.10 + 3.78 + 649.65 = 1018.53 元
     */
    @Test
    void air_purification_uses_the_same_rule() {
        EmissionCapped air = RegulatingIndicators.AIR_PURIFICATION;
        CellWindow w = CellWindow.builder(2, 10_000)
                .ints("land_cover", new int[] {1, 2}, 0)
                .ints("county", new int[] {7, 7}, -1)
                .build();
        CountyCapacity sums = air.newCountyCapacity();
        sums.add(w, air.capacity(w, set));
        CapFactors f = air.factors(
                sums,
                List.of(
                        new CountyEmission(7, "so2", 1),
                        new CountyEmission(7, "nox", 0.006),
                        new CountyEmission(7, "dust", 4.331)));
        CellResult r = air.compute(w, set, f);
        assertThat(r.total("so2_t")).isCloseTo(0.30425, within(1e-12));
        assertThat(r.total("nox_t")).isCloseTo(0.006, within(1e-12));
        assertThat(r.total("dust_t")).isCloseTo(4.331, within(1e-9));
        assertThat(air.value(r.totals(), set).totalYuan()).isEqualByComparingTo("1018.53");
    }
}
