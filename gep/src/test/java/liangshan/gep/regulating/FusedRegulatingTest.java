package liangshan.gep.regulating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import liangshan.gep.TestSets;
import liangshan.gep.cell.CellKernel;
import liangshan.gep.cell.CellResult;
import liangshan.gep.cell.CellWindow;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.cell.QualityReport;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.regulating.EmissionCapped.CapFactors;
import liangshan.gep.regulating.EmissionCapped.CountyCapacity;
import liangshan.gep.regulating.EmissionCapped.CountyEmission;
import liangshan.gep.spec.GepInputs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fused pass against the kernels it replaces in the raster engine, on random windows with
 * no-data in every input, unknown and negative class codes and cells outside every county: the
 * same map floats and zone-sum doubles bit for bit (as the engine summed kernel outputs before),
 * the same capacity sums and the same quality reports.
 */
class FusedRegulatingTest {

    private static final float FLOAT_NO_DATA = -9999f;
    private static final int ZONES = 6;
    private static final int[] COUNTIES = {330802, 330803, 330822};
    private final ParameterSet set = TestSets.defaults();

    /** A random window: cover −1 no-data, county −1 outside, floats with NaN and −9999. */
    private record Window(int n, int[] cover, int[] county, int[] slot, float[][] floats) {
        CellWindow cells(double area) {
            CellWindow.Builder b = CellWindow.builder(n, area)
                    .ints(GepInputs.LAND_COVER.name(), cover, -1)
                    .ints(GepInputs.COUNTY.name(), county, -1);
            for (int i = 0; i < floats.length; i++) {
                b.floats(FusedRegulating.FLOAT_INPUTS.get(i), floats[i], FLOAT_NO_DATA);
            }
            return b.build();
        }

        FusedRegulating.Strip strip() {
            return new FusedRegulating.Strip(n, cover, county, slot, floats);
        }
    }

    private static Window window(long seed, int n) {
        Random rnd = new Random(seed);
        int[] cover = new int[n];
        int[] county = new int[n];
        int[] slot = new int[n];
        float[][] floats = new float[FusedRegulating.FLOAT_INPUTS.size()][n];
        for (int k = 0; k < n; k++) {
            cover[k] = rnd.nextInt(10) == 0 ? -1 : rnd.nextInt(20) - 2; // −2, 0, 15…17 are unknown
            county[k] = rnd.nextInt(8) == 0 ? -1 : COUNTIES[rnd.nextInt(COUNTIES.length)];
            slot[k] = rnd.nextInt(ZONES + 1);
            for (float[] f : floats) {
                int r = rnd.nextInt(40);
                f[k] = r == 0 ? Float.NaN : r == 1 ? FLOAT_NO_DATA : r == 2 ? 0f : rnd.nextFloat() * 2000f - 100f;
            }
        }
        return new Window(n, cover, county, slot, floats);
    }

    private static List<CountyEmission> emissions(long seed) {
        Random rnd = new Random(seed);
        List<CountyEmission> out = new ArrayList<>();
        for (int c : COUNTIES) {
            for (String p : List.of("cod", "nh3n", "tn", "tp", "so2", "nox", "dust")) {
                out.add(new CountyEmission(c, p, rnd.nextDouble() * 50));
            }
        }
        return out;
    }

    private static float[] floatNoData() {
        float[] nd = new float[FusedRegulating.FLOAT_INPUTS.size()];
        java.util.Arrays.fill(nd, FLOAT_NO_DATA);
        return nd;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261129})
    void equals_the_kernels_bit_for_bit(long seed) {
        System.out.println("FusedRegulatingTest seed " + seed);
        double area = seed % 2 == 0 ? 900.0 : 100.0;
        Window w = window(seed, 5000);
        CellWindow cells = w.cells(area);
        Map<String, CapFactors> factors = sameCapacity(w, cells, area, seed);
        EmissionCapped water = RegulatingIndicators.WATER_PURIFICATION;
        EmissionCapped air = RegulatingIndicators.AIR_PURIFICATION;

        // Kernels, summed and mapped as the engine did before the fused pass.
        List<CellResult> results = new ArrayList<>();
        for (CellKernel k : RegulatingIndicators.cellKernels()) {
            results.add(k.compute(cells, set));
        }
        results.add(water.compute(cells, set, factors.get(water.spec().id())));
        results.add(air.compute(cells, set, factors.get(air.spec().id())));
        int outputs = FusedRegulating.OUTPUTS.stream().mapToInt(List::size).sum();
        double[][] expectedSums = new double[outputs][ZONES + 1];
        float[][] expectedMaps = new float[results.size()][w.n()];
        expected(w, results, expectedSums, expectedMaps);

        FusedRegulating fused = new FusedRegulating(set, area, factors, -1, -1, floatNoData());
        double[][] sums = new double[outputs][ZONES + 1];
        float[][] maps = new float[results.size()][w.n()];
        long[] tally = fused.newTally();
        fused.compute(w.strip(), maps, sums, tally);

        for (int i = 0; i < maps.length; i++) {
            for (int k = 0; k < w.n(); k++) {
                assertThat(Float.floatToIntBits(maps[i][k]))
                        .as("map %s cell %d", FusedRegulating.INDICATORS.get(i), k)
                        .isEqualTo(Float.floatToIntBits(expectedMaps[i][k]));
            }
        }
        for (int s = 0; s < outputs; s++) {
            for (int z = 0; z <= ZONES; z++) {
                assertThat(Double.doubleToLongBits(sums[s][z]))
                        .as("sum %d zone %d", s, z)
                        .isEqualTo(Double.doubleToLongBits(expectedSums[s][z]));
            }
        }
        assertThat(sums[0][1]).isPositive(); // the window has water conservation in zone 0
        sameQuality(w, fused, tally, results);
    }

    /** The capacity pass: the kernels' CountyCapacity against the fused one; the kernels' factors. */
    private Map<String, CapFactors> sameCapacity(Window w, CellWindow cells, double area, long seed) {
        EmissionCapped water = RegulatingIndicators.WATER_PURIFICATION;
        EmissionCapped air = RegulatingIndicators.AIR_PURIFICATION;
        CountyCapacity waterK = water.newCountyCapacity();
        CountyCapacity airK = air.newCountyCapacity();
        waterK.add(cells, water.capacity(cells, set));
        airK.add(cells, air.capacity(cells, set));
        FusedRegulating forCapacity = new FusedRegulating(set, area, Map.of(), -1, -1, floatNoData());
        CountyCapacity waterF = water.newCountyCapacity();
        CountyCapacity airF = air.newCountyCapacity();
        forCapacity.capacity(w.strip(), waterF, airF);
        for (int c : COUNTIES) {
            for (int p = 0; p < 4; p++) {
                assertThat(waterF.sum(c, p)).isEqualTo(waterK.sum(c, p));
            }
            for (int p = 0; p < 3; p++) {
                assertThat(airF.sum(c, p)).isEqualTo(airK.sum(c, p));
            }
        }
        Map<String, CapFactors> factors = new LinkedHashMap<>();
        factors.put(water.spec().id(), water.factors(waterK, emissions(seed)));
        factors.put(air.spec().id(), air.factors(airK, emissions(seed)));
        return factors;
    }

    /** Zone sums and maps of the kernels' results, as RasterPasses computed them before. */
    private static void expected(Window w, List<CellResult> results, double[][] expectedSums, float[][] expectedMaps) {
        int o = 0;
        for (int i = 0; i < results.size(); i++) {
            for (String out : FusedRegulating.OUTPUTS.get(i)) {
                double[] v = results.get(i).perCell(out);
                for (int k = 0; k < w.n(); k++) {
                    if (v[k] != 0) {
                        expectedSums[o][w.slot()[k]] += v[k];
                    }
                    expectedMaps[i][k] += (float) v[k];
                }
                o++;
            }
            for (int k = 0; k < w.n(); k++) {
                if (w.cover()[k] < 0) {
                    expectedMaps[i][k] = Float.NaN;
                }
            }
        }
    }

    /** The quality reports from the histogram against the kernels'. */
    private static void sameQuality(Window w, FusedRegulating fused, long[] tally, List<CellResult> results) {
        Map<String, QualityReport> quality = fused.quality(tally, w.n());
        for (int i = 0; i < results.size(); i++) {
            QualityReport want = results.get(i).quality();
            QualityReport got = quality.get(FusedRegulating.INDICATORS.get(i));
            assertThat(got.toString()).as(FusedRegulating.INDICATORS.get(i)).isEqualTo(want.toString());
            assertThat(got.noDataByInput()).isEqualTo(want.noDataByInput());
        }
        long[] floatNoData = fused.floatNoData(tally);
        for (int i = 0; i < floatNoData.length; i++) {
            long count = 0;
            for (float v : w.floats()[i]) {
                count += Float.isNaN(v) || v == FLOAT_NO_DATA ? 1 : 0;
            }
            assertThat(floatNoData[i]).isEqualTo(count);
        }
    }

    /**
     * The two parts of a run (every indicator but soil retention while LS is computed, then soil
     * retention) give the single pass's maps, sums, quality reports and no-data counts bit for bit,
     * each reading only its own inputs (the others are null) and writing only its own maps.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8, 20261130})
    void the_two_parts_equal_the_single_pass(long seed) {
        System.out.println("FusedRegulatingTest parts seed " + seed);
        Window w = window(seed, 4000);
        double area = 900;
        Map<String, CapFactors> factors = sameCapacity(w, w.cells(area), area, seed);
        FusedRegulating fused = new FusedRegulating(set, area, factors, -1, -1, floatNoData());
        int outputs = FusedRegulating.OUTPUTS.stream().mapToInt(List::size).sum();
        int maps = FusedRegulating.INDICATORS.size();
        double[][] sums = new double[outputs][ZONES + 1];
        float[][] single = new float[maps][w.n()];
        long[] tally = fused.newTally();
        fused.compute(w.strip(), single, sums, tally);

        double[][] partSums = new double[outputs][ZONES + 1];
        float[][] parts = new float[maps][];
        long[][] tallies = new long[2][];
        FusedRegulating.Part[] order = {FusedRegulating.Part.WITHOUT_LS, FusedRegulating.Part.SOIL_RETENTION};
        for (int p = 0; p < 2; p++) {
            FusedRegulating.Part part = order[p];
            float[][] floats = new float[w.floats().length][];
            for (int i = 0; i < floats.length; i++) {
                floats[i] = part.reads(i) ? w.floats()[i] : null;
            }
            float[][] own = new float[maps][];
            for (int i = 0; i < maps; i++) {
                own[i] = part.computes(i) ? new float[w.n()] : null;
                if (own[i] != null) {
                    parts[i] = own[i];
                }
            }
            tallies[p] = fused.newTally();
            fused.compute(
                    part,
                    new FusedRegulating.Strip(w.n(), w.cover(), w.county(), w.slot(), floats),
                    own,
                    partSums,
                    tallies[p]);
        }
        for (int i = 0; i < maps; i++) {
            for (int k = 0; k < w.n(); k++) {
                assertThat(Float.floatToRawIntBits(parts[i][k]))
                        .as("seed %d map %s cell %d", seed, FusedRegulating.INDICATORS.get(i), k)
                        .isEqualTo(Float.floatToRawIntBits(single[i][k]));
            }
        }
        for (int o = 0; o < outputs; o++) {
            for (int z = 0; z <= ZONES; z++) {
                assertThat(Double.doubleToRawLongBits(partSums[o][z]))
                        .as("seed %d sum %d zone %d", seed, o, z)
                        .isEqualTo(Double.doubleToRawLongBits(sums[o][z]));
            }
        }
        Map<String, QualityReport> want = fused.quality(tally, w.n());
        Map<String, QualityReport> got = fused.quality(tallies[0], tallies[1], w.n());
        assertThat(got.keySet()).containsExactlyElementsOf(want.keySet());
        want.forEach((id, r) -> {
            assertThat(got.get(id).toString())
                    .as("seed %d quality %s", seed, id)
                    .isEqualTo(r.toString());
            assertThat(got.get(id).noDataByInput()).as(id).isEqualTo(r.noDataByInput());
        });
        assertThat(fused.floatNoData(tallies[0], tallies[1])).containsExactly(fused.floatNoData(tally));
        // Each part alone leaves the other part's quality wrong: the combination is what makes it right.
        assertThat(fused.quality(tallies[0], w.n())
                        .get(FusedRegulating.INDICATORS.get(1))
                        .toString())
                .isNotEqualTo(want.get(FusedRegulating.INDICATORS.get(1)).toString());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5})
    void a_county_without_a_factor_is_rejected(long seed) {
        Window w = window(seed, 500);
        CellWindow cells = w.cells(900);
        EmissionCapped water = RegulatingIndicators.WATER_PURIFICATION;
        CountyCapacity sums = water.newCountyCapacity();
        sums.add(cells, water.capacity(cells, set));
        Map<String, CapFactors> factors = Map.of(
                water.spec().id(), new CapFactors(Map.of(COUNTIES[0], Map.of("cod", 1.0, "nh3n", 1.0, "tn", 1.0))));
        FusedRegulating fused = new FusedRegulating(set, 900, factors, -1, -1, floatNoData());
        assertThatThrownBy(() ->
                        fused.compute(w.strip(), new float[8][w.n()], new double[15][ZONES + 1], fused.newTally()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("input.missing_emission");
    }
}
