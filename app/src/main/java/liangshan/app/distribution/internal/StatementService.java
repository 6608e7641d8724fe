package liangshan.app.distribution.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import liangshan.app.distribution.internal.RunStore.Run;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import liangshan.app.eledger.AssetPackages;
import liangshan.app.eledger.AssetPackages.PartyInfo;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.money.MoneyLedger;
import liangshan.app.web.ApiException;
import liangshan.kernel.money.Allocation;
import liangshan.ledger.Transfer;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A household's statement (农户收益明细) built from its {@code household.payout} ledger account: every applied
 * transfer touching the account is one line, so the lines sum to the ledger balance by construction. Each
 * line is traced to its distribution run and, through the run's sources, to rent payments (lease contract,
 * package, resources) and dividends (project); the line's amount is split over the sources in proportion
 * to what each brought the village, by largest remainder, so the parts sum to the line exactly.
 */
@Service
class StatementService {

    private static final int PAGE = 1000;

    record Part(String kind, String amountYuan, Object source) {}

    record RentSource(
            String paymentId,
            String leaseId,
            String contractNumber,
            int leaseYear,
            LocalDate dueOn,
            LocalDate paidOn,
            String packageId,
            String packageName,
            List<AssetPackages.ResourceInfo> resources) {}

    record DividendSource(String dividendId, String projectId, String projectName, String period) {}

    record Line(
            UUID transferId,
            Instant postedAt,
            LocalDate date,
            String kind,
            String amountYuan,
            String runId,
            String runKind,
            String runPeriod,
            Integer lineNo,
            Long shares,
            Boolean lowIncome,
            String priorityYuan,
            List<Part> parts) {}

    record Period(
            String period, String openingYuan, String inYuan, String outYuan, String closingYuan, List<Line> lines) {}

    record Statement(
            String partyId,
            String partyName,
            long partyNumber,
            String villageCode,
            String villageName,
            String balanceYuan,
            String inYuan,
            String outYuan,
            List<Period> periods) {}

    /** A source of a run with the fen it brought the village (the weight of its part). */
    private record Weighted(String kind, long fen, Object source) {}

    private final JdbcClient jdbc;
    private final RunStore runs;
    private final LeaseService leases;
    private final AssetPackages eledger;
    private final Divisions divisions;
    private final MoneyLedger money;
    private final JsonMapper json;
    private final Clock clock;

    StatementService(
            JdbcClient jdbc,
            RunStore runs,
            LeaseService leases,
            AssetPackages eledger,
            Divisions divisions,
            MoneyLedger money,
            JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.leases = leases;
        this.eledger = eledger;
        this.divisions = divisions;
        this.money = money;
        this.json = json;
        this.clock = clock;
    }

    /** The statement of party {@code partyId}; 404 when the actor may not see it (households: own only). */
    Statement statement(Actor actor, String partyId) {
        PartyInfo party =
                partyId == null ? null : eledger.parties(List.of(partyId)).get(partyId);
        if (party == null || !"household".equals(party.kind())) {
            throw notFound(partyId);
        }
        if (actor.has(Role.HOUSEHOLD)) {
            if (!actor.isHousehold(party.number())) {
                throw notFound(partyId);
            }
        } else {
            DistributionAccess.read(actor, party.villageCode(), "distribution.household.not-found", partyId);
        }
        return build(party);
    }

    /** The statement of the signed-in household user's own party. */
    Statement mine(Actor actor) {
        if (!actor.has(Role.HOUSEHOLD) || actor.partyId().isEmpty()) {
            throw notFound("-");
        }
        PartyInfo party = eledger.partyByNumber(actor.partyId().getAsLong())
                .filter(p -> "household".equals(p.kind()))
                .orElseThrow(() -> notFound(Long.toString(actor.partyId().getAsLong())));
        return build(party);
    }

    private Statement build(PartyInfo party) {
        UUID account = DistributionAccounts.householdId(party.id());
        List<Transfer> transfers = history(account);
        Map<UUID, RunLineRef> refs = runLines(transfers);
        Map<String, List<Weighted>> sourceCache = new HashMap<>();
        Map<String, Run> runCache = new HashMap<>();
        TreeMap<Integer, List<Line>> byYear = new TreeMap<>();
        for (Transfer t : transfers) {
            long signed = t.creditAccountId().equals(account) ? t.amount() : -t.amount();
            RunLineRef ref = refs.get(t.id());
            Line line = ref == null ? other(t, signed) : runLine(t, signed, ref, runCache, sourceCache);
            byYear.computeIfAbsent(line.date().getYear(), y -> new ArrayList<>())
                    .add(line);
        }
        List<Period> periods = new ArrayList<>();
        long balance = 0;
        long totalIn = 0;
        long totalOut = 0;
        for (Map.Entry<Integer, List<Line>> e : byYear.entrySet()) {
            long in = 0;
            long out = 0;
            for (Line l : e.getValue()) {
                long fen = Amounts.fenOf(l.amountYuan());
                if (fen >= 0) {
                    in += fen;
                } else {
                    out -= fen;
                }
            }
            periods.add(new Period(
                    Integer.toString(e.getKey()),
                    Amounts.yuan(balance),
                    Amounts.yuan(in),
                    Amounts.yuan(out),
                    Amounts.yuan(balance + in - out),
                    e.getValue()));
            balance += in - out;
            totalIn += in;
            totalOut += out;
        }
        MoneyLedger.Balance b = money.balances(List.of(account)).get(account);
        long ledger = b == null ? 0 : b.postedFen();
        if (ledger != balance) {
            // The lines are the account's applied transfers; a difference is a programmer error.
            throw new IllegalStateException(
                    "statement of " + party.id() + " sums to " + balance + " fen, ledger " + ledger + " fen");
        }
        return new Statement(
                party.id(),
                party.name(),
                party.number(),
                party.villageCode(),
                divisions.find(party.villageCode()).map(Division::name).orElse(party.villageCode()),
                Amounts.yuan(ledger),
                Amounts.yuan(totalIn),
                Amounts.yuan(totalOut),
                periods);
    }

    /** Every applied transfer of the account, oldest first. */
    private List<Transfer> history(UUID account) {
        List<Transfer> out = new ArrayList<>();
        for (long offset = 0; ; offset += PAGE) {
            List<Transfer> page = money.history(account, PAGE, offset);
            out.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    private record RunLineRef(String runId, int lineNo, long shares, boolean lowIncome, long priorityFen) {}

    /** The run lines posted as these transfers (distribution and reversal runs store their transfer ids). */
    private Map<UUID, RunLineRef> runLines(List<Transfer> transfers) {
        Map<UUID, RunLineRef> out = new HashMap<>();
        if (transfers.isEmpty()) {
            return out;
        }
        jdbc.sql("select transfer_id, run_id, line_no, shares, low_income, priority_fen from dist_run_line"
                        + " where transfer_id = any(?)")
                .param(transfers.stream().map(Transfer::id).toArray(UUID[]::new))
                .query(rs -> {
                    out.put(
                            rs.getObject(1, UUID.class),
                            new RunLineRef(
                                    rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getBoolean(5), rs.getLong(6)));
                });
        return out;
    }

    private Line other(Transfer t, long signed) {
        return new Line(
                t.id(),
                t.timestamp(),
                date(t),
                "other",
                Amounts.yuan(signed),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new Part("other", Amounts.yuan(signed), null)));
    }

    private Line runLine(
            Transfer t,
            long signed,
            RunLineRef ref,
            Map<String, Run> runCache,
            Map<String, List<Weighted>> sourceCache) {
        Run run =
                runCache.computeIfAbsent(ref.runId(), id -> runs.find(id, false).orElseThrow());
        List<Weighted> sources = sourceCache.computeIfAbsent(run.id(), id -> sources(run));
        long[] weights = sources.stream().mapToLong(Weighted::fen).toArray();
        long[] parts = Allocation.allocate(Math.abs(signed), weights);
        List<Part> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != 0) {
                Weighted w = sources.get(i);
                out.add(new Part(w.kind(), Amounts.yuan(Long.signum(signed) * parts[i]), w.source()));
            }
        }
        return new Line(
                t.id(),
                t.timestamp(),
                date(t),
                run.kind(),
                Amounts.yuan(signed),
                run.id(),
                run.kind(),
                run.period(),
                ref.lineNo(),
                ref.shares(),
                ref.lowIncome(),
                Amounts.yuan(ref.priorityFen()),
                out);
    }

    /**
     * The run's sources with their weights: a rent payment weighs its amount, a dividend the village's line
     * of it; what the run distributes beyond its sources is "other". With no weight at all, all is "other".
     */
    private List<Weighted> sources(Run run) {
        List<Weighted> out = new ArrayList<>();
        long covered = 0;
        for (JsonNode s : json.readTree(run.sources())) {
            String kind = s.path("kind").asString();
            String id = s.path("id").asString();
            Weighted w = "rent".equals(kind) ? rent(id) : "dividend".equals(kind) ? dividend(id, run) : null;
            if (w != null) {
                out.add(w);
                covered += w.fen();
            }
        }
        long rest = run.amountFen() - covered;
        out.add(new Weighted("other", Math.max(rest, out.isEmpty() ? 1 : 0), null));
        return out;
    }

    private Weighted rent(String paymentId) {
        return jdbc.sql("select lease_id, year, due_on, paid_on, amount_fen from dist_rent_payment where id = ?")
                .param(paymentId)
                .query((rs, n) -> {
                    LeaseService.Row lease = leases.find(rs.getString(1), false).orElseThrow();
                    AssetPackages.PackageInfo pkg =
                            eledger.find(lease.packageId()).orElse(null);
                    List<String> ids = pkg == null ? List.of() : pkg.resourceIds();
                    Map<String, AssetPackages.ResourceInfo> found = eledger.resources(ids);
                    RentSource src = new RentSource(
                            paymentId,
                            lease.id(),
                            lease.contractNumber(),
                            rs.getInt(2),
                            rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class),
                            lease.packageId(),
                            pkg == null ? null : pkg.name(),
                            ids.stream().map(found::get).filter(r -> r != null).toList());
                    return new Weighted("rent", rs.getLong(5), src);
                })
                .optional()
                .orElse(null);
    }

    private Weighted dividend(String dividendId, Run run) {
        return jdbc.sql("select d.project_id, p.name, d.period, coalesce(sum(l.amount_fen), 0) from dist_dividend d"
                        + " join dist_project p on p.id = d.project_id join dist_dividend_line l on l.dividend_id = d.id"
                        + " and l.village_code = ? where d.id = ? group by d.project_id, p.name, d.period")
                .params(run.villageCode(), dividendId)
                .query((rs, n) -> new Weighted(
                        "dividend",
                        rs.getLong(4),
                        new DividendSource(dividendId, rs.getString(1), rs.getString(2), rs.getString(3))))
                .optional()
                .orElse(null);
    }

    private LocalDate date(Transfer t) {
        return t.timestamp().atZone(clock.getZone()).toLocalDate();
    }

    static ApiException notFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "distribution.household.not-found", id);
    }
}
