package liangshan.gep.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import liangshan.raster.Band;
import liangshan.raster.GridGeometry;
import liangshan.raster.geotiff.GeoTiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/** The probe answers what {@code landcover.tif} holds, cell by cell, for the base and a varied year. */
class LandCoverProbeTest {

    private static final CRSFactory CRS = new CRSFactory();
    private static final CoordinateTransform TO_GRID = new CoordinateTransformFactory()
            .createTransform(CRS.createFromName("EPSG:4490"), CRS.createFromName("EPSG:4549"));
    private static final CoordinateTransform TO_LON_LAT = new CoordinateTransformFactory()
            .createTransform(CRS.createFromName("EPSG:4549"), CRS.createFromName("EPSG:4490"));
    private static final SyntheticLandscape.Projection PROJECTION = new SyntheticLandscape.Projection() {
        @Override
        public double[] toGrid(double lon, double lat) {
            ProjCoordinate p = TO_GRID.transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
            return new double[] {p.x, p.y};
        }

        @Override
        public double[] toLonLat(double x, double y) {
            ProjCoordinate p = TO_LON_LAT.transform(new ProjCoordinate(x, y), new ProjCoordinate());
            return new double[] {p.x, p.y};
        }
    };

    @TempDir
    Path dir;

    @Test
    void agreesWithTheWrittenRasterOnEveryCell() {
        for (SyntheticLandscape.Variation variation :
                List.of(SyntheticLandscape.Variation.NONE, new SyntheticLandscape.Variation(0.9, 1_500))) {
            // the Kecheng seat, the Qu river, lowlands and hills south of them: every rule of the cover
            SyntheticLandscape.Zone zone = zone(118.80, 28.80, 118.95, 28.98);
            Path out = dir.resolve("v" + variation.seatGrowthMetres());
            SyntheticLandscape.generate(7, 200, List.of(zone), List.of(zone), PROJECTION, out, s -> {}, variation);
            Band cover = GeoTiff.read(out.resolve("landcover.tif"), "class");
            GridGeometry grid = cover.grid();
            LandCoverProbe probe = new LandCoverProbe(7, 200, PROJECTION, variation);
            int compared = 0;
            int equal = 0;
            int[] seen = new int[15];
            for (int row = 1; row < grid.height() - 1; row++) {
                for (int col = 1; col < grid.width() - 1; col++) {
                    int expected = (int) cover.values()[grid.index(col, row)];
                    if (expected == 0) {
                        continue;
                    }
                    compared++;
                    seen[expected]++;
                    if (probe.classAt(grid.centreX(col) + 37, grid.centreY(row) - 61) == expected) {
                        equal++;
                    }
                }
            }
            assertThat(compared).isGreaterThan(5_000);
            // floating-point cell centres may differ in the last bit from (k + ½)·cell: allow 1 in 1,000
            assertThat(equal).isGreaterThanOrEqualTo(compared - compared / 1_000);
            assertThat(seen[13]).as("built-up cells").isPositive();
            assertThat(seen[11]).as("river cells").isPositive();
            assertThat(seen[8] + seen[9]).as("farmland cells").isPositive();
        }
    }

    private static SyntheticLandscape.Zone zone(double w, double s, double e, double n) {
        GeometryFactory f = new GeometryFactory();
        double[][] corners = {{w, s}, {e, s}, {e, n}, {w, n}, {w, s}};
        Coordinate[] lonLat = new Coordinate[5];
        Coordinate[] grid = new Coordinate[5];
        for (int i = 0; i < 5; i++) {
            lonLat[i] = new Coordinate(corners[i][0], corners[i][1]);
            double[] xy = PROJECTION.toGrid(corners[i][0], corners[i][1]);
            grid[i] = new Coordinate(xy[0], xy[1]);
        }
        Polygon g = f.createPolygon(grid);
        return new SyntheticLandscape.Zone("330802", "test", g, f.createPolygon(lonLat));
    }
}
