package liangshan.raster.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import liangshan.raster.Band;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import liangshan.raster.RasterException;
import liangshan.raster.RasterException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoTiffRoundTripTest {

    @TempDir
    Path dir;

    private static final GridGeometry GRID = new GridGeometry("EPSG:4549", 512_345.0, 3_210_000.0, 10, 10, 300, 270);

    @Test
    void float32RoundTripKeepsValuesGridAndNoData() {
        SplittableRandom random = new SplittableRandom(7);
        float[] v = new float[GRID.width() * GRID.height()];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(20) == 0 ? Float.NaN : (float) (random.nextDouble() * 4000 - 1000);
        }
        Band band = Band.ofFloat("precipitation", "mm", GRID, Double.NaN, v);
        Path file = dir.resolve("p.tif");
        GeoTiff.write(file, band);

        Band back = GeoTiff.read(file, "mm");
        assertThat(back.grid()).isEqualTo(GRID);
        assertThat(back.cellType()).isEqualTo(CellType.FLOAT32);
        assertThat(back.noData()).isPresent();
        assertThat(back.noData().getAsDouble()).isNaN();
        assertThat(Arrays.equals(back.values(), v)).isTrue();
        try (GeoTiffBand lazy = GeoTiff.open(file, "mm")) {
            assertThat(lazy.layout().tiled()).isTrue();
            assertThat(lazy.layout().blockWidth()).isEqualTo(256);
            assertThat(lazy.layout().compression()).isEqualTo(8);
        }
    }

    @Test
    void tilesOfOnlyNoDataAreLeftSparseAndReadBackAsNoData() {
        // 40 × 40 cells in 16 × 16 tiles (3 × 3): the NaN block covers tiles (0, 0), (0, 1) and
        // (1, 0) completely and tile (1, 1) only partly.
        GridGeometry grid = new GridGeometry("EPSG:4549", 0, 400, 10, 10, 40, 40);
        float[] v = new float[40 * 40];
        for (int i = 0; i < v.length; i++) {
            int r = i / 40;
            int c = i % 40;
            v[i] = (r < 32 && c < 32 && !(r >= 16 && c >= 16)) || (r == 20 && c == 20) ? Float.NaN : i * 0.5f;
        }
        Path file = dir.resolve("sparse.tif");
        try (GeoTiffWriter w = GeoTiffWriter.create(file, grid, CellType.FLOAT32, OptionalDouble.of(Double.NaN), 16)) {
            w.writeRows(v, 40);
        }
        try (GeoTiffBand band = GeoTiff.open(file, "1")) {
            long[] counts = band.layout().byteCounts();
            assertThat(counts[0]).isZero();
            assertThat(counts[1]).isZero();
            assertThat(counts[3]).isZero();
            assertThat(counts[4]).isPositive();
            assertThat(band.layout().offsets()[0]).isZero();
            float[] back = new float[v.length];
            band.readRows(0, 40, back);
            assertThat(back).containsExactly(v);
        }
        // Without a declared no-data value every tile is stored.
        Path dense = dir.resolve("dense.tif");
        try (GeoTiffWriter w = GeoTiffWriter.create(dense, grid, CellType.FLOAT32, OptionalDouble.empty(), 16)) {
            w.writeRows(v, 40);
        }
        try (GeoTiffBand band = GeoTiff.open(dense, "1")) {
            assertThat(band.layout().byteCounts()).doesNotContain(0L);
        }
    }

    @Test
    void integerTypesRoundTripWithSmallTiles() {
        GridGeometry grid = new GridGeometry("EPSG:4549", 0, 100, 2, 2, 37, 21);
        float[] dem = new float[grid.width() * grid.height()];
        float[] classes = new float[dem.length];
        for (int i = 0; i < dem.length; i++) {
            dem[i] = i % 13 == 0 ? -32768 : (float) (i * 37 % 65_000 - 32_000);
            classes[i] = i % 15;
        }
        Path demFile = dir.resolve("dem.tif");
        Path lcFile = dir.resolve("lc.tif");
        writeWithTile(demFile, new Band("dem", "m", grid, CellType.INT16, OptionalDouble.of(-32768), dem), 16);
        writeWithTile(lcFile, new Band("lc", "class", grid, CellType.UINT8, OptionalDouble.empty(), classes), 32);

        Band demBack = GeoTiff.read(demFile, "m");
        assertThat(demBack.cellType()).isEqualTo(CellType.INT16);
        assertThat(demBack.noData()).hasValue(-32768);
        assertThat(Arrays.equals(demBack.values(), dem)).isTrue();
        Band lcBack = GeoTiff.read(lcFile, "class");
        assertThat(lcBack.cellType()).isEqualTo(CellType.UINT8);
        assertThat(lcBack.noData()).isEmpty();
        assertThat(Arrays.equals(lcBack.values(), classes)).isTrue();
        assertThat(lcBack.grid()).isEqualTo(grid);
    }

    private static void writeWithTile(Path file, Band band, int tile) {
        try (GeoTiffWriter w = GeoTiffWriter.create(file, band.grid(), band.cellType(), band.noData(), tile)) {
            // Uneven chunks exercise the tile-row buffering.
            int first = 0;
            int chunk = 1;
            while (first < band.grid().height()) {
                int rows = Math.min(chunk, band.grid().height() - first);
                float[] part = Arrays.copyOfRange(
                        band.values(),
                        first * band.grid().width(),
                        (first + rows) * band.grid().width());
                w.writeRows(part, rows);
                first += rows;
                chunk = chunk % 5 + 1;
            }
        }
    }

    @Test
    void lazyReadsOfArbitraryRowRangesMatchTheWholeBand() {
        GridGeometry grid = new GridGeometry("EPSG:4549", 0, 0, 1, 1, 50, 70);
        float[] v = new float[grid.width() * grid.height()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.5f;
        }
        Path file = dir.resolve("rows.tif");
        writeWithTile(file, Band.ofFloat("v", "1", grid, -1, v), 16);
        try (GeoTiffBand lazy = GeoTiff.open(file, "1")) {
            float[] dest = new float[9 * 50];
            for (int first : new int[] {0, 13, 61, 2, 40}) {
                int rows = Math.min(9, 70 - first);
                lazy.readRows(first, rows, dest);
                assertThat(Arrays.copyOf(dest, rows * 50))
                        .containsExactly(Arrays.copyOfRange(v, first * 50, (first + rows) * 50));
            }
        }
    }

    @Test
    void valuesThatDoNotFitTheCellTypeAreRefused() {
        GridGeometry grid = new GridGeometry("EPSG:4549", 0, 0, 1, 1, 4, 1);
        Band band = new Band("lc", "class", grid, CellType.UINT8, OptionalDouble.empty(), new float[] {1, 2, 300, 4});
        assertThatThrownBy(() -> GeoTiff.write(dir.resolve("bad.tif"), band))
                .isInstanceOf(RasterException.class)
                .hasMessageContaining("bad.tif")
                .hasMessageContaining("300.0 at column 2, row 0");
    }

    @Test
    void writerRefusesToCloseIncompleteFiles() {
        GridGeometry grid = new GridGeometry("EPSG:4549", 0, 0, 1, 1, 4, 3);
        GeoTiffWriter w =
                GeoTiffWriter.create(dir.resolve("short.tif"), grid, CellType.FLOAT32, OptionalDouble.empty());
        w.writeRows(new float[4], 1);
        assertThatThrownBy(w::close).hasMessageContaining("only 1 of 3 rows");
    }

    @Test
    void truncatedFilesAreRefusedNamingTheFile() throws IOException {
        Path file = dir.resolve("whole.tif");
        GeoTiff.write(file, Band.ofFloat("v", "1", GRID, -1, new float[GRID.width() * GRID.height()]));
        byte[] bytes = Files.readAllBytes(file);
        // The writer puts the directory last: cutting the tail loses it; cutting the middle loses tiles.
        Path cutTail = dir.resolve("cut-tail.tif");
        Files.write(cutTail, Arrays.copyOf(bytes, bytes.length - 20));
        assertThatThrownBy(() -> GeoTiff.read(cutTail, "1"))
                .isInstanceOfSatisfying(
                        RasterException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageContaining("cut-tail.tif")
                .hasMessageContaining("truncated");
        Path header = dir.resolve("header-only.tif");
        Files.write(header, Arrays.copyOf(bytes, 5));
        assertThatThrownBy(() -> GeoTiff.read(header, "1"))
                .hasMessageContaining("header-only.tif")
                .hasMessageContaining("truncated");
        Path notTiff = dir.resolve("not.tif");
        Files.writeString(notTiff, "P6 not a tiff at all");
        assertThatThrownBy(() -> GeoTiff.read(notTiff, "1"))
                .hasMessageContaining("not.tif")
                .hasMessageContaining("not a TIFF");
    }

    @Test
    void truncatedTileDataIsRefused() throws IOException {
        Path source = GdalFixtureTest.fixture("float32_tiled_deflate_pred3.tif");
        byte[] bytes = Files.readAllBytes(source);
        // GDAL writes the directory first and the tiles after it: cutting the tail truncates tiles.
        Path cut = dir.resolve("gdal-cut.tif");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> GeoTiff.read(cut, "mm"))
                .hasMessageContaining("gdal-cut.tif")
                .hasMessageContaining("truncated");
    }
}
