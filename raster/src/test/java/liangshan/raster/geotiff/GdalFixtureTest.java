package liangshan.raster.geotiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import liangshan.raster.Band;
import liangshan.raster.CellType;
import liangshan.raster.RasterException;
import liangshan.raster.RasterException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads rasters written by GDAL 3.6 (see src/test/resources/gdal/README.md for the recipe). */
class GdalFixtureTest {

    static Path fixture(String name) {
        try {
            return Path.of(GdalFixtureTest.class.getResource("/gdal/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"float32_tiled_deflate_pred3.tif", "float32_bigendian_stripped_deflate_pred3.tif"})
    void float32WithFloatingPointPredictor(String name) {
        Band band = GeoTiff.read(fixture(name), "mm");
        assertThat(band.cellType()).isEqualTo(CellType.FLOAT32);
        assertThat(band.grid().crs()).isEqualTo("EPSG:4549");
        assertThat(band.grid().toGeoTransform()).containsExactly(500000, 10, 0, 3200000, 0, -10);
        assertThat(band.grid().width()).isEqualTo(40);
        assertThat(band.grid().height()).isEqualTo(30);
        assertThat(band.noData()).hasValue(-9999);
        for (int r = 0; r < 30; r++) {
            for (int c = 0; c < 40; c++) {
                float expected = (r + c) % 11 == 0 ? -9999f : (float) (r * 100 + c + 0.25);
                assertThat(band.get(c, r)).as("(%d, %d)", c, r).isEqualTo(expected);
            }
        }
        assertThat(band.isNoData(band.get(0, 0))).isTrue();
        assertThat(band.isNoData(band.get(1, 0))).isFalse();
    }

    @Test
    void layoutIsReportedAsWritten() {
        try (GeoTiffBand tiled = GeoTiff.open(fixture("float32_tiled_deflate_pred3.tif"), "mm");
                GeoTiffBand strips = GeoTiff.open(fixture("int16_stripped_lzw_pred2.tif"), "m")) {
            assertThat(tiled.layout().tiled()).isTrue();
            assertThat(tiled.layout().blockWidth()).isEqualTo(16);
            assertThat(tiled.layout().predictor()).isEqualTo(3);
            assertThat(tiled.layout().compression()).isEqualTo(8);
            assertThat(strips.layout().tiled()).isFalse();
            assertThat(strips.layout().blockHeight()).isEqualTo(5);
            assertThat(strips.layout().compression()).isEqualTo(5);
            assertThat(strips.layout().predictor()).isEqualTo(2);
        }
    }

    @Test
    void int16StrippedLzwWithHorizontalPredictor() {
        Band band = GeoTiff.read(fixture("int16_stripped_lzw_pred2.tif"), "m");
        assertThat(band.cellType()).isEqualTo(CellType.INT16);
        assertThat(band.grid().toGeoTransform()).containsExactly(480000, 30, 0, 3250000, 0, -30);
        assertThat(band.grid().cellAreaSquareMetres()).isEqualTo(900);
        assertThat(band.noData()).hasValue(-32768);
        for (int r = 0; r < 23; r++) {
            for (int c = 0; c < 37; c++) {
                float expected = (r * 3 + c) % 17 == 0 ? -32768f : (short) ((r * 37 + c) * 13 - 5000);
                assertThat(band.get(c, r)).as("(%d, %d)", c, r).isEqualTo(expected);
            }
        }
    }

    @Test
    void uint8UncompressedWithoutNoDataHasEmptyNoData() {
        Band band = GeoTiff.read(fixture("uint8_uncompressed.tif"), "class");
        assertThat(band.cellType()).isEqualTo(CellType.UINT8);
        assertThat(band.grid().crs()).isEqualTo("EPSG:4490");
        assertThat(band.grid().originX()).isEqualTo(118.5);
        assertThat(band.grid().cellWidth()).isEqualTo(0.001);
        assertThat(band.noData()).isEmpty();
        assertThatThrownBy(() -> band.grid().cellAreaSquareMetres()).hasMessageContaining("geographic");
        for (int r = 0; r < 20; r++) {
            for (int c = 0; c < 25; c++) {
                assertThat(band.get(c, r)).isEqualTo((r * 7 + c * 3) % 256);
            }
        }
    }

    @Test
    void sparseTilesReadAsNoData() {
        Band band = GeoTiff.read(fixture("float32_sparse_tiles.tif"), "1");
        assertThat(band.get(0, 0)).isEqualTo(7f);
        assertThat(band.get(15, 15)).isEqualTo(7f);
        assertThat(band.get(16, 0)).isEqualTo(-1f);
        assertThat(band.get(20, 20)).isEqualTo(-1f);
        assertThat(band.isNoData(band.get(31, 31))).isTrue();
    }

    @Test
    void refusesFloat64NamingTheFile() {
        assertThatThrownBy(() -> GeoTiff.read(fixture("float64_unsupported.tif"), "1"))
                .isInstanceOfSatisfying(
                        RasterException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED))
                .hasMessageContaining("float64_unsupported.tif")
                .hasMessageContaining("64-bit floating point");
    }

    @Test
    void refusesRotatedGrid() {
        assertThatThrownBy(() -> GeoTiff.read(fixture("rotated.tif"), "1"))
                .isInstanceOfSatisfying(
                        RasterException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ROTATED_GRID))
                .hasMessageContaining("rotated.tif")
                .hasMessageContaining("north-up");
    }

    @Test
    void refusesMissingGeoreferencing() {
        assertThatThrownBy(() -> GeoTiff.read(fixture("no_georef.tif"), "1"))
                .isInstanceOfSatisfying(
                        RasterException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_GEOREFERENCING))
                .hasMessageContaining("no_georef.tif");
    }
}
