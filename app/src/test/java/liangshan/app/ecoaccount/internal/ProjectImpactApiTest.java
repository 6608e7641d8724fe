package liangshan.app.ecoaccount.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalDouble;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import liangshan.raster.geotiff.GeoTiffWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/gep/project-impact} and {@code gep project} on a small input set in the data
 * directory: 5 × 5 cells of 10 m, all evergreen broadleaf forest, the inputs of the engine's hand
 * calculation ({@code liangshan.gep.project.ProjectImpactTest}), so turning the centre cell into
 * built-up land must give Δ = −1910.35 元 here as there.
 */
@IntegrationTest
public class ProjectImpactApiTest {

    static final CoordinateTransform TO_GRID = transform("EPSG:4490", "EPSG:4549");
    static final CoordinateTransform TO_LON_LAT = transform("EPSG:4549", "EPSG:4490");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    GepInputSets inputSets;

    @Autowired
    GepProjectCommand command;

    @TempDir
    Path tmp;

    String name;
    GridGeometry grid;
    ApiClient client;

    @BeforeEach
    void inputs() {
        name = TestAccounts.unique("proj");
        grid = write(inputSets.root().resolve(name), 2091);
        TestAccounts.Account investor = TestAccounts.create(context, "proj-inv", Role.INVESTOR, "3308");
        client = new ApiClient(port).signedIn(investor.username(), investor.password());
    }

    static CoordinateTransform transform(String from, String to) {
        CRSFactory f = new CRSFactory();
        return new CoordinateTransformFactory().createTransform(f.createFromName(from), f.createFromName(to));
    }

    /** Writes the 5 × 5 forest set with {@code inputs.json} naming {@code year}; returns its grid. */
    public static GridGeometry write(Path dir, int year) {
        return write(dir, year, 118.9, 28.95);
    }

    /** As {@link #write(Path, int)}, with the grid's upper-left corner at ({@code lon}, {@code lat}). */
    public static GridGeometry write(Path dir, int year, double lon, double lat) {
        ProjCoordinate o = TO_GRID.transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
        GridGeometry g = new GridGeometry("EPSG:4549", Math.floor(o.x), Math.floor(o.y), 10, 10, 5, 5);
        try {
            Files.createDirectories(dir.resolve("tables"));
            float[] dem = new float[25];
            for (int i = 0; i < 25; i++) {
                dem[i] = 100 + i % 5;
            }
            tif(dir.resolve("landcover.tif"), g, CellType.UINT8, 0, filled(1));
            tif(dir.resolve("dem.tif"), g, CellType.FLOAT32, -9999, dem);
            tif(dir.resolve("precip.tif"), g, CellType.FLOAT32, -9999, filled(1600));
            tif(dir.resolve("et.tif"), g, CellType.FLOAT32, -9999, filled(700));
            tif(dir.resolve("r_factor.tif"), g, CellType.FLOAT32, -9999, filled(4000));
            tif(dir.resolve("k_factor.tif"), g, CellType.FLOAT32, -9999, filled(0.03125f));
            tif(dir.resolve("npp.tif"), g, CellType.FLOAT32, -9999, filled(500));
            Files.writeString(
                    dir.resolve("tables/statistics.csv"),
                    "level,zone_code,indicator,item,quantity,unit,unit_price_yuan,output_value_yuan\n");
            StringBuilder em = new StringBuilder("county_code,pollutant,tonnes\n");
            for (String county : new String[] {"330802", "330803", "330822", "330824", "330825", "330881"}) {
                for (String p : new String[] {"cod", "nh3n", "tn", "tp", "so2", "nox", "dust"}) {
                    em.append(county).append(',').append(p).append(",1000\n");
                }
            }
            Files.writeString(dir.resolve("tables/emissions.csv"), em.toString());
            Files.writeString(
                    dir.resolve("villages.geojson"),
                    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                            + "\"Feature\",\"properties\":{\"code\":\"330802001001\"},\"geometry\":"
                            + lonLatRect(g, -1, -1, 5, 5) + "}]}");
            Files.writeString(dir.resolve("inputs.json"), "{\"year\": " + year + ", \"illustrative\": true}");
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float[] filled(float v) {
        float[] a = new float[25];
        Arrays.fill(a, v);
        return a;
    }

    public static void tif(Path file, GridGeometry g, CellType type, double noData, float[] v) {
        try (GeoTiffWriter w = GeoTiffWriter.create(file, g, type, OptionalDouble.of(noData), 16)) {
            w.writeRows(v, g.height());
        }
    }

    /** A lon/lat polygon around cells (r0..r1, c0..c1), inset by 2 m from the cell edges. */
    public static String lonLatRect(GridGeometry g, int r0, int c0, int r1, int c1) {
        double xa = g.originX() + c0 * 10 + 2;
        double xb = g.originX() + (c1 + 1) * 10 - 2;
        double ya = g.originY() - (r1 + 1) * 10 + 2;
        double yb = g.originY() - r0 * 10 - 2;
        double[][] xy = {{xa, ya}, {xb, ya}, {xb, yb}, {xa, yb}, {xa, ya}};
        StringBuilder b = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < xy.length; i++) {
            ProjCoordinate p = TO_LON_LAT.transform(new ProjCoordinate(xy[i][0], xy[i][1]), new ProjCoordinate());
            b.append(i == 0 ? "" : ",")
                    .append('[')
                    .append(p.x)
                    .append(',')
                    .append(p.y)
                    .append(']');
        }
        return b.append("]]}").toString();
    }

    private String body(String inputs, String change) {
        return "{" + (inputs == null ? "" : "\"inputs\":\"" + inputs + "\",") + "\"params\":\"quzhou-2025-v1\","
                + "\"footprint\":" + lonLatRect(grid, 2, 2, 2, 2) + ",\"change\":" + change + "}";
    }

    @Test
    void forest_to_built_up_gives_the_hand_computed_delta_with_provenance() {
        ApiClient.Response r = client.post("/api/v1/gep/project-impact", body(name, "{\"toClass\":13}"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.path("cells").asInt()).isEqualTo(1);
        assertThat(j.path("year").asInt()).isEqualTo(2091);
        assertThat(j.path("inputs").asString()).isEqualTo(name);
        assertThat(j.path("totalDeltaYuan").asString()).isEqualTo("-1910.35");
        assertThat(j.path("classesBefore").path("1").asInt()).isEqualTo(1);
        assertThat(j.path("classesAfter").path("13").asInt()).isEqualTo(1);
        JsonNode wc = j.path("indicators").get(0);
        assertThat(wc.path("id").asString()).isEqualTo("water_conservation");
        assertThat(wc.path("unit").asString()).isEqualTo("m³");
        assertThat(wc.path("quantityBefore").asString()).isEqualTo("82.560");
        assertThat(wc.path("deltaYuan").asString()).isEqualTo("-582.87");
        assertThat(j.path("provenance").path("methodEdition").asString()).isEqualTo("LS-2026.1");
        assertThat(j.path("provenance")
                        .path("inputsSha256")
                        .path("landcover.tif")
                        .asString())
                .hasSize(64);
        assertThat(j.path("provenance").path("change").asString()).isEqualTo("{\"toClass\":13}");
        assertThat(j.path("flowPath").path("downstreamDeltaTonnes").asString()).isEqualTo("0.000");
    }

    @Test
    void a_set_without_villages_uses_the_platform_county_boundaries() throws IOException {
        Files.delete(inputSets.root().resolve(name).resolve("villages.geojson"));
        ApiClient.Response r = client.post("/api/v1/gep/project-impact", body(name, "{\"toClass\":13}"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("totalDeltaYuan").asString()).isEqualTo("-1910.35");
        java.util.List<String> files = new java.util.ArrayList<>();
        r.json().path("provenance").path("inputsSha256").propertyNames().forEach(files::add);
        assertThat(files).anySatisfy(f -> assertThat(f).startsWith("project-counties-"));
    }

    @Test
    void the_input_set_is_found_by_year_and_missing_sets_are_404() {
        ApiClient.Response r = client.post(
                "/api/v1/gep/project-impact",
                body(null, "{\"mapping\":{\"1\":13}}").replace("{\"params", "{\"year\":2091,\"params"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("totalDeltaYuan").asString()).isEqualTo("-1910.35");
        ApiClient.Response none = client.post(
                "/api/v1/gep/project-impact",
                body(null, "{\"toClass\":13}").replace("{\"params", "{\"year\":1951,\"params"));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.code()).isEqualTo("gep.inputs.none-for-year");
        assertThat(client.post("/api/v1/gep/project-impact", body("no-such-set", "{\"toClass\":13}"))
                        .code())
                .isEqualTo("gep.inputs.not-found");
    }

    @Test
    void bad_requests_are_problems_with_codes() {
        ApiClient.Response unknown = client.post("/api/v1/gep/project-impact", body(name, "{\"toClass\":42}"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.code()).isEqualTo("gep.project.rejected");
        assertThat(ApiClient.errorCodes(unknown)).containsExactly("gep.project.unknown_class");
        assertThat(unknown.json().path("messageEn").asString()).contains("42");
        assertThat(unknown.json().path("messageZh").asString()).contains("42");
        ApiClient.Response outside = client.post(
                "/api/v1/gep/project-impact",
                body(name, "{\"toClass\":13}").replace(lonLatRect(grid, 2, 2, 2, 2), lonLatRect(grid, 40, 40, 41, 41)));
        assertThat(ApiClient.errorCodes(outside)).containsExactly("gep.project.footprint_outside");
        for (String change :
                new String[] {"{}", "{\"toClass\":\"x\"}", "{\"toClass\":1,\"mapping\":{}}", "{\"mapping\":{\"a\":1}}"
                }) {
            ApiClient.Response bad = client.post("/api/v1/gep/project-impact", body(name, change));
            assertThat(bad.status()).as(change).isEqualTo(400);
            assertThat(bad.code()).as(change).isEqualTo("gep.project.bad-change");
        }
        ApiClient.Response noFootprint =
                client.post("/api/v1/gep/project-impact", "{\"inputs\":\"" + name + "\",\"change\":{\"toClass\":13}}");
        assertThat(noFootprint.code()).isEqualTo("gep.project.footprint-required");
        assertThat(new ApiClient(port)
                        .post("/api/v1/gep/project-impact", body(name, "{\"toClass\":13}"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void the_command_prints_the_same_json_and_exits_1_on_rejected_inputs() throws IOException {
        Path dir = inputSets.root().resolve(name);
        Path fp = tmp.resolve("fp.geojson");
        Files.writeString(fp, lonLatRect(grid, 2, 2, 2, 2));
        Path mapping = tmp.resolve("m.json");
        Files.writeString(mapping, "{\"1\": 13}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        String[] common = {
            "--inputs", dir.toString(), "--footprint", fp.toString(), "--params", "quzhou-2025-v1", "--year", "2025"
        };
        int exit = new CommandLine(command).execute(concat(common, "--mapping", mapping.toString()));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"totalDeltaYuan\" : \"-1910.35\"");
        Path result = tmp.resolve("r.json");
        exit = new CommandLine(command).execute(concat(common, "--to-class", "13", "--out", result.toString()));
        assertThat(exit).isZero();
        assertThat(Files.readString(result)).contains("\"deltaYuan\" : \"-582.87\"");
        err.reset();
        exit = new CommandLine(command).execute(concat(common, "--to-class", "99"));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("project.unknown_class", "99");
        exit = new CommandLine(command).execute(concat(common, "--to-class", "13", "--mapping", mapping.toString()));
        assertThat(exit).as("the change options exclude each other").isNotZero();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
