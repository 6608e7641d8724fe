package liangshan.raster.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.Random;
import liangshan.raster.Band;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link GeoTiffBand#readWindow} gives exactly what {@link GeoTiffBand#readRows} gives for the same
 * cells, on the GDAL fixtures (tiles, strips, Deflate, LZW, predictors 2 and 3, big-endian, sparse
 * tiles) and on files of the module's own writer with edge tiles; 25 random windows per file
 * (seed printed in the assertion message) plus the whole grid.
 */
class GeoTiffBandWindowTest {

    static final Path GDAL = Path.of("src/test/resources/gdal");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "float32_bigendian_stripped_deflate_pred3.tif",
                "float32_sparse_tiles.tif",
                "float32_tiled_deflate_pred3.tif",
                "uint8_uncompressed.tif",
                "uint8_pixel_is_point.tif",
                "int16_stripped_lzw_pred2.tif"
            })
    void gdal_fixtures_read_the_same_block_by_block(String name) {
        compare(GDAL.resolve(name), name.hashCode());
    }

    @Test
    void engine_written_tiles_with_partial_edge_tiles_read_the_same() {
        // 37 × 41 cells in 16 × 16 tiles: the last tile column is 5 wide, the last tile row 9 high.
        GridGeometry grid = new GridGeometry("EPSG:4549", 500_000, 3_200_000, 30, 30, 37, 41);
        float[] v = new float[grid.width() * grid.height()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 11 == 0 ? Float.NaN : (float) (100 + Math.sin(i * 0.37) * 30);
        }
        Path file = tiled(dir.resolve("dem.tif"), grid, v);
        compare(file, 5);
        try (GeoTiffBand band = GeoTiff.open(file, "m")) {
            // Rows 30..32, columns 33..36: cells of the edge tiles only.
            float[] expected = new float[3 * 4];
            for (int r = 0; r < 3; r++) {
                System.arraycopy(v, (30 + r) * 37 + 33, expected, r * 4, 4);
            }
            assertThat(band.readWindow(30, 33, 4, 3)).containsExactly(expected);
        }
    }

    /** Writes {@code values} as a Float32 GeoTIFF of 16 × 16 tiles (NaN no-data) with the engine's writer. */
    static Path tiled(Path file, GridGeometry grid, float[] values) {
        try (GeoTiffWriter w = GeoTiffWriter.create(file, grid, CellType.FLOAT32, OptionalDouble.of(Double.NaN), 16)) {
            w.writeRows(values, grid.height());
        }
        return file;
    }

    @Test
    void a_window_leaving_the_grid_is_refused() {
        Band b = Band.ofFloat("x", "m", new GridGeometry("EPSG:4549", 0, 100, 1, 1, 5, 4), Double.NaN, new float[20]);
        Path file = dir.resolve("x.tif");
        GeoTiff.write(file, b);
        try (GeoTiffBand band = GeoTiff.open(file, "m")) {
            assertThatThrownBy(() -> band.readWindow(0, 3, 3, 1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> band.readWindow(3, 0, 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> band.readWindow(0, 0, 0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    private static void compare(Path file, long seed) {
        try (GeoTiffBand band = GeoTiff.open(file, "x")) {
            Random rnd = new Random(seed);
            int w = band.grid().width();
            int h = band.grid().height();
            float[] all = new float[w * h];
            band.readRows(0, h, all);
            for (int t = 0; t < 25; t++) {
                int r0 = rnd.nextInt(h);
                int c0 = rnd.nextInt(w);
                int rows = 1 + rnd.nextInt(h - r0);
                int cols = 1 + rnd.nextInt(w - c0);
                float[] expected = new float[rows * cols];
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(all, (r0 + r) * w + c0, expected, r * cols, cols);
                }
                assertThat(band.readWindow(r0, c0, cols, rows))
                        .as("%s seed %d rows %d+%d cols %d+%d", file.getFileName(), seed, r0, rows, c0, cols)
                        .containsExactly(expected);
            }
            assertThat(band.readWindow(0, 0, w, h)).containsExactly(all);
        }
    }
}
