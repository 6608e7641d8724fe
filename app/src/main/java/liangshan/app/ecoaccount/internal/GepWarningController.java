package liangshan.app.ecoaccount.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import liangshan.app.identity.Actor;
import liangshan.app.identity.CurrentActor;
import liangshan.app.web.ApiException;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/gep/warning-rules}, {@code /api/v1/gep/warnings/evaluate} and {@code
 * /api/v1/gep/alerts}: early warning of regulating services (E2), docs/api/gep.md "Early warning".
 */
@RestController
@RequestMapping("/api/v1/gep")
@Tag(name = "gep-warnings", description = "GEP 预警 / GEP early warning")
class GepWarningController {

    /** The body of acknowledge and resolve. */
    record NoteRequest(String note) {}

    private final CurrentActor current;
    private final GepWarningRules rules;
    private final GepWarningEvaluator evaluator;
    private final GepAlerts alerts;

    GepWarningController(CurrentActor current, GepWarningRules rules, GepWarningEvaluator evaluator, GepAlerts alerts) {
        this.current = current;
        this.rules = rules;
        this.evaluator = evaluator;
        this.alerts = alerts;
    }

    @GetMapping("/warning-rules")
    @Operation(summary = "预警规则 / warning rules in scope")
    List<GepWarningRule> listRules() {
        return rules.list(current.get());
    }

    @PostMapping("/warning-rules")
    @Operation(summary = "新建预警规则 / create a warning rule")
    ResponseEntity<GepWarningRule> createRule(@RequestBody GepWarningRules.Request body) {
        GepWarningRule created = rules.create(current.get(), body);
        return ResponseEntity.created(URI.create("/api/v1/gep/warning-rules/" + created.id()))
                .body(created);
    }

    @PutMapping("/warning-rules/{id}")
    @Operation(summary = "修改预警规则（乐观锁 version） / change a rule (optimistic locking on version)")
    GepWarningRule updateRule(@PathVariable long id, @RequestBody GepWarningRules.Request body) {
        return rules.update(current.get(), id, body);
    }

    @DeleteMapping("/warning-rules/{id}")
    @Operation(summary = "停用预警规则（不删除） / disable a rule (never deleted)")
    GepWarningRule disableRule(@PathVariable long id) {
        return rules.disable(current.get(), id);
    }

    @PostMapping("/warnings/evaluate")
    @Operation(summary = "按年份重新评估预警 / evaluate the rules for one year")
    GepWarningEvaluator.Summary evaluate(@RequestParam int year) {
        Actor actor = current.get();
        String scope = actor.scope().divisionCode();
        GepWarningAccess.requireWriter(actor, scope.length() >= 6 ? scope.substring(0, 6) : null);
        if (year < 1990 || year > 2100) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "gep.year.invalid", year);
        }
        return evaluator.evaluate(year, scope);
    }

    @GetMapping("/alerts")
    @Operation(summary = "预警列表 / alerts in scope")
    Page<GepAlert> listAlerts(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return alerts.list(current.get(), status, county, year, PageRequest.of(page, size));
    }

    @GetMapping("/alerts/{id}")
    @Operation(summary = "预警详情 / one alert")
    GepAlert getAlert(@PathVariable long id) {
        return alerts.get(current.get(), id);
    }

    @PostMapping("/alerts/{id}/acknowledge")
    @Operation(summary = "确认预警 / acknowledge an alert")
    GepAlert acknowledge(@PathVariable long id, @RequestBody(required = false) NoteRequest body) {
        return alerts.acknowledge(current.get(), id, body == null ? null : body.note());
    }

    @PostMapping("/alerts/{id}/resolve")
    @Operation(summary = "处理完毕（须填写说明） / resolve an alert (note required)")
    GepAlert resolve(@PathVariable long id, @RequestBody(required = false) NoteRequest body) {
        return alerts.resolve(current.get(), id, body == null ? null : body.note());
    }
}
