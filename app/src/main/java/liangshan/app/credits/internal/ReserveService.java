package liangshan.app.credits.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import liangshan.app.audit.AuditTrail;
import liangshan.app.divisions.Divisions;
import liangshan.app.ecoaccount.ProjectGep;
import liangshan.app.identity.Actor;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.gep.project.LandCoverChange;
import liangshan.gep.project.ProjectImpactResult;
import liangshan.ledger.credits.CreditCommand;
import liangshan.ledger.credits.CreditProject;
import liangshan.ledger.credits.LandClaim;
import liangshan.ledger.credits.Milestone;
import liangshan.ledger.credits.ProjectKind;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The restoration reserve library (储备库): proposal → review → ex-ante estimate by project-level GEP
 * (PENDING units) → milestone verifications (验收) → release proposed by one person and approved by another
 * (ISSUED credits with serials). Each step is one transaction with its registry command and audit record.
 */
@Service("creditsReserveService")
class ReserveService {

    record MilestoneInput(String code, String dueOn, String cumulativePct) {}

    record ProjectInput(
            String name,
            String kind,
            String countyCode,
            String villageCode,
            String ownerPartyId,
            String sponsor,
            String costYuan,
            JsonNode footprint,
            JsonNode change,
            String periodFrom,
            String periodTo,
            String serviceType,
            Boolean carbonSink,
            List<MilestoneInput> milestones) {}

    record EstimateInput(Integer year, String inputs, String params) {}

    private final RegistryHost host;
    private final JdbcTemplate jdbc;
    private final PartyService parties;
    private final CreditsAccess access;
    private final ProjectGep gep;
    private final AuditTrail audit;
    private final Clock clock;
    private final ReserveViews views;
    private final Divisions divisions;
    private final CountyNames names;

    ReserveService(
            RegistryHost host,
            JdbcTemplate jdbc,
            PartyService parties,
            CreditsAccess access,
            ProjectGep gep,
            AuditTrail audit,
            Clock clock,
            ReserveViews views,
            Divisions divisions,
            CountyNames names) {
        this.host = host;
        this.jdbc = jdbc;
        this.parties = parties;
        this.access = access;
        this.gep = gep;
        this.audit = audit;
        this.clock = clock;
        this.views = views;
        this.divisions = divisions;
        this.names = names;
    }

    /**
     * Stores a proposal. Retry-safe: the same request id (caller + {@code Idempotency-Key}) with the same body
     * answers the stored proposal, with another body 422 {@code idempotency.key-reused}. The footprint must
     * lie inside the named county (422 {@code credits.footprint.outside-county}).
     */
    Map<String, Object> propose(Actor actor, ProjectInput in, UUID requestId) {
        String hash = CreationKeys.hash(in);
        Optional<String> earlier = CreationKeys.earlier(jdbc, "credit_project", requestId, hash);
        if (earlier.isPresent()) {
            return host.read(r -> views.project(r, earlier.get()));
        }
        List<FieldProblem> problems = new ArrayList<>();
        validate(in, problems);
        Footprints.Footprint fp = Footprints.read(in.footprint());
        if (fp == null) {
            problems.add(new FieldProblem("footprint", "credits.bad-footprint", null, null));
        }
        if (Footprints.change(in.change()) == null) {
            problems.add(new FieldProblem("change", "credits.bad-change", null, null));
        }
        long cost = Amounts.fen(in.costYuan(), "costYuan", "credits.bad-amount", problems);
        Amounts.check(problems, "credits.project.invalid");
        String county = in.countyCode();
        ProjectKind kind = ProjectKind.valueOf(in.kind().toUpperCase(java.util.Locale.ROOT));
        String owner = kind == ProjectKind.GOVERNMENT ? "POOL-" + county : in.ownerPartyId();
        PartyService.Party party = owner == null ? null : parties.find(owner);
        if (party == null || !party.county().equals(county)) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    kind == ProjectKind.GOVERNMENT ? "credits.pool.missing" : "credits.bad-party");
        }
        access.requireActFor(actor, owner, county);
        Footprints.requireInside(fp.gk(), county, divisions, names);
        String id = "RP"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
        String division = in.villageCode() != null ? in.villageCode() : county;
        return host.write(s -> {
            Optional<String> raced = CreationKeys.earlierInWrite(jdbc, "credit_project", requestId, hash);
            if (raced.isPresent()) {
                return views.project(s.registry(), raced.get());
            }
            insert(id, in, kind, owner, division, fp, cost, actor, requestId, hash);
            Map<String, Object> view = views.project(s.registry(), id);
            audit.record("credits.project.proposed", "credit_project", id, division, null, view);
            return view;
        });
    }

    private void insert(
            String id,
            ProjectInput in,
            ProjectKind kind,
            String owner,
            String division,
            Footprints.Footprint fp,
            long cost,
            Actor actor,
            UUID requestId,
            String hash) {
        jdbc.update(
                "insert into credit_project (id, name, kind, county_code, division_code, owner_party, sponsor, cost_fen,"
                        + " footprint, footprint_wkb, min_x, min_y, max_x, max_y, area_m2, change, period_from,"
                        + " period_to, service_type, carbon_sink, milestones, status, policy_version, proposed_by,"
                        + " proposed_at, request_id, request_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " cast(? as jsonb), ?, ?, ?, ?, cast(? as jsonb), 'proposed', ?, ?, ?, ?, ?)",
                id,
                in.name(),
                kind.name(),
                in.countyCode(),
                division,
                owner,
                in.sponsor() == null ? "" : in.sponsor(),
                cost,
                in.footprint().toString(),
                fp.wkb(),
                fp.box().getMinX(),
                fp.box().getMinY(),
                fp.box().getMaxX(),
                fp.box().getMaxY(),
                fp.areaM2(),
                in.change().toString(),
                LocalDate.parse(in.periodFrom()),
                LocalDate.parse(in.periodTo()),
                in.serviceType(),
                in.carbonSink() != null && in.carbonSink(),
                CommandCodec.encode(in.milestones()),
                parties.currentPolicy(),
                actor.username(),
                OffsetDateTime.now(clock),
                requestId,
                hash);
    }

    private static void validate(ProjectInput in, List<FieldProblem> problems) {
        if (in.name() == null || in.name().isBlank()) {
            problems.add(new FieldProblem("name", "credits.name-required", null, null));
        }
        if (in.kind() == null || !Set.of("government", "village", "enterprise").contains(in.kind())) {
            problems.add(new FieldProblem("kind", "credits.bad-kind", null, null));
        }
        if (in.countyCode() == null || !PartyService.COUNTIES.contains(in.countyCode())) {
            problems.add(new FieldProblem("countyCode", "credits.bad-county", null, null));
        } else if (in.villageCode() != null && !in.villageCode().matches(in.countyCode() + "\\d{6}")) {
            problems.add(new FieldProblem("villageCode", "credits.bad-village", null, null));
        }
        try {
            if (LocalDate.parse(in.periodTo()).isBefore(LocalDate.parse(in.periodFrom()))) {
                problems.add(new FieldProblem("periodTo", "credits.bad-period", null, null));
            }
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add(new FieldProblem("periodFrom", "credits.bad-period", null, null));
        }
        if (!milestonesValid(in.milestones())) {
            problems.add(new FieldProblem("milestones", "credits.bad-milestones", null, null));
        }
    }

    private static boolean milestonesValid(List<MilestoneInput> milestones) {
        if (milestones == null || milestones.isEmpty()) {
            return false;
        }
        int last = 0;
        Set<String> codes = new java.util.HashSet<>();
        for (MilestoneInput m : milestones) {
            int bp = Amounts.basisPoints(m.cumulativePct());
            if (m.code() == null
                    || !m.code().matches("[a-z][a-z0-9]*(\\.[a-z0-9]+)*")
                    || !codes.add(m.code())
                    || bp <= last) {
                return false;
            }
            try {
                LocalDate.parse(m.dueOn());
            } catch (DateTimeParseException | NullPointerException e) {
                return false;
            }
            last = bp;
        }
        return last == 10_000;
    }

    /** A stored project row, read for a command. */
    private Map<String, Object> row(Actor actor, String id) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from credit_project where id = ?", id);
        if (rows.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "credits.not-found");
        }
        CreditsAccess.requireReadable(actor, (String) rows.get(0).get("division_code"));
        return rows.get(0);
    }

    private static void requireStatus(Map<String, Object> row, String status) {
        if (!status.equals(row.get("status"))) {
            throw new ApiException(HttpStatus.CONFLICT, "credits.project.bad-state", row.get("status"));
        }
    }

    Map<String, Object> review(Actor actor, String id, String decision, String note, UUID requestId) {
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "credits.invalid",
                    List.of(new FieldProblem("decision", "credits.bad-decision", null, null)),
                    "decision");
        }
        Map<String, Object> before = row(actor, id);
        CreditsAccess.requireManager(actor, (String) before.get("county_code"));
        return host.write(s -> {
            Map<String, Object> r = jdbc.queryForMap("select * from credit_project where id = ? for update", id);
            requireStatus(r, "proposed");
            if (decision.equals("approve")) {
                checkOverlap(r);
                s.require(new CreditCommand.RegisterProject(requestId, project(r)), actor.username());
            }
            jdbc.update(
                    "update credit_project set status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ? where id = ?",
                    decision.equals("approve") ? "approved" : "rejected",
                    actor.username(),
                    OffsetDateTime.now(clock),
                    note,
                    id);
            Map<String, Object> view = views.project(s.registry(), id);
            audit.record("credits.project.reviewed", "credit_project", id, (String) r.get("division_code"), null, view);
            return view;
        });
    }

    /** Invariant 7 on real geometry: no approved project of the same period shares land, unless stacking allows. */
    private void checkOverlap(Map<String, Object> r) {
        Map<String, Object> policy =
                jdbc.queryForMap("select stacking from credit_policy where version = ?", r.get("policy_version"));
        String stacking = (String) policy.get("stacking");
        if (stacking.equals("ALL")) {
            return;
        }
        Geometry mine = Footprints.fromWkb((byte[]) r.get("footprint_wkb"));
        boolean carbonSink = (Boolean) r.get("carbon_sink");
        List<Map<String, Object>> candidates = jdbc.queryForList(
                "select id, footprint_wkb, carbon_sink from credit_project where status in ('approved', 'estimated')"
                        + " and id <> ? and period_from <= ? and period_to >= ? and min_x <= ? and max_x >= ?"
                        + " and min_y <= ? and max_y >= ?",
                r.get("id"),
                r.get("period_to"),
                r.get("period_from"),
                r.get("max_x"),
                r.get("min_x"),
                r.get("max_y"),
                r.get("min_y"));
        for (Map<String, Object> c : candidates) {
            boolean allowed = stacking.equals("WITH_CARBON_SINK") && (carbonSink != (Boolean) c.get("carbon_sink"));
            if (!allowed && Footprints.overlaps(mine, Footprints.fromWkb((byte[]) c.get("footprint_wkb")))) {
                throw new ApiException(HttpStatus.CONFLICT, "credits.land-overlap-geometry", c.get("id"));
            }
        }
    }

    /** The core's project: the land claim is the project's own footprint (checked geometrically above). */
    private static CreditProject project(Map<String, Object> r) {
        LandClaim land = new LandClaim(
                Set.of("footprint:" + r.get("id")),
                ((java.sql.Date) r.get("period_from")).toLocalDate(),
                ((java.sql.Date) r.get("period_to")).toLocalDate());
        return new CreditProject(
                (String) r.get("id"),
                ProjectKind.valueOf((String) r.get("kind")),
                (String) r.get("county_code"),
                (String) r.get("owner_party"),
                "footprint:" + r.get("id"),
                land,
                (String) r.get("service_type"),
                (String) r.get("policy_version"),
                (Boolean) r.get("carbon_sink"));
    }

    Map<String, Object> estimate(Actor actor, String id, EstimateInput in, UUID requestId) {
        Map<String, Object> before = row(actor, id);
        CreditsAccess.requireManager(actor, (String) before.get("county_code"));
        requireStatus(before, "approved");
        LandCoverChange change =
                Footprints.change(Json.read(before.get("change").toString()));
        EstimateInput e = in == null ? new EstimateInput(null, null, null) : in;
        ProjectImpactResult impact =
                gep.compute((String) before.get("footprint"), change, e.year(), e.inputs(), e.params());
        BigDecimal gainFen = impact.totalDeltaYuan().movePointRight(2).setScale(0, RoundingMode.FLOOR);
        if (gainFen.signum() <= 0) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "credits.project.no-gain",
                    impact.totalDeltaYuan().toPlainString());
        }
        long units = gainFen.longValueExact() * 10; // 1 credit = 1 元/yr = 100 fen = 1000 units
        return host.write(s -> {
            Map<String, Object> r = jdbc.queryForMap("select * from credit_project where id = ? for update", id);
            requireStatus(r, "approved");
            String batchId = "B-" + id;
            List<Milestone> caps = caps(Json.milestones(r.get("milestones").toString()), units);
            s.require(
                    new CreditCommand.CreateBatch(
                            requestId,
                            batchId,
                            id,
                            impact.year(),
                            (String) r.get("policy_version"),
                            impact.params(),
                            units,
                            caps),
                    actor.username());
            Map<String, Object> estimate = new LinkedHashMap<>();
            estimate.put("year", impact.year());
            estimate.put("params", impact.params());
            estimate.put("inputs", impact.inputs());
            estimate.put("deltaYuan", impact.totalDeltaYuan().toPlainString());
            estimate.put("units", units);
            estimate.put("provenance", impact.provenance());
            jdbc.update(
                    "update credit_project set status = 'estimated', batch_id = ?, estimate = cast(? as jsonb) where id = ?",
                    batchId,
                    CommandCodec.encode(estimate),
                    id);
            Map<String, Object> view = views.project(s.registry(), id);
            audit.record(
                    "credits.project.estimated", "credit_project", id, (String) r.get("division_code"), null, view);
            return view;
        });
    }

    /** Milestone caps: ⌊estimate × cumulative bp / 10000⌋, the last = the estimate. */
    static List<Milestone> caps(List<MilestoneInput> milestones, long units) {
        List<Milestone> out = new ArrayList<>();
        long previous = 0;
        for (MilestoneInput m : milestones) {
            long cap = BigDecimal.valueOf(units)
                    .multiply(BigDecimal.valueOf(Amounts.basisPoints(m.cumulativePct())))
                    .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.FLOOR)
                    .longValueExact();
            cap = Math.max(cap, previous + 1);
            out.add(new Milestone(m.code(), Math.min(cap, units)));
            previous = cap;
        }
        return out;
    }

    Map<String, Object> verify(
            Actor actor, String id, String milestoneCode, String recordRef, Boolean completed, UUID requestId) {
        if (recordRef == null || recordRef.isBlank()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "credits.invalid",
                    List.of(new FieldProblem("recordRef", "credits.bad-record", null, null)),
                    "recordRef");
        }
        Map<String, Object> before = row(actor, id);
        CreditsAccess.requireManager(actor, (String) before.get("county_code"));
        requireStatus(before, "estimated");
        return host.write(s -> {
            String verificationId = "V-" + requestId;
            s.require(
                    new CreditCommand.RecordVerification(
                            requestId,
                            verificationId,
                            (String) before.get("batch_id"),
                            milestoneCode,
                            actor.username(),
                            recordRef,
                            completed == null || completed),
                    actor.username());
            Map<String, Object> view = views.project(s.registry(), id);
            audit.record(
                    "credits.project.verified",
                    "credit_project",
                    id,
                    (String) before.get("division_code"),
                    null,
                    Map.of("milestone", String.valueOf(milestoneCode), "recordRef", recordRef));
            return view;
        });
    }

    Map<String, Object> proposeRelease(Actor actor, String id, String milestoneCode, UUID requestId) {
        Map<String, Object> before = row(actor, id);
        CreditsAccess.requireManager(actor, (String) before.get("county_code"));
        requireStatus(before, "estimated");
        return host.write(s -> {
            String releaseId = "RL"
                    + requestId.toString().replace("-", "").substring(0, 16).toUpperCase();
            s.require(
                    new CreditCommand.ProposeRelease(
                            requestId, releaseId, (String) before.get("batch_id"), milestoneCode, actor.username()),
                    actor.username());
            jdbc.update(
                    "insert into credit_release (id, project_id, milestone_code, maker, proposed_at) values (?, ?, ?, ?, ?)",
                    releaseId,
                    id,
                    milestoneCode,
                    actor.username(),
                    OffsetDateTime.now(clock));
            Map<String, Object> view = views.release(releaseId);
            audit.record(
                    "credits.release.proposed",
                    "credit_release",
                    releaseId,
                    (String) before.get("division_code"),
                    null,
                    view);
            return view;
        });
    }

    Map<String, Object> approveRelease(Actor actor, String releaseId, UUID requestId) {
        List<Map<String, Object>> rel = jdbc.queryForList("select * from credit_release where id = ?", releaseId);
        if (rel.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "credits.not-found");
        }
        Map<String, Object> project = row(actor, (String) rel.get(0).get("project_id"));
        CreditsAccess.requireManager(actor, (String) project.get("county_code"));
        return host.write(s -> {
            s.require(new CreditCommand.ApproveRelease(requestId, releaseId, actor.username()), actor.username());
            jdbc.update(
                    "update credit_release set checker = ?, approved_at = ? where id = ? and checker is null",
                    actor.username(),
                    OffsetDateTime.now(clock),
                    releaseId);
            Map<String, Object> view = views.release(releaseId);
            audit.record(
                    "credits.release.approved",
                    "credit_release",
                    releaseId,
                    (String) project.get("division_code"),
                    null,
                    view);
            return view;
        });
    }

    Map<String, Object> get(Actor actor, String id) {
        row(actor, id);
        return host.read(r -> views.project(r, id));
    }

    liangshan.app.web.Page<Map<String, Object>> list(
            Actor actor, String county, String status, liangshan.app.web.PageRequest page) {
        CreditsAccess.requireSignedIn(actor);
        String prefix = county != null && actor.scope().covers(county)
                ? county
                : actor.scope().divisionCode();
        String where = " from credit_project where division_code like ? and division_code like ?"
                + " and (cast(? as text) is null or status = ?)";
        List<String> ids = jdbc.queryForList(
                "select id" + where + " order by proposed_at desc, id limit ? offset ?",
                String.class,
                actor.scope().likePattern(),
                prefix + "%",
                status,
                status,
                page.size(),
                page.offset());
        Long total = jdbc.queryForObject(
                "select count(*)" + where, Long.class, actor.scope().likePattern(), prefix + "%", status, status);
        return page.toPage(
                host.read(r -> ids.stream().map(id -> views.project(r, id)).toList()), total);
    }
}
