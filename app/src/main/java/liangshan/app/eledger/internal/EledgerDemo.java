package liangshan.app.eledger.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import liangshan.app.audit.AuditTrail;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.Divisions;
import liangshan.app.divisions.VillageKind;
import liangshan.app.ecoaccount.DemoLandscape;
import liangshan.app.eledger.internal.EledgerDemoGenerator.Profile;
import liangshan.app.eledger.internal.EledgerDemoGenerator.Village;
import liangshan.app.eledger.internal.EledgerDemoPlan.Party;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads generated e-ledgers ({@link EledgerDemoGenerator}) into the database, one transaction per
 * village: the bulk rows by {@link EledgerBulkWriter}, the pending applications through {@link
 * TransferService} (so their rules and tasks are the service's), one audit record per village. A
 * village that already has any e-ledger party or resource is skipped — demo data never mixes with
 * real records, and loading twice adds nothing. Packages per county go through {@link PackageService}
 * (title check, offer, lease by a second person).
 */
@Component
class EledgerDemo {

    /** The demo's maker; packages are leased by {@link #CHECKER} (maker-checker). */
    static final Actor MAKER = new Actor(0, EledgerDemoGenerator.DEMO_USER, Set.of(Role.CITY_ADMIN), DataScope.CITY);

    static final Actor CHECKER = new Actor(0, "demo-eledger-checker", Set.of(Role.CITY_ADMIN), DataScope.CITY);

    private static final Logger log = LoggerFactory.getLogger(EledgerDemo.class);

    private final Divisions divisions;
    private final DemoLandscape landscape;
    private final EledgerBulkWriter writer;
    private final TransferService transfers;
    private final PackageService packages;
    private final RightService rightService;
    private final PartyService partyService;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    EledgerDemo(
            Divisions divisions,
            DemoLandscape landscape,
            EledgerBulkWriter writer,
            TransferService transfers,
            PackageService packages,
            RightService rightService,
            PartyService partyService,
            AuditTrail audit,
            JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.divisions = divisions;
        this.landscape = landscape;
        this.writer = writer;
        this.transfers = transfers;
        this.packages = packages;
        this.rightService = rightService;
        this.partyService = partyService;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What a load did. */
    record Summary(
            int villages,
            int skipped,
            long parties,
            long resources,
            long rights,
            long applications,
            int packages,
            long millis) {}

    /** Every administrative village of the city, by code. */
    List<String> allVillages() {
        List<String> out = new ArrayList<>();
        collect("3308", out);
        return out;
    }

    /** The villages of the given counties in this order, at most {@code limit}. */
    List<String> villagesOf(List<String> counties, int limit) {
        List<String> out = new ArrayList<>();
        for (String county : counties) {
            collect(county, out);
        }
        return out.subList(0, Math.min(limit, out.size()));
    }

    private void collect(String code, List<String> out) {
        for (Division child : divisions.children(code)) {
            if (child.level() == DivisionLevel.VILLAGE) {
                // administrative villages (村) only: urban communities (社区) keep no village e-ledger
                if (child.kind() == VillageKind.VILLAGE) {
                    out.add(child.code());
                }
            } else {
                collect(child.code(), out);
            }
        }
    }

    EledgerDemoGenerator generator(long seed, Profile profile) {
        return new EledgerDemoGenerator(landscape, seed, profile);
    }

    /**
     * Loads the villages' generated ledgers (skipping villages that have e-ledger data) and, when
     * {@code withPackages}, one or two packages per county.
     */
    Summary load(List<String> villages, long seed, Profile profile, boolean withPackages) {
        long start = System.nanoTime();
        EledgerDemoGenerator generator = generator(seed, profile);
        Map<String, List<String>> byCounty = new LinkedHashMap<>();
        villages.forEach(v -> byCounty.computeIfAbsent(v.substring(0, 6), k -> new ArrayList<>())
                .add(v));
        AtomicLong parties = new AtomicLong();
        AtomicLong resources = new AtomicLong();
        AtomicLong rights = new AtomicLong();
        AtomicLong applications = new AtomicLong();
        int done = 0;
        int skipped = 0;
        int packaged = 0;
        for (Map.Entry<String, List<String>> county : byCounty.entrySet()) {
            String countyName =
                    divisions.find(county.getKey()).map(Division::name).orElse(county.getKey());
            Party cooperative = generator.cooperative(
                    county.getKey(), countyName, county.getValue().get(0));
            for (String code : county.getValue()) {
                Loaded loaded = tx.execute(status -> loadVillage(generator, code, countyName, cooperative));
                if (loaded == null) {
                    skipped++;
                    continue;
                }
                done++;
                parties.addAndGet(loaded.counts().parties());
                resources.addAndGet(loaded.counts().resources());
                rights.addAndGet(loaded.counts().rights());
                applications.addAndGet(loaded.applications());
                if (done % 100 == 0) {
                    log.info("演示台账 / demo e-ledger: {} villages, {} rights", done, rights.get());
                }
            }
            if (withPackages) {
                packaged += new EledgerDemoPackages(generator, packages, divisions, jdbc)
                        .forCounty(county.getKey(), countyName, cooperative, county.getValue());
            }
        }
        if (done > 0) {
            // fresh planner statistics after a bulk load (autovacuum would get there, later)
            jdbc.sql("analyze eledger_party, eledger_resource, eledger_right_version")
                    .update();
        }
        return new Summary(
                done,
                skipped,
                parties.get(),
                resources.get(),
                rights.get(),
                applications.get(),
                packaged,
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Pledges of one or two household contract rights (operating-right mortgage loans, 经营权抵押贷款) to
     * the village's rural commercial bank branch, registered through {@link RightService} (its rules):
     * contracts with no operating right and no application, 2024-03-01 for five years, rank 1.
     */
    private int pledges(EledgerDemoPlan plan, String code) {
        Set<String> busy = new java.util.HashSet<>();
        plan.applications().forEach(a -> busy.add(a.contractRightId()));
        plan.rights().stream().filter(r -> r.parentRightId() != null).forEach(r -> busy.add(r.parentRightId()));
        List<RightStore.Row> free = plan.rights().stream()
                .filter(r -> "contract".equals(r.kind()) && r.supersededAt() == null && !busy.contains(r.rightId()))
                .filter(r -> r.validFrom().isBefore(PLEDGE_FROM) && r.endsAfter(PLEDGE_TO.minusDays(1)))
                .toList();
        if (free.isEmpty()) {
            return 0;
        }
        String bank = partyService
                .create(MAKER, code, new PartyService.PartyInput("enterprise", "衢州农村商业银行", null, null))
                .id();
        int n = 0;
        for (RightStore.Row contract : free.subList(0, Math.min(2, free.size()))) {
            ResourceStore.Row resource = plan.resources().stream()
                    .filter(x -> x.id().equals(contract.resourceId()))
                    .findFirst()
                    .orElseThrow();
            rightService.register(
                    MAKER,
                    resource,
                    new RightService.RightInput(
                            "pledge",
                            contract.rightId(),
                            1,
                            PLEDGE_FROM,
                            PLEDGE_TO,
                            List.of(new RightStore.Holder(bank, 1, 1)),
                            new RightStore.Source(
                                    "pledge_contract", "质押-" + code + "-" + (n + 1), "衢州农商银行", PLEDGE_FROM, null),
                            "经营权抵押贷款（示意）"));
            n++;
        }
        return n;
    }

    static final java.time.LocalDate PLEDGE_FROM = java.time.LocalDate.of(2024, 3, 1);
    static final java.time.LocalDate PLEDGE_TO = java.time.LocalDate.of(2029, 3, 1);

    /**
     * One {@code HOUSEHOLD} demo user in the demo accountant's village ({@link #HOUSEHOLD_VILLAGE}) and in
     * the first loaded village of each county: the household of the village's pending application, so it
     * sees its contract and its application waiting for the village. Passwords are random, printed and
     * written to the demo credentials file by identity; an existing user is left alone.
     */
    List<String> householdUsers(liangshan.app.identity.DemoUsers accounts, List<String> villages) {
        Map<String, String> firstPerCounty = new LinkedHashMap<>();
        if (villages.contains(HOUSEHOLD_VILLAGE)) {
            firstPerCounty.put(HOUSEHOLD_VILLAGE.substring(0, 6), HOUSEHOLD_VILLAGE);
        }
        villages.forEach(v -> firstPerCounty.putIfAbsent(v.substring(0, 6), v));
        List<String> created = new ArrayList<>();
        for (String code : firstPerCounty.values()) {
            jdbc.sql("""
                            select p.number, p.name from eledger_transfer t join eledger_party p on p.id = t.transferor_party_id
                            where t.village_code = ? and t.status = 'pending' and t.applicant = ?
                            order by t.created_at, t.id limit 1""")
                    .params(code, EledgerDemoGenerator.DEMO_USER)
                    .query((rs, i) -> {
                        String username = "demo-household-" + code;
                        if (accounts.ensure(
                                username,
                                "演示 " + rs.getString(2),
                                liangshan.app.identity.Role.HOUSEHOLD,
                                code,
                                java.util.OptionalLong.of(rs.getLong(1)))) {
                            created.add(username);
                        }
                        return username;
                    })
                    .list();
        }
        return created;
    }

    /** The village of the demo village accountant (identity's demo users). */
    static final String HOUSEHOLD_VILLAGE = "330802005200";

    private record Loaded(EledgerBulkWriter.Counts counts, int applications) {}

    /** One village in the caller's transaction; null when it already has e-ledger data. */
    private Loaded loadVillage(EledgerDemoGenerator generator, String code, String countyName, Party cooperative) {
        jdbc.sql("select pg_advisory_xact_lock(?)")
                .param((long) ("eledger-demo/" + code).hashCode())
                .query()
                .listOfRows();
        boolean hasData = jdbc.sql("select exists (select 1 from eledger_party where village_code = ?)"
                        + " or exists (select 1 from eledger_resource where village_code = ?)")
                .params(code, code)
                .query(Boolean.class)
                .single();
        if (hasData) {
            return null;
        }
        Boundary boundary = divisions.boundary(code).orElse(null);
        Division village = divisions.find(code).orElse(null);
        if (boundary == null || village == null) {
            return null;
        }
        boolean needsCooperative = !jdbc.sql("select exists (select 1 from eledger_party where id = ?)")
                .param(cooperative.id())
                .query(Boolean.class)
                .single();
        Party coop = needsCooperative
                ? new Party(cooperative.id(), code, cooperative.kind(), cooperative.name(), cooperative.members())
                : cooperative;
        EledgerDemoPlan plan = generator.plan(new Village(
                code,
                EledgerDemoGenerator.shortName(village.name()),
                countyName,
                boundary.gk120(),
                coop,
                needsCooperative));
        EledgerBulkWriter.Counts counts = writer.write(plan);
        List<TransferStore.Transfer> submitted = new ArrayList<>();
        for (EledgerDemoPlan.Application a : plan.applications()) {
            submitted.add(transfers.submit(MAKER, code, EledgerDemoPackages.input(a)));
        }
        if (submitted.size() > 1) {
            // the village turned the last application down (the household's contract is being split)
            transfers.decide(CHECKER, submitted.get(submitted.size() - 1).id(), false, "承包地正在分户，暂缓流转");
        }
        int pledges = pledges(plan, code);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("illustrative", true);
        after.put("parties", counts.parties());
        after.put("resources", counts.resources());
        after.put("rightRows", counts.rights());
        after.put("applications", plan.applications().size());
        after.put("pledges", pledges);
        audit.record("eledger.demo.generated", "village", code, code, null, after);
        return new Loaded(counts, plan.applications().size());
    }
}
