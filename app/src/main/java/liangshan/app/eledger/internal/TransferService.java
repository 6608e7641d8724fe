package liangshan.app.eledger.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import liangshan.app.audit.AuditTrail;
import liangshan.app.eledger.internal.RightStore.Holder;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.eledger.internal.TransferStore.Task;
import liangshan.app.eledger.internal.TransferStore.Transfer;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.kernel.id.Ulid;
import liangshan.kernel.money.Money;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers of operating rights (流转, V3): an application (entered online or recorded offline) with
 * its contract terms goes through the county's approval path (village → town and/or county); each
 * step is a task with a due date, decided by someone other than the applicant (maker-checker). The
 * last approval registers the new operating right in the same transaction as the decision. The
 * rules, with stable codes, are checked on application and again on the final approval:
 * {@code eledger.transfer.not-holder} (the transferor holds the underlying right for the whole term),
 * {@code eledger.transfer.outlives-right} (the term ends no later than the underlying right) and
 * {@code eledger.transfer.overlap} (no two operating rights of one hop overlap on the parcel; the
 * database's exclusion constraint decides between concurrent approvals).
 */
@Service
class TransferService {

    /** Days a step's task has before it is due. */
    static final int TASK_DAYS = 7;

    private final TransferStore store;
    private final RightStore rights;
    private final RightService rightService;
    private final RightFlagStore flags;
    private final ResourceService resources;
    private final PartyService parties;
    private final EledgerAccess access;
    private final AuditTrail audit;
    private final Clock clock;
    private final Random random = new Random();

    TransferService(
            TransferStore store,
            RightStore rights,
            RightService rightService,
            RightFlagStore flags,
            ResourceService resources,
            PartyService parties,
            EledgerAccess access,
            AuditTrail audit,
            Clock clock) {
        this.flags = flags;
        this.parties = parties;
        this.store = store;
        this.rights = rights;
        this.rightService = rightService;
        this.resources = resources;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** An application; money as a decimal string of 元, escalation in percent with up to 2 decimals. */
    record TransferInput(
            String resourceId,
            String parentRightId,
            String transferorPartyId,
            String transfereePartyId,
            LocalDate termFrom,
            LocalDate termTo,
            String annualRentYuan,
            String escalationPct,
            Integer escalationEveryYears,
            String paymentDay,
            String channel,
            String contractNumber,
            String note,
            RightStore.Source pledgeeConsent) {

        /** An application without a pledgee's consent (the right carries no pledge). */
        TransferInput(
                String resourceId,
                String parentRightId,
                String transferorPartyId,
                String transfereePartyId,
                LocalDate termFrom,
                LocalDate termTo,
                String annualRentYuan,
                String escalationPct,
                Integer escalationEveryYears,
                String paymentDay,
                String channel,
                String contractNumber,
                String note) {
            this(
                    resourceId,
                    parentRightId,
                    transferorPartyId,
                    transfereePartyId,
                    termFrom,
                    termTo,
                    annualRentYuan,
                    escalationPct,
                    escalationEveryYears,
                    paymentDay,
                    channel,
                    contractNumber,
                    note,
                    null);
        }
    }

    @Transactional
    Transfer submit(Actor actor, String village, TransferInput in) {
        boolean household = EledgerAccess.household(actor);
        if (household) {
            checkHouseholdApplication(actor, village, in);
        } else {
            access.transferVillage(actor, village);
        }
        List<FieldProblem> problems = new ArrayList<>();
        Money rent = parseRent(in.annualRentYuan(), problems);
        int escalationBp = parseEscalation(in.escalationPct(), problems);
        validate(in, problems);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.transfer.invalid", problems);
        }
        // a household may not read resources; its scope (its village) was checked above
        ResourceStore.Row resource = resources.readable(household ? Actor.SYSTEM : actor, in.resourceId());
        if (!resource.villageCode().equals(village)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "eledger.resource.not-found", in.resourceId());
        }
        checkRules(
                in.resourceId(),
                in.parentRightId(),
                in.transferorPartyId(),
                in.termFrom(),
                in.termTo(),
                in.pledgeeConsent());
        List<String> steps = new ArrayList<>(store.path(village.substring(0, 6)));
        if (household && !steps.get(0).equals("village")) {
            // an online application by a household is first checked and recorded by the village
            steps.add(0, "village");
        }
        Instant now = rightService.now();
        Transfer t = pending(actor, village, in, rent, escalationBp, steps, 0, now);
        store.insert(t);
        store.setConsent(t.id(), in.pledgeeConsent());
        openTask(t, 0);
        audit.record("eledger.transfer.submitted", "eledger_transfer", t.id(), village, null, t);
        return t;
    }

    /**
     * Records a transfer that was already decided on paper (an import of the ledger's history): the same
     * field validation as an application, the resource, parent right and parties must exist in the
     * village, and an approved one names the operating right it registered (on the same resource,
     * derived from the parent right). No approval tasks are opened; the record is audited.
     */
    @Transactional
    Transfer recordDecided(Actor actor, String village, TransferInput in, String status, String operatingRightId) {
        access.transferVillage(actor, village);
        List<FieldProblem> problems = new ArrayList<>();
        Money rent = parseRent(in.annualRentYuan(), problems);
        int escalationBp = parseEscalation(in.escalationPct(), problems);
        validate(in, problems);
        checkParties(village, in, problems);
        List<Row> operating = operatingRightId == null ? List.of() : rights.current(operatingRightId);
        if ("approved".equals(status)
                && (operating.isEmpty()
                        || !operating.get(0).resourceId().equals(in.resourceId())
                        || !in.parentRightId().equals(operating.get(0).parentRightId()))) {
            problems.add(RightRules.p("operatingRightId", "eledger.transfer.operating-right-unknown"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.transfer.invalid", problems);
        }
        ResourceStore.Row resource = resources.readable(actor, in.resourceId());
        List<Row> parent = rights.current(in.parentRightId());
        if (!resource.villageCode().equals(village)
                || parent.isEmpty()
                || !parent.get(0).resourceId().equals(in.resourceId())) {
            throw new ApiException(HttpStatus.CONFLICT, "eledger.transfer.not-holder", in.termFrom(), in.termTo());
        }
        List<String> steps = store.path(village.substring(0, 6));
        Instant now = rightService.now();
        Transfer t = pending(actor, village, in, rent, escalationBp, steps, steps.size() - 1, now);
        store.insert(t);
        store.setConsent(t.id(), in.pledgeeConsent());
        store.decide(
                t.id(),
                status,
                now,
                "approved".equals(status) ? operatingRightId : null,
                "approved".equals(status) ? null : "eledger.transfer.declined");
        Transfer after = store.find(t.id(), false).orElseThrow();
        audit.record("eledger.transfer.imported", "eledger_transfer", t.id(), village, null, after);
        return after;
    }

    /** A new pending transfer of {@code in} at approval step {@code step} of {@code steps}. */
    private Transfer pending(
            Actor actor,
            String village,
            TransferInput in,
            Money rent,
            int escalationBp,
            List<String> steps,
            int step,
            Instant now) {
        return new Transfer(
                Ulid.next(clock, random).value(),
                village,
                in.resourceId(),
                in.parentRightId(),
                in.transferorPartyId(),
                in.transfereePartyId(),
                in.termFrom(),
                in.termTo(),
                rent.fen(),
                escalationBp,
                in.escalationEveryYears() == null ? 1 : in.escalationEveryYears(),
                in.paymentDay(),
                in.channel(),
                in.contractNumber().strip(),
                "pending",
                steps,
                step,
                actor.username(),
                now,
                null,
                null,
                null,
                in.note() == null ? "" : in.note());
    }

    /** Both parties must exist in the village (the import's references were resolved before). */
    private void checkParties(String village, TransferInput in, List<FieldProblem> problems) {
        var found = parties.find(List.of(in.transferorPartyId(), in.transfereePartyId()));
        for (String id : List.of(in.transferorPartyId(), in.transfereePartyId())) {
            if (!found.containsKey(id) || !found.get(id).villageCode().equals(village)) {
                problems.add(RightRules.p(
                        id.equals(in.transferorPartyId()) ? "transferorPartyId" : "transfereePartyId",
                        "eledger.right.unknown-party"));
            }
        }
    }

    /** A household applies online in its own village and only as the transferor; 404/403 otherwise. */
    private void checkHouseholdApplication(Actor actor, String village, TransferInput in) {
        if (!actor.canRead(village)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "eledger.village.not-found", village);
        }
        String own = parties.ownParty(actor);
        if (!own.equals(in.transferorPartyId())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "eledger.transfer.household-not-transferor");
        }
    }

    private static void validate(TransferInput in, List<FieldProblem> problems) {
        check(
                in.termFrom() != null && in.termTo() != null && in.termTo().isAfter(in.termFrom()),
                "termTo",
                "eledger.transfer.bad-term",
                problems);
        check(
                in.paymentDay() != null && in.paymentDay().matches("(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])"),
                "paymentDay",
                "eledger.transfer.bad-payment-day",
                problems);
        check(
                "online".equals(in.channel()) || "offline".equals(in.channel()),
                "channel",
                "eledger.transfer.bad-channel",
                problems);
        check(
                in.contractNumber() != null && !in.contractNumber().isBlank(),
                "contractNumber",
                "eledger.transfer.contract-number-required",
                problems);
        check(
                in.escalationEveryYears() == null || in.escalationEveryYears() >= 1,
                "escalationEveryYears",
                "eledger.transfer.bad-escalation",
                problems);
        check(
                in.transfereePartyId() != null && !in.transfereePartyId().equals(in.transferorPartyId()),
                "transfereePartyId",
                "eledger.transfer.same-party",
                problems);
    }

    /** Approves or rejects the transfer's current step; the last approval registers the operating right. */
    @Transactional
    Transfer decide(Actor actor, String id, boolean approve, String note) {
        Transfer t = store.find(id, true)
                .filter(x -> actor.canRead(x.villageCode()))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "eledger.transfer.not-found", id));
        access.transferVillage(actor, t.villageCode());
        if (!"pending".equals(t.status())) {
            throw new ApiException(HttpStatus.CONFLICT, "eledger.transfer.not-pending", t.status());
        }
        String level = t.steps().get(t.stepIndex());
        String division = divisionOf(t.villageCode(), level);
        if (!actor.scope().covers(division) && !actor.has(Role.CITY_ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "eledger.transfer.not-your-step", level);
        }
        if (actor.username().equals(t.applicant())) {
            throw new ApiException(HttpStatus.CONFLICT, "eledger.transfer.same-person");
        }
        Instant now = rightService.now();
        String n = note == null ? "" : note;
        if (!approve) {
            store.closeTask(t.id(), t.stepIndex(), "rejected", actor.username(), now, n);
            store.decide(t.id(), "rejected", now, null, "eledger.transfer.declined");
        } else if (t.stepIndex() + 1 < t.steps().size()) {
            store.closeTask(t.id(), t.stepIndex(), "approved", actor.username(), now, n);
            store.advance(t.id(), t.stepIndex() + 1);
            openTask(t, t.stepIndex() + 1);
        } else {
            Row right = register(actor, t);
            store.closeTask(t.id(), t.stepIndex(), "approved", actor.username(), now, n);
            store.decide(t.id(), "approved", now, right.rightId(), null);
        }
        Transfer after = store.find(id, false).orElseThrow();
        audit.record(
                approve ? "eledger.transfer.approved" : "eledger.transfer.rejected",
                "eledger_transfer",
                id,
                t.villageCode(),
                t,
                after);
        return after;
    }

    private Row register(Actor actor, Transfer t) {
        // Concurrent final approvals on one resource wait here, so the later one sees the earlier right in
        // its rule check (a clean eledger.transfer.overlap) instead of meeting it inside the exclusion
        // constraint, where two inserts can deadlock.
        resources.lock(t.resourceId());
        checkRules(
                t.resourceId(),
                t.parentRightId(),
                t.transferorPartyId(),
                t.termFrom(),
                t.termTo(),
                store.consent(t.id()).orElse(null));
        ResourceStore.Row resource = resources.readable(actor, t.resourceId());
        RightStore.Source contract = new RightStore.Source(
                "transfer_contract",
                t.contractNumber(),
                "村集体经济组织备案",
                t.createdAt().atZone(clock.getZone()).toLocalDate(),
                null);
        try {
            return rightService.register(
                    actor,
                    resource,
                    new RightService.RightInput(
                            "operating",
                            t.parentRightId(),
                            null,
                            t.termFrom(),
                            t.termTo(),
                            List.of(new Holder(t.transfereePartyId(), 1, 1)),
                            contract,
                            "流转 " + t.id()));
        } catch (ApiException e) {
            if (e.code().equals("eledger.right.overlap")) {
                throw new ApiException(HttpStatus.CONFLICT, "eledger.transfer.overlap", t.termFrom(), t.termTo());
            }
            throw e;
        }
    }

    /**
     * The transfer rules; throws the first one broken. Besides the three of the class comment: a right
     * that carries a pledge or mortgage during the term is transferred only with the pledgee's consent,
     * a complete source document ({@code eledger.transfer.pledge-no-consent}; rights-and-money.md rule 7).
     */
    void checkRules(
            String resourceId,
            String parentId,
            String transferor,
            LocalDate from,
            LocalDate to,
            RightStore.Source consent) {
        checkHolding(resourceId, parentId, transferor, from, to);
        if (!flags.openOfRight(parentId).isEmpty()) {
            // the right to transfer outlives an ancestor that was ended early (RightEnding)
            throw new ApiException(HttpStatus.CONFLICT, "eledger.transfer.parent-flagged", parentId);
        }
        boolean pledged = rights.currentChildren(parentId).stream()
                .anyMatch(c -> ("pledge".equals(c.kind()) || "mortgage".equals(c.kind()))
                        && c.validFrom().isBefore(to)
                        && (c.validTo() == null || c.validTo().isAfter(from)));
        if (pledged && !complete(consent)) {
            throw new ApiException(HttpStatus.CONFLICT, "eledger.transfer.pledge-no-consent", from, to);
        }
    }

    private static boolean complete(RightStore.Source s) {
        return s != null
                && s.kind() != null
                && !s.kind().isBlank()
                && s.number() != null
                && !s.number().isBlank()
                && s.issuer() != null
                && !s.issuer().isBlank()
                && s.issuedOn() != null;
    }

    private void checkHolding(String resourceId, String parentId, String transferor, LocalDate from, LocalDate to) {
        List<Row> parent = parentId == null ? List.of() : rights.current(parentId);
        if (parent.isEmpty() || !parent.get(0).resourceId().equals(resourceId)) {
            throw new ApiException(HttpStatus.CONFLICT, "eledger.transfer.not-holder", from, to);
        }
        LocalDate parentEnd = parent.get(parent.size() - 1).validTo();
        if (parentEnd != null && to.isAfter(parentEnd)) {
            throw new ApiException(HttpStatus.CONFLICT, "eledger.transfer.outlives-right", to, parentEnd);
        }
        // the rows of the parent right covering [from, to) must be contiguous and all list the transferor
        LocalDate covered = from;
        for (Row r : parent) {
            boolean overlaps = r.validFrom().isBefore(to)
                    && (r.validTo() == null || r.validTo().isAfter(from));
            if (!overlaps) {
                continue;
            }
            boolean holds = r.holders().stream().anyMatch(h -> h.partyId().equals(transferor));
            if (!holds || r.validFrom().isAfter(covered)) {
                throw new ApiException(HttpStatus.CONFLICT, "eledger.transfer.not-holder", from, to);
            }
            covered = r.validTo() == null ? LocalDate.MAX : r.validTo();
        }
        if (covered.isBefore(to)) {
            throw new ApiException(HttpStatus.CONFLICT, "eledger.transfer.not-holder", from, to);
        }
        for (Row other : rights.currentOverlapping(resourceId, "operating", from, to)) {
            if (parentId.equals(other.parentRightId())) {
                throw new ApiException(HttpStatus.CONFLICT, "eledger.transfer.overlap", from, to);
            }
        }
    }

    private void openTask(Transfer t, int step) {
        String level = t.steps().get(step);
        store.insertTask(
                t.id(),
                step,
                level,
                divisionOf(t.villageCode(), level),
                LocalDate.now(clock).plusDays(TASK_DAYS));
    }

    static String divisionOf(String village, String level) {
        return switch (level) {
            case "village" -> village;
            case "town" -> village.substring(0, 9);
            case "county" -> village.substring(0, 6);
            default -> throw new IllegalStateException("unknown approval level " + level);
        };
    }

    @Transactional
    List<String> setPath(Actor actor, String county, List<String> steps) {
        access.readableDivision(actor, county);
        if (county.length() != 6
                || !(actor.has(Role.CITY_ADMIN) || actor.has(Role.COUNTY_OFFICER))
                || !actor.scope().covers(county)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "eledger.forbidden");
        }
        List<String> order = List.of("village", "town", "county");
        boolean ok = steps != null
                && !steps.isEmpty()
                && steps.size() <= 3
                && steps.stream().allMatch(order::contains)
                && steps.stream().distinct().count() == steps.size()
                && steps.stream()
                        .map(order::indexOf)
                        .sorted()
                        .toList()
                        .equals(steps.stream().map(order::indexOf).toList());
        if (!ok) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.transfer.bad-path");
        }
        List<String> before = store.path(county);
        store.setPath(county, steps, actor.username(), rightService.now());
        audit.record("eledger.approval-path.set", "eledger_approval_path", county, county, before, steps);
        return steps;
    }

    List<String> path(Actor actor, String county) {
        access.readableDivision(actor, county);
        return store.path(county);
    }

    List<Task> tasks(Transfer t) {
        return store.tasks(t.id());
    }

    private static Money parseRent(String yuan, List<FieldProblem> problems) {
        try {
            Money m = Money.parse(yuan == null ? "" : yuan);
            if (!m.isNegative()) {
                return m;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(RightRules.p("annualRentYuan", "eledger.transfer.bad-rent"));
        return Money.ZERO;
    }

    private static int parseEscalation(String pct, List<FieldProblem> problems) {
        if (pct == null || pct.isBlank()) {
            return 0;
        }
        try {
            BigDecimal bp = new BigDecimal(pct.strip()).movePointRight(2);
            if (bp.signum() >= 0
                    && bp.compareTo(BigDecimal.valueOf(10000)) <= 0
                    && bp.stripTrailingZeros().scale() <= 0) {
                return bp.intValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        problems.add(RightRules.p("escalationPct", "eledger.transfer.bad-escalation"));
        return 0;
    }

    private static void check(boolean ok, String field, String code, List<FieldProblem> problems) {
        if (!ok) {
            problems.add(RightRules.p(field, code));
        }
    }
}
