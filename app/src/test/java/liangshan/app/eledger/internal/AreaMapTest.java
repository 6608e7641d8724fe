package liangshan.app.eledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
import tools.jackson.databind.JsonNode;

/** The county map layer: points of every resource of the area, filters, package status and scope. */
@IntegrationTest
class AreaMapTest {

    static final String COUNTY = "330825"; // 龙游县

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Divisions divisions;

    private ApiClient as(Role role, String scope) {
        TestAccounts.Account a = TestAccounts.create(context, "amap", role, scope);
        return new ApiClient(port).signedIn(a.username(), a.password());
    }

    private static List<String> names(JsonNode fc) {
        List<String> out = new ArrayList<>();
        fc.path("features")
                .forEach(f -> out.add(f.path("properties").path("name").asString()));
        return out;
    }

    @Test
    void countyMapShowsPointsFilteredByTypeStatusAndPackageWithinScope() {
        String village = EledgerFixtures.village(divisions, COUNTY, 1);
        String other = EledgerFixtures.village(divisions, COUNTY, 2);
        ApiClient accountant = as(Role.VILLAGE_ACCOUNTANT, village);
        String tag = Long.toString(System.nanoTime(), 36);
        String base = "/api/v1/eledger/villages/" + village + "/resources";
        ApiClient.Response pond = accountant.post(
                base,
                ApiClient.json(ResourceApiTest.body(
                        "山塘" + tag,
                        "water",
                        "pond",
                        "idle",
                        EledgerFixtures.geoJson(EledgerFixtures.rectangle(divisions, village, 0, 0, 40, 40)))));
        assertThat(pond.status()).as(pond.toString()).isEqualTo(201);
        ApiClient.Response garden = accountant.post(
                base,
                ApiClient.json(ResourceApiTest.body(
                        "园地" + tag,
                        "farmland",
                        "garden",
                        "in_use",
                        EledgerFixtures.geoJson(EledgerFixtures.rectangle(divisions, village, 60, 0, 20, 20)))));
        assertThat(garden.status()).isEqualTo(201);
        ApiClient.Response pkg = accountant.post(
                "/api/v1/eledger/villages/" + village + "/packages",
                ApiClient.json(Map.of(
                        "name",
                        "包" + tag,
                        "termFrom",
                        "2031-01-01",
                        "termTo",
                        "2034-01-01",
                        "resourceIds",
                        List.of(pond.json().path("id").asString()))));
        assertThat(pkg.status()).as(pkg.toString()).isEqualTo(201);

        ApiClient officer = as(Role.COUNTY_OFFICER, COUNTY);
        String map = "/api/v1/eledger/areas/" + COUNTY + "/resources.geojson";
        ApiClient.Response all = officer.get(map);
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.header("Content-Type")).startsWith("application/geo+json");
        assertThat(names(all.json())).contains("山塘" + tag, "园地" + tag);
        JsonNode feature = all.json()
                .path("features")
                .valueStream()
                .filter(f -> f.path("properties").path("name").asString().equals("山塘" + tag))
                .findFirst()
                .orElseThrow();
        assertThat(feature.path("geometry").path("type").asString()).isEqualTo("Point");
        assertThat(feature.path("geometry").path("coordinates").get(0).asDouble())
                .isBetween(118.0, 119.5);
        assertThat(feature.path("properties").path("packageStatus").asString()).isEqualTo("draft");
        assertThat(feature.path("properties").path("villageCode").asString()).isEqualTo(village);

        assertThat(names(officer.get(map + "?type=water").json()))
                .contains("山塘" + tag)
                .doesNotContain("园地" + tag);
        assertThat(names(officer.get(map + "?status=in_use").json()))
                .contains("园地" + tag)
                .doesNotContain("山塘" + tag);
        assertThat(names(officer.get(map + "?packageStatus=any").json()))
                .contains("山塘" + tag)
                .doesNotContain("园地" + tag);
        assertThat(names(officer.get(map + "?packageStatus=offered").json())).doesNotContain("山塘" + tag);

        // another village's accountant gets the county map narrowed to its own village
        JsonNode narrowed = as(Role.VILLAGE_ACCOUNTANT, other).get(map).json();
        assertThat(narrowed.path("scopedTo").asString()).isEqualTo(other);
        assertThat(names(narrowed)).doesNotContain("山塘" + tag, "园地" + tag);
        // a county officer elsewhere does not see this county at all
        assertThat(as(Role.COUNTY_OFFICER, "330881").get(map).status()).isEqualTo(404);
    }
}
