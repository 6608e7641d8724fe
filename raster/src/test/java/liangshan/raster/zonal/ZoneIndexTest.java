package liangshan.raster.zonal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import liangshan.raster.GridGeometry;
import liangshan.raster.RasterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class ZoneIndexTest {

    /** 10 × 10 cells of 1 m; cell (c, r) has its centre at (c + 0.5, 9.5 − r). */
    static final GridGeometry GRID = new GridGeometry("EPSG:4549", 0, 10, 1, 1, 10, 10);

    static Geometry wkt(String text) {
        try {
            return new WKTReader().read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static int row(double centreY) {
        return (int) (9.5 - centreY);
    }

    @Test
    void cellsBelongToTheZoneContainingTheirCentre() {
        // Edges between centres: centres 2.5 .. 5.5 in x and y are inside.
        ZoneIndex index = ZoneIndex.rasterise(GRID, List.of(wkt("POLYGON ((2 2, 6 2, 6 6, 2 6, 2 2))")));
        assertThat(index.cellCount(0)).isEqualTo(16);
        assertThat(index.outsideCells()).isEqualTo(84);
        assertThat(index.zoneAt(2, row(2.5))).isZero();
        assertThat(index.zoneAt(5, row(5.5))).isZero();
        assertThat(index.zoneAt(6, row(5.5))).isEqualTo(ZoneIndex.OUTSIDE);
        assertThat(index.zoneAt(1, row(2.5))).isEqualTo(ZoneIndex.OUTSIDE);
    }

    @Test
    void edgesThroughCentresIncludeWestAndSouthExcludeEastAndNorth() {
        // The square's edges pass exactly through the centres x, y ∈ {0.5, 3.5}.
        ZoneIndex index =
                ZoneIndex.rasterise(GRID, List.of(wkt("POLYGON ((0.5 0.5, 3.5 0.5, 3.5 3.5, 0.5 3.5, 0.5 0.5))")));
        assertThat(index.cellCount(0)).isEqualTo(9);
        assertThat(index.zoneAt(0, row(0.5))).as("south-west corner centre").isZero();
        assertThat(index.zoneAt(3, row(1.5))).as("east edge centre").isEqualTo(ZoneIndex.OUTSIDE);
        assertThat(index.zoneAt(1, row(3.5))).as("north edge centre").isEqualTo(ZoneIndex.OUTSIDE);
    }

    @Test
    void sharedEdgesThroughCentresGoToTheEastOrNorthZone() {
        Geometry west = wkt("POLYGON ((0 0, 4.5 0, 4.5 5.5, 0 5.5, 0 0))");
        Geometry east = wkt("POLYGON ((4.5 0, 10 0, 10 5.5, 4.5 5.5, 4.5 0))");
        Geometry north = wkt("POLYGON ((0 5.5, 10 5.5, 10 10, 0 10, 0 5.5))");
        ZoneIndex index = ZoneIndex.rasterise(GRID, List.of(west, east, north));
        assertThat(index.zoneAt(4, row(2.5)))
                .as("centre x = 4.5 on the west/east edge")
                .isEqualTo(1);
        assertThat(index.zoneAt(3, row(2.5))).isZero();
        assertThat(index.zoneAt(2, row(5.5)))
                .as("centre y = 5.5 on the south/north edge")
                .isEqualTo(2);
        assertThat(index.zoneAt(4, row(5.5))).as("centre on the triple point").isEqualTo(2);
        assertThat(index.outsideCells()).isZero();
        assertThat(index.overlapCells()).isZero();
        assertThat(index.cellCount(0) + index.cellCount(1) + index.cellCount(2)).isEqualTo(100);
        assertThat(index.cellCount(0)).isEqualTo(4 * 5);
        assertThat(index.cellCount(1)).isEqualTo(6 * 5);
    }

    @Test
    void holesAndMultipolygonParts() {
        Geometry withHole = wkt("POLYGON ((0 0, 6 0, 6 6, 0 6, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))");
        Geometry multi = wkt("MULTIPOLYGON (((7 7, 9 7, 9 9, 7 9, 7 7)), ((7 0, 10 0, 10 1, 7 1, 7 0)))");
        ZoneIndex index = ZoneIndex.rasterise(GRID, List.of(withHole, multi));
        assertThat(index.cellCount(0)).isEqualTo(36 - 4);
        assertThat(index.zoneAt(2, row(2.5))).as("in the hole").isEqualTo(ZoneIndex.OUTSIDE);
        assertThat(index.zoneAt(1, row(2.5))).isZero();
        assertThat(index.cellCount(1)).isEqualTo(4 + 3);
        assertThat(index.zoneAt(9, row(0.5))).isEqualTo(1);
        assertThat(index.outsideCells()).isEqualTo(100 - 32 - 7);
    }

    @Test
    void overlapsGoToTheFirstZoneAndAreCounted() {
        Geometry a = wkt("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))");
        Geometry b = wkt("POLYGON ((2 2, 6 2, 6 6, 2 6, 2 2))");
        ZoneIndex index = ZoneIndex.rasterise(GRID, List.of(a, b));
        assertThat(index.overlapCells()).isEqualTo(4);
        assertThat(index.zoneAt(3, row(3.5))).isZero();
        assertThat(index.cellCount(1)).isEqualTo(12);
    }

    @Test
    void zonesOutsideTheGridGetNoCells() {
        ZoneIndex index = ZoneIndex.rasterise(
                GRID,
                List.of(
                        wkt("POLYGON ((20 20, 30 20, 30 30, 20 20))"),
                        wkt("POLYGON ((-5 -5, 15 -5, 15 15, -5 15, -5 -5))")));
        assertThat(index.cellCount(0)).isZero();
        assertThat(index.cellCount(1)).isEqualTo(100);
    }

    @Test
    void rejectsNonPolygonsAndForeignSrid() {
        Geometry line = wkt("LINESTRING (0 0, 5 5)");
        assertThatThrownBy(() -> ZoneIndex.rasterise(GRID, List.of(wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))"), line)))
                .isInstanceOf(RasterException.class)
                .hasMessageContaining("zone #1")
                .hasMessageContaining("LineString");
        Geometry lonLat = wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))");
        lonLat.setSRID(4490);
        assertThatThrownBy(() -> ZoneIndex.rasterise(GRID, List.of(lonLat)))
                .isInstanceOfSatisfying(RasterException.class, e -> assertThat(e.reason())
                        .isEqualTo(RasterException.Reason.CRS_MISMATCH))
                .hasMessageContaining("zone #0");
    }

    @Test
    void moreZonesThanACharHoldsFallBackToIntStorage() {
        // 256 × 256 one-cell zones = 65,536 ≥ SHORT_LIMIT (65,535): int storage; zone 65,535 must
        // not wrap to "outside", and the last row is left to no zone.
        GridGeometry grid = new GridGeometry("EPSG:4549", 0, 257, 1, 1, 256, 257);
        GeometryFactory gf = new GeometryFactory();
        List<Geometry> zones = new java.util.ArrayList<>();
        for (int r = 0; r < 256; r++) {
            for (int c = 0; c < 256; c++) {
                zones.add(gf.toGeometry(new org.locationtech.jts.geom.Envelope(c, c + 1, 256 - r, 257 - r)));
            }
        }
        assertThat(zones.size()).isGreaterThanOrEqualTo(ZoneIndex.SHORT_LIMIT);
        ZoneIndex index = ZoneIndex.rasterise(grid, zones);
        assertThat(index.zoneAt(0, 0)).isZero();
        assertThat(index.zoneAt(255, 255)).isEqualTo(65_535);
        assertThat(index.zoneAt(17, 3)).isEqualTo(3 * 256 + 17);
        assertThat(index.zoneAt(5, 256)).isEqualTo(ZoneIndex.OUTSIDE);
        assertThat(index.outsideCells()).isEqualTo(256);
        // One zone fewer: char storage, the same answers.
        ZoneIndex small = ZoneIndex.rasterise(grid, zones.subList(0, 65_534));
        assertThat(small.zoneAt(253, 255)).isEqualTo(65_533);
        assertThat(small.zoneAt(254, 255)).isEqualTo(ZoneIndex.OUTSIDE);
        assertThat(small.outsideCells()).isEqualTo(256 + 2);
    }

    static LongStream seeds() {
        return LongStream.range(0, 40).map(i -> 0xC0FFEEL + i);
    }

    /** Random polygons with holes: every centre not within 1e-9 of a ring agrees with JTS. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithJtsContainsAwayFromBoundaries(long seed) {
        System.out.println("ZoneIndexTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        GeometryFactory gf = new GeometryFactory();
        GridGeometry grid = new GridGeometry("EPSG:4549", 100, 200, 2.5, 2.5, 40, 40);
        List<Geometry> zones = new ArrayList<>();
        for (int z = 0; z < 3; z++) {
            zones.add(randomStar(gf, random, 100 + random.nextDouble(20, 80), 200 - random.nextDouble(20, 80)));
        }
        ZoneIndex index = ZoneIndex.rasterise(grid, zones);
        for (int r = 0; r < 40; r++) {
            for (int c = 0; c < 40; c++) {
                Point centre = gf.createPoint(new Coordinate(grid.centreX(c), grid.centreY(r)));
                int expected = ZoneIndex.OUTSIDE;
                boolean ambiguous = false;
                for (int z = zones.size() - 1; z >= 0; z--) {
                    ambiguous |= zones.get(z).getBoundary().distance(centre) < 1e-9;
                    if (zones.get(z).contains(centre)) {
                        expected = z;
                    }
                }
                if (!ambiguous) {
                    assertThat(index.zoneAt(c, r))
                            .as("seed %d cell (%d, %d)", seed, c, r)
                            .isEqualTo(expected);
                }
            }
        }
    }

    private static Polygon randomStar(GeometryFactory gf, SplittableRandom random, double cx, double cy) {
        int n = 5 + random.nextInt(20);
        Coordinate[] shell = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / n;
            double radius = random.nextDouble(8, 30);
            shell[i] = new Coordinate(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
        }
        shell[n] = shell[0];
        Coordinate[] hole = {
            new Coordinate(cx - 3, cy - 3),
            new Coordinate(cx + 3, cy - 3),
            new Coordinate(cx + 3, cy + 3),
            new Coordinate(cx - 3, cy + 3),
            new Coordinate(cx - 3, cy - 3)
        };
        return gf.createPolygon(
                gf.createLinearRing(shell), new org.locationtech.jts.geom.LinearRing[] {gf.createLinearRing(hole)});
    }
}
