package liangshan.app.audit.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import liangshan.app.audit.AuditActor;
import liangshan.app.audit.AuditActorSource;
import liangshan.app.audit.AuditVerification;
import liangshan.app.web.ApiException;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import liangshan.app.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/audit}: reading the log within the caller's data scope (city administrators,
 * auditors, county officers) and verifying the chain (city administrators, auditors).
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "审计日志 / audit log")
class AuditController {

    /** Dates without a time are days in Quzhou local time. */
    private static final ZoneId QUZHOU = ZoneId.of("Asia/Shanghai");

    private final AuditQuery query;
    private final AuditVerifier verifier;
    private final AuditActorSource actors;
    private final Problems problems;

    AuditController(AuditQuery query, AuditVerifier verifier, AuditActorSource actors, Problems problems) {
        this.query = query;
        this.verifier = verifier;
        this.actors = actors;
        this.problems = problems;
    }

    @GetMapping
    @Operation(summary = "审计记录（按数据范围） / audit records in the caller's scope, newest first")
    Page<AuditQuery.Entry> list(
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        AuditActor actor = actors.current();
        if (!actor.has("CITY_ADMIN") && !actor.has("AUDITOR") && !actor.has("COUNTY_OFFICER")) {
            throw new ApiException(HttpStatus.FORBIDDEN, "audit.forbidden");
        }
        List<ApiException.FieldProblem> bad = new ArrayList<>();
        Instant fromInstant = time(from, "from", bad);
        Instant toInstant = time(to, "to", bad);
        if (!bad.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", bad);
        }
        PageRequest paging = PageRequest.of(page, size);
        return query.find(
                new AuditQuery.Filter(actor.scopeCode(), entityType, entityId, action, fromInstant, toInstant), paging);
    }

    @GetMapping("/verify")
    @Operation(summary = "核验审计链 / verify the audit chain")
    AuditVerification verify() {
        AuditActor actor = actors.current();
        if (!actor.has("CITY_ADMIN") && !actor.has("AUDITOR")) {
            throw new ApiException(HttpStatus.FORBIDDEN, "auth.forbidden");
        }
        return verifier.verify();
    }

    private Instant time(String text, String field, List<ApiException.FieldProblem> bad) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(QUZHOU).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            bad.add(problems.field(field, "audit.bad-time"));
            return null;
        }
    }
}
