package liangshan.gep.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import liangshan.raster.geotiff.GeoTiff;
import liangshan.raster.geotiff.GeoTiffBand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The block-wise window reader gives exactly what {@link GeoTiffBand#readRows} gives, on the GDAL
 * fixtures of the raster module (tiles, strips, Deflate, LZW, predictors 2 and 3, big-endian,
 * sparse tiles) and on files written by the engine's own writer.
 */
class TileWindowReaderTest {

    static final Path GDAL = Path.of("../raster/src/test/resources/gdal");

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

    @ParameterizedTest(name = "engine-written {0}")
    @ValueSource(strings = {"landcover.tif", "dem.tif"})
    void engine_written_files_read_the_same(String name, @org.junit.jupiter.api.io.TempDir Path dir) {
        ProjectFixture f = new ProjectFixture(dir, 37, 41, 1);
        for (int i = 0; i < f.cover.length; i++) {
            f.cover[i] = 1 + (i * 7) % 14;
            f.dem[i] = (float) (100 + Math.sin(i * 0.37) * 30);
        }
        f.write();
        compare(dir.resolve(name), 5);
    }

    private static void compare(Path file, long seed) {
        try (GeoTiffBand band = GeoTiff.open(file, "x")) {
            Random rnd = new Random(seed);
            int w = band.grid().width();
            int h = band.grid().height();
            for (int t = 0; t < 25; t++) {
                int r0 = rnd.nextInt(h);
                int c0 = rnd.nextInt(w);
                int r1 = r0 + rnd.nextInt(h - r0);
                int c1 = c0 + rnd.nextInt(w - c0);
                GridWindow win = GridWindow.around(band.grid(), r0, c0, r1, c1, 0);
                assertThat(TileWindowReader.read(band, file, win))
                        .as("%s rows %d..%d cols %d..%d", file.getFileName(), r0, r1, c0, c1)
                        .containsExactly(win.read(band));
            }
            GridWindow all = GridWindow.around(band.grid(), 0, 0, h - 1, w - 1, 0);
            assertThat(TileWindowReader.read(band, file, all)).containsExactly(all.read(band));
        }
    }
}
