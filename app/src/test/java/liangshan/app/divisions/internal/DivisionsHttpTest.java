package liangshan.app.divisions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public read endpoints over HTTP (and the import endpoint while the test actor stand-in is active). */
@IntegrationTest
class DivisionsHttpTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }

    @Test
    void listsCountiesTownsAndVillagesByParentAndName() throws Exception {
        JsonNode counties = json("/api/v1/divisions?level=county");
        assertThat(counties.path("total").asLong()).isEqualTo(6);
        assertThat(counties.path("items").get(0).path("code").asString()).isEqualTo("330802");
        assertThat(counties.path("items").get(0).path("illustrative").asBoolean())
                .isFalse();
        assertThat(counties.path("items").get(0).path("areaKm2").asDouble()).isBetween(600.0, 615.0);

        JsonNode villages = json("/api/v1/divisions?level=village&parent=330802005&size=2&page=0");
        assertThat(villages.path("items")).hasSize(2);
        assertThat(villages.path("size").asInt()).isEqualTo(2);
        JsonNode first = villages.path("items").get(0);
        assertThat(first.path("kind").asString()).isEqualTo("community");
        assertThat(first.path("parentCode").asString()).isEqualTo("330802005");
        assertThat(first.path("illustrative").asBoolean()).isTrue();
        assertThat(first.path("areaHm2").asDouble())
                .isEqualTo(first.path("areaKm2").asDouble() * 100, org.assertj.core.api.Assertions.within(0.6));

        JsonNode byName = json(
                "/api/v1/divisions?q=" + java.net.URLEncoder.encode("航埠", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(byName.path("items").get(0).path("code").asString()).isEqualTo("330802101");
    }

    @Test
    void detailHasChainCountsChildrenAndGeometry() throws Exception {
        JsonNode village = json("/api/v1/divisions/330802005001");
        assertThat(village.path("chain"))
                .extracting(n -> n.path("code").asString())
                .containsExactly("3308", "330802", "330802005");
        assertThat(village.path("boundarySource").asString()).isEqualTo("generated");
        assertThat(village.path("illustrative").asBoolean()).isTrue();
        assertThat(village.path("geometry").path("type").asString()).isEqualTo("Polygon");
        assertThat(village.path("centroid").get(0).asDouble()).isBetween(118.0, 119.4);
        assertThat(village.path("bbox")).hasSize(4);

        JsonNode county = json("/api/v1/divisions/330802");
        assertThat(county.path("counts").path("towns").asInt())
                .isEqualTo(county.path("children").size());
        assertThat(county.path("counts").path("villages").asInt()
                        + county.path("counts").path("communities").asInt())
                .isGreaterThan(50);
        assertThat(county.path("kind").isNull()).isTrue();
        assertThat(json("/api/v1/divisions/3308").path("chain")).isEmpty();
    }

    @Test
    void mapLayersAreGeoJsonAndTheVillageLayerStaysSmall() throws Exception {
        HttpResponse<String> response = get("/api/v1/divisions/map?level=village");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        assertThat(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThan(2_000_000);
        JsonNode layer = JsonMapper.shared().readTree(response.body());
        assertThat(layer.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(layer.path("features")).hasSize(1664);
        JsonNode feature = layer.path("features").get(0);
        assertThat(feature.path("id").asString())
                .isEqualTo(feature.path("properties").path("code").asString());
        assertThat(feature.path("properties").path("townCode").asString()).hasSize(9);
        assertThat(feature.path("properties").path("countyCode").asString()).hasSize(6);
        assertThat(feature.path("properties").path("illustrative").asBoolean()).isTrue();

        assertThat(json("/api/v1/divisions/map?level=town&parent=330802")
                        .path("features")
                        .size())
                .isBetween(5, 20);
        assertThat(json("/api/v1/divisions/map?level=county").path("features")).hasSize(6);
    }

    @Test
    void theImportEndpointNeedsAnAdministratorOrTheCountysOfficer(
            @Autowired ApplicationContext context,
            @Autowired Divisions divisions,
            @Autowired JdbcClient jdbc,
            @Autowired DivisionCatalog catalog) {
        Division village = divisions.children("330822001").get(0);
        Map<String, Geometry> features = new LinkedHashMap<>();
        features.put(
                village.code(),
                Cgcs2000.toLonLat(
                        divisions.boundary(village.code()).orElseThrow().gk120().buffer(-2)));
        String body = BoundaryImportIntegrationTest.featureCollection(features);
        String path = "/api/v1/divisions/boundaries";
        TestAccounts.Account otherCounty = TestAccounts.create(context, "div-kc", Role.COUNTY_OFFICER, "330802");
        TestAccounts.Account admin = TestAccounts.create(context, "div-admin", Role.CITY_ADMIN, "3308");
        BoundaryTableSnapshot saved = BoundaryTableSnapshot.take(jdbc);
        String digestBefore = BoundaryTableSnapshot.digest(jdbc);
        try {
            assertThat(new ApiClient(port)
                            .send("POST", path, body, "application/geo+json")
                            .status())
                    .isEqualTo(401);
            ApiClient.Response foreign = new ApiClient(port)
                    .signedIn(otherCounty.username(), otherCounty.password())
                    .send("POST", path, body, "application/geo+json");
            assertThat(foreign.status()).as(foreign.body()).isIn(403, 422);
            assertThat(BoundaryTableSnapshot.digest(jdbc)).isEqualTo(digestBefore);

            ApiClient.Response response = new ApiClient(port)
                    .signedIn(admin.username(), admin.password())
                    .send("POST", path, body, "application/geo+json");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().path("villages").asInt()).isEqualTo(1);
            assertThat(new ApiClient(port)
                            .get("/api/v1/divisions/" + village.code())
                            .json()
                            .path("boundarySource")
                            .asString())
                    .isEqualTo("imported");
        } finally {
            saved.restore();
            catalog.invalidate();
        }
    }
}
