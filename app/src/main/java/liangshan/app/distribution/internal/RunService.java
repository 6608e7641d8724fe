package liangshan.app.distribution.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import liangshan.app.audit.AuditTrail;
import liangshan.app.distribution.internal.RegisterService.Household;
import liangshan.app.distribution.internal.RegisterService.Register;
import liangshan.app.distribution.internal.RunStore.Line;
import liangshan.app.distribution.internal.RunStore.Run;
import liangshan.app.identity.Actor;
import liangshan.app.money.MoneyLedger;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import liangshan.kernel.id.Ulid;
import liangshan.kernel.money.benefit.PriorityAllocation;
import liangshan.kernel.money.benefit.Retention;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Distribution runs: preview (retention, priority, allocation — nothing moves), approval by a second
 * person, and reversal by a new run. Posting is {@link RunPoster}.
 */
@Service
class RunService {

    record SourceInput(String kind, String id) {}

    record PriorityInput(String minimumPerLowIncomeYuan, String lowIncomeWeightPct) {}

    record RunInput(
            String period,
            String amountYuan,
            String retentionPct,
            String retentionCapYuan,
            PriorityInput priority,
            List<SourceInput> sources,
            String note) {}

    record Note(String note) {}

    private final RunStore runs;
    private final RegisterService registers;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final JsonMapper json;
    private final Random random = new Random();

    RunService(
            RunStore runs, RegisterService registers, JdbcClient jdbc, AuditTrail audit, Clock clock, JsonMapper json) {
        this.runs = runs;
        this.registers = registers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    @Transactional
    RunView preview(Actor actor, String village, RunInput in) {
        DistributionAccess.villageWrite(actor, village);
        List<FieldProblem> problems = new ArrayList<>();
        if (in.period() == null || !in.period().matches("\\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?")) {
            problems.add(new FieldProblem("period", "distribution.run.bad-period", null, null));
        }
        Long amount = Amounts.fen(in.amountYuan(), true, "amountYuan", "distribution.run.bad-amount", problems);
        BigDecimal pct =
                Amounts.percent(in.retentionPct(), 0, 100, "retentionPct", "distribution.run.bad-retention", problems);
        Long cap = in.retentionCapYuan() == null
                ? null
                : Amounts.fen(in.retentionCapYuan(), false, "retentionCapYuan", "distribution.run.bad-cap", problems);
        PriorityAllocation priority = priority(in.priority(), problems);
        List<SourceInput> sources = in.sources() == null ? List.of() : in.sources();
        for (int i = 0; i < sources.size(); i++) {
            if (!sourceBelongs(sources.get(i), village)) {
                problems.add(new FieldProblem("sources[" + i + "]", "distribution.run.bad-source", null, null));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "distribution.run.invalid", problems);
        }
        Register register = registers.load(village);
        List<Household> hs = register.households();
        long retention = new Retention(pct, cap).of(amount);
        long rest = amount - retention;
        String id = Ulid.next(clock, random).value();
        List<Line> lines = allocate(id, village, rest, priority, hs);
        boolean withPriority = in.priority() != null;
        Run run = new Run(
                id,
                village,
                "distribution",
                null,
                in.period(),
                amount,
                pct,
                cap,
                retention,
                rest,
                withPriority ? priority.minimumPerLowIncomeFen() : null,
                withPriority ? priority.lowIncomeWeightPercent().setScale(2) : null,
                json.writeValueAsString(sources),
                "previewed",
                hs.size(),
                register.version(),
                actor.username(),
                clock.instant(),
                null,
                null,
                null,
                null,
                in.note(),
                retention == 0 ? null : MoneyLedger.transferId("distribution.run", id, "retention"));
        runs.insert(run, lines);
        audit.record("distribution.run.previewed", "dist_run", id, village, null, summary(run));
        return RunView.of(run, null, lines.subList(0, Math.min(lines.size(), RunView.MAX_LINES)));
    }

    @Transactional
    RunView approve(Actor actor, String id, String note) {
        Run run = locked(actor, id);
        DistributionAccess.villageWrite(actor, run.villageCode());
        if (!run.status().equals("previewed")) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.run.bad-state", run.status());
        }
        if (run.preparedBy().equals(actor.username())) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.same-person");
        }
        runs.approve(id, actor.username(), clock.instant());
        Run after = runs.find(id, false).orElseThrow();
        Map<String, Object> change = summary(after);
        if (note != null) {
            change.put("note", note);
        }
        audit.record("distribution.run.approved", "dist_run", id, run.villageCode(), summary(run), change);
        return view(after);
    }

    /** Cancels a run that is not posted (previewed or approved): nothing moves, the run is final. */
    @Transactional
    RunView cancel(Actor actor, String id, String note) {
        Run run = locked(actor, id);
        DistributionAccess.villageWrite(actor, run.villageCode());
        if (!run.status().equals("previewed") && !run.status().equals("approved")) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.run.bad-state", run.status());
        }
        runs.cancel(id, actor.username(), clock.instant());
        Run after = runs.find(id, false).orElseThrow();
        Map<String, Object> change = summary(after);
        if (note != null) {
            change.put("note", note);
        }
        audit.record("distribution.run.cancelled", "dist_run", id, run.villageCode(), summary(run), change);
        return view(after);
    }

    /** A new run that, once approved and posted, reverses every transfer of posted run {@code id}. */
    @Transactional
    RunView reverse(Actor actor, String id, String note) {
        Run original = locked(actor, id);
        DistributionAccess.villageWrite(actor, original.villageCode());
        if (!original.status().equals("posted") || original.kind().equals("reversal")) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.run.bad-state", original.status());
        }
        if (runs.reversedBy(id).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.run.already-reversed", id);
        }
        String newId = Ulid.next(clock, random).value();
        List<Line> lines = new ArrayList<>();
        for (Line l : runs.lines(id, Integer.MAX_VALUE, 0)) {
            UUID transfer = l.transferId() == null ? null : lineTransferId(newId, l.lineNo());
            lines.add(new Line(
                    l.lineNo(), l.partyId(), l.shares(), l.lowIncome(), l.priorityFen(), l.amountFen(), transfer));
        }
        Run run = new Run(
                newId,
                original.villageCode(),
                "reversal",
                id,
                original.period(),
                original.amountFen(),
                original.retentionPct(),
                original.retentionCapFen(),
                original.retentionFen(),
                original.distributedFen(),
                original.priorityMinimumFen(),
                original.priorityWeightPct(),
                original.sources(),
                "previewed",
                original.households(),
                original.registerVersion(),
                actor.username(),
                clock.instant(),
                null,
                null,
                null,
                null,
                note,
                original.retentionTransferId() == null
                        ? null
                        : MoneyLedger.transferId("distribution.run", newId, "retention"));
        runs.insert(run, lines);
        audit.record("distribution.run.reversal-prepared", "dist_run", newId, run.villageCode(), null, summary(run));
        return view(run);
    }

    RunView get(Actor actor, String id) {
        Run run = runs.find(id, false).orElseThrow(() -> notFound(id));
        DistributionAccess.read(actor, run.villageCode(), "distribution.run.not-found", id);
        return view(run);
    }

    Page<RunView> list(Actor actor, String village, String status, PageRequest page) {
        String prefix = DistributionAccess.listPrefix(actor, village);
        List<RunView> items = runs.list(prefix, status, page.size(), page.offset()).stream()
                .map(r -> RunView.of(r, runs.reversedBy(r.id()).orElse(null), null))
                .toList();
        return page.toPage(items, runs.count(prefix, status));
    }

    Page<RunView.LineView> lines(Actor actor, String id, PageRequest page) {
        Run run = runs.find(id, false).orElseThrow(() -> notFound(id));
        DistributionAccess.read(actor, run.villageCode(), "distribution.run.not-found", id);
        List<RunView.LineView> items = runs.lines(id, page.size(), page.offset()).stream()
                .map(RunView.LineView::of)
                .toList();
        return page.toPage(items, run.households());
    }

    RunView view(Run run) {
        return RunView.of(run, runs.reversedBy(run.id()).orElse(null), runs.lines(run.id(), RunView.MAX_LINES, 0));
    }

    /** The run locked for a state change; 404 outside the actor's scope. */
    Run locked(Actor actor, String id) {
        Run run = runs.find(id, true).orElseThrow(() -> notFound(id));
        DistributionAccess.read(actor, run.villageCode(), "distribution.run.not-found", id);
        return run;
    }

    static UUID lineTransferId(String runId, int lineNo) {
        return MoneyLedger.transferId("distribution.run", runId, "line", Integer.toString(lineNo));
    }

    static ApiException notFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "distribution.run.not-found", id);
    }

    static Map<String, Object> summary(Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status());
        m.put("kind", r.kind());
        m.put("period", r.period());
        m.put("amountFen", r.amountFen());
        m.put("retentionFen", r.retentionFen());
        m.put("distributedFen", r.distributedFen());
        m.put("households", r.households());
        if (r.reverses() != null) {
            m.put("reverses", r.reverses());
        }
        return m;
    }

    /** The household lines of run {@code id}: {@code rest} fen by the register and the priority rule. */
    private static List<Line> allocate(
            String id, String village, long rest, PriorityAllocation priority, List<Household> hs) {
        long[] shares = hs.stream().mapToLong(Household::shares).toArray();
        boolean[] low = new boolean[hs.size()];
        for (int i = 0; i < low.length; i++) {
            low[i] = hs.get(i).lowIncome();
        }
        if (hs.isEmpty() || !priority.canAllocate(rest, shares, low)) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.run.no-shareholders", village);
        }
        PriorityAllocation.Share[] parts = priority.allocate(rest, shares, low);
        List<Line> lines = new ArrayList<>(hs.size());
        for (int i = 0; i < hs.size(); i++) {
            long fen = parts[i].amountFen();
            lines.add(RegisterService.line(
                    i + 1, hs.get(i), parts[i].priorityFen(), fen, fen == 0 ? null : lineTransferId(id, i + 1)));
        }
        return lines;
    }

    private PriorityAllocation priority(PriorityInput in, List<FieldProblem> problems) {
        if (in == null) {
            return PriorityAllocation.NONE;
        }
        int before = problems.size();
        Long minimum = Amounts.fen(
                in.minimumPerLowIncomeYuan(),
                false,
                "priority.minimumPerLowIncomeYuan",
                "distribution.run.bad-priority",
                problems);
        BigDecimal weight = Amounts.percent(
                in.lowIncomeWeightPct(),
                100,
                10_000,
                "priority.lowIncomeWeightPct",
                "distribution.run.bad-priority",
                problems);
        return problems.size() > before ? PriorityAllocation.NONE : new PriorityAllocation(minimum, weight);
    }

    private boolean sourceBelongs(SourceInput s, String village) {
        if (s == null || s.id() == null || s.kind() == null) {
            return false;
        }
        String sql =
                switch (s.kind()) {
                    case "rent" ->
                        "select count(*) from dist_rent_payment p join dist_lease l on l.id = p.lease_id"
                                + " where p.id = ? and l.village_code = ?";
                    case "dividend" ->
                        "select count(*) from dist_dividend_line where dividend_id = ?" + " and village_code = ?";
                    default -> null;
                };
        return sql != null
                && jdbc.sql(sql).params(s.id(), village).query(Long.class).single() > 0;
    }
}
