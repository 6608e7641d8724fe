package liangshan.app.distribution.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import liangshan.app.audit.AuditTrail;
import liangshan.app.distribution.internal.ProjectService.CapEntry;
import liangshan.app.distribution.internal.ProjectService.Project;
import liangshan.app.identity.Actor;
import liangshan.app.money.MoneyLedger;
import liangshan.app.money.MoneyLedger.AccountSpec;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.kernel.id.Ulid;
import liangshan.kernel.money.benefit.DividendPolicy;
import liangshan.ledger.Asset;
import liangshan.ledger.LedgerResult;
import liangshan.ledger.TransferRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dividends of a project per period: declared from the reported profit by the project's policy (nothing
 * moves), then paid by a second person as one linked batch project.bank → each holder (once, also when
 * paid twice or concurrently: the declaration's row lock and the derived transfer ids).
 */
@Service
class DividendService {

    record DeclareInput(String period, String profitYuan) {}

    record Line(
            int lineNo,
            String holderKind,
            String holderId,
            long shares,
            String guaranteedYuan,
            String profitYuan,
            String amountYuan,
            UUID transferId) {}

    record Dividend(
            String id,
            String projectId,
            String countyCode,
            String period,
            String profitYuan,
            String totalYuan,
            String status,
            String declaredBy,
            Instant declaredAt,
            String paidBy,
            Instant paidAt,
            List<Line> lines) {}

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final MoneyLedger money;
    private final AuditTrail audit;
    private final Clock clock;
    private final Random random = new Random();

    DividendService(JdbcClient jdbc, ProjectService projects, MoneyLedger money, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.money = money;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a declaration would be: the project, the profit in fen, its cap table and the policy's lines. */
    record Computed(Project project, long profitFen, List<CapEntry> cap, DividendPolicy.Line[] lines) {

        long totalFen() {
            long total = 0;
            for (DividendPolicy.Line l : lines) {
                total += l.amountFen();
            }
            return total;
        }
    }

    /**
     * The lines a declaration of {@code in} would have, with every rejection {@link #declare} answers (scope,
     * writer, approval, input, one per period, holders); nothing is stored. The form's preview uses it.
     */
    Computed compute(Actor actor, String projectId, DeclareInput in, boolean forUpdate) {
        Project p = projects.find(projectId, forUpdate).orElseThrow(() -> ProjectService.notFound(projectId));
        DistributionAccess.read(actor, p.countyCode(), "distribution.project.not-found", projectId);
        DistributionAccess.cooperativeWrite(actor, p.countyCode());
        if (!p.status().equals("approved")) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.project.not-approved", projectId);
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (in.period() == null || !in.period().matches("\\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?")) {
            problems.add(new FieldProblem("period", "distribution.run.bad-period", null, null));
        }
        Long profit = null;
        String text = in.profitYuan() == null ? null : in.profitYuan().trim();
        boolean loss = text != null && text.startsWith("-");
        Long abs = Amounts.fen(
                loss ? text.substring(1) : text, false, "profitYuan", "distribution.run.bad-amount", problems);
        if (abs != null) {
            profit = loss ? -abs : abs;
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "distribution.dividend.invalid", problems);
        }
        if (jdbc.sql("select count(*) from dist_dividend where project_id = ? and period = ?")
                        .params(projectId, in.period())
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.dividend.exists", projectId, in.period());
        }
        List<CapEntry> cap = projects.capTable(projectId);
        if (cap.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.dividend.no-holders", projectId);
        }
        return new Computed(
                p,
                profit,
                cap,
                p.policy().pay(profit, cap.stream().mapToLong(CapEntry::shares).toArray()));
    }

    @Transactional
    Dividend declare(Actor actor, String projectId, DeclareInput in) {
        Computed c = compute(actor, projectId, in, true);
        Project p = c.project();
        List<CapEntry> cap = c.cap();
        DividendPolicy.Line[] lines = c.lines();
        long profit = c.profitFen();
        long total = c.totalFen();
        String id = Ulid.next(clock, random).value();
        Instant now = clock.instant();
        jdbc.sql("insert into dist_dividend (id, project_id, period, profit_fen, total_fen, status, declared_by,"
                        + " declared_at) values (?, ?, ?, ?, ?, 'declared', ?, ?)")
                .params(id, projectId, in.period(), profit, total, actor.username(), RunStore.utc(now))
                .update();
        for (int i = 0; i < lines.length; i++) {
            CapEntry e = cap.get(i);
            DividendPolicy.Line l = lines[i];
            jdbc.sql("insert into dist_dividend_line (dividend_id, line_no, holder_kind, holder_id, village_code,"
                            + " shares, guaranteed_fen, profit_fen, amount_fen, transfer_id)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            i + 1,
                            e.holderKind(),
                            e.holderId(),
                            e.holderKind().equals("village") ? e.holderId() : null,
                            l.shares(),
                            l.guaranteedFen(),
                            l.profitFen(),
                            l.amountFen(),
                            l.amountFen() == 0
                                    ? null
                                    : MoneyLedger.transferId("distribution.dividend", id, "line", "" + (i + 1)))
                    .update();
        }
        Dividend d = find(id).orElseThrow();
        audit.record("distribution.dividend.declared", "dist_dividend", id, p.countyCode(), null, d);
        return d;
    }

    @Transactional
    Dividend pay(Actor actor, String id) {
        Dividend d = find(id, true).orElseThrow(() -> notFound(id));
        DistributionAccess.read(actor, d.countyCode(), "distribution.dividend.not-found", id);
        if (d.status().equals("paid")) {
            return d;
        }
        DistributionAccess.cooperativeWrite(actor, d.countyCode());
        if (d.declaredBy().equals(actor.username())) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.same-person");
        }
        AccountSpec bank = DistributionAccounts.projectBank(d.projectId(), d.countyCode());
        List<AccountSpec> accounts = new ArrayList<>(List.of(bank));
        List<TransferRequest> batch = new ArrayList<>();
        for (Line l : d.lines()) {
            if (l.transferId() == null) {
                continue;
            }
            AccountSpec to = l.holderKind().equals("village")
                    ? DistributionAccounts.villageIncome(l.holderId())
                    : DistributionAccounts.holderDividends(l.holderId(), d.countyCode());
            accounts.add(to);
            SortedMap<String, String> refs = new TreeMap<>(
                    Map.of("project", d.projectId(), "dividend", id, "period", d.period(), "holder", l.holderId()));
            batch.add(new TransferRequest(
                    l.transferId(),
                    bank.id(),
                    to.id(),
                    Amounts.fenOf(l.amountYuan()),
                    Asset.CNY,
                    "distribution.dividend",
                    refs,
                    null,
                    null,
                    null,
                    null));
        }
        money.open(accounts);
        List<TransferRequest> linked = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            linked.add(i < batch.size() - 1 ? batch.get(i).linked() : batch.get(i));
        }
        List<LedgerResult> results = linked.isEmpty() ? List.of() : money.submit(linked);
        for (LedgerResult r : results) {
            if (!r.isSuccess()) {
                throw new ApiException(
                        HttpStatus.CONFLICT, "distribution.dividend.rejected", RunPoster.ledgerCode(r.code()));
            }
        }
        jdbc.sql("update dist_dividend set status = 'paid', paid_by = ?, paid_at = ? where id = ?")
                .params(actor.username(), RunStore.utc(clock.instant()), id)
                .update();
        Dividend after = find(id).orElseThrow();
        audit.record(
                "distribution.dividend.paid", "dist_dividend", id, d.countyCode(), Map.of("status", d.status()), after);
        return after;
    }

    List<Dividend> list(Actor actor, String projectId) {
        Project p = projects.find(projectId, false).orElseThrow(() -> ProjectService.notFound(projectId));
        // A village holding shares of the project may read its dividends (its income source) too.
        String division = projects.capTable(projectId).stream()
                .filter(e -> e.holderKind().equals("village") && actor.canRead(e.holderId()))
                .map(CapEntry::holderId)
                .findFirst()
                .orElse(p.countyCode());
        DistributionAccess.read(actor, division, "distribution.project.not-found", projectId);
        return jdbc
                .sql("select id from dist_dividend where project_id = ? order by period")
                .param(projectId)
                .query(String.class)
                .list()
                .stream()
                .map(id -> find(id).orElseThrow())
                .toList();
    }

    Optional<Dividend> find(String id) {
        return find(id, false);
    }

    private Optional<Dividend> find(String id, boolean forUpdate) {
        List<Line> lines = jdbc.sql("select line_no, holder_kind, holder_id, shares, guaranteed_fen, profit_fen,"
                        + " amount_fen, transfer_id from dist_dividend_line where dividend_id = ? order by line_no")
                .param(id)
                .query((rs, n) -> new Line(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        Amounts.yuan(rs.getLong(5)),
                        Amounts.yuan(rs.getLong(6)),
                        Amounts.yuan(rs.getLong(7)),
                        rs.getObject(8, UUID.class)))
                .list();
        return jdbc.sql("select d.*, p.county_code from dist_dividend d join dist_project p on p.id = d.project_id"
                        + " where d.id = ?" + (forUpdate ? " for update of d" : ""))
                .param(id)
                .query((rs, n) -> new Dividend(
                        rs.getString("id"),
                        rs.getString("project_id"),
                        rs.getString("county_code"),
                        rs.getString("period"),
                        Amounts.yuan(rs.getLong("profit_fen")),
                        Amounts.yuan(rs.getLong("total_fen")),
                        rs.getString("status"),
                        rs.getString("declared_by"),
                        rs.getObject("declared_at", OffsetDateTime.class).toInstant(),
                        rs.getString("paid_by"),
                        Optional.ofNullable(rs.getObject("paid_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)
                                .orElse(null),
                        lines))
                .optional();
    }

    static ApiException notFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "distribution.dividend.not-found", id);
    }
}
