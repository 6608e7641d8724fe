package liangshan.app.eledger.internal;

import static liangshan.app.eledger.internal.EledgerFixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.app.divisions.Divisions;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The HOUSEHOLD role: its own party, rights and transfers only; applications only as transferor. */
@IntegrationTest
class HouseholdAccessTest {

    static final String COUNTY = "330802"; // 柯城区

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Divisions divisions;

    @Autowired
    ResourceService resources;

    @Autowired
    PartyService parties;

    @Autowired
    RightService rights;

    EledgerFixtures.Ledger ledger() {
        return new EledgerFixtures.Ledger(divisions, resources, parties, rights);
    }

    record Village(
            String village,
            String collective,
            PartyService.PartyView zhang,
            PartyService.PartyView li,
            String fieldA,
            String fieldB,
            Row ownA,
            Row zhangContract,
            Row liContract) {}

    Village village(Actor clerk, String village) {
        EledgerFixtures.Ledger ledger = ledger();
        String collective = ledger.party(clerk, village, "collective", "户村集体");
        PartyService.PartyView zhang = ledger.partyView(clerk, village, "household", "张户", "330802198001010011");
        PartyService.PartyView li = ledger.partyView(clerk, village, "household", "李户", null);
        String fieldA = ledger.farmland(clerk, village, "户田" + 0.0, 0);
        String fieldB = ledger.farmland(clerk, village, "户田" + 25.0, 25);
        Row ownA = ledger.ownership(clerk, fieldA, collective, doc("户所有A"));
        Row ownB = ledger.ownership(clerk, fieldB, collective, doc("户所有B"));
        Row zhangContract =
                ledger.derived(clerk, fieldA, "contract", ownA, "2010-01-01", "2040-01-01", zhang.id(), doc("户承包A"));
        Row liContract =
                ledger.derived(clerk, fieldB, "contract", ownB, "2010-01-01", "2040-01-01", li.id(), doc("户承包B"));
        return new Village(village, collective, zhang, li, fieldA, fieldB, ownA, zhangContract, liContract);
    }

    @Test
    void aHouseholdSeesOnlyItsOwnPartyRightsAndTransfersAndAppliesOnlyAsTransferor() {
        String village = EledgerFixtures.village(divisions, COUNTY, 4);
        Actor clerk = EledgerFixtures.clerk(village);
        Village v = village(clerk, village);
        String collective = v.collective();
        PartyService.PartyView zhang = v.zhang();
        PartyService.PartyView li = v.li();
        String fieldA = v.fieldA();
        String fieldB = v.fieldB();
        Row ownA = v.ownA();
        Row zhangContract = v.zhangContract();
        Row liContract = v.liContract();

        TestAccounts.Account account = TestAccounts.createHousehold(context, "hh", village, zhang.number());
        ApiClient hh = new ApiClient(port).signedIn(account.username(), account.password());
        String base = "/api/v1/eledger";

        assertThat(hh.get(base + "/parties/" + zhang.id()).status()).isEqualTo(200);
        assertThat(hh.get(base + "/parties/" + li.id()).status()).isEqualTo(404);
        ApiClient.Response mine = hh.get(base + "/villages/" + village + "/rights");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        mine.json()
                .path("rights")
                .path("items")
                .forEach(r -> ids.add(r.path("rightId").asString()));
        assertThat(ids).containsExactly(zhangContract.rightId());
        assertThat(hh.get(base + "/rights/" + zhangContract.rightId() + "/history")
                        .status())
                .isEqualTo(200);
        assertThat(hh.get(base + "/rights/" + liContract.rightId() + "/history").status())
                .isEqualTo(404);
        assertThat(hh.get(base + "/rights/" + ownA.rightId() + "/history").status())
                .isEqualTo(404);
        for (String path : List.of(
                "/villages/" + village + "/resources",
                "/resources/" + fieldA,
                "/resources/" + fieldA + "/rights",
                "/villages/" + village + "/parties",
                "/villages/" + village + "/packages",
                "/rollups/" + village,
                "/tasks",
                "/villages/" + village + "/export.xlsx")) {
            assertThat(hh.get(base + path).status()).as(path).isEqualTo(404);
        }
        assertThat(hh.post(
                                base + "/villages/" + village + "/parties",
                                ApiClient.json(Map.of("kind", "person", "name", "x")))
                        .status())
                .isEqualTo(403);

        applies(hh, base, v);
    }

    /** Applications: only as transferor; the own transfer is visible to its party only; no decisions. */
    void applies(ApiClient hh, String base, Village v) {
        String village = v.village();
        String collective = v.collective();
        PartyService.PartyView zhang = v.zhang();
        PartyService.PartyView li = v.li();
        String fieldA = v.fieldA();
        String fieldB = v.fieldB();
        Row zhangContract = v.zhangContract();
        Row liContract = v.liContract();
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("resourceId", fieldB);
        application.put("parentRightId", liContract.rightId());
        application.put("transferorPartyId", li.id());
        application.put("transfereePartyId", collective);
        application.put("termFrom", "2026-01-01");
        application.put("termTo", "2031-01-01");
        application.put("annualRentYuan", "800.00");
        application.put("paymentDay", "03-01");
        application.put("channel", "online");
        application.put("contractNumber", "户申请-1");
        ApiClient.Response notMine = hh.post(base + "/villages/" + village + "/transfers", ApiClient.json(application));
        assertThat(notMine.status()).isEqualTo(403);
        assertThat(notMine.code()).isEqualTo("eledger.transfer.household-not-transferor");

        application.put("resourceId", fieldA);
        application.put("parentRightId", zhangContract.rightId());
        application.put("transferorPartyId", zhang.id());
        ApiClient.Response applied = hh.post(base + "/villages/" + village + "/transfers", ApiClient.json(application));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String transferId = applied.json().path("transfer").path("id").asString();
        assertThat(applied.json().path("transfer").path("steps").get(0).asString())
                .isEqualTo("village");
        assertThat(hh.get(base + "/transfers/" + transferId).status()).isEqualTo(200);
        ApiClient.Response list = hh.get(base + "/villages/" + village + "/transfers");
        assertThat(list.json().path("total").asLong()).isEqualTo(1);
        assertThat(hh.post(
                                base + "/transfers/" + transferId + "/decision",
                                ApiClient.json(Map.of("decision", "approve")))
                        .status())
                .isEqualTo(403);

        myLedger(hh, base, v, transferId);

        // another household of the village cannot see zhang's transfer; a household of another village sees nothing
        TestAccounts.Account other = TestAccounts.createHousehold(context, "hh", village, li.number());
        ApiClient liClient = new ApiClient(port).signedIn(other.username(), other.password());
        assertThat(liClient.get(base + "/transfers/" + transferId).status()).isEqualTo(404);
        assertThat(liClient.get(base + "/villages/" + village + "/transfers")
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
        String elsewhere = EledgerFixtures.village(divisions, COUNTY, 5);
        TestAccounts.Account stranger = TestAccounts.createHousehold(context, "hh", elsewhere, zhang.number());
        ApiClient strangerClient = new ApiClient(port).signedIn(stranger.username(), stranger.password());
        assertThat(strangerClient.get(base + "/parties/" + zhang.id()).status()).isEqualTo(404);
        assertThat(strangerClient.get(base + "/villages/" + village + "/rights").status())
                .isEqualTo(404);
    }

    /** The household's own page: its party, the rights it holds with their parcels, whom it may transfer to, its applications. */
    void myLedger(ApiClient hh, String base, Village v, String transferId) {
        ApiClient.Response mine = hh.get(base + "/my-ledger");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        var json = mine.json();
        assertThat(json.path("party").path("id").asString()).isEqualTo(v.zhang().id());
        assertThat(json.path("villageCode").asString()).isEqualTo(v.village());
        assertThat(json.path("rights").size()).isEqualTo(1);
        assertThat(json.path("rights").get(0).path("right").path("rightId").asString())
                .isEqualTo(v.zhangContract().rightId());
        assertThat(json.path("rights").get(0).path("parcel").path("id").asString())
                .isEqualTo(v.fieldA());
        assertThat(json.path("rights").get(0).path("parcel").path("areaM2").decimalValue())
                .isEqualByComparingTo(
                        resources.readable(Actor.SYSTEM, v.fieldA()).areaM2());
        List<String> transferees = new ArrayList<>();
        json.path("transferees").forEach(p -> transferees.add(p.path("id").asString()));
        assertThat(transferees).contains(v.collective()).doesNotContain(v.li().id());
        assertThat(json.path("transfers").size()).isEqualTo(1);
        assertThat(json.path("transfers").get(0).path("transfer").path("id").asString())
                .isEqualTo(transferId);
        assertThat(json.path("transfers").get(0).path("transfer").path("status").asString())
                .isEqualTo("pending");
        assertThat(json.path("transfers")
                        .get(0)
                        .path("tasks")
                        .get(0)
                        .path("level")
                        .asString())
                .isEqualTo("village");
        TestAccounts.Account clerk = TestAccounts.create(context, "hhclerk", Role.VILLAGE_ACCOUNTANT, v.village());
        ApiClient clerkClient = new ApiClient(port).signedIn(clerk.username(), clerk.password());
        assertThat(clerkClient.get(base + "/my-ledger").status()).isEqualTo(404);
        // the accountant sees the online application among the approval tasks
        List<String> tasks = new ArrayList<>();
        clerkClient
                .get(base + "/tasks")
                .json()
                .forEach(t -> tasks.add(t.path("transferId").asString()));
        assertThat(tasks).contains(transferId);
    }
}
