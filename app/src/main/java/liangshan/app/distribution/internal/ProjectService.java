package liangshan.app.distribution.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import liangshan.app.audit.AuditTrail;
import liangshan.app.eledger.AssetPackages;
import liangshan.app.eledger.AssetPackages.PartyInfo;
import liangshan.app.identity.Actor;
import liangshan.app.money.MoneyLedger;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import liangshan.kernel.id.Ulid;
import liangshan.kernel.money.benefit.DividendPolicy;
import liangshan.kernel.money.benefit.EquityConversion;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Projects, their dividend policy and cap table, and the conversion of a lease's option into equity. */
@Service
class ProjectService {

    record PolicyInput(String kind, String minimumPerShareYuan, String minimumPerYearYuan, String profitSharePct) {}

    record InvestorInput(String partyId, Long shares) {}

    record ProjectInput(String name, String countyCode, PolicyInput policy, List<InvestorInput> investors) {}

    record ConversionInput(String projectId, LocalDate operatingFrom) {}

    record Project(
            String id,
            String name,
            String countyCode,
            DividendPolicy policy,
            String createdBy,
            Instant createdAt,
            String status,
            String approvedBy,
            Instant approvedAt) {}

    record CapEntry(
            String id,
            String projectId,
            String holderKind,
            String holderId,
            long shares,
            String source,
            String leaseId,
            String valuationYuan,
            String residualYuan,
            Instant recordedAt) {}

    record PolicyView(String kind, String minimumPerShareYuan, String minimumPerYearYuan, String profitSharePct) {}

    record ProjectView(
            String id,
            String name,
            String countyCode,
            PolicyView policy,
            List<CapEntry> capTable,
            long totalShares,
            String createdBy,
            Instant createdAt,
            String status,
            String approvedBy,
            Instant approvedAt) {}

    private final JdbcClient jdbc;
    private final AssetPackages eledger;
    private final LeaseService leases;
    private final MoneyLedger money;
    private final AuditTrail audit;
    private final Clock clock;
    private final Random random = new Random();

    ProjectService(
            JdbcClient jdbc,
            AssetPackages eledger,
            LeaseService leases,
            MoneyLedger money,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.eledger = eledger;
        this.leases = leases;
        this.money = money;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ProjectView create(Actor actor, ProjectInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.name() == null || in.name().isBlank()) {
            problems.add(new FieldProblem("name", "distribution.project.bad-name", null, null));
        }
        String county = in.countyCode();
        if (county == null || !county.matches("3308\\d\\d")) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "distribution.project.invalid",
                    List.of(new FieldProblem("countyCode", "distribution.project.bad-county", null, null)));
        }
        DistributionAccess.cooperativeWrite(actor, county);
        DividendPolicy policy = policy(in.policy(), problems);
        List<InvestorInput> investors = in.investors() == null ? List.of() : in.investors();
        Map<String, PartyInfo> parties = eledger.parties(investors.stream()
                .map(i -> i.partyId() == null ? "" : i.partyId())
                .toList());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < investors.size(); i++) {
            InvestorInput inv = investors.get(i);
            PartyInfo p = inv.partyId() == null ? null : parties.get(inv.partyId());
            if (p == null
                    || "household".equals(p.kind())
                    || inv.shares() == null
                    || inv.shares() <= 0
                    || !seen.add(inv.partyId())) {
                problems.add(new FieldProblem("investors[" + i + "]", "distribution.project.bad-investor", null, null));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "distribution.project.invalid", problems);
        }
        Project project = new Project(
                Ulid.next(clock, random).value(),
                in.name().trim(),
                county,
                policy,
                actor.username(),
                clock.instant(),
                "proposed",
                null,
                null);
        jdbc.sql("insert into dist_project (id, name, county_code, policy_kind, minimum_per_share_fen,"
                        + " minimum_per_period_fen, profit_share_pct, created_by, created_at, status)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'proposed')")
                .params(
                        project.id(),
                        project.name(),
                        county,
                        policy.kind().name().toLowerCase(java.util.Locale.ROOT),
                        policy.minimumPerShareFen(),
                        policy.minimumPerPeriodFen(),
                        policy.profitSharePercent(),
                        actor.username(),
                        RunStore.utc(project.createdAt()))
                .update();
        for (InvestorInput inv : investors) {
            insertEntry(project.id(), "investor", inv.partyId(), inv.shares(), "investment", null, null, null, actor);
        }
        money.open(List.of(DistributionAccounts.projectBank(project.id(), county)));
        ProjectView view = view(project);
        audit.record("distribution.project.created", "dist_project", project.id(), county, null, view);
        return view;
    }

    /** Approves a proposed project and its dividend policy (maker-checker): by a second person. */
    @Transactional
    ProjectView approve(Actor actor, String id) {
        Project p = find(id, true).orElseThrow(() -> notFound(id));
        DistributionAccess.read(actor, p.countyCode(), "distribution.project.not-found", id);
        DistributionAccess.cooperativeWrite(actor, p.countyCode());
        if (!p.status().equals("proposed")) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.project.bad-state", p.status());
        }
        if (p.createdBy().equals(actor.username())) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.same-person");
        }
        jdbc.sql("update dist_project set status = 'approved', approved_by = ?, approved_at = ? where id = ?")
                .params(actor.username(), RunStore.utc(clock.instant()), id)
                .update();
        ProjectView after = view(find(id, false).orElseThrow());
        audit.record(
                "distribution.project.approved",
                "dist_project",
                id,
                p.countyCode(),
                Map.of("status", p.status()),
                Map.of("status", after.status(), "policy", after.policy()));
        return after;
    }

    /** The option of a lease becomes the village's equity in a project that starts operating. */
    @Transactional
    CapEntry convert(Actor actor, String leaseId, ConversionInput in) {
        LeaseService.Row lease = leases.find(leaseId, true).orElseThrow(() -> LeaseService.notFound(leaseId));
        DistributionAccess.read(actor, lease.villageCode(), "distribution.lease.not-found", leaseId);
        DistributionAccess.cooperativeWrite(actor, lease.villageCode());
        if (!lease.effective()) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.lease.not-active", leaseId, lease.status());
        }
        if (lease.optionValuationFen() == null) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.lease.no-option", leaseId);
        }
        if (lease.status().equals("converted")) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.lease.already-converted", leaseId);
        }
        Project project = in == null || in.projectId() == null
                ? null
                : find(in.projectId(), true).orElse(null);
        if (project == null || !actor.canRead(project.countyCode())) {
            throw new ApiException(
                    HttpStatus.NOT_FOUND, "distribution.project.not-found", in == null ? null : in.projectId());
        }
        if (!project.status().equals("approved")) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.project.not-approved", project.id());
        }
        if (in.operatingFrom() == null
                || in.operatingFrom().isBefore(lease.termFrom())
                || !in.operatingFrom().isBefore(lease.termTo())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "distribution.conversion.before-term", leaseId);
        }
        EquityConversion c = EquityConversion.of(lease.optionValuationFen(), lease.optionPricePerShareFen());
        if (c.shares() == 0) {
            throw new ApiException(HttpStatus.CONFLICT, "distribution.lease.no-option", leaseId);
        }
        CapEntry entry = insertEntry(
                project.id(),
                "village",
                lease.villageCode(),
                c.shares(),
                "option",
                leaseId,
                lease.optionValuationFen(),
                c.residualFen(),
                actor);
        leases.converted(leaseId);
        audit.record(
                "distribution.option.converted",
                "dist_cap_entry",
                entry.id(),
                lease.villageCode(),
                Map.of("lease", leaseId, "status", lease.status()),
                Map.of("entry", entry, "operatingFrom", in.operatingFrom().toString()));
        return entry;
    }

    ProjectView get(Actor actor, String id) {
        Project p = find(id, false).orElseThrow(() -> notFound(id));
        DistributionAccess.read(actor, p.countyCode(), "distribution.project.not-found", id);
        return view(p);
    }

    Page<ProjectView> list(Actor actor, String county, PageRequest page) {
        String prefix = DistributionAccess.listPrefix(actor, county);
        // A village-scoped reader sees the projects of its county (its cap-table entries are there).
        String like = prefix.length() > 6 ? prefix.substring(0, 6) : prefix;
        List<ProjectView> items = jdbc
                .sql("select * from dist_project where county_code like ?"
                        + " order by created_at desc, id limit ? offset ?")
                .params(like + "%", page.size(), page.offset())
                .query((rs, n) -> project(rs))
                .list()
                .stream()
                .map(this::view)
                .toList();
        long total = jdbc.sql("select count(*) from dist_project where county_code like ?")
                .param(like + "%")
                .query(Long.class)
                .single();
        return page.toPage(items, total);
    }

    Optional<Project> find(String id, boolean forUpdate) {
        return jdbc.sql("select * from dist_project where id = ?" + (forUpdate ? " for update" : ""))
                .param(id)
                .query((rs, n) -> project(rs))
                .optional();
    }

    List<CapEntry> capTable(String projectId) {
        return jdbc.sql("select * from dist_cap_entry where project_id = ? order by recorded_at, id")
                .param(projectId)
                .query((rs, n) -> new CapEntry(
                        rs.getString("id"),
                        rs.getString("project_id"),
                        rs.getString("holder_kind"),
                        rs.getString("holder_id"),
                        rs.getLong("shares"),
                        rs.getString("source"),
                        rs.getString("lease_id"),
                        Amounts.yuan(rs.getObject("valuation_fen", Long.class)),
                        Amounts.yuan(rs.getObject("residual_fen", Long.class)),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    ProjectView view(Project p) {
        List<CapEntry> cap = capTable(p.id());
        DividendPolicy d = p.policy();
        return new ProjectView(
                p.id(),
                p.name(),
                p.countyCode(),
                new PolicyView(
                        d.kind().name().toLowerCase(java.util.Locale.ROOT),
                        Amounts.yuan(d.minimumPerShareFen()),
                        Amounts.yuan(d.minimumPerPeriodFen()),
                        d.profitSharePercent() == null
                                ? null
                                : d.profitSharePercent().toPlainString()),
                cap,
                cap.stream().mapToLong(CapEntry::shares).sum(),
                p.createdBy(),
                p.createdAt(),
                p.status(),
                p.approvedBy(),
                p.approvedAt());
    }

    static ApiException notFound(String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "distribution.project.not-found", id);
    }

    private CapEntry insertEntry(
            String projectId,
            String kind,
            String holder,
            long shares,
            String source,
            String leaseId,
            Long valuation,
            Long residual,
            Actor actor) {
        CapEntry e = new CapEntry(
                Ulid.next(clock, random).value(),
                projectId,
                kind,
                holder,
                shares,
                source,
                leaseId,
                Amounts.yuan(valuation),
                Amounts.yuan(residual),
                clock.instant());
        jdbc.sql(
                        "insert into dist_cap_entry (id, project_id, holder_kind, holder_id, shares, source, lease_id,"
                                + " valuation_fen, residual_fen, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        e.id(),
                        projectId,
                        kind,
                        holder,
                        shares,
                        source,
                        leaseId,
                        valuation,
                        residual,
                        actor.username(),
                        RunStore.utc(e.recordedAt()))
                .update();
        return e;
    }

    private static DividendPolicy policy(PolicyInput in, List<FieldProblem> problems) {
        int before = problems.size();
        try {
            if (in == null || in.kind() == null) {
                throw new IllegalArgumentException("no policy");
            }
            DividendPolicy.Kind kind = DividendPolicy.Kind.valueOf(in.kind().toUpperCase(java.util.Locale.ROOT));
            Long perShare = in.minimumPerShareYuan() == null
                    ? null
                    : Amounts.fen(
                            in.minimumPerShareYuan(), false, "policy", "distribution.project.bad-policy", problems);
            Long perYear = in.minimumPerYearYuan() == null
                    ? null
                    : Amounts.fen(
                            in.minimumPerYearYuan(), false, "policy", "distribution.project.bad-policy", problems);
            BigDecimal pct = in.profitSharePct() == null
                    ? null
                    : Amounts.percent(
                            in.profitSharePct(), 0, 100, "policy", "distribution.project.bad-policy", problems);
            if (problems.size() == before) {
                return new DividendPolicy(kind, perShare, perYear, pct);
            }
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("policy", "distribution.project.bad-policy", null, null));
        }
        return null;
    }

    private static Project project(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Project(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("county_code"),
                new DividendPolicy(
                        DividendPolicy.Kind.valueOf(rs.getString("policy_kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getObject("minimum_per_share_fen", Long.class),
                        rs.getObject("minimum_per_period_fen", Long.class),
                        rs.getBigDecimal("profit_share_pct")),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("status"),
                rs.getString("approved_by"),
                Optional.ofNullable(rs.getObject("approved_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant)
                        .orElse(null));
    }
}
