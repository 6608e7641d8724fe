package liangshan.app.eledger.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import liangshan.app.eledger.internal.EledgerDemoGenerator.Ids;
import liangshan.app.eledger.internal.EledgerDemoGenerator.Profile;
import liangshan.app.eledger.internal.EledgerDemoGenerator.Village;
import liangshan.app.eledger.internal.EledgerDemoKinds.Tenure;
import liangshan.app.eledger.internal.EledgerDemoPlan.Application;
import liangshan.app.eledger.internal.EledgerDemoPlan.Party;
import liangshan.app.eledger.internal.RightStore.Holder;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.eledger.internal.RightStore.Source;

/**
 * The rights of one demo village, as the LADM rules of the register want them (see {@link
 * RightRules}): collective ownership of every resource; household contract rights (承包权, 1998–2058:
 * the second round extended by 30 years) on farmland, forest, grassland and ponds, a few held jointly
 * with shares summing to 1; homestead use rights on houses; operating rights transferred to the
 * collective and on to the county cooperative, each inside its parent's term; and corrections (a
 * household split recorded a year later with effect from 2016), written exactly as {@link
 * RightService#amendLocked} writes them, so the bitemporal history has something to show.
 */
final class EledgerDemoRights {

    static final LocalDate OWNERSHIP_FROM = LocalDate.of(1983, 1, 1);
    static final LocalDate CONTRACT_FROM = LocalDate.of(1998, 1, 1);
    static final LocalDate CONTRACT_TO = LocalDate.of(2058, 1, 1);
    static final LocalDate PACKAGE_FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate PACKAGE_TO = LocalDate.of(2031, 1, 1);
    static final LocalDate APPLICATION_FROM = LocalDate.of(2027, 1, 1);
    static final LocalDate APPLICATION_TO = LocalDate.of(2037, 1, 1);
    static final Instant CORRECTED = Instant.parse("2025-06-16T01:30:00Z");
    static final String NOTE = "示意数据 / illustrative";

    private static final Map<String, Tenure> TENURE = EledgerDemoKinds.ALL.stream()
            .collect(Collectors.toMap(EledgerDemoKinds.Kind::subtype, EledgerDemoKinds.Kind::tenure, (a, b) -> a));

    private final Profile profile;
    private final Village village;
    private final Party collective;
    private final List<Party> homes;
    private final Ids ids;
    private final Random rnd;
    private final List<Row> rows = new ArrayList<>();
    private final List<Application> applications = new ArrayList<>();
    private final List<String> packageReady = new ArrayList<>();
    private final List<String> unsecured = new ArrayList<>();
    private int serial;

    EledgerDemoRights(Profile profile, Village village, Party collective, List<Party> homes, Ids ids, Random rnd) {
        this.profile = profile;
        this.village = village;
        this.collective = collective;
        this.homes = homes;
        this.ids = ids;
        this.rnd = rnd;
    }

    EledgerDemoPlan plan(List<Party> parties, List<ResourceStore.Row> resources) {
        for (ResourceStore.Row r : resources) {
            Instant at = r.createdAt();
            Row ownership =
                    add(r, "ownership", null, OWNERSHIP_FROM, null, one(collective.id()), ownershipSource(), at);
            switch (TENURE.get(r.subtype())) {
                case CONTRACT -> contract(r, ownership, at);
                case HOMESTEAD -> {
                    LocalDate from = LocalDate.of(1985 + rnd.nextInt(21), 1 + rnd.nextInt(12), 1);
                    Party home = homes.get(rnd.nextInt(homes.size()));
                    add(
                            r,
                            "homestead_use",
                            ownership.rightId(),
                            from,
                            null,
                            one(home.id()),
                            certificate("宅", from),
                            at);
                }
                case COLLECTIVE -> {
                    if (rnd.nextBoolean()) {
                        LocalDate from = LocalDate.of(2023, 1, 1);
                        add(
                                r,
                                "operating",
                                ownership.rightId(),
                                from,
                                from.plusYears(20),
                                one(village.cooperative().id()),
                                contract("HZ", village.cooperative(), from),
                                at);
                        packageReady.add(r.id());
                    }
                }
            }
        }
        return new EledgerDemoPlan(
                village.code(),
                parties,
                resources,
                List.copyOf(rows),
                List.copyOf(applications),
                List.copyOf(packageReady),
                List.copyOf(unsecured));
    }

    private void contract(ResourceStore.Row r, Row ownership, Instant at) {
        List<Holder> holders = contractHolders();
        Row contract = add(
                r,
                "contract",
                ownership.rightId(),
                CONTRACT_FROM,
                CONTRACT_TO,
                holders,
                certificate("承", LocalDate.of(2017, 6, 30)),
                at);
        boolean corrected = rnd.nextInt(100) < profile.correctionPercent();
        if (corrected) {
            for (int k = 0; k <= profile.extraCorrections(); k++) {
                Party split = homes.get(rnd.nextInt(homes.size()));
                LocalDate from = LocalDate.of(2016 + 2 * k, 1, 1);
                Instant when = CORRECTED.plusSeconds(86_400L * 30 * k + serial);
                correct(contract.rightId(), from, one(split.id()), resolution(when), when);
            }
        }
        if (rnd.nextInt(100) < profile.transferPercent()) {
            LocalDate from = LocalDate.of(2019 + rnd.nextInt(5), 1, 1);
            LocalDate to = from.plusYears(12 + rnd.nextInt(4));
            Row toCollective = add(
                    r,
                    "operating",
                    contract.rightId(),
                    from,
                    to,
                    one(collective.id()),
                    contract("LZ", collective, from),
                    at.plusSeconds(3_600));
            if (rnd.nextInt(100) < profile.retransferPercent()) {
                LocalDate next = from.plusYears(1);
                add(
                        r,
                        "operating",
                        toCollective.rightId(),
                        next,
                        to,
                        one(village.cooperative().id()),
                        contract("HZ", village.cooperative(), next),
                        at.plusSeconds(7_200));
            }
            packageReady.add(r.id());
        } else if (!corrected && holders.size() == 1 && applications.size() < profile.applications()) {
            long rentYuan = BigDecimal.valueOf(600)
                    .multiply(ResourceStore.mu(r.areaM2()))
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
            applications.add(new Application(
                    r.id(),
                    contract.rightId(),
                    holders.get(0).partyId(),
                    collective.id(),
                    APPLICATION_FROM,
                    APPLICATION_TO,
                    Math.max(100, rentYuan),
                    "SQ" + village.code() + "-" + (applications.size() + 1)));
        } else {
            unsecured.add(r.id());
        }
    }

    /** One household (85 %), two halves (10 %) or three thirds (5 %): shares always sum to exactly 1. */
    private List<Holder> contractHolders() {
        int roll = rnd.nextInt(100);
        int n = roll < 85 ? 1 : roll < 95 ? 2 : 3;
        List<Holder> out = new ArrayList<>();
        List<String> used = new ArrayList<>();
        while (out.size() < n && out.size() < homes.size()) {
            String id = homes.get(rnd.nextInt(homes.size())).id();
            if (!used.contains(id)) {
                used.add(id);
                out.add(new Holder(id, 1, n));
            }
        }
        if (out.size() < n) {
            return one(out.get(0).partyId());
        }
        return List.copyOf(out);
    }

    private Row add(
            ResourceStore.Row r,
            String kind,
            String parent,
            LocalDate from,
            LocalDate to,
            List<Holder> holders,
            Source source,
            Instant at) {
        serial++;
        Row row = new Row(
                0,
                ids.next(),
                r.id(),
                r.villageCode(),
                RightRules.category(kind),
                kind,
                parent,
                null,
                from,
                to,
                at,
                null,
                holders,
                source,
                NOTE,
                EledgerDemoGenerator.DEMO_USER);
        rows.add(row);
        return row;
    }

    /**
     * A change of a right from {@code from} recorded at {@code at}, as {@link RightService#amendLocked}
     * does it: the current rows reaching past {@code from} are superseded, their part before it is
     * recorded again, and the new state is recorded from {@code from} to the current end.
     */
    void correct(String rightId, LocalDate from, List<Holder> holders, Source source, Instant at) {
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.rightId().equals(rightId) && r.supersededAt() == null) {
                current.add(i);
            }
        }
        Row first = rows.get(current.get(0));
        LocalDate end = rows.get(current.get(current.size() - 1)).validTo();
        List<Row> written = new ArrayList<>();
        for (int i : current) {
            Row r = rows.get(i);
            if (r.validTo() == null || r.validTo().isAfter(from)) {
                rows.set(i, superseded(r, at));
                if (r.validFrom().isBefore(from)) {
                    written.add(r.withPeriod(r.validFrom(), from, at));
                }
            }
        }
        written.add(new Row(
                0,
                rightId,
                first.resourceId(),
                first.villageCode(),
                first.category(),
                first.kind(),
                first.parentRightId(),
                first.rank(),
                from,
                end,
                at,
                null,
                holders,
                source,
                NOTE,
                EledgerDemoGenerator.DEMO_USER));
        rows.addAll(written);
    }

    private static Row superseded(Row r, Instant at) {
        return new Row(
                r.rowId(),
                r.rightId(),
                r.resourceId(),
                r.villageCode(),
                r.category(),
                r.kind(),
                r.parentRightId(),
                r.rank(),
                r.validFrom(),
                r.validTo(),
                r.recordedAt(),
                at,
                r.holders(),
                r.source(),
                r.note(),
                r.recordedBy());
    }

    private static List<Holder> one(String partyId) {
        return List.of(new Holder(partyId, 1, 1));
    }

    private Source ownershipSource() {
        return new Source(
                "certificate",
                "浙(2012)" + village.countyName() + "集体土地所有权第" + village.code() + "-" + serial + "号",
                village.countyName() + "国土资源局",
                LocalDate.of(2012, 6, 30),
                null);
    }

    private Source certificate(String prefix, LocalDate issued) {
        return new Source(
                "certificate",
                prefix + "字第" + village.code() + "-" + serial + "号",
                village.countyName() + "人民政府",
                issued,
                null);
    }

    private Source contract(String prefix, Party issuer, LocalDate from) {
        return new Source("contract", prefix + village.code() + "-" + serial, issuer.name(), from.minusDays(15), null);
    }

    private Source resolution(Instant when) {
        return new Source(
                "resolution",
                "村委决议(" + when.toString().substring(0, 4) + ")第" + serial + "号",
                collective.name(),
                LocalDate.of(2025, 6, 10),
                null);
    }
}
