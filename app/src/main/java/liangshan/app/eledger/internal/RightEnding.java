package liangshan.app.eledger.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liangshan.app.audit.AuditTrail;
import liangshan.app.eledger.internal.RightFlagStore.Flag;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.eledger.internal.RightStore.Source;
import liangshan.app.identity.Actor;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a right early — revoked (撤销), terminated by agreement or court (解除/提前终止) or surrendered
 * (自愿交回) — and flags every derived right and restriction that outlives it (rights-and-money.md,
 * registry rule 6: "revoking a parent flags its children"). The plain change of a right
 * ({@link RightService#amend}) still refuses to shorten a parent below a child, so a child is never
 * orphaned by accident; this is the deliberate act, with its own document. The derived rights are not
 * cut automatically: the law may protect a good-faith operator, so the village decides (ends the child,
 * which resolves its flag, or resolves the flag with a note). Open flags block the package title check
 * and new transfers of the flagged right.
 */
@Service
class RightEnding {

    static final Set<String> REASONS = Set.of("revoked", "terminated", "surrendered");

    private final RightStore store;
    private final RightFlagStore flags;
    private final RightService rights;
    private final EledgerAccess access;
    private final AuditTrail audit;

    RightEnding(RightStore store, RightFlagStore flags, RightService rights, EledgerAccess access, AuditTrail audit) {
        this.store = store;
        this.flags = flags;
        this.rights = rights;
        this.access = access;
        this.audit = audit;
    }

    /**
     * Ending a right on {@code endOn} (exclusive: the last day held is the day before).
     *
     * @param source the document that ends it (decision, agreement, judgement)
     */
    record EndInput(LocalDate endOn, String reason, Source source, String note) {}

    /** The rows written for the ended right and the flags raised on rights derived from it. */
    record Ended(List<Row> rows, List<Flag> flags) {}

    @Transactional
    Ended end(Actor actor, String rightId, EndInput in) {
        List<Row> current = store.currentForUpdate(rightId);
        if (current.isEmpty() || !actor.canRead(current.get(0).villageCode())) {
            throw new ApiException(HttpStatus.NOT_FOUND, "eledger.right.not-found", rightId);
        }
        access.writableVillage(actor, current.get(0).villageCode());
        return endLocked(actor, current, in);
    }

    /** The ending on rows already locked by the caller's transaction. */
    Ended endLocked(Actor actor, List<Row> current, EndInput in) {
        Row first = current.get(0);
        LocalDate end = current.get(current.size() - 1).validTo();
        List<FieldProblem> problems = new ArrayList<>();
        if (in.reason() == null || !REASONS.contains(in.reason())) {
            problems.add(RightRules.p("reason", "eledger.right.bad-end-reason"));
        }
        if (in.endOn() == null) {
            problems.add(RightRules.p("endOn", "eledger.right.end-required"));
        }
        Source s = in.source();
        if (s == null || blank(s.kind()) || blank(s.number()) || blank(s.issuer()) || s.issuedOn() == null) {
            problems.add(RightRules.p("source", "eledger.right.source-missing"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.right.invalid", problems);
        }
        LocalDate endOn = in.endOn();
        if (!endOn.isAfter(first.validFrom()) || end != null && !endOn.isBefore(end)) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "eledger.right.end-outside-term",
                    endOn,
                    first.validFrom(),
                    end == null ? "-" : end);
        }
        Instant now = rights.now();
        String note = endNote(in);
        List<Row> written = new ArrayList<>();
        for (Row r : current) {
            if (r.validTo() == null || r.validTo().isAfter(endOn)) {
                store.supersede(r.rowId(), now);
                if (r.validFrom().isBefore(endOn)) {
                    Row cut = r.withPeriod(r.validFrom(), endOn, now)
                            .withState(r.holders(), r.source(), note, actor.username());
                    written.add(new Row(
                            store.insert(cut),
                            cut.rightId(),
                            cut.resourceId(),
                            cut.villageCode(),
                            cut.category(),
                            cut.kind(),
                            cut.parentRightId(),
                            cut.rank(),
                            cut.validFrom(),
                            cut.validTo(),
                            cut.recordedAt(),
                            null,
                            cut.holders(),
                            cut.source(),
                            cut.note(),
                            cut.recordedBy()));
                }
            }
        }
        List<Flag> raised = flagDescendants(actor, first, endOn, in.reason(), now);
        rights.resolveSatisfiedFlags(actor, first.rightId(), endOn, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("endOn", endOn);
        after.put("reason", in.reason());
        after.put("source", s);
        after.put("rows", written);
        after.put("flagged", raised.stream().map(Flag::rightId).toList());
        audit.record("eledger.right.ended", "eledger_right", first.rightId(), first.villageCode(), current, after);
        return new Ended(written, raised);
    }

    /** Flags every current descendant (children, their children, …) whose term reaches past {@code endOn}. */
    private List<Flag> flagDescendants(Actor actor, Row ended, LocalDate endOn, String reason, Instant now) {
        List<Flag> raised = new ArrayList<>();
        Deque<String> parents = new ArrayDeque<>(List.of(ended.rightId()));
        Set<String> seen = new java.util.HashSet<>();
        while (!parents.isEmpty()) {
            for (Row child : store.currentChildren(parents.pop())) {
                if (!child.endsAfter(endOn) || !seen.add(child.rightId())) {
                    continue;
                }
                parents.push(child.rightId());
                Flag f = new Flag(
                        0,
                        child.rightId(),
                        child.resourceId(),
                        child.villageCode(),
                        child.kind(),
                        ended.rightId(),
                        endOn,
                        RightFlagStore.PARENT_ENDED,
                        reason,
                        actor.username(),
                        now,
                        null,
                        null,
                        null);
                long id = flags.insert(f);
                Flag stored = flags.find(id, false).orElseThrow();
                raised.add(stored);
                audit.record(
                        "eledger.right.flagged",
                        "eledger_right_flag",
                        String.valueOf(id),
                        child.villageCode(),
                        null,
                        stored);
            }
        }
        return raised;
    }

    /** A writer resolves an open flag with a note (e.g. the operator keeps the land under a new contract). */
    @Transactional
    Flag resolve(Actor actor, long id, String note) {
        Flag f = flags.find(id, true)
                .filter(x -> actor.canRead(x.villageCode()) && !EledgerAccess.household(actor))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "eledger.flag.not-found", id));
        access.writableVillage(actor, f.villageCode());
        if (note == null || note.isBlank()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "eledger.right.invalid",
                    List.of(RightRules.p("note", "eledger.flag.note-required")));
        }
        if (!flags.resolve(id, actor.username(), rights.now(), note.strip())) {
            throw new ApiException(HttpStatus.CONFLICT, "eledger.flag.resolved", id);
        }
        Flag after = flags.find(id, false).orElseThrow();
        audit.record(
                "eledger.right.flag-resolved", "eledger_right_flag", String.valueOf(id), f.villageCode(), f, after);
        return after;
    }

    private static String endNote(EndInput in) {
        String word =
                switch (in.reason()) {
                    case "revoked" -> "撤销";
                    case "surrendered" -> "自愿交回";
                    default -> "提前终止";
                };
        String text = word + "：" + in.source().kind() + " " + in.source().number();
        return in.note() == null || in.note().isBlank()
                ? text
                : text + "；" + in.note().strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
