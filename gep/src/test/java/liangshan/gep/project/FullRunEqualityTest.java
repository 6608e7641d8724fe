package liangshan.gep.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import liangshan.gep.project.ProjectImpactResult.IndicatorDelta;
import liangshan.gep.run.GepRun;
import liangshan.gep.run.ZoneRow;
import liangshan.gep.synth.SyntheticLandscape;
import liangshan.raster.Band;
import liangshan.raster.geotiff.GeoTiff;
import liangshan.raster.geotiff.GeoTiffWriter;
import liangshan.raster.zonal.ZoneIndex;
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
 * The windowed project Δ against the difference of two full {@code gep run}s (before, and after the
 * land cover of the footprint was changed) on a small synthetic landscape at 60 m: one county
 * (118.65–118.75 E, 28.70–28.78 N, southern mountains) split into two villages. Totals per indicator are sums of zone
 * rows (each rounded per valuation line), so they agree within rounding.
 */
class FullRunEqualityTest {

    static final CoordinateTransform TO_GRID = transform("EPSG:4490", "EPSG:4549");
    static final CoordinateTransform TO_LON_LAT = transform("EPSG:4549", "EPSG:4490");
    static final String FOOTPRINT = "{\"type\":\"Polygon\",\"coordinates\":[[[118.695,28.735],[118.704,28.735],"
            + "[118.704,28.744],[118.695,28.744],[118.695,28.735]]]}";

    @TempDir
    static Path dir;

    static Path before;

    @BeforeAll
    static void landscape() {
        SyntheticLandscape.Projection projection = new SyntheticLandscape.Projection() {
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
        List<SyntheticLandscape.Zone> counties = List.of(zone("330802", 118.65, 28.70, 118.75, 28.78));
        List<SyntheticLandscape.Zone> villages = List.of(
                zone("330802001201", 118.65, 28.70, 118.70, 28.78), zone("330802001202", 118.70, 28.70, 118.75, 28.78));
        before = dir.resolve("before");
        SyntheticLandscape.generate(7, 60, counties, villages, projection, before, s -> {});
        try {
            // Provisioning and cultural statistics do not enter a project's Δ; an all-forest
            // mountain county has nothing to allocate farm statistics to, so drop them.
            Files.writeString(
                    before.resolve("tables/statistics.csv"),
                    "level,zone_code,indicator,item,quantity,unit,unit_price_yuan,output_value_yuan\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static SyntheticLandscape.Zone zone(String code, double w, double s, double e, double n) {
        GeometryFactory f = new GeometryFactory();
        Coordinate[] ll = {
            new Coordinate(w, s), new Coordinate(e, s), new Coordinate(e, n), new Coordinate(w, n), new Coordinate(w, s)
        };
        Coordinate[] xy = new Coordinate[ll.length];
        for (int i = 0; i < ll.length; i++) {
            ProjCoordinate p = TO_GRID.transform(new ProjCoordinate(ll[i].x, ll[i].y), new ProjCoordinate());
            xy[i] = new Coordinate(p.x, p.y);
        }
        return new SyntheticLandscape.Zone(code, code, f.createPolygon(xy), f.createPolygon(ll));
    }

    static CoordinateTransform transform(String from, String to) {
        CRSFactory f = new CRSFactory();
        return new CoordinateTransformFactory().createTransform(f.createFromName(from), f.createFromName(to));
    }

    static final LandCoverChange CHANGE =
            new LandCoverChange.Mapping(Map.of(1, 13, 2, 13, 3, 13, 4, 13, 5, 13, 8, 13, 9, 6));

    @Test
    void windowed_delta_equals_the_difference_of_two_full_runs_where_no_cap_binds() throws IOException {
        Path uncapped = copy(before, dir.resolve("uncapped"));
        StringBuilder em = new StringBuilder("county_code,pollutant,tonnes\n");
        for (String p : List.of("cod", "nh3n", "tn", "tp", "so2", "nox", "dust")) {
            em.append("330802,").append(p).append(",1000000000\n");
        }
        Files.writeString(uncapped.resolve("tables/emissions.csv"), em.toString());
        Compared c = compare(uncapped, "u");
        for (IndicatorDelta d : c.project().indicators()) {
            assertAgrees(d, c.runs().get(d.id()));
        }
        assertThat(c.project().cells()).isGreaterThan(200);
        assertThat(ProjectImpactTest.indicator(c.project(), "air_purification").deltaYuan())
                .isNegative();
        assertThat(ProjectImpactTest.indicator(c.project(), "soil_retention").deltaYuan())
                .isNegative();
    }

    @Test
    void where_a_county_cap_binds_only_purification_differs_from_the_two_runs() throws IOException {
        // The synthetic county's forests absorb more SO₂, NOₓ and dust than it emits, so its §R5 total
        // is the emission before and (still) after the change: two full runs differ less than the
        // project's Δ, which charges the lost capacity at the county's factor (METHOD-CHOICES C24).
        Compared c = compare(before, "c");
        for (IndicatorDelta d : c.project().indicators()) {
            BigDecimal[] run = c.runs().get(d.id());
            if (d.id().equals("air_purification")) {
                assertThat(d.deltaYuan()).isNegative();
                assertThat(run[1]).isNegative().isGreaterThan(d.deltaYuan());
            } else {
                assertAgrees(d, run);
            }
        }
    }

    record Compared(ProjectImpactResult project, Map<String, BigDecimal[]> runs) {}

    private Compared compare(Path inputs, String tag) throws IOException {
        ProjectImpactResult project = new ProjectImpact(ProjectImpactTest.CLOCK)
                .compute(new ProjectImpact.Request(inputs, FOOTPRINT, CHANGE, "quzhou-2025-v1", 2025, null));
        Path after = copyWithChangedCover(inputs, dir.resolve(tag + "-after"));
        Map<String, BigDecimal[]> b = totals(run(inputs, tag + "-run-before"));
        Map<String, BigDecimal[]> a = totals(run(after, tag + "-run-after"));
        Map<String, BigDecimal[]> delta = new java.util.TreeMap<>();
        a.forEach(
                (id, t) -> delta.put(id, new BigDecimal[] {t[0].subtract(b.get(id)[0]), t[1].subtract(b.get(id)[1])}));
        return new Compared(project, delta);
    }

    private static void assertAgrees(IndicatorDelta d, BigDecimal[] run) {
        // Each run rounds every valuation line of every zone row (2 villages + outside) to the fen
        // and every zone quantity to 3 decimals.
        assertThat(d.deltaYuan().subtract(run[1]).abs())
                .as("%s: project %s, runs %s", d.id(), d.deltaYuan(), run[1])
                .isLessThanOrEqualTo(new BigDecimal("0.30"));
        assertThat(d.deltaQuantity().subtract(run[0]).abs())
                .as("%s quantity: project %s, runs %s", d.id(), d.deltaQuantity(), run[0])
                .isLessThanOrEqualTo(new BigDecimal("0.010"));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static Path copyWithChangedCover(Path inputs, Path after) throws IOException {
        copy(inputs, after);
        Band cover = GeoTiff.read(inputs.resolve("landcover.tif"), "class");
        Geometry fp = Footprint.parse(FOOTPRINT, cover.grid().crs()).geometry();
        ZoneIndex in = ZoneIndex.rasterise(cover.grid(), List.of(fp));
        float[] v = cover.values().clone();
        Map<Integer, Integer> m = ((LandCoverChange.Mapping) CHANGE).fromTo();
        for (int i = 0; i < v.length; i++) {
            if (in.zoneOf(i) == 0 && !cover.isNoData(v[i])) {
                v[i] = m.getOrDefault((int) v[i], (int) v[i]);
            }
        }
        Files.delete(after.resolve("landcover.tif"));
        try (GeoTiffWriter w = GeoTiffWriter.create(
                after.resolve("landcover.tif"), cover.grid(), cover.cellType(), cover.noData(), 16)) {
            w.writeRows(v, cover.grid().height());
        }
        return after;
    }

    private static List<ZoneRow> run(Path inputs, String out) {
        return new GepRun(ProjectImpactTest.CLOCK)
                .run(
                        new GepRun.Request(
                                inputs, inputs.resolve("villages.geojson"), "quzhou-2025-v1", 2025, dir.resolve(out)),
                        GepRun.Progress.none(),
                        () -> false)
                .rows();
    }

    /** Per indicator: {Σ quantity, Σ value} over every zone row. */
    private static Map<String, BigDecimal[]> totals(List<ZoneRow> rows) {
        Map<String, BigDecimal[]> out = new java.util.HashMap<>();
        for (ZoneRow r : rows) {
            BigDecimal[] t =
                    out.computeIfAbsent(r.indicator(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            t[0] = t[0].add(r.quantity() == null ? BigDecimal.ZERO : r.quantity());
            t[1] = t[1].add(r.valueYuan());
        }
        return new java.util.TreeMap<>(out);
    }
}
