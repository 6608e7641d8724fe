package liangshan.raster.zonal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import liangshan.raster.Band;
import liangshan.raster.GridGeometry;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * 1,664 Voronoi "villages" tiling a 3,200 × 3,200 grid (10.2 M cells): every cell is assigned
 * exactly once and the zonal sum of a constant band equals each zone's cell count. Prints the
 * elapsed time for information; speed is measured by benchmarks, not asserted here.
 */
class ZonalScaleTest {

    @Test
    void villagesTileTheGridExactlyOnce() {
        long seed = 1664;
        System.out.println("ZonalScaleTest seed " + seed);
        GridGeometry grid = new GridGeometry("EPSG:4549", 500_000, 3_232_000, 10, 10, 3_200, 3_200);
        Envelope extent = new Envelope(grid.originX(), grid.maxX(), grid.minY(), grid.originY());
        SplittableRandom random = new SplittableRandom(seed);
        List<Coordinate> sites = new ArrayList<>();
        for (int i = 0; i < 1_664; i++) {
            sites.add(new Coordinate(
                    random.nextDouble(extent.getMinX(), extent.getMaxX()),
                    random.nextDouble(extent.getMinY(), extent.getMaxY())));
        }
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        builder.setClipEnvelope(extent);
        GeometryFactory gf = new GeometryFactory();
        Geometry cells = builder.getDiagram(gf);
        Geometry frame = gf.toGeometry(extent);
        List<Geometry> villages = new ArrayList<>();
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            villages.add(cells.getGeometryN(i).intersection(frame));
        }

        long start = System.nanoTime();
        ZoneIndex index = ZoneIndex.rasterise(grid, villages);
        long rasterised = System.nanoTime();
        float[] ones = new float[Math.toIntExact(grid.cellCount())];
        java.util.Arrays.fill(ones, 1f);
        ZonalSums sums = ZonalSums.of(index, List.of(Band.ofFloat("one", "1", grid, Double.NaN, ones)));
        long summed = System.nanoTime();
        System.out.printf(
                "ZonalScaleTest: %d zones, %d cells: rasterise %.0f ms, sum %.0f ms%n",
                villages.size(), grid.cellCount(), (rasterised - start) / 1e6, (summed - rasterised) / 1e6);

        assertThat(villages).hasSize(1_664);
        assertThat(index.outsideCells()).isZero();
        assertThat(index.overlapCells()).isZero();
        long total = 0;
        for (int z = 0; z < index.zoneCount(); z++) {
            total += index.cellCount(z);
            assertThat(sums.sum(0, z)).isEqualTo(index.cellCount(z));
            // The centre-in count approximates the polygon area to within its perimeter in cells.
            double areaCells = villages.get(z).getArea() / 100;
            double perimeterCells = villages.get(z).getLength() / 10;
            assertThat(Math.abs(index.cellCount(z) - areaCells)).isLessThanOrEqualTo(perimeterCells);
        }
        assertThat(total).isEqualTo(grid.cellCount());
    }
}
