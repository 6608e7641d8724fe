package liangshan.app.eledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import liangshan.app.audit.AuditTrail;
import liangshan.app.eledger.internal.RightStore.Holder;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.eledger.internal.RightStore.Source;
import liangshan.app.identity.Actor;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.kernel.id.Ulid;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers rights and restrictions and changes them bitemporally. A change "from date D" never
 * overwrites: the rows it replaces get their record period closed, the part before D is recorded
 * again unchanged and the new state is recorded from D. A correction is the same operation with D in
 * the past, so "who held the right on D as recorded on R" stays answerable for every R.
 */
@Service
class RightService {

    private final RightStore store;
    private final ResourceService resources;
    private final PartyService parties;
    private final EledgerAccess access;
    private final FileService files;
    private final RightFlagStore flags;
    private final AuditTrail audit;
    private final Clock clock;
    private final Random random = new Random();

    RightService(
            RightStore store,
            ResourceService resources,
            PartyService parties,
            EledgerAccess access,
            FileService files,
            RightFlagStore flags,
            AuditTrail audit,
            Clock clock) {
        this.files = files;
        this.flags = flags;
        this.store = store;
        this.resources = resources;
        this.parties = parties;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new right or restriction on a resource. */
    record RightInput(
            String kind,
            String parentRightId,
            Integer rank,
            LocalDate validFrom,
            LocalDate validTo,
            List<Holder> holders,
            Source source,
            String note) {}

    /** A new state of a right from {@code effectiveFrom}; {@code validTo} null keeps the current end. */
    record AmendInput(LocalDate effectiveFrom, LocalDate validTo, List<Holder> holders, Source source, String note) {}

    @Transactional
    Row create(Actor actor, String resourceId, RightInput in) {
        ResourceStore.Row resource = resources.readable(actor, resourceId);
        access.writableVillage(actor, resource.villageCode());
        return register(actor, resource, in);
    }

    /** Registers without an actor check (the caller checked it: transfers, imports, demo data). */
    Row register(Actor actor, ResourceStore.Row resource, RightInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!RightRules.isKind(in.kind())) {
            problems.add(RightRules.p("kind", "eledger.right.bad-kind"));
        }
        if (in.validFrom() == null) {
            problems.add(RightRules.p("validFrom", "eledger.right.valid-from-required"));
        } else if (in.validTo() != null && !in.validTo().isAfter(in.validFrom())) {
            problems.add(RightRules.p("validTo", "eledger.right.bad-period"));
        }
        boolean secured = "pledge".equals(in.kind()) || "mortgage".equals(in.kind());
        if (secured && (in.rank() == null || in.rank() < 1)) {
            problems.add(RightRules.p("rank", "eledger.right.rank-required"));
        }
        Set<String> parent = RightRules.PARENT_KINDS.getOrDefault(in.kind(), Set.of());
        if (!parent.isEmpty() && !"operating".equals(in.kind()) && in.parentRightId() == null) {
            problems.add(RightRules.p("parentRightId", "eledger.right.parent-required"));
        }
        problems.addAll(RightRules.checkState(in.holders(), in.source(), knownParties(actor, in.holders())));
        Source source = withScan(resource.villageCode(), in.source(), problems);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.right.invalid", problems);
        }
        if (in.parentRightId() != null) {
            checkParent(resource.id(), in.kind(), in.parentRightId(), in.validFrom(), in.validTo());
        }
        Instant now = now();
        Row row = new Row(
                0,
                Ulid.next(clock, random).value(),
                resource.id(),
                resource.villageCode(),
                RightRules.category(in.kind()),
                in.kind(),
                in.parentRightId(),
                secured ? in.rank() : null,
                in.validFrom(),
                in.validTo(),
                now,
                null,
                List.copyOf(in.holders()),
                source,
                in.note() == null ? "" : in.note(),
                actor.username());
        insertGuarded(row);
        audit.record("eledger.right.registered", "eledger_right", row.rightId(), row.villageCode(), null, row);
        return row;
    }

    @Transactional
    List<Row> amend(Actor actor, String rightId, AmendInput in) {
        List<Row> current = store.currentForUpdate(rightId);
        if (current.isEmpty() || !actor.canRead(current.get(0).villageCode())) {
            throw new ApiException(HttpStatus.NOT_FOUND, "eledger.right.not-found", rightId);
        }
        access.writableVillage(actor, current.get(0).villageCode());
        return amendLocked(actor, current, in);
    }

    /** The amendment on rows already locked by the caller's transaction. */
    List<Row> amendLocked(Actor actor, List<Row> current, AmendInput in) {
        Row first = current.get(0);
        Row last = current.get(current.size() - 1);
        LocalDate start = first.validFrom();
        LocalDate end = last.validTo();
        LocalDate from = in.effectiveFrom();
        if (from == null || from.isBefore(start) || end != null && !from.isBefore(end)) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "eledger.right.effective-outside-term",
                    from == null ? "-" : from,
                    start,
                    end == null ? "-" : end);
        }
        LocalDate newEnd = in.validTo() != null ? in.validTo() : end;
        if (newEnd != null && !newEnd.isAfter(from)) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "eledger.right.invalid",
                    List.of(RightRules.p("validTo", "eledger.right.bad-period")));
        }
        Row stateAtFrom = current.stream()
                .filter(r -> !r.validFrom().isAfter(from))
                .reduce((a, b) -> b)
                .orElse(first);
        List<Holder> holders = in.holders() != null ? in.holders() : stateAtFrom.holders();
        List<FieldProblem> problems =
                new ArrayList<>(RightRules.checkState(holders, in.source(), knownParties(actor, holders)));
        Source source = withScan(first.villageCode(), in.source(), problems);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.right.invalid", problems);
        }
        if (first.parentRightId() != null) {
            checkParent(first.resourceId(), first.kind(), first.parentRightId(), start, newEnd);
        }
        // Shortening below a derived right is refused here; ending a right early on purpose (and flagging
        // its children) is RightEnding's job, with its own document.
        for (Row child : store.currentChildren(first.rightId())) {
            if (child.endsAfter(newEnd)) {
                throw new ApiException(HttpStatus.CONFLICT, "eledger.right.children-outlive", child.rightId(), newEnd);
            }
        }
        Instant now = now();
        List<Row> written = new ArrayList<>();
        for (Row r : current) {
            if (r.validTo() == null || r.validTo().isAfter(from)) {
                store.supersede(r.rowId(), now);
                if (r.validFrom().isBefore(from)) {
                    written.add(insertGuarded(r.withPeriod(r.validFrom(), from, now)));
                }
            }
        }
        Row next = first.withPeriod(from, newEnd, now)
                .withState(List.copyOf(holders), source, in.note() == null ? "" : in.note(), actor.username());
        written.add(insertGuarded(next));
        audit.record("eledger.right.amended", "eledger_right", first.rightId(), first.villageCode(), current, written);
        resolveSatisfiedFlags(actor, first.rightId(), newEnd, now);
        return written;
    }

    /**
     * Resolves the open flags of {@code rightId} (see {@link RightEnding}) that its new end
     * {@code newEnd} satisfies: it now ends no later than the ancestor that was ended early.
     */
    void resolveSatisfiedFlags(Actor actor, String rightId, LocalDate newEnd, Instant now) {
        if (newEnd == null) {
            return;
        }
        for (RightFlagStore.Flag f : flags.openOfRight(rightId)) {
            if (!newEnd.isAfter(f.parentEndedOn()) && flags.resolve(f.id(), actor.username(), now, "ended")) {
                audit.record(
                        "eledger.right.flag-resolved",
                        "eledger_right_flag",
                        String.valueOf(f.id()),
                        f.villageCode(),
                        f,
                        "ended");
            }
        }
    }

    /**
     * A source whose {@code scanFileId} names an uploaded document of the village gets that file's
     * SHA-256 (a different stated checksum is a problem); an unknown file id is a problem.
     */
    private Source withScan(String village, Source source, List<FieldProblem> problems) {
        if (source == null || source.scanFileId() == null) {
            return source;
        }
        FileService.FileView file =
                files.inVillage(source.scanFileId(), village).orElse(null);
        if (file == null) {
            problems.add(RightRules.p("source.scanFileId", "eledger.right.unknown-scan"));
            return source;
        }
        if (source.scanSha256() != null && !source.scanSha256().equals(file.sha256())) {
            problems.add(RightRules.p("source.scanSha256", "eledger.right.bad-checksum"));
            return source;
        }
        return new Source(source.kind(), source.number(), source.issuer(), source.issuedOn(), file.sha256(), file.id());
    }

    private void checkParent(String resourceId, String kind, String parentId, LocalDate from, LocalDate to) {
        List<Row> parentRows = store.current(parentId);
        if (parentRows.isEmpty() || !parentRows.get(0).resourceId().equals(resourceId)) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "eledger.right.invalid",
                    List.of(RightRules.p("parentRightId", "eledger.right.parent-not-found")));
        }
        if (!RightRules.PARENT_KINDS
                .getOrDefault(kind, Set.of())
                .contains(parentRows.get(0).kind())) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "eledger.right.invalid",
                    List.of(RightRules.p("parentRightId", "eledger.right.parent-wrong-kind")));
        }
        RightRules.checkInsideParent(
                from,
                to,
                parentRows.get(0).validFrom(),
                parentRows.get(parentRows.size() - 1).validTo());
    }

    /** Inserts a row; an overlap caught by the database's exclusion constraints is a 409 rejection. */
    private Row insertGuarded(Row row) {
        try {
            long id = store.insert(row);
            return new Row(
                    id,
                    row.rightId(),
                    row.resourceId(),
                    row.villageCode(),
                    row.category(),
                    row.kind(),
                    row.parentRightId(),
                    row.rank(),
                    row.validFrom(),
                    row.validTo(),
                    row.recordedAt(),
                    null,
                    row.holders(),
                    row.source(),
                    row.note(),
                    row.recordedBy());
        } catch (DataIntegrityViolationException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("eledger_right_no_overlap")) {
                if ("ownership".equals(row.kind())) {
                    throw new ApiException(
                            HttpStatus.CONFLICT, "eledger.right.primary-exists", row.kind(), row.validFrom());
                }
                throw new ApiException(HttpStatus.CONFLICT, "eledger.right.overlap", row.kind(), row.validFrom());
            }
            if (message.contains("eledger_restriction_rank_unique")) {
                throw new ApiException(HttpStatus.CONFLICT, "eledger.restriction.rank-taken", row.rank());
            }
            throw e;
        }
    }

    /** The holder ids that are parties the actor may read. */
    private Set<String> knownParties(Actor actor, List<Holder> holders) {
        if (holders == null) {
            return Set.of();
        }
        Set<String> ids = holders.stream()
                .filter(h -> h != null && h.partyId() != null)
                .map(Holder::partyId)
                .collect(Collectors.toSet());
        Map<String, PartyService.PartyView> found = parties.find(ids);
        Set<String> known = new HashSet<>();
        found.values().stream().filter(p -> actor.canRead(p.villageCode())).forEach(p -> known.add(p.id()));
        return known;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
