package liangshan.app.eledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Resources over HTTP: area in EPSG:4549, containment in the village, validation, filters, roll-ups, scope. */
@IntegrationTest
class ResourceApiTest {

    static final String COUNTY = "330881"; // 江山市

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Divisions divisions;

    @Autowired
    JdbcClient jdbc;

    private ApiClient as(Role role, String scope) {
        TestAccounts.Account a = TestAccounts.create(context, "res", role, scope);
        return new ApiClient(port).signedIn(a.username(), a.password());
    }

    static Map<String, Object> body(String name, String type, String subtype, String status, Object geometry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("subtype", subtype);
        body.put("useStatus", status);
        body.put("condition", "墙体完好");
        body.put("directions", List.of("homestay", "eco_tourism"));
        body.put("geometry", geometry);
        return body;
    }

    @Test
    void polygonAreaIsComputedInGaussKrugerAndTheResourceMustLieInItsVillage() {
        String village = EledgerFixtures.village(divisions, COUNTY, 1);
        ApiClient accountant = as(Role.VILLAGE_ACCOUNTANT, village);
        Object square = EledgerFixtures.geoJson(EledgerFixtures.rectangle(divisions, village, 0, 0, 50, 40));
        ApiClient.Response created = accountant.post(
                "/api/v1/eledger/villages/" + village + "/resources",
                ApiClient.json(body("竹林一号", "forest", "bamboo", "idle", square)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode r = created.json();
        // 50 m × 40 m drawn in EPSG:4549, sent as lon/lat with 6 decimals (≈ 0.1 m): area within 0.5 %.
        assertThat(new BigDecimal(r.path("areaM2").asString()))
                .isBetween(new BigDecimal("1990"), new BigDecimal("2010"));
        assertThat(r.path("geometryKind").asString()).isEqualTo("polygon");
        assertThat(new BigDecimal(r.path("areaMu").asString()))
                .isBetween(new BigDecimal("2.98"), new BigDecimal("3.02"));

        String otherVillage = EledgerFixtures.village(divisions, "330822", 0);
        Object elsewhere = EledgerFixtures.geoJson(EledgerFixtures.rectangle(divisions, otherVillage, 0, 0, 50, 40));
        ApiClient.Response outside = accountant.post(
                "/api/v1/eledger/villages/" + village + "/resources",
                ApiClient.json(body("越界", "forest", "bamboo", "idle", elsewhere)));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(outside)).containsExactly("eledger.geometry.outside-village");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String village = EledgerFixtures.village(divisions, COUNTY, 2);
        ApiClient accountant = as(Role.VILLAGE_ACCOUNTANT, village);
        Map<String, Object> bad =
                body("", "volcano", "x", "busy", Map.of("type", "LineString", "coordinates", List.of()));
        bad.put("directions", List.of("casino"));
        ApiClient.Response r =
                accountant.post("/api/v1/eledger/villages/" + village + "/resources", ApiClient.json(bad));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("eledger.resource.invalid");
        assertThat(ApiClient.errorCodes(r))
                .containsExactlyInAnyOrder(
                        "eledger.resource.bad-name",
                        "eledger.resource.bad-type",
                        "eledger.resource.bad-status",
                        "eledger.resource.bad-direction",
                        "eledger.geometry.unsupported");
    }

    @Test
    void listFiltersUpdatesAndRollsUpByTypeStatusAndChild() {
        String village = EledgerFixtures.village(divisions, COUNTY, 3);
        ApiClient accountant = as(Role.VILLAGE_ACCOUNTANT, village);
        String base = "/api/v1/eledger/villages/" + village + "/resources";
        accountant.post(
                base,
                ApiClient.json(body(
                        "水库",
                        "water",
                        "reservoir",
                        "semi_idle",
                        EledgerFixtures.geoJson(EledgerFixtures.rectangle(divisions, village, 0, 0, 100, 100)))));
        Map<String, Object> house = body(
                "夯土房甲",
                "house",
                "rammed_earth_house",
                "idle",
                EledgerFixtures.geoJson(EledgerFixtures.rectangle(divisions, village, 0, 0, 1, 1)
                        .getCentroid()));
        house.put("declaredAreaM2", "180.50");
        ApiClient.Response created = accountant.post(base, ApiClient.json(house));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("geometryKind").asString()).isEqualTo("point");

        JsonNode idle = accountant.get(base + "?status=idle").json();
        assertThat(idle.path("total").asLong()).isEqualTo(1);
        assertThat(idle.path("items").get(0).path("name").asString()).isEqualTo("夯土房甲");
        assertThat(accountant
                        .get(base + "?type=water&direction=homestay")
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(accountant.get(base + "?q=夯土").json().path("total").asLong()).isEqualTo(1);

        // optimistic update: the second writer with the old version gets 409
        String id = created.json().path("id").asString();
        house.put("useStatus", "in_use");
        house.put("version", 1);
        assertThat(accountant
                        .send("PUT", "/api/v1/eledger/resources/" + id, ApiClient.json(house), "application/json")
                        .status())
                .isEqualTo(200);
        ApiClient.Response stale =
                accountant.send("PUT", "/api/v1/eledger/resources/" + id, ApiClient.json(house), "application/json");
        assertThat(stale.code()).isEqualTo("eledger.resource.stale");

        JsonNode roll = accountant.get("/api/v1/eledger/rollups/" + village).json();
        assertThat(roll.path("count").asLong()).isEqualTo(2);
        BigDecimal reservoir =
                new BigDecimal(roll.path("byType").get(1).path("areaM2").asString());
        assertThat(roll.path("byType").get(0).path("key").asString()).isEqualTo("house");
        assertThat(new BigDecimal(roll.path("byType").get(0).path("areaM2").asString()))
                .isEqualByComparingTo("180.50");
        assertThat(new BigDecimal(roll.path("areaM2").asString()))
                .isEqualByComparingTo(reservoir.add(new BigDecimal("180.50")));

        // the county roll-up read by a county officer includes the village under its town
        ApiClient officer = as(Role.COUNTY_OFFICER, COUNTY);
        JsonNode county = officer.get("/api/v1/eledger/rollups/" + COUNTY).json();
        String town = village.substring(0, 9);
        assertThat(county.path("children").findValuesAsString("key")).contains(town);
        // the village accountant asking for its county gets its own village only
        JsonNode narrowed = accountant.get("/api/v1/eledger/rollups/" + COUNTY).json();
        assertThat(narrowed.path("scopedTo").asString()).isEqualTo(village);
        assertThat(narrowed.path("count").asLong()).isEqualTo(2);
    }

    @Test
    void aVillageAccountantCannotReadOrWriteAnotherVillage() {
        String own = EledgerFixtures.village(divisions, COUNTY, 4);
        String other = EledgerFixtures.village(divisions, COUNTY, 5);
        ApiClient otherAccountant = as(Role.VILLAGE_ACCOUNTANT, other);
        ApiClient.Response made = otherAccountant.post(
                "/api/v1/eledger/villages/" + other + "/resources",
                ApiClient.json(body(
                        "林地",
                        "forest",
                        "forest_land",
                        "idle",
                        EledgerFixtures.geoJson(EledgerFixtures.rectangle(divisions, other, 0, 0, 30, 30)))));
        String otherId = made.json().path("id").asString();
        ApiClient accountant = as(Role.VILLAGE_ACCOUNTANT, own);
        assertThat(accountant
                        .get("/api/v1/eledger/villages/" + other + "/resources")
                        .status())
                .isEqualTo(404);
        assertThat(accountant.get("/api/v1/eledger/resources/" + otherId).status())
                .isEqualTo(404);
        assertThat(accountant
                        .post(
                                "/api/v1/eledger/villages/" + other + "/resources",
                                ApiClient.json(body(
                                        "x",
                                        "forest",
                                        "forest_land",
                                        "idle",
                                        EledgerFixtures.geoJson(
                                                EledgerFixtures.rectangle(divisions, other, 0, 0, 10, 10)))))
                        .status())
                .isEqualTo(404);
        ApiClient auditor = as(Role.AUDITOR, COUNTY);
        assertThat(auditor.get("/api/v1/eledger/resources/" + otherId).status()).isEqualTo(200);
        assertThat(auditor.post("/api/v1/eledger/villages/" + other + "/resources", ApiClient.json(Map.of()))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theMapLayerIsAFeatureCollectionInLonLatFilteredLikeTheList() {
        String village = EledgerFixtures.village(divisions, COUNTY, 0);
        ApiClient accountant = as(Role.VILLAGE_ACCOUNTANT, village);
        String base = "/api/v1/eledger/villages/" + village + "/resources";
        accountant.post(
                base,
                ApiClient.json(body(
                        "山塘",
                        "water",
                        "pond",
                        "idle",
                        EledgerFixtures.geoJson(EledgerFixtures.rectangle(divisions, village, 0, 0, 20, 20)))));
        accountant.post(
                base,
                ApiClient.json(body(
                        "园地",
                        "farmland",
                        "garden",
                        "in_use",
                        EledgerFixtures.geoJson(EledgerFixtures.rectangle(divisions, village, 50, 0, 20, 20)))));
        ApiClient.Response layer = accountant.get(base + ".geojson?status=idle");
        assertThat(layer.status()).as(layer.toString()).isEqualTo(200);
        assertThat(layer.header("Content-Type")).startsWith("application/geo+json");
        JsonNode fc = layer.json();
        assertThat(fc.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(fc.path("features")).hasSize(1);
        JsonNode feature = fc.path("features").get(0);
        assertThat(feature.path("properties").path("name").asString()).isEqualTo("山塘");
        double lon = feature.path("geometry")
                .path("coordinates")
                .get(0)
                .get(0)
                .get(0)
                .asDouble();
        assertThat(lon).isBetween(118.0, 119.5);
    }
}
