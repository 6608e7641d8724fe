package liangshan.app.credits.internal;

import static liangshan.app.credits.internal.CreditsFixtures.ADMIN;
import static liangshan.app.credits.internal.CreditsFixtures.COUNTY;
import static liangshan.app.credits.internal.CreditsFixtures.OTHER_COUNTY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.money.MoneyLedger;
import liangshan.app.platform.DataDirectory;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The market and account views over HTTP with a hand-computed scenario in 开化县: a village collective lists
 * 1.000 credit at 80.00 and 2.500 at 60.00 元; an enterprise bids 0.500 at 70.00, the village accepts 0.200
 * (14.00 元), the enterprise buys 1.000 of the cheaper listing (60.00 元). Checked: the listings with
 * seller name, project, vintage and total, filters, the bids (scope, paging, best price first), the trade
 * points of the price chart, both account pages (balances, holdings, trades, the 60 % village share of
 * 74.00 元 = 44.40 元) and that another county's officer sees none of it.
 */
@IntegrationTest
class CreditsMarketViewsTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PartyService parties;

    @Autowired
    ReserveService reserve;

    @Autowired
    MarketService market;

    @Autowired
    DataDirectory data;

    @Autowired
    MoneyLedger money;

    @Test
    void marketAndAccountViewsShowTheTradesWithExactNumbersInScope() {
        CreditsFixtures.Landscape land = CreditsFixtures.landscape(data);
        CreditsFixtures.policy(parties);
        CreditsFixtures.pool(parties, COUNTY);
        CreditsFixtures.pool(parties, OTHER_COUNTY);
        String village = CreditsFixtures.party(parties, COUNTY, "village_collective");
        String enterprise = CreditsFixtures.party(parties, COUNTY, "enterprise");
        String other = CreditsFixtures.party(parties, OTHER_COUNTY, "village_collective");
        String project = CreditsFixtures.issued(reserve, land, COUNTY, "village", village, 1);
        CreditsFixtures.issued(
                reserve, CreditsFixtures.landscape(data, OTHER_COUNTY), OTHER_COUNTY, "village", other, 3);
        int vintage = ((Number) ((Map<?, ?>) reserve.get(ADMIN, project).get("estimate")).get("year")).intValue();
        long issued = CreditsFixtures.units(parties.get(ADMIN, village).issued());
        assertThat(issued).isGreaterThan(4_000);
        CreditsFixtures.fund(money, enterprise, 100_000); // 1,000.00 元

        String dear = listing(village, "1.000", "80.00");
        String cheap = listing(village, "2.500", "60.00");
        String elsewhere = listing(other, "1.000", "55.00");
        String bid =
                (String) market.bid(ADMIN, new MarketService.BidInput(enterprise, "0.500", "70.00"), UUID.randomUUID())
                        .get("id");
        market.acceptBid(ADMIN, bid, new MarketService.AcceptInput(village, "0.200"), UUID.randomUUID());
        market.purchase(ADMIN, cheap, new MarketService.PurchaseInput(enterprise, "1.000", null), UUID.randomUUID());

        ApiClient officer = client(Role.COUNTY_OFFICER, COUNTY);
        ApiClient otherOfficer = client(Role.COUNTY_OFFICER, OTHER_COUNTY);
        checkListings(officer, otherOfficer, village, project, vintage, dear, cheap, elsewhere);
        checkBids(officer, otherOfficer, enterprise, bid);
        checkTrades(officer, otherOfficer);
        checkAccounts(officer, otherOfficer, village, enterprise, issued, bid);
    }

    private void checkListings(
            ApiClient officer,
            ApiClient otherOfficer,
            String village,
            String project,
            int vintage,
            String dear,
            String cheap,
            String elsewhere) {
        JsonNode page = ok(officer.get("/api/v1/credits/market/listings?size=500"), 200);
        List<JsonNode> ours = items(page).stream()
                .filter(l -> l.path("sellerPartyId").asString().equals(village))
                .toList();
        assertThat(ours).extracting(l -> l.path("id").asString()).containsExactly(cheap, dear);
        JsonNode c = ours.get(0);
        assertThat(c.path("remaining").asString()).isEqualTo("1.500");
        assertThat(c.path("priceYuanPerCredit").asString()).isEqualTo("60.00");
        assertThat(c.path("totalYuan").asString()).isEqualTo("90.00");
        assertThat(c.path("sellerName").asString())
                .isEqualTo(parties.get(ADMIN, village).name());
        assertThat(c.path("countyCode").asString()).isEqualTo(COUNTY);
        assertThat(c.path("projects").get(0).path("id").asString()).isEqualTo(project);
        assertThat(c.path("projects").get(0).path("name").asString()).isEqualTo("矿山复绿 1");
        assertThat(c.path("projects").get(0).path("kind").asString()).isEqualTo("village");
        assertThat(c.path("vintages").get(0).asInt()).isEqualTo(vintage);
        assertThat(ours.get(1).path("totalYuan").asString()).isEqualTo("80.00");
        assertThat(ids(page)).doesNotContain(elsewhere);

        assertThat(ids(ok(officer.get("/api/v1/credits/market/listings?size=500&minPrice=70&maxPrice=80.00"), 200)))
                .contains(dear)
                .doesNotContain(cheap);
        assertThat(ids(ok(officer.get("/api/v1/credits/market/listings?size=500&vintage=" + vintage), 200)))
                .contains(dear, cheap);
        assertThat(ids(ok(officer.get("/api/v1/credits/market/listings?size=500&vintage=1999"), 200)))
                .doesNotContain(dear, cheap);
        assertThat(ids(ok(officer.get("/api/v1/credits/market/listings?size=500&kind=enterprise"), 200)))
                .doesNotContain(dear, cheap);
        assertThat(ids(ok(otherOfficer.get("/api/v1/credits/market/listings?size=500"), 200)))
                .contains(elsewhere)
                .doesNotContain(dear, cheap);
        ApiClient.Response bad = officer.get("/api/v1/credits/market/listings?minPrice=abc&kind=forest");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(ApiClient.errorFields(bad)).containsExactlyInAnyOrder("minPrice", "kind");
        ApiClient.Response paging = officer.get("/api/v1/credits/market/listings?size=501");
        assertThat(paging.code()).isEqualTo("request.invalid-paging");
    }

    private void checkBids(ApiClient officer, ApiClient otherOfficer, String enterprise, String bid) {
        String second =
                (String) market.bid(ADMIN, new MarketService.BidInput(enterprise, "2.000", "75.50"), UUID.randomUUID())
                        .get("id");
        JsonNode all = ok(officer.get("/api/v1/credits/bids?buyer=" + enterprise), 200);
        assertThat(all.path("total").asLong()).isEqualTo(2);
        assertThat(ids(all)).containsExactly(second, bid); // best price first
        JsonNode b = items(all).get(1);
        assertThat(b.path("remaining").asString()).isEqualTo("0.300");
        assertThat(b.path("totalYuan").asString()).isEqualTo("21.00");
        assertThat(b.path("buyerName").asString())
                .isEqualTo(parties.get(ADMIN, enterprise).name());
        assertThat(items(all).get(0).path("totalYuan").asString()).isEqualTo("151.00");
        JsonNode page1 = ok(officer.get("/api/v1/credits/bids?buyer=" + enterprise + "&size=1&page=1"), 200);
        assertThat(ids(page1)).containsExactly(bid);
        assertThat(page1.path("total").asLong()).isEqualTo(2);
        market.withdrawBid(ADMIN, second, UUID.randomUUID());
        assertThat(ids(ok(officer.get("/api/v1/credits/bids?open=true&buyer=" + enterprise), 200)))
                .containsExactly(bid);
        assertThat(ids(ok(officer.get("/api/v1/credits/bids?open=false&buyer=" + enterprise), 200)))
                .containsExactly(second);
        assertThat(ok(otherOfficer.get("/api/v1/credits/bids?buyer=" + enterprise), 200)
                        .path("total")
                        .asLong())
                .isZero();
    }

    private void checkTrades(ApiClient officer, ApiClient otherOfficer) {
        JsonNode series = ok(officer.get("/api/v1/credits/market/trades?county=" + COUNTY), 200);
        assertThat(series).hasSize(1);
        assertThat(series.get(0).path("countyCode").asString()).isEqualTo(COUNTY);
        List<String> points = StreamSupport.stream(series.get(0).path("points").spliterator(), false)
                .map(p -> p.path("credits").asString() + "@"
                        + p.path("priceYuanPerCredit").asString() + "="
                        + p.path("amountYuan").asString())
                .toList();
        assertThat(points).contains("0.200@70.00=14.00", "1.000@60.00=60.00");
        JsonNode all = ok(officer.get("/api/v1/credits/market/trades"), 200);
        assertThat(all)
                .allSatisfy(s -> assertThat(s.path("countyCode").asString()).isEqualTo(COUNTY));
        assertThat(ok(otherOfficer.get("/api/v1/credits/market/trades?county=" + COUNTY), 200))
                .isEmpty();
    }

    private void checkAccounts(
            ApiClient officer, ApiClient otherOfficer, String village, String enterprise, long issued, String bid) {
        JsonNode v = ok(officer.get("/api/v1/credits/parties/" + village + "/account"), 200);
        long held = issued - 3_500 - 200;
        assertThat(CreditsFixtures.units(v.path("party").path("issued").asString()))
                .isEqualTo(held);
        assertThat(v.path("party").path("listed").asString()).isEqualTo("2.500");
        assertThat(v.path("party").path("cashYuan").asString()).isEqualTo("44.40"); // 60 % of 74.00
        assertThat(v.path("retired").asString()).isEqualTo("0.000");
        assertThat(sum(v.path("holdings"), "issued")).isEqualTo(held);
        assertThat(sum(v.path("holdings"), "listed")).isEqualTo(2_500);
        assertThat(v.path("holdings").get(0).path("projectName").asString()).isEqualTo("矿山复绿 1");
        assertThat(v.path("holdings").get(0).path("serials").asString()).matches("\\d+-\\d+");
        assertThat(v.path("listings")).hasSize(2);
        assertThat(StreamSupport.stream(v.path("trades").spliterator(), false)
                        .map(t -> t.path("side").asString() + " "
                                + t.path("credits").asString() + " "
                                + t.path("amountYuan").asString())
                        .toList())
                .containsExactly("sell 1.000 60.00", "sell 0.200 14.00");

        JsonNode e = ok(officer.get("/api/v1/credits/parties/" + enterprise + "/account"), 200);
        assertThat(e.path("party").path("issued").asString()).isEqualTo("1.200");
        assertThat(e.path("party").path("cashYuan").asString()).isEqualTo("926.00");
        assertThat(e.path("trades").get(0).path("counterpartyName").asString())
                .isEqualTo(parties.get(ADMIN, village).name());
        assertThat(e.path("trades").get(0).path("side").asString()).isEqualTo("buy");
        assertThat(StreamSupport.stream(e.path("bids").spliterator(), false)
                        .filter(b -> b.path("open").asBoolean())
                        .map(b -> b.path("id").asString())
                        .toList())
                .containsExactly(bid);
        assertThat(sum(e.path("holdings"), "issued")).isEqualTo(1_200);

        assertThat(otherOfficer
                        .get("/api/v1/credits/parties/" + village + "/account")
                        .status())
                .isEqualTo(404);
        assertThat(new ApiClient(port)
                        .get("/api/v1/credits/parties/" + village + "/account")
                        .status())
                .isEqualTo(401);
        assertThat(new ApiClient(port).get("/api/v1/credits/bids").status()).isEqualTo(401);
    }

    private String listing(String seller, String credits, String price) {
        return (String) market.list(ADMIN, new MarketService.ListingInput(seller, credits, price), UUID.randomUUID())
                .get("id");
    }

    private static long sum(JsonNode holdings, String state) {
        long units = 0;
        for (JsonNode h : holdings) {
            if (h.path("state").asString().equals(state)) {
                units += CreditsFixtures.units(h.path("credits").asString());
            }
        }
        return units;
    }

    private static List<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).toList();
    }

    private static List<String> ids(JsonNode page) {
        return items(page).stream().map(n -> n.path("id").asString()).toList();
    }

    private ApiClient client(Role role, String scope) {
        TestAccounts.Account a =
                TestAccounts.create(context, "mkt-" + role.name().toLowerCase(), role, scope);
        return new ApiClient(port).signedIn(a.username(), a.password());
    }

    private static JsonNode ok(ApiClient.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }
}
