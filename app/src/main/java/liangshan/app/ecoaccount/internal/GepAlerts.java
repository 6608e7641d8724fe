package liangshan.app.ecoaccount.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import liangshan.app.audit.AuditTrail;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Actor;
import liangshan.app.web.ApiException;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import liangshan.app.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Early-warning alerts: listing within the actor's scope, and the transitions open → acknowledged →
 * resolved (open → resolved directly too). Any other transition is 409 {@code
 * gep.alert.bad-transition}; an alert outside the scope is 404 as if it did not exist. Every
 * transition is audited.
 */
@Service
public class GepAlerts {

    private static final Set<String> STATUSES = Set.of("open", "acknowledged", "resolved");
    private static final int MAX_NOTE = 2000;

    private final GepAlertStore store;
    private final Divisions divisions;
    private final AuditTrail audit;
    private final Clock clock;
    private final Problems problems;

    GepAlerts(GepAlertStore store, Divisions divisions, AuditTrail audit, Clock clock, Problems problems) {
        this.store = store;
        this.divisions = divisions;
        this.audit = audit;
        this.clock = clock;
        this.problems = problems;
    }

    @Transactional(readOnly = true)
    public Page<GepAlert> list(Actor actor, String status, String county, Integer year, PageRequest page) {
        GepWarningAccess.requireReader(actor);
        if (status != null && !STATUSES.contains(status)) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "request.invalid",
                    List.of(problems.field("status", "gep.alert.status-invalid", status)));
        }
        if (county != null
                && !actor.scope().covers(county)
                && !actor.scope().divisionCode().startsWith(county)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "gep.division.not-found", county);
        }
        GepAlertStore.Filter filter = new GepAlertStore.Filter(actor.scope().divisionCode(), status, county, year);
        List<GepAlert> items = store.page(filter, page.size(), page.offset()).stream()
                .map(this::named)
                .toList();
        return page.toPage(items, store.count(filter));
    }

    @Transactional(readOnly = true)
    public GepAlert get(Actor actor, long id) {
        return named(visible(actor, id, false));
    }

    /** open → acknowledged, with an optional note. */
    @Transactional
    public GepAlert acknowledge(Actor actor, long id, String note) {
        GepAlert before = visible(actor, id, true);
        GepWarningAccess.requireWriter(actor, before.countyCode());
        checkNote(note, false);
        if (!before.status().equals("open")) {
            throw new ApiException(HttpStatus.CONFLICT, "gep.alert.bad-transition", before.status(), "acknowledged");
        }
        store.acknowledge(id, actor.username(), clock.instant(), blankToNull(note));
        return audited("ecoaccount.gep.alert.acknowledged", before);
    }

    /** open or acknowledged → resolved; the note (what was done or found) is required. */
    @Transactional
    public GepAlert resolve(Actor actor, long id, String note) {
        GepAlert before = visible(actor, id, true);
        GepWarningAccess.requireWriter(actor, before.countyCode());
        checkNote(note, true);
        if (before.status().equals("resolved")) {
            throw new ApiException(HttpStatus.CONFLICT, "gep.alert.bad-transition", before.status(), "resolved");
        }
        store.resolve(id, actor.username(), clock.instant(), note.trim());
        return audited("ecoaccount.gep.alert.resolved", before);
    }

    private GepAlert audited(String action, GepAlert before) {
        GepAlert after = named(store.find(before.id(), false).orElseThrow());
        audit.record(action, "gep-alert", String.valueOf(before.id()), before.villageCode(), before, after);
        return after;
    }

    private void checkNote(String note, boolean required) {
        boolean missing = note == null || note.isBlank();
        if ((required && missing) || (note != null && note.length() > MAX_NOTE)) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "request.invalid",
                    List.of(problems.field("note", missing ? "gep.alert.note-required" : "gep.alert.note-too-long")));
        }
    }

    private GepAlert visible(Actor actor, long id, boolean lock) {
        GepWarningAccess.requireReader(actor);
        GepAlert alert = store.find(id, lock)
                .filter(a -> actor.scope().covers(a.villageCode()))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "gep.alert.not-found", id));
        return alert;
    }

    private GepAlert named(GepAlert alert) {
        return alert.withVillageName(
                divisions.find(alert.villageCode()).map(Division::name).orElse(null));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
