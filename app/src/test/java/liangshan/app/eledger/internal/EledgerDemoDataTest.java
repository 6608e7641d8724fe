package liangshan.app.eledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import liangshan.app.ecoaccount.DemoLandscape;
import liangshan.app.eledger.internal.EledgerDemoGenerator.Village;
import liangshan.app.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo e-ledger of three villages (the last ones of Jiangshan's last town, which no other test
 * uses): deterministic by seed, idempotent, and every row satisfies the register's rules although it
 * was bulk-written without the services — checked here with the services' own rule code and the
 * invariant queries.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EledgerDemoDataTest {

    static final String COUNTY = "330881"; // 江山市

    @Autowired
    Divisions divisions;

    @Autowired
    DemoLandscape landscape;

    @Autowired
    EledgerDemo demo;

    @Autowired
    RightStore rightStore;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    liangshan.app.identity.DemoUsers accounts;

    @Autowired
    org.springframework.core.env.Environment environment;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    List<String> villages;
    EledgerDemo.Summary first;

    @BeforeAll
    void load() {
        List<Division> towns = divisions.children(COUNTY);
        List<Division> last = divisions.children(towns.get(towns.size() - 1).code());
        villages = last.subList(last.size() - 3, last.size()).stream()
                .map(Division::code)
                .toList();
        first = demo.load(villages, EledgerDemoData.SEED, EledgerDemoGenerator.DEMO, true);
    }

    private Village village(String code) {
        Division d = divisions.find(code).orElseThrow();
        EledgerDemoGenerator g = demo.generator(1, EledgerDemoGenerator.DEMO);
        return new Village(
                code,
                d.name(),
                "江山市",
                divisions.boundary(code).orElseThrow().gk120(),
                g.cooperative(COUNTY, "江山市", code),
                true);
    }

    @Test
    void sameSeedGivesTheSameDataAndAnotherSeedOtherData() {
        String code = villages.get(0);
        EledgerDemoPlan a = demo.generator(5, EledgerDemoGenerator.DEMO).plan(village(code));
        EledgerDemoPlan b = demo.generator(5, EledgerDemoGenerator.DEMO).plan(village(code));
        EledgerDemoPlan c = demo.generator(6, EledgerDemoGenerator.DEMO).plan(village(code));
        assertThat(a).isEqualTo(b);
        assertThat(a.resources()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(a.rights().size()).isGreaterThan(a.resources().size());
        assertThat(c.resources().get(0).gk120().equalsExact(a.resources().get(0).gk120()))
                .isFalse();
        assertThat(c.parties().get(1).id()).isNotEqualTo(a.parties().get(1).id());
    }

    @Test
    void loadingTwiceAddsNothing() {
        assertThat(first.villages()).isEqualTo(3);
        assertThat(first.rights()).isGreaterThan(first.resources());
        Map<String, Long> before = counts();
        EledgerDemo.Summary again = demo.load(villages, EledgerDemoData.SEED, EledgerDemoGenerator.DEMO, true);
        assertThat(again.villages()).isZero();
        assertThat(again.skipped()).isEqualTo(3);
        assertThat(again.packages()).isZero();
        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Long> counts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        for (String table : List.of(
                "eledger_party", "eledger_resource", "eledger_right_version", "eledger_transfer", "eledger_package")) {
            out.put(
                    table,
                    jdbc.sql("select count(*) from " + table + " where village_code = any(?::text[])")
                            .param("{" + String.join(",", villages) + "}")
                            .query(Long.class)
                            .single());
        }
        return out;
    }

    @Test
    void resourcesLieInTheirVillageOnMatchingLandCoverAndPassTheResourceRules() {
        for (String code : villages) {
            Geometry boundary = divisions.boundary(code).orElseThrow().gk120();
            List<ResourceStore.Row> rows = new ResourceStore(jdbc)
                    .list(code, new ResourceRequests.Filter(null, null, null, null, null, null), 0, 1_000);
            assertThat(rows).hasSizeGreaterThanOrEqualTo(10);
            for (ResourceStore.Row r : rows) {
                assertThat(ResourceService.inside(r.gk120(), boundary))
                        .as(r.name())
                        .isTrue();
                assertThat(r.gk120().isValid()).isTrue();
                assertThat(Catalog.isSubtype(r.type(), r.subtype())).isTrue();
                assertThat(Catalog.has(Catalog.USE_STATUSES, r.useStatus())).isTrue();
                assertThat(r.directions()).allMatch(d -> Catalog.has(Catalog.DIRECTIONS, d));
                assertThat(r.areaM2())
                        .isEqualByComparingTo(
                                java.math.BigDecimal.valueOf(r.gk120().getArea())
                                        .setScale(2, java.math.RoundingMode.HALF_UP));
                var c = r.gk120().getCentroid();
                int cover = landscape.landCoverAt(DemoLandscape.BASE_YEAR, c.getX(), c.getY());
                EledgerDemoKinds.Kind kind = EledgerDemoKinds.ALL.stream()
                        .filter(k -> k.subtype().equals(r.subtype()))
                        .findFirst()
                        .orElseThrow();
                int expectedGroup =
                        switch (kind.type()) {
                            case "forest" -> 1;
                            case "water" -> 3;
                            case "house" -> 4;
                            default -> EledgerDemoKinds.group(cover);
                        };
                if (kind == EledgerDemoKinds.PADDY || kind == EledgerDemoKinds.GARDEN) {
                    expectedGroup = 2;
                }
                assertThat(EledgerDemoKinds.group(cover))
                        .as(r.name() + " on cover " + cover)
                        .isEqualTo(expectedGroup);
            }
            List<Geometry> polygons =
                    rows.stream().map(ResourceStore.Row::gk120).toList();
            for (int i = 0; i < polygons.size(); i++) {
                for (int j = i + 1; j < polygons.size(); j++) {
                    assertThat(polygons.get(i).intersects(polygons.get(j))).isFalse();
                }
            }
        }
    }

    @Test
    void everyRightRowPassesTheRegisterRules() {
        String list = "{" + String.join(",", villages) + "}";
        Set<String> parties = new HashSet<>(jdbc.sql("select id from eledger_party where village_code like ?")
                .param(COUNTY + "%")
                .query(String.class)
                .list());
        List<RightStore.Row> rows = jdbc
                .sql("select right_id from eledger_right_version where village_code ="
                        + " any(?::text[]) group by right_id")
                .param(list)
                .query(String.class)
                .list()
                .stream()
                .flatMap(id -> rightStore.history(id).stream())
                .toList();
        assertThat(rows.size()).isGreaterThan(100);
        for (RightStore.Row r : rows) {
            // shares sum to exactly 1, every holder exists, a source document backs every state
            assertThat(RightRules.checkState(r.holders(), r.source(), parties))
                    .as(r.rightId())
                    .isEmpty();
        }
        Map<String, List<RightStore.Row>> current = rows.stream()
                .filter(r -> r.supersededAt() == null)
                .collect(Collectors.groupingBy(RightStore.Row::rightId));
        for (List<RightStore.Row> right : current.values()) {
            RightStore.Row head = right.get(0);
            if (head.parentRightId() != null) {
                List<RightStore.Row> parent = current.get(head.parentRightId());
                assertThat(RightRules.PARENT_KINDS.get(head.kind()))
                        .contains(parent.get(0).kind());
                LocalDate from = right.stream()
                        .map(RightStore.Row::validFrom)
                        .min(LocalDate::compareTo)
                        .orElseThrow();
                RightStore.Row last = right.stream()
                        .max(java.util.Comparator.comparing(RightStore.Row::validFrom))
                        .orElseThrow();
                RightRules.checkInsideParent(
                        from,
                        last.validTo(),
                        parent.get(0).validFrom(),
                        parent.stream()
                                .max(java.util.Comparator.comparing(RightStore.Row::validFrom))
                                .orElseThrow()
                                .validTo());
            }
        }
        // no two current rights of the same hop overlap on a resource (also the exclusion constraint)
        long overlaps = jdbc.sql("""
                        select count(*) from eledger_right_version a join eledger_right_version b
                          on a.resource_id = b.resource_id and a.kind = b.kind
                         and coalesce(a.parent_right_id, '') = coalesce(b.parent_right_id, '') and a.row_id < b.row_id
                         and daterange(a.valid_from, coalesce(a.valid_to, 'infinity'::date))
                             && daterange(b.valid_from, coalesce(b.valid_to, 'infinity'::date))
                        where a.superseded_at is null and b.superseded_at is null
                          and a.kind in ('ownership', 'contract', 'operating') and a.village_code = any(?::text[])""").param(list).query(Long.class).single();
        assertThat(overlaps).isZero();
        // exactly one collective ownership per resource
        long withoutOwnership = jdbc.sql("""
                        select count(*) from eledger_resource r where r.village_code = any(?::text[]) and not exists (
                          select 1 from eledger_right_version v where v.resource_id = r.id and v.kind = 'ownership'
                            and v.superseded_at is null)""").param(list).query(Long.class).single();
        assertThat(withoutOwnership).isZero();
    }

    @Test
    void correctionsShowInTheBitemporalHistory() {
        String list = "{" + String.join(",", villages) + "}";
        List<String> corrected = jdbc.sql("select distinct right_id from eledger_right_version where superseded_at"
                        + " is not null and village_code = any(?::text[])")
                .param(list)
                .query(String.class)
                .list();
        assertThat(corrected).isNotEmpty();
        for (String rightId : corrected) {
            String village = rightStore.current(rightId).get(0).villageCode();
            String resource = rightStore.current(rightId).get(0).resourceId();
            LocalDate d = LocalDate.of(2020, 6, 1);
            Instant beforeCorrection = EledgerDemoRights.CORRECTED.minusSeconds(86_400);
            Instant afterCorrection = EledgerDemoRights.CORRECTED.plusSeconds(86_400 * 400L);
            var asRecorded =
                    holderOf(rightStore.asOf(village, resource, "contract", d, beforeCorrection, 10, 0), rightId);
            var asCorrected =
                    holderOf(rightStore.asOf(village, resource, "contract", d, afterCorrection, 10, 0), rightId);
            assertThat(asRecorded).isNotNull();
            assertThat(asCorrected).isNotNull().isNotEqualTo(asRecorded);
            var early = holderOf(
                    rightStore.asOf(village, resource, "contract", LocalDate.of(2010, 1, 1), afterCorrection, 10, 0),
                    rightId);
            assertThat(early).isEqualTo(asRecorded);
        }
    }

    private static List<RightStore.Holder> holderOf(List<RightStore.Row> rows, String rightId) {
        return rows.stream()
                .filter(r -> r.rightId().equals(rightId))
                .map(RightStore.Row::holders)
                .findFirst()
                .orElse(null);
    }

    @Test
    void pendingApplicationsWaitWithOpenTasksAndTheCountyHasPackages() {
        String list = "{" + String.join(",", villages) + "}";
        long pending = jdbc.sql("select count(*) from eledger_transfer t join eledger_transfer_task k"
                        + " on k.transfer_id = t.id and k.status = 'open' where t.status = 'pending'"
                        + " and t.applicant = ? and t.village_code = any(?::text[])")
                .params(EledgerDemoGenerator.DEMO_USER, list)
                .query(Long.class)
                .single();
        assertThat(pending).isGreaterThanOrEqualTo(3);
        List<String> statuses = jdbc.sql("select status from eledger_package where created_by = ?"
                        + " and village_code = any(?::text[]) order by created_at")
                .params(EledgerDemoGenerator.DEMO_USER, list)
                .query(String.class)
                .list();
        // Jiangshan (330881): 81 % 3 = 0 → the first package goes as far as leased, the second stays draft
        assertThat(statuses).containsExactly("leased", "draft");
        assertThat(first.packages()).isEqualTo(2);
    }

    @Test
    void villagesGetPledgesARejectedApplicationAndAHouseholdUserWhoSeesItsApplication() throws Exception {
        String list = "{" + String.join(",", villages) + "}";
        List<String> pledges = jdbc.sql("select r.village_code from eledger_right_version r"
                        + " join eledger_right_version p on p.right_id = r.parent_right_id and p.superseded_at is null"
                        + " where r.kind = 'pledge' and p.kind = 'contract' and r.superseded_at is null"
                        + " and r.village_code = any(?::text[])")
                .param(list)
                .query(String.class)
                .list();
        assertThat(Set.copyOf(pledges)).containsExactlyInAnyOrderElementsOf(villages);
        long rejected = jdbc.sql("select count(*) from eledger_transfer where status = 'rejected' and applicant = ?"
                        + " and village_code = any(?::text[])")
                .params(EledgerDemoGenerator.DEMO_USER, list)
                .query(Long.class)
                .single();
        assertThat(rejected).isEqualTo(3);

        // one household user for the county (the three villages are in one county), created once
        List<String> created = demo.householdUsers(accounts, villages);
        assertThat(created).containsExactly("demo-household-" + villages.get(0));
        assertThat(demo.householdUsers(accounts, villages)).isEmpty();
        java.nio.file.Path file = java.nio.file.Path.of(environment.getProperty("liangshan.data-dir"))
                .resolve("demo-credentials.txt");
        String line = java.nio.file.Files.readAllLines(file).stream()
                .filter(l -> l.startsWith(created.get(0) + "\t"))
                .findFirst()
                .orElseThrow();
        String[] parts = line.split("\t");
        assertThat(parts[2]).isEqualTo("HOUSEHOLD");
        assertThat(parts[3]).isEqualTo(villages.get(0));
        liangshan.app.web.ApiClient hh = new liangshan.app.web.ApiClient(port).signedIn(parts[0], parts[1]);
        var mine = hh.get("/api/v1/eledger/my-ledger");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().path("rights").size()).isGreaterThanOrEqualTo(1);
        assertThat(mine.json()
                        .path("transfers")
                        .get(0)
                        .path("transfer")
                        .path("status")
                        .asString())
                .isEqualTo("pending");
    }
}
