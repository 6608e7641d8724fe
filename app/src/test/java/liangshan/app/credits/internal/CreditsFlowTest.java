package liangshan.app.credits.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.money.MoneyLedger;
import liangshan.app.platform.DataDirectory;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import liangshan.ledger.credits.CreditUnits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The whole credit flow over HTTP: proposal → approval → GEP estimate → milestones verified → release by a
 * second person → listing → purchase with retirement against a development's obligation → eco gate passed
 * → the public register shows it (JSON and CSV, without login); everything else needs a login.
 */
@IntegrationTest
class CreditsFlowTest {

    static final String C = CreditsFixtures.COUNTY;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    DataDirectory data;

    @Autowired
    MoneyLedger money;

    @Test
    void fromProposalToThePublicRegister() {
        CreditsFixtures.Landscape land = CreditsFixtures.landscape(data);
        ApiClient admin = client(Role.CITY_ADMIN, "3308");
        ApiClient maker = client(Role.COUNTY_OFFICER, C);
        ApiClient checker = client(Role.COUNTY_OFFICER, C);
        TestAccounts.Account investorAccount = TestAccounts.create(context, "cred-inv", Role.INVESTOR, C);
        ApiClient investor = new ApiClient(port).signedIn(investorAccount.username(), investorAccount.password());

        String[] ids = setUp(admin, maker, investorAccount.username());
        String village = ids[0];
        String enterprise = ids[1];

        String project = propose(maker, land, village);
        long issued = release(maker, checker, project, land);
        assertThat(units(
                        ok(maker.get("/api/v1/credits/parties/" + village), 200).path("issued")))
                .isEqualTo(issued);

        JsonNode listing = ok(
                command(
                        maker,
                        "/api/v1/credits/listings",
                        "{\"sellerPartyId\":\"" + village + "\",\"credits\":\"" + CreditUnits.format(issued)
                                + "\",\"priceYuanPerCredit\":\"80.00\"}"),
                201);
        String listingId = listing.path("id").asString();

        JsonNode dev = ok(
                command(
                        investor,
                        "/api/v1/credits/developments",
                        "{\"name\":\"厂房\",\"countyCode\":\"" + C
                                + "\",\"developerPartyId\":\"" + enterprise + "\",\"footprint\":"
                                + land.footprint(3, 2, 3, 2)
                                + ",\"change\":{\"toClass\":13},\"inputs\":\"" + land.inputs()
                                + "\",\"params\":\"quzhou-2025-v1\"}"),
                201);
        assertThat(dev.path("gate").asString()).isEqualTo("blocked");
        assertThat(dev.path("deltaYuan").asString()).isEqualTo("-1910.35");
        JsonNode obligation = dev.path("obligation");
        assertThat(obligation.path("amount").asString()).isEqualTo("1910.350");
        assertThat(obligation.path("priceSetId").asString()).isEqualTo("quzhou-2025-v1");
        assertThat(obligation.path("provenance").path("paramsSha256").asString())
                .hasSize(64);
        long owed = units(obligation.path("amount"));
        long payment = CreditUnits.paymentFen(owed, 8000);
        CreditsFixtures.fund(money, enterprise, payment);

        JsonNode settled = ok(
                command(
                        investor,
                        "/api/v1/credits/listings/" + listingId + "/purchases",
                        "{\"buyerPartyId\":\""
                                + enterprise + "\",\"credits\":\"" + CreditUnits.format(owed) + "\",\"obligationId\":\""
                                + obligation.path("id").asString() + "\"}"),
                201);
        assertThat(settled.path("gate").asString()).isEqualTo("passed");
        assertThat(settled.path("amountYuan").asString()).isEqualTo(Amounts.yuan(payment));
        JsonNode after =
                ok(investor.get("/api/v1/credits/developments/" + dev.path("id").asString()), 200);
        assertThat(after.path("gate").asString()).isEqualTo("passed");
        assertThat(after.path("obligation").path("retired").asString()).isEqualTo("1910.350");
        assertThat(balance(PartyService.cashAccount(enterprise))).isZero();
        long village60 = balance(PartyService.cashAccount(village));
        long households = balance(MoneyLedger.accountId("credits.households", village));
        assertThat(village60 + households).as("village and household shares").isEqualTo(payment * 8000 / 10000);
        assertThat(units(
                        ok(maker.get("/api/v1/credits/parties/" + village), 200).path("listed")))
                .isEqualTo(issued - owed);

        publicRegister(project, listingId, obligation.path("id").asString(), enterprise, village, payment);
    }

    /** Policy, pool, a village collective and an enterprise with the investor as member: {village, enterprise}. */
    private String[] setUp(ApiClient admin, ApiClient maker, String investor) {
        String version = TestAccounts.unique("pol");
        ok(
                command(
                        admin,
                        "/api/v1/credits/policies",
                        "{\"version\":\"" + version + "\",\"multiplier\":\"1.0\","
                                + "\"sameCounty\":true,\"matchServiceType\":false,\"stacking\":\"NONE\",\"bufferPct\":\"5\","
                                + "\"revenueRule\":{\"version\":\"r-" + version
                                + "\",\"villagePct\":\"60\",\"householdsPct\":\"20\","
                                + "\"operatorPct\":\"10\",\"fundsPct\":\"10\"}}"),
                201);
        command(maker, "/api/v1/credits/pools", "{\"countyCode\":\"" + C + "\",\"priceYuanPerCredit\":\"50.00\"}");
        // A credit command without an Idempotency-Key is refused before anything runs (as money commands).
        ApiClient.Response keyless = maker.post("/api/v1/credits/pools/" + C + "/settle", "{}");
        assertThat(keyless.status()).isEqualTo(428);
        assertThat(keyless.code()).isEqualTo("credits.idempotency-key-required");
        String village = ok(
                        command(
                                maker,
                                "/api/v1/credits/parties",
                                "{\"name\":\"下淤村\",\"countyCode\":\"" + C + "\",\"type\":\"village_collective\"}"),
                        201)
                .path("id")
                .asString();
        String enterprise = ok(
                        command(
                                maker,
                                "/api/v1/credits/parties",
                                "{\"name\":\"开化某建材公司\",\"countyCode\":\"" + C + "\",\"type\":\"enterprise\"}"),
                        201)
                .path("id")
                .asString();
        assertThat(command(
                                maker,
                                "/api/v1/credits/parties/" + enterprise + "/members",
                                "{\"username\":\"" + investor + "\"}")
                        .status())
                .isEqualTo(204);

        return new String[] {village, enterprise};
    }

    private void publicRegister(
            String project, String listingId, String obligationId, String enterprise, String village, long payment) {
        ApiClient anonymous = new ApiClient(port);
        JsonNode transfers = ok(anonymous.get("/api/v1/register/transfers?county=" + C + "&size=500"), 200);
        assertThat(transfers.path("items").valueStream().filter(t -> t.path("toPartyId")
                        .asString()
                        .equals(enterprise)))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.path("kind").asString()).isEqualTo("sale");
                    assertThat(t.path("fromPartyId").asString()).isEqualTo(village);
                    assertThat(t.path("priceYuanPerCredit").asString()).isEqualTo("80.00");
                    assertThat(t.path("amountYuan").asString()).isEqualTo(Amounts.yuan(payment));
                    assertThat(t.path("at").asString()).isNotEmpty();
                    // readable by people: names and texts in Chinese and English beside the ids
                    assertThat(t.path("fromName").asString()).isEqualTo("下淤村");
                    assertThat(t.path("toName").asString()).isEqualTo("开化某建材公司");
                    assertThat(t.path("kindZh").asString()).isEqualTo("市场交易");
                    assertThat(t.path("kindEn").asString()).isEqualTo("market sale");
                    assertThat(t.path("countyName").asString()).isEqualTo("开化县");
                    assertThat(t.path("countyNameEn").asString()).isEqualTo("Kaihua County");
                    assertThat(t.propertyNames()).noneMatch(k -> k.contains("ousehold") || k.contains("cash"));
                });
        JsonNode retirements = ok(anonymous.get("/api/v1/register/retirements?county=" + C + "&size=500"), 200);
        assertThat(retirements.path("items").valueStream().filter(t -> t.path("obligationId")
                        .asString()
                        .equals(obligationId)))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.path("credits").asString()).isEqualTo("1910.350");
                    assertThat(t.path("holderName").asString()).isEqualTo("开化某建材公司");
                    assertThat(t.path("beneficiaryName").asString()).isEqualTo("开化某建材公司");
                    assertThat(t.path("developmentName").asString()).isEqualTo("厂房");
                    assertThat(t.path("reasonZh").asString()).isEqualTo("市场购买后核销（挂牌 " + listingId + "）");
                    assertThat(t.path("reasonEn").asString())
                            .isEqualTo("bought on the market and retired (listing " + listingId + ")");
                });
        JsonNode obligations = ok(anonymous.get("/api/v1/register/obligations?county=" + C + "&size=500"), 200);
        assertThat(obligations.path("items").valueStream().filter(t -> t.path("id")
                        .asString()
                        .equals(obligationId)))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.path("status").asString()).isEqualTo("acquitted");
                    assertThat(t.path("statusZh").asString()).isEqualTo("已核销");
                    assertThat(t.path("obligorName").asString()).isEqualTo("开化某建材公司");
                    assertThat(t.path("developmentName").asString()).isEqualTo("厂房");
                });
        JsonNode projects = ok(anonymous.get("/api/v1/register/projects?county=" + C + "&size=500"), 200);
        assertThat(projects.path("items")
                        .valueStream()
                        .filter(p -> p.path("id").asString().equals(project)))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.path("ownerName").asString()).isEqualTo("下淤村");
                    assertThat(p.path("kindZh").asString()).isEqualTo("村集体修复项目");
                    assertThat(p.path("statusEn").asString()).isEqualTo("estimated");
                });
        JsonNode issuances = ok(anonymous.get("/api/v1/register/issuances?county=" + C + "&size=500"), 200);
        assertThat(issuances.path("items").valueStream().filter(p -> p.path("projectId")
                        .asString()
                        .equals(project)))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.path("projectName").asString()).isEqualTo("废弃矿山复绿");
                    assertThat(p.path("toName").asString()).isEqualTo("下淤村");
                });

        publicCsvAndNothingElse(anonymous, listingId, obligationId, enterprise, village);
    }

    /**
     * The register as CSV (Chinese headers, names and texts first, then English texts and ids); everything
     * else needs a login.
     */
    private static void publicCsvAndNothingElse(
            ApiClient anonymous, String listingId, String obligationId, String enterprise, String village) {
        ApiClient.Response csv = anonymous.get("/api/v1/register/retirements.csv?county=" + C);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF日期,持有人,积分,序号段,核销义务,开发项目,受益人,原因,县,原因（英文）,县（英文）,持有人编号,受益人编号\r\n");
        assertThat(csv.body().lines().filter(l -> l.contains(obligationId)))
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .contains(",1910.350,")
                        .contains(",厂房,开化某建材公司,市场购买后核销（挂牌 " + listingId + "）,开化县,")
                        .endsWith("," + enterprise + "," + enterprise));
        ApiClient.Response csv2 = anonymous.get("/api/v1/register/transfers?format=csv&county=" + C);
        assertThat(csv2.body()).startsWith("\uFEFF日期,类型,出让方,受让方").contains(",市场交易,下淤村,开化某建材公司,1910.350,");
        assertThat(anonymous.get("/api/v1/credits/listings").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/credits/parties/" + village).status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/register/other").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/money/accounts").status()).isEqualTo(401);
    }

    private String propose(ApiClient maker, CreditsFixtures.Landscape land, String village) {
        String day = CreditsFixtures.uniqueDay().toString();
        JsonNode p = ok(
                command(
                        maker,
                        "/api/v1/credits/projects",
                        "{\"name\":\"废弃矿山复绿\",\"kind\":\"village\","
                                + "\"countyCode\":\"" + C + "\",\"ownerPartyId\":\"" + village
                                + "\",\"sponsor\":\"下淤村\","
                                + "\"costYuan\":\"350000.00\",\"footprint\":" + land.footprint(0, 1, 1, 1)
                                + ",\"change\":{\"toClass\":1},\"periodFrom\":\"" + day + "\",\"periodTo\":\"" + day
                                + "\",\"milestones\":[{\"code\":\"planting.done\",\"dueOn\":\"2026-06-30\",\"cumulativePct\":\"50\"},"
                                + "{\"code\":\"acceptance.done\",\"dueOn\":\"2027-06-30\",\"cumulativePct\":\"100\"}]}"),
                201);
        assertThat(p.path("status").asString()).isEqualTo("proposed");
        String id = p.path("id").asString();
        JsonNode approved =
                ok(command(maker, "/api/v1/credits/projects/" + id + "/review", "{\"decision\":\"approve\"}"), 200);
        assertThat(approved.path("status").asString()).isEqualTo("approved");
        return id;
    }

    /** Estimate, verify both milestones, release: refused to the maker, approved by the checker. */
    private long release(ApiClient maker, ApiClient checker, String id, CreditsFixtures.Landscape land) {
        JsonNode estimated = ok(
                command(
                        maker,
                        "/api/v1/credits/projects/" + id + "/estimate",
                        "{\"inputs\":\"" + land.inputs() + "\",\"params\":\"quzhou-2025-v1\"}"),
                200);
        assertThat(estimated.path("status").asString()).isEqualTo("estimated");
        long units = units(estimated.path("estimate").path("units"));
        assertThat(units).isPositive();
        assertThat(units(estimated.path("estimate").path("pending"))).isEqualTo(units);
        assertThat(new java.math.BigDecimal(
                        estimated.path("estimate").path("deltaYuan").asString()))
                .isPositive();
        for (String m : List.of("planting.done", "acceptance.done")) {
            ok(
                    command(
                            maker,
                            "/api/v1/credits/projects/" + id + "/verifications",
                            "{\"milestoneCode\":\"" + m + "\",\"recordRef\":\"YS-2026-" + m + "\"}"),
                    200);
        }
        String release = ok(
                        command(
                                maker,
                                "/api/v1/credits/projects/" + id + "/releases",
                                "{\"milestoneCode\":" + "\"acceptance.done\"}"),
                        201)
                .path("id")
                .asString();
        ApiClient.Response same = command(maker, "/api/v1/credits/releases/" + release + "/approve", "{}");
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.code()).isEqualTo("credits.maker-checker-same-person");
        assertThat(same.json().path("messageZh").asString()).isNotBlank();
        JsonNode approved = ok(command(checker, "/api/v1/credits/releases/" + release + "/approve", "{}"), 200);
        assertThat(approved.path("status").asString()).isEqualTo("approved");
        long buffer = units * 500 / 10_000;
        return units - buffer;
    }

    private long balance(UUID account) {
        MoneyLedger.Balance b = money.balances(List.of(account)).get(account);
        return b == null ? 0 : b.postedFen();
    }

    private ApiClient client(Role role, String scope) {
        TestAccounts.Account a =
                TestAccounts.create(context, "cred-" + role.name().toLowerCase(), role, scope);
        return new ApiClient(port).signedIn(a.username(), a.password());
    }

    private static JsonNode ok(ApiClient.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    private static long units(JsonNode credits) {
        return CreditsFixtures.units(credits.asString());
    }

    /** A credit command as a client sends it: with a fresh Idempotency-Key. */
    private static ApiClient.Response command(ApiClient client, String path, String body) {
        client.header("Idempotency-Key", UUID.randomUUID().toString());
        try {
            return client.post(path, body);
        } finally {
            client.header("Idempotency-Key", null);
        }
    }
}
