package liangshan.app.eledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import liangshan.app.divisions.Divisions;
import liangshan.app.eledger.internal.RightService.AmendInput;
import liangshan.app.eledger.internal.RightService.RightInput;
import liangshan.app.eledger.internal.RightStore.Holder;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.eledger.internal.RightStore.Source;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import liangshan.app.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The bitemporal register and the LADM rules, against the real database. */
@IntegrationTest
class RightsRegisterTest {

    static final String COUNTY = "330824"; // 开化县

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

    @Autowired
    RightStore store;

    static Actor accountant(String village) {
        return new Actor(1, "acct-" + village, Set.of(Role.VILLAGE_ACCOUNTANT), new DataScope(village));
    }

    /** A resource, the collective and {@code households} households in the {@code n}-th village. */
    record Setup(String village, Actor actor, String resourceId, String collective, List<String> households) {}

    Setup setup(int n, int households) {
        String village = EledgerFixtures.village(divisions, COUNTY, n);
        Actor actor = accountant(village);
        EledgerFixtures.Ledger ledger = new EledgerFixtures.Ledger(divisions, resources, parties, rights);
        String resource = ledger.parcel(actor, village, "耕地" + n, "farmland", "cultivated", 0, 60, 60);
        String collective = ledger.party(actor, village, "collective", "股份经济合作社");
        List<String> hh = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            hh.add(parties.create(
                            actor,
                            village,
                            new PartyService.PartyInput(
                                    "household", "农户" + i, null, List.of(new PartyService.Member("户主" + i, "户主"))))
                    .id());
        }
        return new Setup(village, actor, resource, collective, hh);
    }

    static Source doc(String number) {
        return EledgerFixtures.doc(number);
    }

    static List<Holder> sole(String party) {
        return EledgerFixtures.sole(party);
    }

    static LocalDate d(String iso) {
        return EledgerFixtures.d(iso);
    }

    private Instant tick() throws InterruptedException {
        Thread.sleep(3);
        Instant t = rights.now();
        Thread.sleep(3);
        return t;
    }

    /** Holder ids of the contract rights valid on {@code validAt} as recorded at {@code recordedAt}. */
    private Set<String> holders(Setup s, String validAt, Instant recordedAt) {
        Set<String> out = new TreeSet<>();
        for (Row r : store.asOf(s.village(), s.resourceId(), "contract", d(validAt), recordedAt, 100, 0)) {
            r.holders().forEach(h -> out.add(h.partyId() + ":" + h.numerator() + "/" + h.denominator()));
        }
        return out;
    }

    @Test
    void aRightChangedAndLaterCorrectedAnswersForEveryValidAndRecordDate() throws Exception {
        Setup s = setup(0, 3);
        String h1 = s.households().get(0),
                h2 = s.households().get(1),
                h3 = s.households().get(2);
        Row ownership = rights.create(
                s.actor(),
                s.resourceId(),
                new RightInput(
                        "ownership", null, null, d("2000-01-01"), null, sole(s.collective()), doc("所有权-1"), null));
        Instant t0 = tick();
        Row contract = rights.create(
                s.actor(),
                s.resourceId(),
                new RightInput(
                        "contract",
                        ownership.rightId(),
                        null,
                        d("2010-01-01"),
                        d("2040-01-01"),
                        sole(h1),
                        doc("承包-1"),
                        null));
        Instant t1 = tick();
        rights.amend(s.actor(), contract.rightId(), new AmendInput(d("2020-01-01"), null, sole(h2), doc("变更-1"), "分户"));
        Instant t2 = tick();
        // correction: the change really took effect in 2018, to two holders with half each
        rights.amend(
                s.actor(),
                contract.rightId(),
                new AmendInput(
                        d("2018-01-01"), null, List.of(new Holder(h2, 1, 2), new Holder(h3, 1, 2)), doc("更正-1"), "更正"));
        Instant t3 = tick();

        Set<String> none = Set.of();
        Set<String> one = Set.of(h1 + ":1/1");
        Set<String> two = Set.of(h2 + ":1/1");
        Set<String> split = new TreeSet<>(List.of(h2 + ":1/2", h3 + ":1/2"));
        Map<Instant, List<Set<String>>> expected = new java.util.LinkedHashMap<>();
        // valid dates:          2009-06-01, 2015-06-01, 2019-06-01, 2021-06-01, 2045-01-01
        expected.put(t0, List.of(none, none, none, none, none));
        expected.put(t1, List.of(none, one, one, one, none));
        expected.put(t2, List.of(none, one, one, two, none));
        expected.put(t3, List.of(none, one, split, split, none));
        List<String> dates = List.of("2009-06-01", "2015-06-01", "2019-06-01", "2021-06-01", "2045-01-01");
        expected.forEach((recorded, perDate) -> {
            for (int i = 0; i < dates.size(); i++) {
                assertThat(holders(s, dates.get(i), recorded))
                        .as("valid %s recorded %s", dates.get(i), recorded)
                        .isEqualTo(perDate.get(i));
            }
        });
        // nothing was overwritten: 1 + 2 (change) + 2 (correction) rows
        assertThat(store.history(contract.rightId())).hasSize(5);
    }

    /** A setup with collective ownership from 2000 and a contract 2010–2040 shared by three households. */
    record Contracted(Setup s, Row ownership, Row contract) {}

    Contracted contracted(int n) {
        Setup s = setup(n, 3);
        Row ownership = rights.create(
                s.actor(),
                s.resourceId(),
                new RightInput(
                        "ownership", null, null, d("2000-01-01"), null, sole(s.collective()), doc("所有权-2"), null));
        List<Holder> thirds =
                s.households().stream().map(h -> new Holder(h, 1, 3)).toList();
        Row contract = rights.create(
                s.actor(),
                s.resourceId(),
                new RightInput(
                        "contract",
                        ownership.rightId(),
                        null,
                        d("2010-01-01"),
                        d("2040-01-01"),
                        thirds,
                        doc("承包-2"),
                        null));
        return new Contracted(s, ownership, contract);
    }

    @Test
    void oneOwnershipSharesSumToOneAndASourceIsRequired() {
        Contracted c = contracted(1);
        Setup s = c.s();
        String h1 = s.households().get(0), h2 = s.households().get(1);
        assertThat(codes(() -> rights.create(
                        s.actor(),
                        s.resourceId(),
                        new RightInput(
                                "ownership",
                                null,
                                null,
                                d("2005-01-01"),
                                null,
                                sole(s.collective()),
                                doc("所有权-3"),
                                null))))
                .containsExactly("eledger.right.primary-exists");
        assertThat(codes(() -> rights.create(
                        s.actor(),
                        s.resourceId(),
                        new RightInput(
                                "operating",
                                c.contract().rightId(),
                                null,
                                d("2020-01-01"),
                                d("2045-01-01"),
                                sole(s.collective()),
                                doc("o"),
                                null))))
                .containsExactly("eledger.right.outlives-parent");
        assertThat(fieldCodes(() -> rights.create(
                        s.actor(),
                        s.resourceId(),
                        new RightInput(
                                "homestead_use",
                                c.ownership().rightId(),
                                null,
                                d("2010-01-01"),
                                d("2040-01-01"),
                                List.of(new Holder(h1, 1, 3), new Holder(h2, 1, 3)),
                                doc("c"),
                                null))))
                .containsExactly("eledger.right.shares-not-one");
        assertThat(fieldCodes(() -> rights.create(
                        s.actor(),
                        s.resourceId(),
                        new RightInput(
                                "contract",
                                null,
                                null,
                                d("2010-01-01"),
                                d("2040-01-01"),
                                sole(h1),
                                new Source("certificate", "", "", null, null),
                                null))))
                .containsExactlyInAnyOrder("eledger.right.parent-required", "eledger.right.source-missing");
    }

    @Test
    void derivedRightsStayInsideTheirParentAndDoNotOverlap() {
        Contracted c = contracted(1);
        Setup s = c.s();
        String contract = c.contract().rightId();
        Row operating = rights.create(
                s.actor(),
                s.resourceId(),
                new RightInput(
                        "operating",
                        contract,
                        null,
                        d("2020-01-01"),
                        d("2035-01-01"),
                        sole(s.collective()),
                        doc("流转-2"),
                        null));
        assertThat(codes(() -> rights.create(
                        s.actor(),
                        s.resourceId(),
                        new RightInput(
                                "operating",
                                contract,
                                null,
                                d("2034-01-01"),
                                d("2036-01-01"),
                                sole(s.collective()),
                                doc("o"),
                                null))))
                .containsExactly("eledger.right.overlap");
        assertThat(codes(() -> rights.amend(
                        s.actor(), contract, new AmendInput(d("2025-01-01"), d("2030-01-01"), null, doc("缩短"), null))))
                .containsExactly("eledger.right.children-outlive");
        rights.create(
                s.actor(),
                s.resourceId(),
                new RightInput(
                        "pledge",
                        operating.rightId(),
                        1,
                        d("2021-01-01"),
                        d("2024-01-01"),
                        sole(s.collective()),
                        doc("质押-1"),
                        null));
        assertThat(codes(() -> rights.create(
                        s.actor(),
                        s.resourceId(),
                        new RightInput(
                                "mortgage",
                                operating.rightId(),
                                1,
                                d("2022-01-01"),
                                d("2023-01-01"),
                                sole(s.collective()),
                                doc("抵押-1"),
                                null))))
                .containsExactly("eledger.restriction.rank-taken");
    }

    @Test
    void aVillageAccountantCannotReadOrWriteAnotherVillagesRights() {
        Setup s = setup(2, 1);
        Row ownership = rights.create(
                s.actor(),
                s.resourceId(),
                new RightInput(
                        "ownership", null, null, d("2000-01-01"), null, sole(s.collective()), doc("所有权-4"), null));
        String other = EledgerFixtures.village(divisions, COUNTY, 3);
        TestAccounts.Account a = TestAccounts.create(context, "rights", Role.VILLAGE_ACCOUNTANT, other);
        ApiClient client = new ApiClient(port).signedIn(a.username(), a.password());
        assertThat(client.get("/api/v1/eledger/resources/" + s.resourceId() + "/rights")
                        .status())
                .isEqualTo(404);
        assertThat(client.get("/api/v1/eledger/villages/" + s.village() + "/rights")
                        .status())
                .isEqualTo(404);
        assertThat(client.get("/api/v1/eledger/rights/" + ownership.rightId() + "/history")
                        .status())
                .isEqualTo(404);
        assertThat(client.post(
                                "/api/v1/eledger/rights/" + ownership.rightId() + "/versions",
                                ApiClient.json(Map.of("effectiveFrom", "2010-01-01")))
                        .status())
                .isEqualTo(404);
        assertThat(client.post(
                                "/api/v1/eledger/resources/" + s.resourceId() + "/rights",
                                ApiClient.json(Map.of("kind", "ownership")))
                        .status())
                .isEqualTo(404);
        // the own accountant reads it over HTTP, with the holder's name
        TestAccounts.Account own = TestAccounts.create(context, "rights", Role.VILLAGE_ACCOUNTANT, s.village());
        ApiClient ownClient = new ApiClient(port).signedIn(own.username(), own.password());
        var answer = ownClient.get("/api/v1/eledger/resources/" + s.resourceId() + "/rights?validAt=2020-01-01");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()
                        .path("rights")
                        .path("items")
                        .get(0)
                        .path("holders")
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("股份经济合作社");
    }

    @Test
    void shareQuantificationOverHttpSumsExactlyAndDefaultsMembersToTheRegisteredOnes() {
        Setup s = setup(4, 3);
        TestAccounts.Account a = TestAccounts.create(context, "shares", Role.VILLAGE_ACCOUNTANT, s.village());
        ApiClient client = new ApiClient(port).signedIn(a.username(), a.password());
        List<Map<String, Object>> households = new ArrayList<>();
        String[] areas = {"1000.5", "333.33", "0.01"};
        for (int i = 0; i < 3; i++) {
            households.add(Map.of("partyId", s.households().get(i), "contractedAreaM2", areas[i]));
        }
        var answer = client.post(
                "/api/v1/eledger/villages/" + s.village() + "/share-quantification",
                ApiClient.json(
                        Map.of("totalShares", 997, "method", "mix", "areaPercent", "60", "households", households)));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        long sum = 0;
        for (var h : answer.json().path("households")) {
            sum += h.path("shares").asLong();
            assertThat(h.path("members").asLong()).isEqualTo(1);
        }
        assertThat(sum).isEqualTo(997);
        var bad = client.post(
                "/api/v1/eledger/villages/" + s.village() + "/share-quantification",
                ApiClient.json(Map.of(
                        "totalShares", 0, "method", "dice", "households", List.of(Map.of("partyId", s.collective())))));
        assertThat(ApiClient.errorCodes(bad))
                .containsExactlyInAnyOrder(
                        "eledger.share.bad-method", "eledger.share.bad-total", "eledger.share.not-a-household");
    }

    static List<String> codes(Runnable action) {
        try {
            action.run();
        } catch (ApiException e) {
            return List.of(e.code());
        }
        throw new AssertionError("no rejection");
    }

    static List<String> fieldCodes(Runnable action) {
        try {
            action.run();
        } catch (ApiException e) {
            return e.fieldProblems().stream()
                    .map(ApiException.FieldProblem::code)
                    .toList();
        }
        throw new AssertionError("no rejection");
    }
}
