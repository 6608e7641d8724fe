package liangshan.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.OptionalDouble;
import liangshan.raster.geotiff.GeoTiff;
import liangshan.raster.geotiff.GeoTiffBand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PixelLoopTest {

    static final GridGeometry GRID = new GridGeometry("EPSG:4549", 0, 1000, 10, 10, 23, 57);

    static Band ramp(String name, float scale) {
        float[] v = new float[23 * 57];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * scale;
        }
        return Band.ofFloat(name, "1", GRID, Double.NaN, v);
    }

    @Test
    void visitsEveryCellOnceInStripsWithAlignedValues(@TempDir Path dir) {
        Band a = ramp("a", 1);
        Path file = dir.resolve("b.tif");
        GeoTiff.write(file, ramp("b", 2));
        try (GeoTiffBand b = GeoTiff.open(file, "1")) {
            PixelLoop loop = PixelLoop.over(a, b).withStripRows(10);
            assertThat(loop.bufferBytes()).isEqualTo(4L * 2 * 10 * 23);
            long[] visited = {0};
            int[] strips = {0};
            loop.forEachStrip(strip -> {
                strips[0]++;
                assertThat(strip.rowCount()).isLessThanOrEqualTo(10);
                for (int k = 0; k < strip.cellCount(); k++) {
                    long i = strip.gridIndex(k);
                    assertThat(strip.values(0)[k]).isEqualTo((float) i);
                    assertThat(strip.values(1)[k]).isEqualTo((float) i * 2);
                    visited[0]++;
                }
            });
            assertThat(visited[0]).isEqualTo(23 * 57);
            assertThat(strips[0]).isEqualTo(6);
        }
    }

    @Test
    void readAheadVisitsTheSameStripsWithTheSameValues(@TempDir Path dir) {
        Path file = dir.resolve("b.tif");
        GeoTiff.write(file, ramp("b", 2));
        try (GeoTiffBand b = GeoTiff.open(file, "1")) {
            PixelLoop loop = PixelLoop.over(ramp("a", 1), b).withStripRows(10);
            StringBuilder plain = new StringBuilder();
            StringBuilder ahead = new StringBuilder();
            loop.forEachStrip(strip -> describe(strip, plain));
            loop.forEachStripReadAhead(strip -> describe(strip, ahead));
            assertThat(ahead.toString()).isEqualTo(plain.toString()).contains("50+7:");
            long[] sum = {0};
            loop.forEachStripReadAhead(strip -> {
                for (int k = 0; k < strip.cellCount(); k++) {
                    assertThat(strip.values(1)[k]).isEqualTo(2f * strip.gridIndex(k));
                    sum[0] += (long) strip.values(0)[k];
                }
            });
            assertThat(sum[0]).isEqualTo((long) (23 * 57 - 1) * (23 * 57) / 2);
        }
    }

    @Test
    void readAheadPassesOnAReadFailureAndAVisitorFailure() {
        Band values = ramp("f", 1);
        BandSource failing = new BandSource() {
            @Override
            public String name() {
                return "f";
            }

            @Override
            public String unit() {
                return "1";
            }

            @Override
            public GridGeometry grid() {
                return GRID;
            }

            @Override
            public CellType cellType() {
                return CellType.FLOAT32;
            }

            @Override
            public OptionalDouble noData() {
                return OptionalDouble.of(Double.NaN);
            }

            @Override
            public void readRows(int firstRow, int rowCount, float[] into) {
                if (firstRow >= 30) {
                    throw new RasterException(RasterException.Reason.MALFORMED, "f", "broken block at row " + firstRow);
                }
                values.readRows(firstRow, rowCount, into);
            }
        };
        int[] visited = {0};
        assertThatThrownBy(() -> PixelLoop.over(failing).withStripRows(10).forEachStripReadAhead(s -> visited[0]++))
                .hasMessageContaining("broken block at row 30");
        assertThat(visited[0]).isEqualTo(3);
        assertThatThrownBy(() -> PixelLoop.over(ramp("a", 1)).withStripRows(10).forEachStripReadAhead(s -> {
                    throw new IllegalStateException("visitor failed");
                }))
                .hasMessage("visitor failed");
    }

    private static void describe(PixelLoop.Strip strip, StringBuilder out) {
        double sum = 0;
        for (int k = 0; k < strip.cellCount(); k++) {
            sum += strip.values(0)[k] + strip.values(1)[k];
        }
        out.append(strip.firstRow())
                .append('+')
                .append(strip.rowCount())
                .append(':')
                .append(sum)
                .append(';');
    }

    @Test
    void refusesMisalignedInputsNamingThem() {
        Band a = ramp("dem.tif", 1);
        Band other = Band.filled(
                "rain.tif",
                "mm",
                new GridGeometry("EPSG:4549", 5, 1000, 10, 10, 23, 57),
                CellType.FLOAT32,
                OptionalDouble.empty(),
                0);
        assertThatThrownBy(() -> PixelLoop.over(a, other))
                .isInstanceOf(RasterException.class)
                .hasMessageStartingWith("rain.tif:")
                .hasMessageContaining("dem.tif");
        assertThatThrownBy(PixelLoop::over).hasMessageContaining("at least one input");
        assertThatThrownBy(() -> PixelLoop.requireAligned(java.util.List.of(a, a, other)))
                .hasMessageStartingWith("rain.tif:");
        assertThat(PixelLoop.requireAligned(java.util.List.of(a, ramp("b", 2)))).isEqualTo(GRID);
    }

    @Test
    void bandChecksShapeAndNoData() {
        assertThatThrownBy(() -> Band.ofFloat("x", "1", GRID, Double.NaN, new float[3]))
                .hasMessageContaining("3 values");
        assertThatThrownBy(() ->
                        new Band("lc", "class", GRID, CellType.UINT8, OptionalDouble.of(-9999), new float[23 * 57]))
                .hasMessageContaining("does not fit UINT8");
        Band noDeclared = Band.filled("lc", "class", GRID, CellType.UINT8, OptionalDouble.empty(), 0);
        assertThat(noDeclared.noData()).isEmpty();
        assertThat(noDeclared.isNoData(0)).isFalse();
        assertThat(noDeclared.isNoData(Float.NaN)).isTrue();
        assertThatThrownBy(() -> noDeclared.requireNoData("water conservation"))
                .isInstanceOf(RasterException.class)
                .hasMessageStartingWith("lc: declares no no-data value, which water conservation requires");
        assertThat(ramp("r", 1).requireNoData("x")).isNaN();
    }
}
