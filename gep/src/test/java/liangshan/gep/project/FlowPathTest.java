package liangshan.gep.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.Random;
import liangshan.raster.Band;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import liangshan.raster.terrain.LsFactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The footprint's flow path and the windowed LS factor (METHOD-CHOICES C26). */
class FlowPathTest {

    @TempDir
    Path dir;

    @Test
    void the_downstream_path_is_traced_and_keeps_its_soil_retention() {
        // A plane rising eastwards: every interior cell drains west. The footprint (4, 6) drains
        // through (4, 5) … (4, 1) into the edge cell (4, 0): 6 downstream cells, all inside the grid.
        ProjectFixture f = new ProjectFixture(dir, 9, 9, 1);
        ProjectImpactResult r = new ProjectImpact(ProjectImpactTest.CLOCK)
                .compute(new ProjectImpact.Request(
                        f.write(),
                        f.footprint(4, 6, 4, 6),
                        new LandCoverChange.ToClass(13),
                        "quzhou-2025-v1",
                        2025,
                        null));
        ProjectImpactResult.FlowPath path = r.flowPath();
        assertThat(path.downstreamCells()).isEqualTo(6);
        assertThat(path.leavesWindow()).isFalse();
        assertThat(path.wholeGrid()).isTrue();
        assertThat(path.lsConverged()).isTrue();
        // LS-2026.1: LS comes from the DEM only and a cell's retention from its own class, so the
        // change upslope leaves the downstream cells' soil retention exactly as it was.
        assertThat(path.downstreamDeltaTonnes()).isEqualByComparingTo("0");
        assertThat(ProjectImpactTest.indicator(r, "soil_retention").deltaQuantity())
                .isNegative();
    }

    @Test
    void a_path_that_runs_past_the_window_is_reported() {
        ProjectFixture f = new ProjectFixture(dir, 120, 40, 1);
        ProjectImpactResult r = new ProjectImpact(ProjectImpactTest.CLOCK)
                .compute(new ProjectImpact.Request(
                        f.write(),
                        f.footprint(19, 100, 21, 102),
                        new LandCoverChange.ToClass(13),
                        "quzhou-2025-v1",
                        2025,
                        null));
        assertThat(r.flowPath().wholeGrid()).isFalse();
        assertThat(r.flowPath().leavesWindow()).isTrue();
        assertThat(r.flowPath().lsConverged()).isTrue();
        // The window (margin 32 once LS agreed with margin 16) reaches column 100 − 32 = 68; the
        // three footprint rows drain west through columns 99 … 68: 3 × 32 cells.
        assertThat(r.flowPath().windowMarginCells()).isEqualTo(32);
        assertThat(r.flowPath().downstreamCells()).isEqualTo(3 * 32);
    }

    /** A rough DEM with pits and flats: ridges, noise, flat-bottomed basins. */
    static Band roughDem(long seed, int w, int h) {
        Random rnd = new Random(seed);
        GridGeometry g = new GridGeometry("EPSG:4549", 500_000, 3_200_000, 30, 30, w, h);
        float[] z = new float[w * h];
        double a = rnd.nextDouble() * 6;
        double b = rnd.nextDouble() * 6;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double v = 200
                        + 40 * Math.sin(c / 9.0 + a) * Math.cos(r / 11.0 + b)
                        + 0.4 * c
                        - 0.2 * r
                        + rnd.nextGaussian() * 2;
                z[r * w + c] = (float) Math.round(v); // integer metres: many flats, as in real DEMs
            }
        }
        for (int k = 0; k < 30; k++) {
            int c = rnd.nextInt(w);
            int r = rnd.nextInt(h);
            z[r * w + c] -= 15; // pits
        }
        z[rnd.nextInt(w * h)] = Float.NaN;
        return new Band("dem.tif", "m", g, CellType.FLOAT32, OptionalDouble.of(Double.NaN), z);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void windowed_ls_equals_the_whole_grid_ls_at_every_footprint_cell(long seed) {
        int w = 200;
        int h = 180;
        Band dem = roughDem(seed, w, h);
        float[] full = LsFactor.compute(dem, 122).ls().values();
        Random rnd = new Random(seed * 31);
        for (int trial = 0; trial < 6; trial++) {
            int r0 = rnd.nextInt(h - 12);
            int c0 = rnd.nextInt(w - 12);
            GridWindow box = GridWindow.around(dem.grid(), r0, c0, r0 + 9, c0 + 11, 0);
            int[] cells = new int[box.cellCount()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = i;
            }
            FootprintTerrain t = FootprintTerrain.compute(dem, box, cells, 122);
            for (int i : cells) {
                int r = i / box.width() + box.row0();
                int c = i % box.width() + box.col0();
                float windowed = t.ls()[box.indexIn(t.window(), i)];
                assertThat(windowed)
                        .as("seed %d trial %d cell (%d, %d) margin %d", seed, trial, r, c, t.margin())
                        .isEqualTo(full[r * w + c]);
            }
        }
    }

    @Test
    void the_window_stops_growing_at_the_margin_limit_and_says_so() {
        Band dem = roughDem(3, 200, 180);
        GridWindow box = GridWindow.around(dem.grid(), 90, 90, 91, 91, 0);
        int[] cells = {0, 1, 2, 3};
        FootprintTerrain limited = FootprintTerrain.compute(dem, box, cells, 122, FootprintTerrain.FIRST_MARGIN);
        assertThat(limited.margin()).isEqualTo(FootprintTerrain.FIRST_MARGIN);
        assertThat(limited.converged())
                .as("one window only: nothing to compare with")
                .isFalse();
        FootprintTerrain normal = FootprintTerrain.compute(dem, box, cells, 122);
        assertThat(normal.converged()).isTrue();
        assertThat(normal.margin()).isGreaterThan(FootprintTerrain.FIRST_MARGIN);
    }
}
