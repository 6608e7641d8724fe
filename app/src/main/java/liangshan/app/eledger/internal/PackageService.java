package liangshan.app.eledger.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import liangshan.app.audit.AuditTrail;
import liangshan.app.eledger.internal.PackageStore.Package;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.identity.Actor;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.kernel.id.Ulid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Eco asset packages (生态资产包): a bundle of a village's resources for a term, with its area by type,
 * the status draft → title_checked → offered → leased, and a title check that lists every blocking
 * problem per resource (it never stops at the first). Leasing to the cooperative needs a second
 * person (maker-checker).
 */
@Service
class PackageService {

    private static final Set<String> SECURE_HOLDERS = Set.of("collective", "cooperative");

    private final PackageStore store;
    private final RightStore rights;
    private final RightFlagStore flags;
    private final ResourceService resources;
    private final PartyService parties;
    private final EledgerAccess access;
    private final AuditTrail audit;
    private final Clock clock;
    private final Random random = new Random();

    PackageService(
            PackageStore store,
            RightStore rights,
            RightFlagStore flags,
            ResourceService resources,
            PartyService parties,
            EledgerAccess access,
            AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.rights = rights;
        this.flags = flags;
        this.resources = resources;
        this.parties = parties;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    record PackageInput(String name, LocalDate termFrom, LocalDate termTo, List<String> resourceIds) {}

    record Problem(String resourceId, String code) {}

    record TypeArea(String type, long count, BigDecimal areaM2, BigDecimal areaMu) {}

    record PackageView(
            Package pkg,
            List<String> resourceIds,
            List<TypeArea> areaByType,
            BigDecimal totalAreaM2,
            BigDecimal totalAreaMu) {}

    record TitleCheck(boolean clear, List<Problem> problems, PackageView pkg) {}

    @Transactional
    PackageView create(Actor actor, String village, PackageInput in) {
        access.writableVillage(actor, village);
        List<FieldProblem> problems = new ArrayList<>();
        if (in.name() == null || in.name().isBlank()) {
            problems.add(RightRules.p("name", "eledger.package.bad-name"));
        }
        if (in.termFrom() == null || in.termTo() == null || !in.termTo().isAfter(in.termFrom())) {
            problems.add(RightRules.p("termTo", "eledger.package.bad-term"));
        }
        List<String> ids = in.resourceIds() == null
                ? List.of()
                : in.resourceIds().stream().distinct().sorted().toList();
        if (ids.isEmpty()) {
            problems.add(RightRules.p("resourceIds", "eledger.package.no-resources"));
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            boolean ok;
            try {
                ResourceStore.Row r = resources.readable(actor, id);
                ok = r.villageCode().equals(village) && !r.retired();
            } catch (ApiException e) {
                ok = false;
            }
            if (!ok) {
                problems.add(RightRules.p("resourceIds[" + i + "]", "eledger.package.unknown-resource"));
            }
        }
        if (problems.isEmpty()) {
            for (String clash : store.clashes(ids, in.termFrom(), in.termTo(), "")) {
                problems.add(
                        RightRules.p("resourceIds[" + ids.indexOf(clash) + "]", "eledger.package.in-other-package"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.package.invalid", problems);
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Package p = new Package(
                Ulid.next(clock, random).value(),
                village,
                in.name().strip(),
                in.termFrom(),
                in.termTo(),
                "draft",
                null,
                1,
                actor.username(),
                now,
                now);
        store.insert(p, ids);
        store.event(p.id(), "draft", actor.username(), now);
        PackageView view = view(p);
        audit.record("eledger.package.created", "eledger_package", p.id(), village, null, view);
        return view;
    }

    PackageView get(Actor actor, String id) {
        return view(readable(actor, id, false));
    }

    /** Runs the title check; a draft with no problem becomes title_checked. */
    @Transactional
    TitleCheck titleCheck(Actor actor, String id) {
        Package p = readable(actor, id, true);
        access.writableVillage(actor, p.villageCode());
        List<Problem> problems = problems(p);
        if (problems.isEmpty() && "draft".equals(p.status())) {
            transition(actor, p, "title_checked", null);
        }
        return new TitleCheck(
                problems.isEmpty(), problems, view(store.find(id, false).orElseThrow()));
    }

    /** title_checked → offered (checked again), offered → leased to a cooperative by a second person. */
    @Transactional
    PackageView advance(Actor actor, String id, String to, String lesseePartyId) {
        Package p = readable(actor, id, true);
        access.writableVillage(actor, p.villageCode());
        boolean allowed = "offered".equals(to) && "title_checked".equals(p.status())
                || "leased".equals(to) && "offered".equals(p.status());
        if (!allowed) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "eledger.package.bad-transition", p.status(), String.valueOf(to));
        }
        if (!problems(p).isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "eledger.package.title-not-clear");
        }
        if ("leased".equals(to)) {
            if (actor.username().equals(p.createdBy())) {
                throw new ApiException(HttpStatus.CONFLICT, "eledger.package.same-person");
            }
            PartyService.PartyView lessee = lesseePartyId == null
                    ? null
                    : parties.find(List.of(lesseePartyId)).get(lesseePartyId);
            if (lessee == null || !"cooperative".equals(lessee.kind()) || !actor.canRead(lessee.villageCode())) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.package.lessee-not-cooperative");
            }
        }
        transition(actor, p, to, lesseePartyId);
        return view(store.find(id, false).orElseThrow());
    }

    private void transition(Actor actor, Package p, String status, String lessee) {
        Instant now = clock.instant();
        store.setStatus(p.id(), status, lessee, now);
        store.event(p.id(), status, actor.username(), now);
        audit.record("eledger.package." + status, "eledger_package", p.id(), p.villageCode(), p.status(), status);
    }

    /** Every blocking problem of every resource, in resource order. */
    List<Problem> problems(Package p) {
        List<Problem> out = new ArrayList<>();
        for (String id : store.items(p.id())) {
            ResourceStore.Row r = resources.readable(liangshan.app.identity.Actor.SYSTEM, id);
            if (r.retired()) {
                out.add(new Problem(id, "eledger.title.retired"));
            }
            if (!covers(rights.currentOverlapping(id, "ownership", p.termFrom(), p.termTo()), row -> true, p)) {
                out.add(new Problem(id, "eledger.title.no-ownership"));
            }
            List<Row> operating = rights.currentOverlapping(id, "operating", p.termFrom(), p.termTo());
            Map<String, PartyService.PartyView> holders = parties.find(operating.stream()
                    .flatMap(o -> o.holders().stream().map(RightStore.Holder::partyId))
                    .toList());
            Predicate<Row> secure = o -> o.holders().stream()
                    .allMatch(h -> holders.containsKey(h.partyId())
                            && SECURE_HOLDERS.contains(holders.get(h.partyId()).kind()));
            if (!covers(operating, secure, p)) {
                out.add(new Problem(id, "eledger.title.operating-not-secured"));
            }
            if (bypassesContract(id, operating)) {
                out.add(new Problem(id, "eledger.title.operating-bypasses-contract"));
            }
            if (!rights.currentOverlapping(id, "pledge", p.termFrom(), p.termTo())
                            .isEmpty()
                    || !rights.currentOverlapping(id, "mortgage", p.termFrom(), p.termTo())
                            .isEmpty()) {
                out.add(new Problem(id, "eledger.title.encumbered"));
            }
            if (flags.ofResource(id, true).stream()
                    .anyMatch(f -> f.parentEndedOn().isBefore(p.termTo()))) {
                // a right on the parcel outlives an ancestor ended early, inside the package term
                out.add(new Problem(id, "eledger.title.parent-ended"));
            }
            if (store.pendingTransfers(id) > 0) {
                out.add(new Problem(id, "eledger.title.pending-transfer"));
            }
        }
        for (String clash : store.clashes(store.items(p.id()), p.termFrom(), p.termTo(), p.id())) {
            out.add(new Problem(clash, "eledger.title.in-other-package"));
        }
        return out;
    }

    /**
     * True when an operating right granted directly from the collective ownership overlaps a contract
     * right on the same parcel: the household's contract right would be bypassed (the exclusion
     * constraint only separates operating rights of the same parent, so this is checked here).
     */
    private boolean bypassesContract(String resourceId, List<Row> operating) {
        for (Row o : operating) {
            if (o.parentRightId() == null) {
                continue;
            }
            List<Row> parent = rights.current(o.parentRightId());
            if (parent.isEmpty() || !"ownership".equals(parent.get(0).kind())) {
                continue;
            }
            if (!rights.currentOverlapping(resourceId, "contract", o.validFrom(), o.validTo())
                    .isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** True when rows passing {@code test} cover the package term without a gap. */
    private static boolean covers(List<Row> rows, Predicate<Row> test, Package p) {
        LocalDate covered = p.termFrom();
        for (Row r : rows.stream()
                .filter(test)
                .sorted(Comparator.comparing(Row::validFrom))
                .toList()) {
            if (r.validFrom().isAfter(covered)) {
                return false;
            }
            if (r.validTo() == null) {
                return true;
            }
            if (r.validTo().isAfter(covered)) {
                covered = r.validTo();
            }
        }
        return !covered.isBefore(p.termTo());
    }

    private Package readable(Actor actor, String id, boolean lock) {
        return store.find(id, lock)
                .filter(p -> EledgerAccess.readsVillage(actor, p.villageCode()))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "eledger.package.not-found", id));
    }

    PackageView view(Package p) {
        List<String> ids = store.items(p.id());
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> areas = new TreeMap<>();
        for (String id : ids) {
            ResourceStore.Row r = resources.readable(Actor.SYSTEM, id);
            BigDecimal area = r.declaredAreaM2() != null ? r.declaredAreaM2() : r.areaM2();
            counts.computeIfAbsent(r.type(), k -> new long[1])[0]++;
            areas.merge(r.type(), area, BigDecimal::add);
        }
        List<TypeArea> byType = areas.entrySet().stream()
                .map(e -> new TypeArea(
                        e.getKey(), counts.get(e.getKey())[0], e.getValue(), ResourceStore.mu(e.getValue())))
                .toList();
        BigDecimal total = areas.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PackageView(p, ids, byType, total, ResourceStore.mu(total));
    }

    List<PackageView> list(Actor actor, String village, int limit, long offset) {
        access.readableVillage(actor, village);
        return store.list(village, limit, offset).stream().map(this::view).toList();
    }

    long count(String village) {
        return store.count(village);
    }
}
