package liangshan.app.eledger.internal;

import static liangshan.app.eledger.internal.EledgerFixtures.d;
import static liangshan.app.eledger.internal.EledgerFixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import liangshan.app.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ending a right early flags what derives from it (rights-and-money.md registry rule 6): a contract
 * right terminated early leaves the operating right and the lease derived from it flagged; the flags
 * show per parcel, block the title check and new transfers of the flagged right, and close when the
 * derived right is ended within the new term or a writer resolves them with a note.
 */
@IntegrationTest
class RightEndingTest {

    static final String COUNTY = "330822"; // 常山县

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
    RightEnding ending;

    @Autowired
    RightStore store;

    @Autowired
    PackageService packages;

    @Autowired
    TransferService transfers;

    @Autowired
    JdbcClient jdbc;

    /** The last village of the county's second town (no other test writes there). */
    static String village(Divisions divisions, String county) {
        List<Division> towns = divisions.children(county);
        List<Division> villages = divisions.children(towns.get(1).code());
        return villages.get(villages.size() - 1).code();
    }

    record Chain(String field, String collective, String household, Row own, Row contract, Row operating, Row lease) {}

    Chain chain(Actor clerk, String village) {
        EledgerFixtures.Ledger ledger = new EledgerFixtures.Ledger(divisions, resources, parties, rights);
        String collective = ledger.party(clerk, village, "collective", "终止村集体");
        String household = ledger.party(clerk, village, "household", "孙户");
        String cooperative = ledger.party(clerk, village, "cooperative", "常山两山合作社");
        String field = ledger.parcel(clerk, village, "终止田", "farmland", "cultivated", 0, 40, 30);
        Row own = ledger.ownership(clerk, field, collective, doc("终所"));
        Row contract = ledger.derived(clerk, field, "contract", own, "2010-01-01", "2040-01-01", household, doc("终承包"));
        Row operating =
                ledger.derived(clerk, field, "operating", contract, "2020-01-01", "2035-01-01", collective, doc("终经营"));
        // a later change gives the operating right two rows: the flag must come from the one that outlives
        rights.amend(
                clerk,
                operating.rightId(),
                new RightService.AmendInput(d("2024-01-01"), null, null, doc("终经营-续"), null));
        Row lease =
                ledger.derived(clerk, field, "lease", operating, "2021-01-01", "2030-01-01", cooperative, doc("终租赁"));
        return new Chain(field, collective, household, own, contract, operating, lease);
    }

    @Test
    void endingAContractEarlyFlagsItsOperatingRightAndLeaseUntilTheyAreSettled() throws Exception {
        String village = village(divisions, COUNTY);
        Actor clerk = EledgerFixtures.clerk(village);
        Chain c = chain(clerk, village);

        // the plain change still refuses to shorten the contract below its operating right
        assertThatThrownBy(() -> rights.amend(
                        clerk,
                        c.contract().rightId(),
                        new RightService.AmendInput(d("2015-01-01"), d("2025-01-01"), null, doc("缩短"), null)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("eledger.right.children-outlive"));
        assertThatThrownBy(() -> ending.end(
                        clerk,
                        c.contract().rightId(),
                        new RightEnding.EndInput(d("2009-06-01"), "terminated", doc("解除协议"), null)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("eledger.right.end-outside-term"));
        assertThatThrownBy(() -> ending.end(
                        clerk, c.contract().rightId(), new RightEnding.EndInput(d("2025-01-01"), "tired", null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldProblems())
                        .extracting(ApiException.FieldProblem::code)
                        .containsExactly("eledger.right.bad-end-reason", "eledger.right.source-missing"));

        Instant beforeEnd = rights.now();
        Thread.sleep(5);
        RightEnding.Ended ended = ending.end(
                clerk,
                c.contract().rightId(),
                new RightEnding.EndInput(d("2025-01-01"), "terminated", doc("解除协议-1"), "农户进城落户"));
        assertThat(ended.rows()).singleElement().satisfies(r -> {
            assertThat(r.validTo()).isEqualTo(d("2025-01-01"));
            assertThat(r.source().number()).isEqualTo("终承包");
            assertThat(r.note()).contains("提前终止").contains("解除协议-1").contains("农户进城落户");
        });
        assertThat(ended.flags())
                .extracting(RightFlagStore.Flag::rightId)
                .containsExactlyInAnyOrder(c.operating().rightId(), c.lease().rightId());
        assertThat(ended.flags()).allSatisfy(f -> {
            assertThat(f.code()).isEqualTo("eledger.flag.parent-ended");
            assertThat(f.parentRightId()).isEqualTo(c.contract().rightId());
            assertThat(f.parentEndedOn()).isEqualTo(d("2025-01-01"));
            assertThat(f.open()).isTrue();
        });
        // bitemporal: as recorded before the ending, the contract still runs in 2026; as recorded now it does not
        assertThat(held(village, c.field(), "contract", d("2026-06-01"), beforeEnd))
                .hasSize(1);
        assertThat(held(village, c.field(), "contract", d("2026-06-01"), rights.now()))
                .isEmpty();
        assertThat(held(village, c.field(), "contract", d("2024-06-01"), rights.now()))
                .hasSize(1);
        assertThat(auditCount("eledger.right.ended", c.contract().rightId())).isEqualTo(1);

        blocksPackagesAndTransfers(clerk, village, c);
        settles(clerk, village, c);
    }

    private void blocksPackagesAndTransfers(Actor clerk, String village, Chain c) {
        PackageService.PackageView pkg = packages.create(
                clerk,
                village,
                new PackageService.PackageInput("终止包", d("2026-01-01"), d("2029-01-01"), List.of(c.field())));
        assertThat(packages.titleCheck(clerk, pkg.pkg().id()).problems())
                .extracting(PackageService.Problem::code)
                .contains("eledger.title.parent-ended");
        assertThatThrownBy(() -> transfers.checkRules(
                        c.field(), c.operating().rightId(), c.collective(), d("2021-01-01"), d("2024-01-01"), null))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("eledger.transfer.parent-flagged"));
    }

    /** The flags over the API, a resolution with a note, and the lease ended inside the new term. */
    private void settles(Actor clerk, String village, Chain c) {
        TestAccounts.Account acct = TestAccounts.create(context, "end", Role.VILLAGE_ACCOUNTANT, village);
        ApiClient client = new ApiClient(port).signedIn(acct.username(), acct.password());
        String base = "/api/v1/eledger";
        ApiClient.Response open = client.get(base + "/resources/" + c.field() + "/right-flags");
        assertThat(open.status()).as(open.toString()).isEqualTo(200);
        assertThat(open.json().size()).isEqualTo(2);
        assertThat(client.get(base + "/villages/" + village + "/right-flags")
                        .json()
                        .size())
                .isEqualTo(2);
        long operatingFlag = -1;
        for (var f : open.json()) {
            if (f.path("rightId").asString().equals(c.operating().rightId())) {
                operatingFlag = f.path("id").asLong();
            }
        }
        ApiClient.Response noNote =
                client.post(base + "/right-flags/" + operatingFlag + "/resolve", ApiClient.json(Map.of("note", " ")));
        assertThat(noNote.status()).isEqualTo(400);
        ApiClient.Response resolved = client.post(
                base + "/right-flags/" + operatingFlag + "/resolve",
                ApiClient.json(Map.of("note", "村委会决议：经营权改由集体直接发包，另签合同")));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().path("resolvedBy").asString()).isEqualTo(acct.username());
        assertThat(client.post(
                                base + "/right-flags/" + operatingFlag + "/resolve",
                                ApiClient.json(Map.of("note", "again")))
                        .code())
                .isEqualTo("eledger.flag.resolved");

        // ending the lease inside the contract's new term closes its flag by itself
        rights.amend(
                clerk,
                c.lease().rightId(),
                new RightService.AmendInput(d("2021-01-01"), d("2025-01-01"), null, doc("租赁解除"), null));
        assertThat(client.get(base + "/resources/" + c.field() + "/right-flags")
                        .json()
                        .size())
                .isZero();
        List<String> all = new ArrayList<>();
        client.get(base + "/resources/" + c.field() + "/right-flags?open=false")
                .json()
                .forEach(f -> all.add(f.path("resolution").asString()));
        assertThat(all).hasSize(2).contains("ended");
        PackageService.PackageView pkg = packages.create(
                clerk,
                village,
                new PackageService.PackageInput("终止包二", d("2031-01-01"), d("2032-01-01"), List.of(c.field())));
        assertThat(packages.titleCheck(clerk, pkg.pkg().id()).problems())
                .extracting(PackageService.Problem::code)
                .doesNotContain("eledger.title.parent-ended");
        // a stranger of another village cannot see or resolve them
        TestAccounts.Account other = TestAccounts.create(
                context, "end", Role.VILLAGE_ACCOUNTANT, EledgerFixtures.village(divisions, COUNTY, 0));
        ApiClient stranger = new ApiClient(port).signedIn(other.username(), other.password());
        assertThat(stranger.get(base + "/resources/" + c.field() + "/right-flags")
                        .status())
                .isEqualTo(404);
        assertThat(stranger.post(
                                base + "/right-flags/" + operatingFlag + "/resolve",
                                ApiClient.json(Map.of("note", "x")))
                        .status())
                .isEqualTo(404);
    }

    private List<Row> held(String village, String resource, String kind, java.time.LocalDate at, Instant recorded) {
        return store.asOf(village, resource, kind, at, recorded, 10, 0);
    }

    private long auditCount(String action, String id) {
        return jdbc.sql("select count(*) from audit_log where action = ? and entity_id = ?")
                .params(action, id)
                .query(Long.class)
                .single();
    }
}
