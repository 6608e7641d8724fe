package liangshan.app.divisions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import liangshan.app.divisions.DivisionsIntegrationTest;
import liangshan.app.divisions.DivisionsTestSupport.SettableActor;
import liangshan.app.identity.Actor;
import liangshan.app.identity.CurrentActor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public read endpoints over HTTP (and the import endpoint while the test actor stand-in is active). */
@DivisionsIntegrationTest
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
    void theImportEndpointAcceptsGeoJson(
            @Autowired CurrentActor currentActor,
            @Autowired Divisions divisions,
            @Autowired JdbcClient jdbc,
            @Autowired DivisionCatalog catalog)
            throws Exception {
        assumeTrue(currentActor instanceof SettableActor, "runs while the test actor stand-in is active");
        SettableActor actor = (SettableActor) currentActor;
        BoundaryTableSnapshot saved = BoundaryTableSnapshot.take(jdbc);
        try {
            actor.set(new Actor(1, "admin", Set.of(Role.CITY_ADMIN), DataScope.CITY));
            Division village = divisions.children("330822001").get(0);
            Map<String, Geometry> features = new LinkedHashMap<>();
            features.put(
                    village.code(),
                    Cgcs2000.toLonLat(divisions
                            .boundary(village.code())
                            .orElseThrow()
                            .gk120()
                            .buffer(-2)));
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/divisions/boundaries"))
                            .header("Content-Type", "application/geo+json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    BoundaryImportIntegrationTest.featureCollection(features)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(JsonMapper.shared()
                            .readTree(response.body())
                            .path("villages")
                            .asInt())
                    .isEqualTo(1);
            assertThat(json("/api/v1/divisions/" + village.code())
                            .path("boundarySource")
                            .asString())
                    .isEqualTo("imported");
        } finally {
            actor.set(Actor.ANONYMOUS);
            saved.restore();
            catalog.invalidate();
        }
    }
}
