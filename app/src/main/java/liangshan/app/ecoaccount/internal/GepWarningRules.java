package liangshan.app.ecoaccount.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liangshan.app.audit.AuditTrail;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Actor;
import liangshan.app.web.ApiException;
import liangshan.app.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Early-warning rules (E2): list, create, change with optimistic locking, disable. Rules are never
 * deleted, so every alert keeps the rule that raised it. Every change is audited.
 */
@Service
public class GepWarningRules {

    /** The body of POST and PUT; {@code id} is ignored, {@code version} is required by PUT. */
    public record Request(
            Long id,
            String countyCode,
            String kind,
            String measure,
            BigDecimal thresholdPct,
            Integer percentile,
            String severity,
            Boolean enabled,
            Integer version,
            String nameZh,
            String nameEn) {}

    private final GepWarningRuleStore store;
    private final Divisions divisions;
    private final AuditTrail audit;
    private final Clock clock;
    private final Problems problems;

    GepWarningRules(GepWarningRuleStore store, Divisions divisions, AuditTrail audit, Clock clock, Problems problems) {
        this.store = store;
        this.divisions = divisions;
        this.audit = audit;
        this.clock = clock;
        this.problems = problems;
    }

    /** The rules that apply within the actor's scope (city-wide ones included), disabled ones too. */
    @Transactional(readOnly = true)
    public List<GepWarningRule> list(Actor actor) {
        GepWarningAccess.requireReader(actor);
        return store.visible(actor.scope().divisionCode(), false);
    }

    @Transactional
    public GepWarningRule create(Actor actor, Request request) {
        GepWarningAccess.requireWriter(actor, blankToNull(request.countyCode()));
        GepWarningRuleStore.Fields fields = validate(request, true);
        long id = store.insert(fields, actor.username(), clock.instant());
        GepWarningRule created = store.find(id, false).orElseThrow();
        audit.record(
                "ecoaccount.gep.rule.created",
                "gep-warning-rule",
                String.valueOf(id),
                division(created),
                null,
                created);
        return created;
    }

    /** Replaces the rule's fields when {@code request.version()} is current; 409 {@code gep.rule.stale} if not. */
    @Transactional
    public GepWarningRule update(Actor actor, long id, Request request) {
        GepWarningRule before = visible(actor, id, true);
        GepWarningAccess.requireWriter(actor, before.countyCode());
        if (request.version() == null) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "request.invalid",
                    List.of(problems.field("version", "gep.rule.version-required")));
        }
        GepWarningAccess.requireWriter(actor, blankToNull(request.countyCode()));
        GepWarningRuleStore.Fields fields = validate(request, before.enabled());
        if (!store.update(id, request.version(), fields, actor.username(), clock.instant())) {
            throw new ApiException(HttpStatus.CONFLICT, "gep.rule.stale", before.version());
        }
        GepWarningRule after = store.find(id, false).orElseThrow();
        audit.record(
                "ecoaccount.gep.rule.updated", "gep-warning-rule", String.valueOf(id), division(after), before, after);
        return after;
    }

    /** Disables the rule (rules are never deleted); disabling a disabled rule changes nothing. */
    @Transactional
    public GepWarningRule disable(Actor actor, long id) {
        GepWarningRule before = visible(actor, id, true);
        GepWarningAccess.requireWriter(actor, before.countyCode());
        if (!before.enabled()) {
            return before;
        }
        GepWarningRuleStore.Fields fields = new GepWarningRuleStore.Fields(
                before.countyCode(),
                before.kind(),
                before.measure(),
                before.threshold(),
                before.percentile(),
                before.severity(),
                false,
                before.nameZh(),
                before.nameEn());
        store.update(id, before.version(), fields, actor.username(), clock.instant());
        GepWarningRule after = store.find(id, false).orElseThrow();
        audit.record(
                "ecoaccount.gep.rule.disabled", "gep-warning-rule", String.valueOf(id), division(after), before, after);
        return after;
    }

    private GepWarningRule visible(Actor actor, long id, boolean lock) {
        GepWarningAccess.requireReader(actor);
        GepWarningRule rule = store.find(id, lock)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "gep.rule.not-found", id));
        String scope = actor.scope().divisionCode();
        boolean overlaps =
                rule.countyCode() == null || rule.countyCode().startsWith(scope) || scope.startsWith(rule.countyCode());
        if (!overlaps) {
            throw new ApiException(HttpStatus.NOT_FOUND, "gep.rule.not-found", id);
        }
        return rule;
    }

    private static String division(GepWarningRule rule) {
        return rule.countyCode() == null ? "3308" : rule.countyCode();
    }

    /** Checks every field at once; 400 {@code request.invalid} listing each problem. */
    private GepWarningRuleStore.Fields validate(Request r, boolean defaultEnabled) {
        List<ApiException.FieldProblem> bad = new ArrayList<>();
        String county = blankToNull(r.countyCode());
        if (county != null && divisions.find(county).map(Division::level).orElse(null) != DivisionLevel.COUNTY) {
            bad.add(problems.field("countyCode", "gep.rule.county-invalid", county));
        }
        boolean yoy = GepWarningRule.YOY_DROP.equals(r.kind());
        boolean below = GepWarningRule.BELOW_PERCENTILE.equals(r.kind());
        if (!yoy && !below) {
            bad.add(problems.field("kind", "gep.rule.kind-invalid"));
        }
        if (!GepWarningMeasure.isValid(r.measure())) {
            bad.add(problems.field("measure", "gep.rule.measure-invalid"));
        }
        BigDecimal threshold = r.thresholdPct();
        if (yoy
                && (threshold == null
                        || threshold.signum() <= 0
                        || threshold.compareTo(BigDecimal.valueOf(100)) >= 0
                        || threshold.scale() > 1)) {
            bad.add(problems.field("thresholdPct", "gep.rule.threshold-invalid"));
        }
        if (below && (r.percentile() == null || r.percentile() < 1 || r.percentile() > 99)) {
            bad.add(problems.field("percentile", "gep.rule.percentile-invalid"));
        }
        if (r.severity() == null
                || !Map.of("info", 1, "warning", 2, "critical", 3).containsKey(r.severity())) {
            bad.add(problems.field("severity", "gep.rule.severity-invalid"));
        }
        checkName("nameZh", r.nameZh(), bad);
        checkName("nameEn", r.nameEn(), bad);
        if (!bad.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", bad);
        }
        return new GepWarningRuleStore.Fields(
                county,
                r.kind(),
                r.measure(),
                yoy ? threshold.setScale(1) : null,
                below ? r.percentile() : null,
                r.severity(),
                r.enabled() == null ? defaultEnabled : r.enabled(),
                r.nameZh().trim(),
                r.nameEn().trim());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private void checkName(String field, String name, List<ApiException.FieldProblem> bad) {
        if (name == null || name.isBlank() || name.length() > 200) {
            bad.add(problems.field(field, "gep.rule.name-invalid"));
        }
    }
}
