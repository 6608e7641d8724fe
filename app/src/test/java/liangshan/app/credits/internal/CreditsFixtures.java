package liangshan.app.credits.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import liangshan.app.ecoaccount.internal.ProjectImpactApiTest;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.money.MoneyLedger;
import liangshan.app.platform.DataDirectory;
import liangshan.app.web.ApiException;
import liangshan.ledger.Asset;
import liangshan.ledger.LedgerResult;
import liangshan.ledger.TransferRequest;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared set-up of the credit tests: a 5 × 5 GEP input set at 10 m whose rows 0–1 are built-up land
 * (class 13, restoration turns them into forest) and rows 2–4 evergreen forest (class 1, development
 * turns them into built-up land), a policy, pools, parties and issued credits — through the services.
 * Every project gets its own one-day period far in the future, so tests never overlap each other's land.
 */
final class CreditsFixtures {

    static final String COUNTY = "330824"; // 开化县
    static final String OTHER_COUNTY = "330825"; // 龙游县
    static final Actor ADMIN = new Actor(0, "credits-admin", Set.of(Role.CITY_ADMIN), DataScope.CITY);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private CreditsFixtures() {}

    /** The test landscape. */
    record Landscape(String inputs, GridGeometry grid) {
        JsonNode footprint(int r0, int c0, int r1, int c1) {
            return JSON.readTree(ProjectImpactApiTest.lonLatRect(grid, r0, c0, r1, c1));
        }
    }

    /**
     * Points well inside the real county boundaries (lon, lat), where each county's test landscape lies:
     * footprints must lie inside their project's county.
     */
    static final Map<String, double[]> INSIDE = Map.of(
            COUNTY, new double[] {118.33, 29.22},
            OTHER_COUNTY, new double[] {119.20, 28.95});

    /** The test landscape inside {@link #COUNTY}. */
    static Landscape landscape(DataDirectory data) {
        return landscape(data, COUNTY);
    }

    static Landscape landscape(DataDirectory data, String county) {
        String name = TestAccounts.unique("credits");
        Path dir = data.resolve("gep/inputs/" + name);
        double[] at = INSIDE.get(county);
        GridGeometry g = ProjectImpactApiTest.write(dir, 2092, at[0], at[1]);
        float[] cover = new float[25];
        Arrays.fill(cover, 1);
        Arrays.fill(cover, 0, 10, 13);
        ProjectImpactApiTest.tif(dir.resolve("landcover.tif"), g, CellType.UINT8, 0, cover);
        return new Landscape(name, g);
    }

    static Actor officer(String name, String county) {
        return new Actor(0, name, Set.of(Role.COUNTY_OFFICER), new DataScope(county));
    }

    static String policy(PartyService parties) {
        String version = TestAccounts.unique("pol");
        parties.createPolicy(
                ADMIN,
                new PartyService.PolicyInput(
                        version,
                        "1.0",
                        true,
                        false,
                        "NONE",
                        "5",
                        new PartyService.RuleInput("rule-" + version, "60", "20", "10", "10")));
        return version;
    }

    /** The county's pool (created at 50 元/credit when missing); answers its price in fen per credit. */
    static long pool(PartyService parties, String county) {
        try {
            parties.createPool(ADMIN, new PartyService.PoolInput(county, "50.00"), UUID.randomUUID());
        } catch (ApiException e) {
            if (!e.code().equals("credits.pool.exists")) {
                throw e;
            }
        }
        return parties.pools(ADMIN).stream()
                .filter(p -> p.countyCode().equals(county))
                .map(p -> Long.parseLong(p.priceYuanPerCredit().replace(".", "")))
                .findFirst()
                .orElseThrow();
    }

    static String party(PartyService parties, String county, String type) {
        return parties.createParty(
                        ADMIN,
                        new PartyService.PartyInput(TestAccounts.unique("party"), county, null, type),
                        UUID.randomUUID())
                .id();
    }

    static LocalDate uniqueDay() {
        return LocalDate.of(2200, 1, 1).plusDays(ThreadLocalRandom.current().nextLong(2_800_000));
    }

    static ReserveService.ProjectInput projectInput(
            Landscape land, String county, String kind, String owner, int column, LocalDate day) {
        return new ReserveService.ProjectInput(
                "矿山复绿 " + column,
                kind,
                county,
                null,
                owner,
                "村集体",
                "120000.00",
                land.footprint(0, column, 1, column),
                JSON.readTree("{\"toClass\":1}"),
                day.toString(),
                day.toString(),
                null,
                false,
                List.of(
                        new ReserveService.MilestoneInput("planting.done", "2026-06-30", "50"),
                        new ReserveService.MilestoneInput("acceptance.done", "2027-06-30", "100")));
    }

    /** A restoration project of two built-up cells in {@code column}, estimated but nothing released. */
    static String estimated(
            ReserveService reserve, Landscape land, String county, String kind, String owner, int column) {
        Actor maker = officer("maker-" + county, county);
        Map<String, Object> p =
                reserve.propose(maker, projectInput(land, county, kind, owner, column, uniqueDay()), UUID.randomUUID());
        String id = (String) p.get("id");
        reserve.review(maker, id, "approve", null, UUID.randomUUID());
        reserve.estimate(
                maker, id, new ReserveService.EstimateInput(null, land.inputs(), "quzhou-2025-v1"), UUID.randomUUID());
        return id;
    }

    /** As {@link #estimated}, then verified and released by two people: ISSUED credits of the owner. */
    static String issued(ReserveService reserve, Landscape land, String county, String kind, String owner, int column) {
        String id = estimated(reserve, land, county, kind, owner, column);
        Actor maker = officer("maker-" + county, county);
        Actor checker = officer("checker-" + county, county);
        for (String m : List.of("planting.done", "acceptance.done")) {
            reserve.verify(maker, id, m, "YS-" + m, true, UUID.randomUUID());
        }
        Map<String, Object> release = reserve.proposeRelease(maker, id, "acceptance.done", UUID.randomUUID());
        reserve.approveRelease(checker, (String) release.get("id"), UUID.randomUUID());
        return id;
    }

    /** An obligation: one forest cell of the landscape turned into built-up land by {@code developer}. */
    static Map<String, Object> development(
            DevelopmentService developments, Landscape land, String county, String developer, int row, int column) {
        return developments.create(
                ADMIN,
                new DevelopmentService.DevelopmentInput(
                        TestAccounts.unique("厂房"),
                        county,
                        null,
                        developer,
                        land.footprint(row, column, row, column),
                        JSON.readTree("{\"toClass\":13}"),
                        null,
                        land.inputs(),
                        "quzhou-2025-v1"),
                UUID.randomUUID());
    }

    /** Pays {@code fen} into the party's credits.cash account from an unlimited test source. */
    static void fund(MoneyLedger money, String party, long fen) {
        MoneyLedger.AccountSpec source =
                MoneyLedger.AccountSpec.of("credits-test", "test.source", "3308", "test source", false);
        money.open(List.of(source));
        List<LedgerResult> r = money.submit(List.of(TransferRequest.transfer(
                UUID.randomUUID(), source.id(), PartyService.cashAccount(party), fen, Asset.CNY, "test.fund")));
        if (!r.get(0).isSuccess()) {
            throw new IllegalStateException("funding failed: " + r);
        }
    }

    static long units(String credits) {
        return new java.math.BigDecimal(credits).movePointRight(3).longValueExact();
    }
}
