package liangshan.app.ecoaccount.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import liangshan.app.audit.AuditTrail;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;
import liangshan.app.web.ApiException;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import liangshan.app.web.Problems;
import liangshan.gep.params.ParameterSets;
import liangshan.kernel.id.Ulid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starting, cancelling and reading GEP runs. Writes need a city administrator (any scope) or a
 * county officer (own county); the scope of a run is a county or the city and defaults to the
 * actor's. A run outside the actor's scope answers 404, as if it did not exist. Every start and
 * cancel is audited in its transaction; the end of a run is audited by {@link GepRunJobs}.
 */
@Service
class GepRunService {

    /** What to run ({@code POST /api/v1/gep/runs}). */
    record StartRun(String inputs, Integer year, String params, String scope) {}

    private static final List<String> STATUSES =
            List.of("queued", "running", "cancelling", "succeeded", "failed", "cancelled");

    private final GepRunStore runs;
    private final GepRunJobs jobs;
    private final GepInputSets inputSets;
    private final Divisions divisions;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Problems problemMessages;
    private final SecureRandom random = new SecureRandom();

    GepRunService(
            GepRunStore runs,
            GepRunJobs jobs,
            GepInputSets inputSets,
            Divisions divisions,
            AuditTrail audit,
            TransactionTemplate tx,
            Clock clock,
            Problems problemMessages) {
        this.runs = runs;
        this.jobs = jobs;
        this.inputSets = inputSets;
        this.divisions = divisions;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.problemMessages = problemMessages;
    }

    /** Queues a run; it starts when the runs before it have finished. */
    GepRunView start(Actor actor, StartRun request) {
        requireWriter(actor);
        String scope = request.scope() == null || request.scope().isBlank()
                ? actor.scope().divisionCode()
                : request.scope();
        if (!actor.canRead(scope) || divisions.find(scope).isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "gep.division.not-found", scope);
        }
        boolean illustrative = validate(request, scope);
        GepRunView run = new GepRunView(
                Ulid.next(clock, random).value(),
                "queued",
                request.year(),
                request.params(),
                request.inputs(),
                scope,
                null,
                0,
                0,
                "0.0",
                actor.username(),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                null,
                null,
                null,
                List.of(),
                null);
        boolean flagged = illustrative;
        tx.executeWithoutResult(s -> {
            runs.insert(run, flagged);
            audit.record(
                    "gep.run.started",
                    "gep_run",
                    run.id(),
                    scope,
                    null,
                    Map.of("year", run.year(), "params", run.params(), "inputs", run.inputs(), "scope", scope));
        });
        jobs.submit(run.id());
        return runs.find(run.id()).orElseThrow();
    }

    /** Every problem of the request at once (400 {@code gep.run.invalid}); returns whether the inputs are illustrative. */
    private boolean validate(StartRun request, String scope) {
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        if (scope.length() != 4 && scope.length() != 6) {
            problems.add(field("scope", "gep.run.scope-level"));
        }
        if (request.year() == null || request.year() < 1990 || request.year() > 2100) {
            problems.add(field("year", "gep.run.bad-year"));
        }
        boolean illustrative = false;
        if (request.inputs() == null) {
            problems.add(field("inputs", "gep.run.inputs-required"));
        } else {
            try {
                illustrative = inputSets.get(request.inputs()).illustrative();
            } catch (ApiException e) {
                problems.add(field("inputs", "gep.inputs.not-found", request.inputs()));
            }
        }
        try {
            ParameterSets.get(String.valueOf(request.params()));
        } catch (NoSuchElementException e) {
            problems.add(field(
                    "params",
                    "gep.run.unknown-params",
                    request.params(),
                    String.join(
                            ", ",
                            ParameterSets.list().stream()
                                    .map(ParameterSets.Info::id)
                                    .toList())));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "gep.run.invalid", problems);
        }
        return illustrative;
    }

    /** Cancels a queued run at once, a running one at its next check; 409 when it has finished. */
    GepRunView cancel(Actor actor, String id) {
        requireWriter(actor);
        GepRunView run = visible(actor, id);
        if (!actor.scope().covers(run.scope())) {
            throw new ApiException(HttpStatus.NOT_FOUND, "gep.run.not-found", id);
        }
        String status = tx.execute(s -> {
            Optional<String> now = runs.requestCancel(id, clock.instant());
            now.ifPresent(n -> audit.record(
                    "gep.run.cancel-requested",
                    "gep_run",
                    id,
                    run.scope(),
                    Map.of("status", run.status()),
                    Map.of("status", n)));
            return now.orElse(null);
        });
        if (status == null) {
            throw new ApiException(HttpStatus.CONFLICT, "gep.run.not-cancellable", id);
        }
        jobs.cancel(id);
        return runs.find(id).orElseThrow();
    }

    GepRunView get(Actor actor, String id) {
        return visible(actor, id);
    }

    Page<GepRunView> list(Actor actor, String status, Integer year, Integer page, Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        if (status != null && !STATUSES.contains(status)) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST, "gep.run.invalid", List.of(field("status", "gep.run.bad-status")));
        }
        requireReader(actor);
        return runs.page(actor.scope(), status, year, paging);
    }

    /**
     * The run when the actor may see it: its scope lies inside the actor's, or covers it (a county
     * officer sees the city-wide runs that include the county).
     */
    private GepRunView visible(Actor actor, String id) {
        requireReader(actor);
        DataScope scope = actor.scope();
        return runs.find(id)
                .filter(r -> scope.covers(r.scope()) || scope.divisionCode().startsWith(r.scope()))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "gep.run.not-found", id));
    }

    private static void requireReader(Actor actor) {
        if (actor.isAnonymous()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "auth.required");
        }
    }

    private static void requireWriter(Actor actor) {
        if (!actor.has(Role.CITY_ADMIN) && !actor.has(Role.COUNTY_OFFICER)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "gep.run.forbidden");
        }
    }

    private ApiException.FieldProblem field(String field, String code, Object... args) {
        return problemMessages.field(field, code, args);
    }
}
