package liangshan.raster.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import liangshan.raster.Band;
import liangshan.raster.GridGeometry;
import liangshan.raster.RasterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Concurrent reading. {@link GeoTiffBand#readAll} on several threads gives exactly the cells of {@link
 * GeoTiffBand#readRows} (GDAL fixtures: tiles, strips, Deflate, LZW, predictors, big-endian,
 * sparse tiles; the engine's own tiles with partial edge tiles), and a damaged file fails with the
 * file named, whichever thread met the damage; {@link GeoTiffBand#readRows} from two threads at once.
 */
class GeoTiffBandReadAllTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "float32_bigendian_stripped_deflate_pred3.tif",
                "float32_sparse_tiles.tif",
                "float32_tiled_deflate_pred3.tif",
                "uint8_uncompressed.tif",
                "int16_stripped_lzw_pred2.tif"
            })
    void gdal_fixtures_read_the_same_on_any_number_of_threads(String name) {
        sameOnEveryThreadCount(GeoTiffBandWindowTest.GDAL.resolve(name));
    }

    @Test
    void engine_tiles_with_partial_edge_tiles_read_the_same() {
        // 37 × 41 cells in 16 × 16 tiles: 3 tile rows, the last 9 high; the last tile column 5 wide.
        GridGeometry grid = new GridGeometry("EPSG:4549", 500_000, 3_200_000, 30, 30, 37, 41);
        float[] v = new float[grid.width() * grid.height()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 13 == 0 ? Float.NaN : (float) (50 + Math.cos(i * 0.21) * 40);
        }
        Path file = GeoTiffBandWindowTest.tiled(dir.resolve("edge.tif"), grid, v);
        float[] all = sameOnEveryThreadCount(file);
        assertThat(Arrays.equals(all, v)).as("cells as written").isTrue();
        Band band = GeoTiff.read(file, "m", 2);
        assertThat(band.values()).containsExactly(v);
        assertThat(band.name()).isEqualTo(GeoTiff.read(file, "m").name());
    }

    @Test
    void a_damaged_file_names_the_file_on_two_threads() throws IOException {
        byte[] bytes = Files.readAllBytes(GeoTiffBandWindowTest.GDAL.resolve("float32_tiled_deflate_pred3.tif"));
        Path cut = dir.resolve("cut-on-two-threads.tif");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> GeoTiff.read(cut, "mm", 2))
                .isInstanceOf(RasterException.class)
                .hasMessageContaining("cut-on-two-threads.tif")
                .hasMessageContaining("truncated");
    }

    @Test
    void a_short_destination_or_no_thread_is_refused() {
        try (GeoTiffBand band = GeoTiff.open(GeoTiffBandWindowTest.GDAL.resolve("uint8_uncompressed.tif"), "x")) {
            int cells = (int) band.grid().cellCount();
            assertThatThrownBy(() -> band.readAll(new float[cells - 1], 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("destination");
            assertThatThrownBy(() -> band.readAll(new float[cells], 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /**
     * Two threads reading rows of one band at the same time, one north to south and one south to
     * north (each read decodes another block row into the band's shared cache), both get the right
     * cells: {@link GeoTiffBand#readRows} is synchronized.
     */
    @Test
    void two_threads_reading_rows_of_one_band_get_the_right_cells() throws Exception {
        GridGeometry grid = new GridGeometry("EPSG:4549", 500_000, 3_200_000, 30, 30, 40, 64);
        float[] v = new float[grid.width() * grid.height()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        Path file = GeoTiffBandWindowTest.tiled(dir.resolve("shared.tif"), grid, v);
        try (GeoTiffBand band = GeoTiff.open(file, "m")) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
                for (boolean reverse : new boolean[] {false, true}) {
                    results.add(pool.submit(() -> wrongCells(band, reverse, 300)));
                }
                for (java.util.concurrent.Future<Integer> f : results) {
                    assertThat(f.get()).as("cells read wrong").isZero();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Reads every row {@code rounds} times (in reverse order if asked); counts wrong cells. */
    private static int wrongCells(GeoTiffBand band, boolean reverse, int rounds) {
        int width = band.grid().width();
        int height = band.grid().height();
        float[] row = new float[width];
        int wrong = 0;
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < height; k++) {
                int r = reverse ? height - 1 - k : k;
                band.readRows(r, 1, row);
                for (int c = 0; c < width; c++) {
                    wrong += row[c] == r * width + c ? 0 : 1;
                }
            }
        }
        return wrong;
    }

    /** readAll on 1, 2, 3 and 8 threads against readRows; returns the cells. */
    private static float[] sameOnEveryThreadCount(Path file) {
        try (GeoTiffBand band = GeoTiff.open(file, "x")) {
            int cells = (int) band.grid().cellCount();
            float[] expected = new float[cells];
            band.readRows(0, band.grid().height(), expected);
            for (int threads : new int[] {1, 2, 3, 8}) {
                float[] got = new float[cells];
                Arrays.fill(got, -12345f);
                band.readAll(got, threads);
                for (int i = 0; i < cells; i++) {
                    assertThat(Float.floatToRawIntBits(got[i]))
                            .as("%s on %d threads, cell %d", file.getFileName(), threads, i)
                            .isEqualTo(Float.floatToRawIntBits(expected[i]));
                }
            }
            return expected;
        }
    }
}
