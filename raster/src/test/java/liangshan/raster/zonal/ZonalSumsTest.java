package liangshan.raster.zonal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import liangshan.raster.Band;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import liangshan.raster.RasterException;
import org.junit.jupiter.api.Test;

class ZonalSumsTest {

    @Test
    void sumsValidCellsPerZoneAndReportsNoDataAndOutside() {
        GridGeometry grid = ZoneIndexTest.GRID;
        ZoneIndex index = ZoneIndex.rasterise(
                grid,
                List.of(
                        ZoneIndexTest.wkt("POLYGON ((0 0, 5 0, 5 10, 0 10, 0 0))"),
                        ZoneIndexTest.wkt("POLYGON ((5 0, 8 0, 8 10, 5 10, 5 0))")));
        float[] ones = new float[100];
        float[] water = new float[100];
        for (int i = 0; i < 100; i++) {
            ones[i] = 1;
            water[i] = i % 10; // value = column
        }
        water[grid.index(0, 0)] = -1; // no-data in zone 0
        water[grid.index(9, 3)] = -1; // no-data outside
        Band count = Band.ofFloat("count", "1", grid, Double.NaN, ones);
        Band volume = new Band("water", "m3", grid, CellType.FLOAT32, OptionalDouble.of(-1), water);

        ZonalSums sums = ZonalSums.of(index, List.of(count, volume));

        assertThat(sums.sum(0, 0)).isEqualTo(50);
        assertThat(sums.sum("count", 1)).isEqualTo(30);
        assertThat(sums.outsideSums()[0]).isEqualTo(20);
        // Zone 0: columns 0..4 in 10 rows = 10 × (0+1+2+3+4) = 100, minus the no-data cell (column 0, value 0).
        assertThat(sums.sum("water", 0)).isEqualTo(100);
        assertThat(sums.noDataCells()[1][0]).isEqualTo(1);
        assertThat(sums.sum("water", 1)).isEqualTo(10 * (5 + 6 + 7));
        assertThat(sums.outsideSums()[1]).isEqualTo(10 * (8 + 9) - 9 + 0);
        assertThat(sums.outsideNoDataCells()[1]).isEqualTo(1);
        assertThat(sums.cellsPerZone()).containsExactly(50, 30);
        assertThat(sums.outsideCells()).isEqualTo(20);
    }

    @Test
    void accumulatorAgreesWithBandSums() {
        GridGeometry grid = ZoneIndexTest.GRID;
        ZoneIndex index = ZoneIndex.rasterise(
                grid,
                List.of(
                        ZoneIndexTest.wkt("POLYGON ((0 0, 5 0, 5 10, 0 10, 0 0))"),
                        ZoneIndexTest.wkt("POLYGON ((5 0, 8 0, 8 7, 5 7, 5 0))")));
        float[] values = new float[100];
        for (int i = 0; i < 100; i++) {
            values[i] = i % 9 == 0 ? Float.NaN : i * 0.5f;
        }
        Band band = Band.ofFloat("v", "m3", grid, Double.NaN, values);
        ZonalSums direct = ZonalSums.of(index, List.of(band));
        ZonalAccumulator acc = new ZonalAccumulator(index, List.of("v"));
        liangshan.raster.PixelLoop.over(band)
                .withStripRows(3)
                .forEachStrip(strip -> acc.add(0, strip.gridIndex(0), strip.values(0), strip.cellCount()));
        ZonalSums streamed = acc.result();
        assertThat(streamed.sums()[0]).containsExactly(direct.sums()[0]);
        assertThat(streamed.noDataCells()[0]).containsExactly(direct.noDataCells()[0]);
        assertThat(streamed.outsideSums()).containsExactly(direct.outsideSums());
        assertThat(streamed.outsideNoDataCells()).containsExactly(direct.outsideNoDataCells());
        assertThat(streamed.cellsPerZone()).containsExactly(50, 21);
    }

    @Test
    void misalignedBandIsRefusedByName() {
        ZoneIndex index =
                ZoneIndex.rasterise(ZoneIndexTest.GRID, List.of(ZoneIndexTest.wkt("POLYGON ((0 0, 5 0, 5 5, 0 0))")));
        GridGeometry shifted = new GridGeometry("EPSG:4549", 0.5, 10, 1, 1, 10, 10);
        Band band = Band.ofFloat("npp.tif", "gC/m2", shifted, Double.NaN, new float[100]);
        assertThatThrownBy(() -> ZonalSums.of(index, List.of(band)))
                .isInstanceOf(RasterException.class)
                .hasMessageContaining("npp.tif")
                .hasMessageContaining("not aligned");
    }
}
