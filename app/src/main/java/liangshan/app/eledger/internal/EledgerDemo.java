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
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    EledgerDemo(
            Divisions divisions,
            DemoLandscape landscape,
            EledgerBulkWriter writer,
            TransferService transfers,
            PackageService packages,
            AuditTrail audit,
            JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.divisions = divisions;
        this.landscape = landscape;
        this.writer = writer;
        this.transfers = transfers;
        this.packages = packages;
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
        for (EledgerDemoPlan.Application a : plan.applications()) {
            transfers.submit(MAKER, code, EledgerDemoPackages.input(a));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("illustrative", true);
        after.put("parties", counts.parties());
        after.put("resources", counts.resources());
        after.put("rightRows", counts.rights());
        after.put("applications", plan.applications().size());
        audit.record("eledger.demo.generated", "village", code, code, null, after);
        return new Loaded(counts, plan.applications().size());
    }
}
