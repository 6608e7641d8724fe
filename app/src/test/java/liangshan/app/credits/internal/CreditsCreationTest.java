package liangshan.app.credits.internal;

import static liangshan.app.credits.internal.CreditsFixtures.ADMIN;
import static liangshan.app.credits.internal.CreditsFixtures.COUNTY;
import static liangshan.app.credits.internal.CreditsFixtures.JSON;
import static liangshan.app.credits.internal.CreditsFixtures.OTHER_COUNTY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Divisions;
import liangshan.app.divisions.GeoJsonGeometry;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.platform.DataDirectory;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import liangshan.app.web.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Creation of restoration proposals and development projects: retry-safe under an {@code Idempotency-Key}
 * (over HTTP, and in the module itself — after a "restart" and beyond the web layer's replay window), and
 * only for footprints inside the named county (outside or across the border → 422 naming the county).
 */
@IntegrationTest
class CreditsCreationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    DataDirectory data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Divisions divisions;

    @Autowired
    PartyService parties;

    @Autowired
    ReserveService reserve;

    @Autowired
    DevelopmentService developments;

    @Autowired
    RegistryHost host;

    CreditsFixtures.Landscape land;
    String village;
    String enterprise;

    @BeforeEach
    void setUp() {
        land = CreditsFixtures.landscape(data);
        CreditsFixtures.policy(parties);
        CreditsFixtures.pool(parties, COUNTY);
        village = CreditsFixtures.party(parties, COUNTY, "village_collective");
        enterprise = CreditsFixtures.party(parties, COUNTY, "enterprise");
    }

    private String proposal(String name, JsonNode footprint) {
        String day = CreditsFixtures.uniqueDay().toString();
        return "{\"name\":\"" + name + "\",\"kind\":\"village\",\"countyCode\":\"" + COUNTY + "\",\"ownerPartyId\":\""
                + village + "\",\"sponsor\":\"村集体\",\"costYuan\":\"1000.00\",\"footprint\":" + footprint
                + ",\"change\":{\"toClass\":1},\"periodFrom\":\"" + day + "\",\"periodTo\":\"" + day
                + "\",\"milestones\":[{\"code\":\"acceptance.done\",\"dueOn\":\"2027-06-30\",\"cumulativePct\":\"100\"}]}";
    }

    private String development(String name, JsonNode footprint) {
        return "{\"name\":\"" + name + "\",\"countyCode\":\"" + COUNTY + "\",\"developerPartyId\":\"" + enterprise
                + "\",\"footprint\":" + footprint + ",\"change\":{\"toClass\":13},\"inputs\":\"" + land.inputs()
                + "\",\"params\":\"quzhou-2025-v1\"}";
    }

    private long rows(String table, String name) {
        return jdbc.queryForObject("select count(*) from " + table + " where name = ?", Long.class, name);
    }

    @Test
    void sameKeyAndBodyAnswersTheFirstObjectAnotherBodyIsRefusedOverHttp() {
        TestAccounts.Account officer = TestAccounts.create(context, "cred-create", Role.COUNTY_OFFICER, COUNTY);
        ApiClient client = new ApiClient(port).signedIn(officer.username(), officer.password());
        String name = TestAccounts.unique("复绿");
        String body = proposal(name, land.footprint(0, 0, 1, 0));
        ApiClient.Response keyless = client.post("/api/v1/credits/projects", body);
        assertThat(keyless.status()).isEqualTo(428);
        assertThat(keyless.code()).isEqualTo("credits.idempotency-key-required");
        assertThat(rows("credit_project", name)).isZero();

        client.header("Idempotency-Key", UUID.randomUUID().toString());
        ApiClient.Response first = client.post("/api/v1/credits/projects", body);
        ApiClient.Response again = client.post("/api/v1/credits/projects", body);
        ApiClient.Response other = client.post("/api/v1/credits/projects", body.replace("1000.00", "2000.00"));
        client.header("Idempotency-Key", null);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("idempotency.key-reused");
        assertThat(rows("credit_project", name)).isEqualTo(1);

        String devName = TestAccounts.unique("厂房");
        String devBody = development(devName, land.footprint(3, 3, 3, 3));
        assertThat(client.post("/api/v1/credits/developments", devBody).status())
                .isEqualTo(428);
        client.header("Idempotency-Key", UUID.randomUUID().toString());
        ApiClient.Response dev = client.post("/api/v1/credits/developments", devBody);
        ApiClient.Response devAgain = client.post("/api/v1/credits/developments", devBody);
        client.header("Idempotency-Key", null);
        assertThat(dev.status()).as(dev.body()).isEqualTo(201);
        assertThat(devAgain.json().path("id").asString())
                .isEqualTo(dev.json().path("id").asString());
        assertThat(rows("credit_development", devName)).isEqualTo(1);
    }

    @Test
    void theModuleItselfRemembersTheKeyAcrossARestart() {
        var officer = CreditsFixtures.officer("create-officer", COUNTY);
        String name = TestAccounts.unique("复绿");
        ReserveService.ProjectInput in =
                JSON.readValue(proposal(name, land.footprint(0, 2, 1, 2)), ReserveService.ProjectInput.class);
        UUID rid = UUID.randomUUID();
        String id = (String) reserve.propose(officer, in, rid).get("id");
        host.invalidate(); // as after a restart: the registry is rebuilt from PostgreSQL
        assertThat(reserve.propose(officer, in, rid).get("id")).isEqualTo(id);
        ReserveService.ProjectInput changed =
                JSON.readValue(proposal(name, land.footprint(0, 3, 1, 3)), ReserveService.ProjectInput.class);
        assertThat(code(() -> reserve.propose(officer, changed, rid))).isEqualTo("idempotency.key-reused");
        assertThat(rows("credit_project", name)).isEqualTo(1);

        String devName = TestAccounts.unique("厂房");
        DevelopmentService.DevelopmentInput dev = JSON.readValue(
                development(devName, land.footprint(4, 4, 4, 4)), DevelopmentService.DevelopmentInput.class);
        UUID devRid = UUID.randomUUID();
        Map<String, Object> first = developments.create(ADMIN, dev, devRid);
        host.invalidate();
        Map<String, Object> again = developments.create(ADMIN, dev, devRid);
        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(again.get("obligation")).isEqualTo(first.get("obligation"));
        assertThat(rows("credit_development", devName)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from credit_command where request_id = ?", Long.class, devRid))
                .isEqualTo(1);
        DevelopmentService.DevelopmentInput otherDev = JSON.readValue(
                development(devName, land.footprint(4, 3, 4, 3)), DevelopmentService.DevelopmentInput.class);
        assertThat(code(() -> developments.create(ADMIN, otherDev, devRid))).isEqualTo("idempotency.key-reused");
        assertThat(rows("credit_development", devName)).isEqualTo(1);
    }

    @Test
    void aFootprintOutsideOrAcrossTheCountyBorderIsRefusedNamingTheCounty() {
        TestAccounts.Account officer = TestAccounts.create(context, "cred-border", Role.COUNTY_OFFICER, COUNTY);
        ApiClient client = new ApiClient(port).signedIn(officer.username(), officer.password());
        CreditsFixtures.Landscape elsewhere = CreditsFixtures.landscape(data, OTHER_COUNTY);
        String name = TestAccounts.unique("复绿");

        client.header("Idempotency-Key", UUID.randomUUID().toString());
        ApiClient.Response outside =
                client.post("/api/v1/credits/projects", proposal(name, elsewhere.footprint(0, 0, 1, 0)));
        client.header("Idempotency-Key", UUID.randomUUID().toString());
        ApiClient.Response across = client.post("/api/v1/credits/projects", proposal(name, acrossTheBorder()));
        client.header("Idempotency-Key", UUID.randomUUID().toString());
        ApiClient.Response devAcross =
                client.post("/api/v1/credits/developments", development(name, acrossTheBorder()));
        client.header("Idempotency-Key", UUID.randomUUID().toString());
        ApiClient.Response inside = client.post("/api/v1/credits/projects", proposal(name, land.footprint(0, 4, 1, 4)));
        client.header("Idempotency-Key", null);

        for (ApiClient.Response r : new ApiClient.Response[] {outside, across, devAcross}) {
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.code()).isEqualTo("credits.footprint.outside-county");
            assertThat(r.json().path("messageZh").asString()).contains("开化县");
            assertThat(r.json().path("messageEn").asString()).contains("Kaihua County");
        }
        // 2 × 2 cells less a 2 m inset: all of it lies in 龙游县.
        assertThat(outside.json().path("messageEn").asString()).contains("(96 m²");
        assertThat(rows("credit_development", name)).isZero();
        assertThat(inside.status()).as(inside.body()).isEqualTo(201);
        assertThat(rows("credit_project", name)).as("only the one inside").isEqualTo(1);
    }

    /** A 400 m square centred on a vertex of the county's boundary: partly inside, partly outside. */
    private JsonNode acrossTheBorder() {
        Geometry county = divisions.boundary(COUNTY).orElseThrow().gk120();
        Coordinate c = county.getCoordinates()[0];
        Envelope e = new Envelope(c.x - 200, c.x + 200, c.y - 200, c.y + 200);
        Geometry square = Cgcs2000.gkFactory().toGeometry(e);
        double inside = square.intersection(county).getArea();
        assertThat(inside).as("the square crosses the border").isBetween(1.0, square.getArea() - 1.0);
        StringBuilder out = new StringBuilder();
        GeoJsonGeometry.write(Cgcs2000.toLonLat(square), 7, out);
        return JSON.readTree(out.toString());
    }

    private static String code(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e.code();
        }
        throw new AssertionError("expected a rejection");
    }
}
