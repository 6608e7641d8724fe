package liangshan.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GridGeometryTest {

    static final GridGeometry GRID = new GridGeometry("EPSG:4549", 500_000, 3_200_000, 10, 10, 400, 300);

    @Test
    void centresAndAreaFollowTheNorthUpConvention() {
        assertThat(GRID.centreX(0)).isEqualTo(500_005);
        assertThat(GRID.centreY(0)).isEqualTo(3_199_995);
        assertThat(GRID.centreX(399)).isEqualTo(503_995);
        assertThat(GRID.centreY(299)).isEqualTo(3_197_005);
        assertThat(GRID.cellAreaSquareMetres()).isEqualTo(100);
        assertThat(GRID.cellCount()).isEqualTo(120_000);
        assertThat(GRID.maxX()).isEqualTo(504_000);
        assertThat(GRID.minY()).isEqualTo(3_197_000);
        assertThat(GRID.index(3, 2)).isEqualTo(803);
    }

    @Test
    void geoTransformRoundTripsAndRotationIsRefused() {
        assertThat(GridGeometry.fromGeoTransform("x", "EPSG:4549", GRID.toGeoTransform(), 400, 300))
                .isEqualTo(GRID);
        assertThatThrownBy(() -> GridGeometry.fromGeoTransform(
                        "dem.tif", "EPSG:4549", new double[] {0, 10, 0.1, 0, 0, -10}, 4, 4))
                .isInstanceOfSatisfying(RasterException.class, e -> assertThat(e.reason())
                        .isEqualTo(RasterException.Reason.ROTATED_GRID))
                .hasMessageContaining("dem.tif");
        assertThatThrownBy(() ->
                        GridGeometry.fromGeoTransform("up.tif", "EPSG:4549", new double[] {0, 10, 0, 0, 0, 10}, 4, 4))
                .hasMessageContaining("up.tif");
    }

    @Test
    void alignmentNeedsSameCrsShapeOriginAndCellSize() {
        assertThat(GRID.isAlignedWith(new GridGeometry("EPSG:4549", 500_000 + 1e-7, 3_200_000, 10, 10, 400, 300)))
                .isTrue();
        assertThat(GRID.isAlignedWith(new GridGeometry("EPSG:4549", 500_000.001, 3_200_000, 10, 10, 400, 300)))
                .isFalse();
        assertThat(GRID.isAlignedWith(new GridGeometry("EPSG:4549", 500_000, 3_200_000, 10, 10, 401, 300)))
                .isFalse();
        assertThat(GRID.isAlignedWith(new GridGeometry("EPSG:4549", 500_000, 3_200_000, 10, 10.5, 400, 300)))
                .isFalse();
        assertThat(GRID.isAlignedWith(new GridGeometry("EPSG:4547", 500_000, 3_200_000, 10, 10, 400, 300)))
                .isFalse();
    }

    @Test
    void mismatchMessagesNameTheOffendingInput() {
        GridGeometry other = new GridGeometry("EPSG:4490", 118, 29, 0.001, 0.001, 400, 300);
        assertThatThrownBy(() -> GRID.requireAlignedWith(other, "dem.tif", "rain.tif"))
                .isInstanceOfSatisfying(RasterException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RasterException.Reason.CRS_MISMATCH);
                    assertThat(e.input()).isEqualTo("rain.tif");
                })
                .hasMessageContaining("EPSG:4490")
                .hasMessageContaining("dem.tif");
        GridGeometry shifted = new GridGeometry("EPSG:4549", 500_005, 3_200_000, 10, 10, 400, 300);
        assertThatThrownBy(() -> GRID.requireAlignedWith(shifted, "dem.tif", "lc.tif"))
                .isInstanceOfSatisfying(
                        RasterException.class, e -> assertThat(e.reason()).isEqualTo(RasterException.Reason.MISALIGNED))
                .hasMessageStartingWith("lc.tif: grid 400×300 cells of 10.0×10.0 at (500005.0, 3200000.0)");
    }

    @Test
    void invalidGridsAreRejected() {
        assertThatThrownBy(() -> new GridGeometry("4549", 0, 0, 1, 1, 1, 1)).hasMessageContaining("EPSG:<code>");
        assertThatThrownBy(() -> new GridGeometry("EPSG:4549", 0, 0, 0, 1, 1, 1))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new GridGeometry("EPSG:4549", 0, 0, 1, 1, 0, 1))
                .hasMessageContaining("shape");
        assertThatThrownBy(() -> new GridGeometry("EPSG:4549", Double.NaN, 0, 1, 1, 1, 1))
                .hasMessageContaining("finite");
    }
}
