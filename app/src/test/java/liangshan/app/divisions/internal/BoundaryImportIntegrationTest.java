package liangshan.app.divisions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.BoundarySource;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import liangshan.app.divisions.GeoJsonGeometry;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

/** {@code import-boundaries}: all or nothing, every problem reported (service and CLI). */
@IntegrationTest
class BoundaryImportIntegrationTest {

    /** 航埠镇, 柯城区: its villages get "real" boundaries in the valid import. */
    private static final String TOWN = "330802101";

    private static final Actor ADMIN = new Actor(1, "admin", Set.of(Role.CITY_ADMIN), DataScope.CITY);
    private static final Actor KECHENG_OFFICER =
            new Actor(2, "kecheng", Set.of(Role.COUNTY_OFFICER), new DataScope("330802"));

    @Autowired
    BoundaryImporter importer;

    @Autowired
    Divisions divisions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportBoundariesCommand command;

    private BoundaryTableSnapshot snapshot;

    @BeforeEach
    void saveBoundaries() {
        snapshot = BoundaryTableSnapshot.take(jdbc);
    }

    @AfterEach
    void restoreBoundaries(@Autowired DivisionCatalog catalog) {
        snapshot.restore();
        catalog.invalidate();
    }

    /** "Real" boundaries for the town's villages: the generated ones shrunk by 3 m, in lon/lat. */
    private Map<String, Geometry> shrunkVillagesOfTown() {
        Map<String, Geometry> features = new LinkedHashMap<>();
        for (Division village : divisions.children(TOWN)) {
            Geometry shrunk =
                    divisions.boundary(village.code()).orElseThrow().gk120().buffer(-3);
            features.put(village.code(), Cgcs2000.toLonLat(shrunk));
        }
        return features;
    }

    static String featureCollection(Map<String, Geometry> features) {
        List<String> parts = new ArrayList<>();
        features.forEach((code, geometry) -> parts.add(feature("\"code\":\"" + code + "\"", geometry)));
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", parts) + "]}";
    }

    static String feature(String properties, Geometry lonLat) {
        StringBuilder json = new StringBuilder();
        GeoJsonGeometry.write(lonLat, 8, json);
        return "{\"type\":\"Feature\",\"properties\":{" + properties + "},\"geometry\":" + json + "}";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aValidFileReplacesTheBoundariesAndRecomputesTheTown() {
        Map<String, Geometry> features = shrunkVillagesOfTown();
        double generatedTownArea = divisions.boundary(TOWN).orElseThrow().areaSquareMetres();
        long auditBefore = importAuditRecords();

        BoundaryImporter.Summary summary =
                importer.importBoundaries(ADMIN, utf8(featureCollection(features)), "test.geojson", line -> {});

        assertThat(summary.villages()).isEqualTo(features.size());
        assertThat(summary.recomputed()).containsExactly(TOWN);
        for (String code : features.keySet()) {
            Boundary imported = divisions.boundary(code).orElseThrow();
            assertThat(imported.source()).isEqualTo(BoundarySource.IMPORTED);
            assertThat(imported.illustrative()).isFalse();
            double expected = Cgcs2000.toGk120(features.get(code)).getArea();
            assertThat(imported.areaSquareMetres()).isCloseTo(expected, within(expected * 1e-6));
        }
        Boundary town = divisions.boundary(TOWN).orElseThrow();
        assertThat(town.source()).isEqualTo(BoundarySource.IMPORTED);
        assertThat(town.illustrative()).isFalse();
        assertThat(town.areaSquareMetres()).isLessThan(generatedTownArea);
        assertThat(importAuditRecords()).isEqualTo(auditBefore + 1);
    }

    @Test
    void aFileWithManyProblemsIsRejectedWholeListingEveryProblem() throws Exception {
        WKTReader wkt = new WKTReader(Cgcs2000.lonLatFactory());
        List<Division> villages = divisions.children(TOWN);
        Geometry good = shrunkVillagesOfTown().get(villages.get(0).code());
        List<String> parts = new ArrayList<>();
        parts.add(feature("\"code\":\"" + villages.get(0).code() + "\"", good));
        parts.add(feature("\"code\":\"330899999999\"", good));
        parts.add(feature(
                "\"code\":\"" + villages.get(1).code() + "\"",
                wkt.read("POLYGON ((118.80 28.90, 118.82 28.92, 118.82 28.90, 118.80 28.92, 118.80 28.90))")));
        Geometry square = wkt.read("POLYGON ((118.80 28.90, 118.82 28.90, 118.82 28.92, 118.80 28.92, 118.80 28.90))");
        parts.add(feature("\"code\":\"" + villages.get(2).code() + "\"", square));
        parts.add(feature("\"code\":\"" + villages.get(3).code() + "\"", square.buffer(0.001)));
        parts.add(feature("\"code\":\"" + villages.get(4).code() + "\"", Cgcs2000.toGk120(square)));
        parts.add(feature("\"name\":\"no code\"", square));
        String body = "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", parts) + "]}";
        String before = BoundaryTableSnapshot.digest(jdbc);

        assertThatThrownBy(() -> importer.importBoundaries(ADMIN, utf8(body), "bad.geojson", line -> {}))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.code()).isEqualTo("divisions.import.rejected");
                    assertThat(e.fieldProblems())
                            .extracting(ApiException.FieldProblem::code)
                            .containsExactlyInAnyOrder(
                                    "divisions.import.unknown-code",
                                    "divisions.import.invalid-geometry",
                                    "divisions.import.overlap",
                                    "divisions.import.projected-coordinates",
                                    "divisions.import.missing-code");
                    assertThat(e.fieldProblems())
                            .allSatisfy(
                                    p -> assertThat(p.messageZh()).isNotBlank().doesNotContain("{"))
                            .allSatisfy(
                                    p -> assertThat(p.messageEn()).isNotBlank().doesNotContain("{"));
                });
        assertThat(BoundaryTableSnapshot.digest(jdbc)).isEqualTo(before);
    }

    @Test
    void malformedJsonWrongTypeAndWrongCrsAreRejected() {
        assertThat(problems("{\"type\": \"FeatureCollection\", \"features\": ["))
                .containsExactly("divisions.import.bad-json");
        assertThat(problems("{\"type\": \"Feature\"}")).containsExactly("divisions.import.not-feature-collection");
        assertThat(problems("[1, 2]")).containsExactly("divisions.import.not-feature-collection");
        Geometry good = shrunkVillagesOfTown().values().iterator().next();
        String withCrs = "{\"type\":\"FeatureCollection\","
                + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::3857\"}},"
                + "\"features\":["
                + feature("\"code\":\"" + divisions.children(TOWN).get(0).code() + "\"", good) + "]}";
        assertThat(problems(withCrs)).containsExactly("divisions.import.wrong-crs");
        assertThat(problems("{\"type\":\"FeatureCollection\",\"features\":[]}"))
                .containsExactly("divisions.import.empty");
    }

    @Test
    void structuralProblemsOfFeaturesAreAllReported() throws Exception {
        List<Division> villages = divisions.children(TOWN);
        Geometry good = shrunkVillagesOfTown().get(villages.get(0).code());
        Geometry farAway = new WKTReader(Cgcs2000.lonLatFactory())
                .read("POLYGON ((116.30 39.90, 116.32 39.90, 116.32 39.92, 116.30 39.92, 116.30 39.90))");
        String c0 = villages.get(0).code();
        String body = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("\"code\":\"" + c0 + "\"", good) + ","
                + feature("\"code\":\"" + c0 + "\"", good) + ","
                + "{\"type\":\"Feature\",\"properties\":{\"code\":\""
                + villages.get(1).code() + "\"},\"geometry\":null},"
                + "{\"type\":\"Feature\",\"properties\":{\"code\":\""
                + villages.get(2).code()
                + "\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[118.8,28.9]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"code\":\""
                + villages.get(3).code()
                + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[118.8,\"x\"]]]}},"
                + feature("\"code\":\"" + villages.get(4).code() + "\"", farAway) + ","
                + "42]}";
        assertThat(problems(body))
                .containsExactlyInAnyOrder(
                        "divisions.import.duplicate-code",
                        "divisions.import.missing-geometry",
                        "divisions.import.unsupported-geometry",
                        "divisions.import.bad-coordinates",
                        "divisions.import.outside-quzhou",
                        "divisions.import.not-feature");
    }

    private List<String> problems(String body) {
        String before = BoundaryTableSnapshot.digest(jdbc);
        try {
            importer.importBoundaries(ADMIN, utf8(body), "bad.geojson", line -> {});
        } catch (ApiException e) {
            assertThat(BoundaryTableSnapshot.digest(jdbc)).isEqualTo(before);
            return e.fieldProblems().stream()
                    .map(ApiException.FieldProblem::code)
                    .toList();
        }
        throw new AssertionError("import of a bad file succeeded: " + body);
    }

    @Test
    void aCountyOfficerImportsOnlyInsideTheOwnCountyAndOthersNotAtAll() {
        Map<String, Geometry> own = new LinkedHashMap<>();
        String village = divisions.children(TOWN).get(0).code();
        own.put(village, shrunkVillagesOfTown().get(village));
        assertThat(importer.importBoundaries(KECHENG_OFFICER, utf8(featureCollection(own)), "own", l -> {})
                        .villages())
                .isEqualTo(1);

        String foreign = "330803001001";
        Map<String, Geometry> other = Map.of(
                foreign, divisions.boundary(foreign).orElseThrow().lonLat().buffer(-0.0001));
        assertThatThrownBy(
                        () -> importer.importBoundaries(KECHENG_OFFICER, utf8(featureCollection(other)), "x", l -> {}))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldProblems())
                        .extracting(ApiException.FieldProblem::code)
                        .containsExactly("divisions.import.out-of-scope"));
        Actor accountant = new Actor(3, "acct", Set.of(Role.VILLAGE_ACCOUNTANT), new DataScope(village));
        for (Actor actor : List.of(Actor.ANONYMOUS, accountant)) {
            assertThatThrownBy(() -> importer.importBoundaries(actor, utf8(featureCollection(own)), "x", l -> {}))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.code()).isEqualTo("divisions.forbidden"));
        }
    }

    @Test
    void theCommandReportsProblemsOnStderrAndFailsOrImportsAndSucceeds(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{]}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        try {
            assertThat(new CommandLine(command).execute(bad.toString())).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("divisions.import.bad-json", "nothing changed");

            Path good = Files.writeString(dir.resolve("good.geojson"), featureCollection(shrunkVillagesOfTown()));
            assertThat(new CommandLine(command).execute(good.toString())).isEqualTo(0);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("imported " + divisions.children(TOWN).size());
            assertThat(divisions.boundary(TOWN).orElseThrow().source()).isEqualTo(BoundarySource.IMPORTED);
            assertThat(new CommandLine(command)
                            .execute(dir.resolve("missing.geojson").toString()))
                    .isEqualTo(2);
        } finally {
            command.err = System.err;
            command.out = System.out;
        }
    }

    private long importAuditRecords() {
        return jdbc.sql("select count(*) from audit_log where action = 'divisions.boundaries.imported'")
                .query(Long.class)
                .single();
    }
}
