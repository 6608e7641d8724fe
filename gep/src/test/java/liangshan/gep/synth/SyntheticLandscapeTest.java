package liangshan.gep.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import liangshan.gep.run.GepRun;
import liangshan.gep.run.ZoneRow;
import liangshan.raster.Band;
import liangshan.raster.geotiff.GeoTiff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The synthetic landscape on a small stand-in city: two rectangular "counties" spanning the Qu
 * basin and the southern mountains (118.40–119.30 E, 28.68–29.20 N), each split into four
 * villages, at 1,000 m cells — then fed to {@code gep run} end to end.
 */
class SyntheticLandscapeTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final CoordinateTransform TO_GRID = transform("EPSG:4490", "EPSG:4549");
    private static final CoordinateTransform TO_LON_LAT = transform("EPSG:4549", "EPSG:4490");
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

    static final List<SyntheticLandscape.Zone> COUNTIES = new ArrayList<>();
    static final List<SyntheticLandscape.Zone> VILLAGES = new ArrayList<>();

    @TempDir
    static Path dir;

    static SyntheticLandscape.Result result;

    @BeforeAll
    static void generate() {
        double[][] counties = {{118.40, 118.85}, {118.85, 119.30}};
        String[] codes = {"330802", "330803"};
        for (int c = 0; c < 2; c++) {
            double w = counties[c][0];
            double e = counties[c][1];
            COUNTIES.add(zone(codes[c], "县" + c, w, 28.68, e, 29.20));
            int n = 0;
            for (double[] lat : new double[][] {{28.68, 28.94}, {28.94, 29.20}}) {
                for (double[] lon : new double[][] {{w, (w + e) / 2}, {(w + e) / 2, e}}) {
                    n++;
                    VILLAGES.add(zone(codes[c] + "001" + (200 + n), "村" + c + n, lon[0], lat[0], lon[1], lat[1]));
                }
            }
        }
        result = SyntheticLandscape.generate(42, 1_000, COUNTIES, VILLAGES, PROJECTION, dir.resolve("a"), s -> {});
    }

    @Test
    void theSameSeedGivesByteIdenticalFiles() throws IOException {
        SyntheticLandscape.generate(42, 1_000, COUNTIES, VILLAGES, PROJECTION, dir.resolve("b"), s -> {});
        SyntheticLandscape.generate(43, 1_000, COUNTIES, VILLAGES, PROJECTION, dir.resolve("c"), s -> {});
        for (String file :
                List.of("landcover.tif", "dem.tif", "npp.tif", "tables/statistics.csv", "villages.geojson")) {
            assertThat(sha256(dir.resolve("b").resolve(file)))
                    .as(file)
                    .isEqualTo(sha256(dir.resolve("a").resolve(file)));
        }
        assertThat(sha256(dir.resolve("c/dem.tif"))).isNotEqualTo(sha256(dir.resolve("a/dem.tif")));
    }

    @Test
    void aVariationScalesPrecipitationAndTurnsForestNearSeatsIntoBuiltUpLand() throws IOException {
        SyntheticLandscape.Result varied = SyntheticLandscape.generate(
                42,
                1_000,
                COUNTIES,
                VILLAGES,
                PROJECTION,
                dir.resolve("v"),
                s -> {},
                new SyntheticLandscape.Variation(0.9, 2_000));
        Band before = GeoTiff.read(dir.resolve("a/precip.tif"), "mm");
        Band after = GeoTiff.read(dir.resolve("v/precip.tif"), "mm");
        int compared = 0;
        for (int i = 0; i < before.values().length; i++) {
            if (!before.isNoData(before.values()[i])) {
                assertThat((double) after.values()[i]).isCloseTo(0.9 * before.values()[i], within(0.01));
                compared++;
            }
        }
        assertThat(compared).isPositive();
        assertThat(sha256(dir.resolve("v/dem.tif"))).isEqualTo(sha256(dir.resolve("a/dem.tif")));
        double forestBefore =
                result.classShares()[1] + result.classShares()[2] + result.classShares()[3] + result.classShares()[4];
        double forestAfter =
                varied.classShares()[1] + varied.classShares()[2] + varied.classShares()[3] + varied.classShares()[4];
        assertThat(varied.classShares()[13]).isGreaterThan(result.classShares()[13]);
        assertThat(forestBefore - forestAfter)
                .isCloseTo(varied.classShares()[13] - result.classShares()[13], within(1e-9));
        assertThat(Files.readString(dir.resolve("v/synth.json"))).contains("\"precipitationFactor\": 0.9000");
        assertThatThrownBy(() -> new SyntheticLandscape.Variation(2, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyBandIsOnOneGridWithNoDataDeclared() throws IOException {
        for (String name : List.of("landcover", "dem", "precip", "et", "r_factor", "k_factor", "npp")) {
            Band band = GeoTiff.read(dir.resolve("a/" + name + ".tif"), "class");
            assertThat(band.grid().isAlignedWith(result.grid())).as(name).isTrue();
            assertThat(band.noData()).as(name).isPresent();
        }
    }

    @Test
    void landCoverIsMostlyForestWithFarmlandWaterAndTowns() {
        double[] s = result.classShares();
        double forest = s[1] + s[2] + s[3] + s[4] + s[5];
        assertThat(forest).as("forest, bamboo and shrub").isBetween(0.45, 0.85);
        assertThat(s[8] + s[9]).as("farmland").isBetween(0.05, 0.35);
        assertThat(s[11] + s[12]).as("water").isBetween(0.005, 0.10);
        assertThat(s[13]).as("built-up").isBetween(0.005, 0.12);
    }

    @Test
    void theRiverBasinIsLowerThanTheMountains() throws IOException {
        Band dem = GeoTiff.read(dir.resolve("a/dem.tif"), "m");
        double[] basin = PROJECTION.toGrid(118.95, 28.97);
        double[] south = PROJECTION.toGrid(118.70, 28.70);
        assertThat(value(dem, south)).isGreaterThan(value(dem, basin) + 200);
        assertThat(value(dem, basin)).isBetween(40.0, 250.0);
    }

    @Test
    void gepRunAcceptsTheLandscapeAndEveryVillageGetsValues() throws IOException {
        Path out = dir.resolve("run");
        GepRun.Result run = new GepRun(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .run(
                        new GepRun.Request(
                                dir.resolve("a"), dir.resolve("a/villages.geojson"), "quzhou-2025-v1", 2025, out),
                        (stage, done, total) -> {},
                        () -> false);
        Map<String, Double> byZone = run.rows().stream()
                .filter(r -> r.zoneCode().length() == 12 && r.valueYuan() != null)
                .collect(Collectors.groupingBy(ZoneRow::zoneCode, Collectors.summingDouble(r -> r.valueYuan()
                        .doubleValue())));
        assertThat(byZone).hasSize(VILLAGES.size());
        assertThat(byZone.values()).allSatisfy(v -> assertThat(v).isPositive());
        assertThat(Files.readString(out.resolve("zones.csv")))
                .contains("soil_retention", "water_conservation", "recreation");
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() ->
                        SyntheticLandscape.generate(1, -5, COUNTIES, VILLAGES, PROJECTION, dir.resolve("x"), s -> {}))
                .hasMessageContaining("cell size");
        assertThatThrownBy(() -> SyntheticLandscape.generate(
                        1, 1_000, List.of(), VILLAGES, PROJECTION, dir.resolve("x"), s -> {}))
                .hasMessageContaining("counties");
    }

    private static double value(Band band, double[] xy) {
        int col = (int) ((xy[0] - band.grid().originX()) / band.grid().cellWidth());
        int row = (int) ((band.grid().originY() - xy[1]) / band.grid().cellHeight());
        return band.values()[band.grid().index(col, row)];
    }

    private static SyntheticLandscape.Zone zone(String code, String name, double w, double s, double e, double n) {
        Coordinate[] ring = new Coordinate[41];
        for (int i = 0; i < 40; i++) {
            int side = i / 10;
            double t = (i % 10) / 10.0;
            double lon = side == 0 ? w + t * (e - w) : side == 1 ? e : side == 2 ? e - t * (e - w) : w;
            double lat = side == 0 ? s : side == 1 ? s + t * (n - s) : side == 2 ? n : n - t * (n - s);
            ring[i] = new Coordinate(lon, lat);
        }
        ring[40] = ring[0];
        Geometry lonLat = GEOMETRY.createPolygon(ring);
        Coordinate[] projected = new Coordinate[ring.length];
        for (int i = 0; i < ring.length; i++) {
            double[] xy = PROJECTION.toGrid(ring[i].x, ring[i].y);
            projected[i] = new Coordinate(xy[0], xy[1]);
        }
        return new SyntheticLandscape.Zone(code, name, GEOMETRY.createPolygon(projected), lonLat);
    }

    private static CoordinateTransform transform(String from, String to) {
        CRSFactory crs = new CRSFactory();
        return new CoordinateTransformFactory().createTransform(crs.createFromName(from), crs.createFromName(to));
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
