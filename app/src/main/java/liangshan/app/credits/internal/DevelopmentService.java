package liangshan.app.credits.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import liangshan.app.audit.AuditTrail;
import liangshan.app.divisions.Divisions;
import liangshan.app.ecoaccount.ProjectGep;
import liangshan.app.identity.Actor;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import liangshan.gep.project.LandCoverChange;
import liangshan.gep.project.ProjectImpactResult;
import liangshan.kernel.money.Money;
import liangshan.ledger.credits.CreditCommand;
import liangshan.ledger.credits.CreditRegistry;
import liangshan.ledger.credits.Obligation;
import liangshan.ledger.credits.PoolLiability;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Development projects and their no-net-loss obligations: Δ regulating value by project-level GEP, the
 * obligation ⌈|Δ| × multiplier⌉ under the current policy with its price set and provenance, and the eco
 * gate (生态通): {@code passed} only when retired credits acquit the obligation.
 */
@Service("creditsDevelopmentService")
class DevelopmentService {

    record DevelopmentInput(
            String name,
            String countyCode,
            String villageCode,
            String developerPartyId,
            JsonNode footprint,
            JsonNode change,
            Integer year,
            String inputs,
            String params) {}

    private final RegistryHost host;
    private final JdbcTemplate jdbc;
    private final PartyService parties;
    private final CreditsAccess access;
    private final ProjectGep gep;
    private final AuditTrail audit;
    private final Clock clock;
    private final Divisions divisions;
    private final CountyNames names;

    DevelopmentService(
            RegistryHost host,
            JdbcTemplate jdbc,
            PartyService parties,
            CreditsAccess access,
            ProjectGep gep,
            AuditTrail audit,
            Clock clock,
            Divisions divisions,
            CountyNames names) {
        this.host = host;
        this.jdbc = jdbc;
        this.parties = parties;
        this.access = access;
        this.gep = gep;
        this.audit = audit;
        this.clock = clock;
        this.divisions = divisions;
        this.names = names;
    }

    /**
     * Registers a development and its obligation. Retry-safe: the same request id (caller + {@code
     * Idempotency-Key}) with the same body answers the stored development without computing anything, with
     * another body 422 {@code idempotency.key-reused}. The footprint must lie inside the named county (422
     * {@code credits.footprint.outside-county}).
     */
    Map<String, Object> create(Actor actor, DevelopmentInput in, UUID requestId) {
        String hash = CreationKeys.hash(in);
        Optional<String> earlier = CreationKeys.earlier(jdbc, "credit_development", requestId, hash);
        if (earlier.isPresent()) {
            return host.read(r -> view(r, earlier.get()));
        }
        LandCoverChange change = validate(in);
        PartyService.Party developer = in.developerPartyId() == null ? null : parties.find(in.developerPartyId());
        if (developer == null || !developer.county().equals(in.countyCode())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "credits.bad-party");
        }
        access.requireActFor(actor, developer.id(), developer.county());
        Footprints.requireInside(Footprints.read(in.footprint()).gk(), in.countyCode(), divisions, names);
        ProjectImpactResult impact =
                gep.compute(in.footprint().toString(), change, in.year(), in.inputs(), in.params());
        BigDecimal deltaFen = impact.totalDeltaYuan().movePointRight(2);
        // A loss is rounded UP to the fen (the developer never owes less), a gain gives no obligation.
        long lossFen = deltaFen.signum() < 0
                ? deltaFen.negate().setScale(0, RoundingMode.CEILING).longValueExact()
                : 0;
        String id = "DP"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
        String division = in.villageCode() != null ? in.villageCode() : in.countyCode();
        return host.write(s -> {
            Optional<String> raced = CreationKeys.earlierInWrite(jdbc, "credit_development", requestId, hash);
            if (raced.isPresent()) {
                return view(s.registry(), raced.get());
            }
            String policy = parties.currentPolicy();
            String obligationId = lossFen > 0 ? "OB-" + id : null;
            // The obligation first: if the registry refuses it, only the refused command is committed, no
            // development row without its obligation.
            if (obligationId != null) {
                s.require(
                        new CreditCommand.RegisterObligation(
                                requestId,
                                obligationId,
                                id,
                                developer.id(),
                                in.countyCode(),
                                Money.ofFen(lossFen),
                                policy,
                                impact.params(),
                                null),
                        actor.username());
            }
            insert(id, in, division, developer.id(), deltaFen, obligationId, policy, impact, actor, requestId, hash);
            Map<String, Object> view = view(s.registry(), id);
            audit.record("credits.development.registered", "credit_development", id, division, null, view);
            return view;
        });
    }

    private void insert(
            String id,
            DevelopmentInput in,
            String division,
            String developerId,
            BigDecimal deltaFen,
            String obligationId,
            String policy,
            ProjectImpactResult impact,
            Actor actor,
            UUID requestId,
            String hash) {
        jdbc.update(
                "insert into credit_development (id, name, county_code, division_code, developer_party, footprint,"
                        + " change, delta_fen, obligation_id, policy_version, price_set_id, provenance, created_by,"
                        + " created_at, request_id, request_hash) values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?,"
                        + " ?, ?, cast(? as jsonb), ?, ?, ?, ?)",
                id,
                in.name(),
                in.countyCode(),
                division,
                developerId,
                in.footprint().toString(),
                in.change().toString(),
                deltaFen.setScale(0, RoundingMode.FLOOR).longValueExact(),
                obligationId,
                policy,
                impact.params(),
                CommandCodec.encode(impact.provenance()),
                actor.username(),
                OffsetDateTime.now(clock),
                requestId,
                hash);
    }

    /** Every problem of the input at once (400 {@code credits.development.invalid}); answers the change. */
    private static LandCoverChange validate(DevelopmentInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.name() == null || in.name().isBlank()) {
            problems.add(new FieldProblem("name", "credits.name-required", null, null));
        }
        if (in.countyCode() == null || !PartyService.COUNTIES.contains(in.countyCode())) {
            problems.add(new FieldProblem("countyCode", "credits.bad-county", null, null));
        } else if (in.villageCode() != null && !in.villageCode().matches(in.countyCode() + "\\d{6}")) {
            problems.add(new FieldProblem("villageCode", "credits.bad-village", null, null));
        }
        if (Footprints.read(in.footprint()) == null) {
            problems.add(new FieldProblem("footprint", "credits.bad-footprint", null, null));
        }
        LandCoverChange change = Footprints.change(in.change());
        if (change == null) {
            problems.add(new FieldProblem("change", "credits.bad-change", null, null));
        }
        Amounts.check(problems, "credits.development.invalid");
        return change;
    }

    /** The development row for an obligation (to check scope and find the obligor). */
    Map<String, Object> byObligation(Actor actor, String obligationId) {
        List<Map<String, Object>> rows =
                jdbc.queryForList("select * from credit_development where obligation_id = ?", obligationId);
        if (rows.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "credits.not-found");
        }
        CreditsAccess.requireReadable(actor, (String) rows.get(0).get("division_code"));
        return rows.get(0);
    }

    Map<String, Object> get(Actor actor, String id) {
        List<String> division =
                jdbc.queryForList("select division_code from credit_development where id = ?", String.class, id);
        if (division.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "credits.not-found");
        }
        CreditsAccess.requireReadable(actor, division.get(0));
        return host.read(r -> view(r, id));
    }

    Page<Map<String, Object>> list(Actor actor, String county, PageRequest page) {
        CreditsAccess.requireSignedIn(actor);
        String prefix = county != null && actor.scope().covers(county)
                ? county
                : actor.scope().divisionCode();
        List<String> ids = jdbc.queryForList(
                "select id from credit_development where division_code like ? and division_code like ?"
                        + " order by created_at desc, id limit ? offset ?",
                String.class,
                actor.scope().likePattern(),
                prefix + "%",
                page.size(),
                page.offset());
        Long total = jdbc.queryForObject(
                "select count(*) from credit_development where division_code like ? and division_code like ?",
                Long.class,
                actor.scope().likePattern(),
                prefix + "%");
        return page.toPage(host.read(r -> ids.stream().map(id -> view(r, id)).toList()), total);
    }

    Map<String, Object> view(CreditRegistry r, String id) {
        Map<String, Object> row = jdbc.queryForMap("select * from credit_development where id = ?", id);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("name", row.get("name"));
        v.put("countyCode", row.get("county_code"));
        String division = (String) row.get("division_code");
        v.put("villageCode", division.length() == 12 ? division : null);
        v.put("developerPartyId", row.get("developer_party"));
        v.put("deltaYuan", Amounts.yuan((Long) row.get("delta_fen")));
        String obligationId = (String) row.get("obligation_id");
        Map<String, Object> obligation = obligationId == null ? null : obligation(r, obligationId, row);
        v.put("obligation", obligation);
        v.put("gate", obligation == null ? "passed" : obligation.get("gate"));
        return v;
    }

    /** The obligation with its eco gate: passed, covered-by-pool-liability or blocked. */
    static Map<String, Object> obligation(CreditRegistry r, String obligationId, Map<String, Object> row) {
        Obligation o = r.obligation(obligationId)
                .orElseThrow(() -> new IllegalStateException(
                        "obligation " + obligationId + " of development " + row.get("id") + " is not in the registry"));
        long covered = r.liabilities().stream()
                .filter(l -> l.obligationId().equals(obligationId))
                .mapToLong(PoolLiability::outstandingUnits)
                .sum();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", o.id());
        v.put("amount", Amounts.credits(o.amountUnits()));
        v.put("retired", Amounts.credits(o.retiredUnits()));
        v.put("coveredByPool", Amounts.credits(covered));
        v.put("outstanding", Amounts.credits(o.outstanding()));
        v.put("lossYuan", Amounts.yuan(o.lossFen()));
        v.put("policyVersion", o.policyVersion());
        v.put("priceSetId", o.priceSetId());
        v.put("provenance", Json.read(row.get("provenance").toString()));
        v.put("gate", gate(o, covered));
        return v;
    }

    /** 生态通: passed only by retired credits; an open pool liability covering the rest is shown apart. */
    static String gate(Obligation o, long coveredByPool) {
        if (o.acquitted()) {
            return "passed";
        }
        return o.retiredUnits() + coveredByPool >= o.amountUnits() ? "covered-by-pool-liability" : "blocked";
    }
}
