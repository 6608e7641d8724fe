package liangshan.app.ecoaccount.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.platform.DataDirectory;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.params.ParameterSets;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import liangshan.raster.geotiff.GeoTiffWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/gep/inputs}, {@code /params} and {@code /classes}. */
@IntegrationTest
class GepCatalogHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    DataDirectory dataDirectory;

    private ApiClient signedIn() {
        TestAccounts.Account a = TestAccounts.create(context, "gc-officer", Role.COUNTY_OFFICER, "330802");
        return new ApiClient(port).signedIn(a.username(), a.password());
    }

    @Test
    void input_sets_report_the_land_cover_grid_and_their_files() throws Exception {
        String name = TestAccounts.unique("gc-inputs");
        Path dir = Files.createDirectories(
                dataDirectory.dataDir().resolve("gep/inputs").resolve(name));
        Files.writeString(dir.resolve("inputs.json"), "{\"year\": 2025, \"illustrative\": true}");
        Files.createDirectories(dir.resolve("tables"));
        Files.writeString(dir.resolve("tables/prices.csv"), "a,b\n");
        GridGeometry grid = new GridGeometry("EPSG:4549", 400_000, 3_200_000, 30, 30, 50, 40);
        try (GeoTiffWriter w =
                GeoTiffWriter.create(dir.resolve("landcover.tif"), grid, CellType.UINT8, OptionalDouble.of(255))) {
            w.writeRows(new float[50 * 40], 40);
        }
        Path broken = Files.createDirectories(
                dataDirectory.dataDir().resolve("gep/inputs").resolve(name + "-broken"));
        Files.writeString(broken.resolve("landcover.tif"), "not a tiff");

        ApiClient.Response r = signedIn().get("/api/v1/gep/inputs");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode set = find(r.json(), "name", name);
        assertThat(set.path("cellSizeM").asDouble()).isEqualTo(30.0);
        assertThat(set.path("rows").asInt()).isEqualTo(40);
        assertThat(set.path("cols").asInt()).isEqualTo(50);
        assertThat(set.path("crs").asString()).isEqualTo("EPSG:4549");
        assertThat(set.path("illustrative").asBoolean()).isTrue();
        assertThat(set.path("year").asInt()).isEqualTo(2025);
        List<String> files = new ArrayList<>();
        set.path("files").forEach(f -> files.add(f.asString()));
        assertThat(files).containsExactly("inputs.json", "landcover.tif", "tables/prices.csv");
        JsonNode unreadable = find(r.json(), "name", name + "-broken");
        assertThat(unreadable.path("rows").isNull()).isTrue();
        assertThat(unreadable.path("illustrative").asBoolean()).isFalse();
        assertThat(new ApiClient(port).get("/api/v1/gep/inputs").status()).isEqualTo(401);
    }

    @Test
    void parameter_sets_and_their_classes() {
        ApiClient client = signedIn();
        ParameterSet shipped = ParameterSets.get("quzhou-2025-v1");
        JsonNode set = find(client.get("/api/v1/gep/params").json(), "id", "quzhou-2025-v1");
        assertThat(set.path("edition").asString()).isEqualTo("LS-2026.1");
        assertThat(set.path("placeholders").asInt())
                .isEqualTo(shipped.placeholders().size())
                .isPositive();

        JsonNode classes =
                client.get("/api/v1/gep/classes?params=quzhou-2025-v1").json();
        assertThat(classes.size()).isEqualTo(shipped.classes().size());
        JsonNode mixed = find(classes, "code", "3");
        assertThat(mixed.path("nameZh").asString()).isEqualTo("针阔混交林");
        assertThat(mixed.path("nameEn").asString()).isEqualTo("Mixed forest");
        assertThat(mixed.path("category").asString()).isEqualTo("forest");
        assertThat(mixed.path("gbt21010").get(0).asString()).isEqualTo("0301");
        assertThat(find(classes, "code", "1").path("gbt21010Note").asString()).contains("0301");
        ApiClient.Response unknown = client.get("/api/v1/gep/classes?params=nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("gep.params.not-found");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asString().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }
}
