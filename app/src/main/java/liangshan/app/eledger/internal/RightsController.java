package liangshan.app.eledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.eledger.internal.RightStore.Source;
import liangshan.app.identity.Actor;
import liangshan.app.identity.CurrentActor;
import liangshan.app.web.ApiException;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/eledger}: parties, rights and restrictions, as-of queries and history. */
@RestController
@RequestMapping("/api/v1/eledger")
class RightsController {

    private final PartyService parties;
    private final RightService rights;
    private final RightStore store;
    private final RightEnding ending;
    private final RightFlagStore flags;
    private final ResourceService resources;
    private final EledgerAccess access;
    private final CurrentActor currentActor;
    private final Clock clock;

    RightsController(
            PartyService parties,
            RightService rights,
            RightStore store,
            RightEnding ending,
            RightFlagStore flags,
            ResourceService resources,
            EledgerAccess access,
            CurrentActor currentActor,
            Clock clock) {
        this.parties = parties;
        this.rights = rights;
        this.store = store;
        this.ending = ending;
        this.flags = flags;
        this.resources = resources;
        this.access = access;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** A holder with the party's name and kind. */
    record HolderView(String partyId, String name, String kind, long numerator, long denominator) {}

    /** One recorded state of a right for one valid period. */
    record RightView(
            String rightId,
            String resourceId,
            String villageCode,
            String category,
            String kind,
            String parentRightId,
            Integer rank,
            LocalDate validFrom,
            LocalDate validTo,
            Instant recordedAt,
            Instant supersededAt,
            List<HolderView> holders,
            Source source,
            String note,
            String recordedBy) {}

    /** The answer of an as-of query: the two times it was asked for and the rights. */
    record AsOf(LocalDate validAt, Instant recordedAt, Page<RightView> rights) {}

    @PostMapping("/villages/{village}/parties")
    ResponseEntity<PartyService.PartyView> createParty(
            @PathVariable String village, @RequestBody PartyService.PartyInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(parties.create(currentActor.get(), village, input));
    }

    @GetMapping("/villages/{village}/parties")
    Page<PartyService.PartyView> listParties(
            @PathVariable String village,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return parties.list(currentActor.get(), village, blank(kind), blank(q), PageRequest.of(page, size));
    }

    @GetMapping("/parties/{id}")
    PartyService.PartyView party(@PathVariable String id) {
        return parties.get(currentActor.get(), id);
    }

    @PostMapping("/resources/{id}/rights")
    ResponseEntity<RightView> register(@PathVariable String id, @RequestBody RightService.RightInput input) {
        Row row = rights.create(currentActor.get(), id, input);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(views(List.of(row)).get(0));
    }

    @PostMapping("/rights/{rightId}/versions")
    List<RightView> amend(@PathVariable String rightId, @RequestBody RightService.AmendInput input) {
        return views(rights.amend(currentActor.get(), rightId, input));
    }

    /** The rows written for a right ended early and the flags raised on rights derived from it. */
    record EndedView(List<RightView> rows, List<RightFlagStore.Flag> flags) {}

    record Resolution(String note) {}

    @PostMapping("/rights/{rightId}/end")
    EndedView end(@PathVariable String rightId, @RequestBody RightEnding.EndInput input) {
        RightEnding.Ended ended = ending.end(currentActor.get(), rightId, input);
        return new EndedView(views(ended.rows()), ended.flags());
    }

    @GetMapping("/resources/{id}/right-flags")
    List<RightFlagStore.Flag> resourceFlags(@PathVariable String id, @RequestParam(required = false) Boolean open) {
        resources.readable(currentActor.get(), id);
        return flags.ofResource(id, open == null || open);
    }

    @GetMapping("/villages/{village}/right-flags")
    List<RightFlagStore.Flag> villageFlags(@PathVariable String village, @RequestParam(required = false) Boolean open) {
        access.readableVillage(currentActor.get(), village);
        return flags.ofVillage(village, open == null || open, Page.MAX_SIZE);
    }

    @PostMapping("/right-flags/{id}/resolve")
    RightFlagStore.Flag resolveFlag(@PathVariable long id, @RequestBody Resolution input) {
        return ending.resolve(currentActor.get(), id, input == null ? null : input.note());
    }

    @GetMapping("/resources/{id}/rights")
    AsOf resourceRights(
            @PathVariable String id,
            @RequestParam(required = false) String validAt,
            @RequestParam(required = false) String recordedAt,
            @RequestParam(required = false) String kind) {
        Actor actor = currentActor.get();
        ResourceStore.Row resource = resources.readable(actor, id);
        LocalDate d = validAt(validAt);
        Instant r = recordedAt(recordedAt);
        List<Row> rows = store.asOf(resource.villageCode(), id, blank(kind), d, r, Page.MAX_SIZE, 0);
        return new AsOf(d, r, new Page<>(views(rows), 0, Page.MAX_SIZE, rows.size()));
    }

    @GetMapping("/villages/{village}/rights")
    AsOf villageRights(
            @PathVariable String village,
            @RequestParam(required = false) String validAt,
            @RequestParam(required = false) String recordedAt,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Actor actor = currentActor.get();
        access.listableVillage(actor, village);
        // a household sees the rights it holds, nothing else
        String holder = EledgerAccess.household(actor) ? parties.ownParty(actor) : null;
        PageRequest p = PageRequest.of(page, size);
        LocalDate d = validAt(validAt);
        Instant r = recordedAt(recordedAt);
        List<Row> rows = store.asOf(village, null, blank(kind), holder, d, r, p.size(), p.offset());
        return new AsOf(d, r, p.toPage(views(rows), store.countAsOf(village, null, blank(kind), holder, d, r)));
    }

    @GetMapping("/rights/{rightId}/history")
    List<RightView> history(@PathVariable String rightId) {
        Actor actor = currentActor.get();
        List<Row> rows = store.history(rightId);
        if (rows.isEmpty() || !actor.canRead(rows.get(0).villageCode()) || !householdHolds(actor, rows)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "eledger.right.not-found", rightId);
        }
        return views(rows);
    }

    /** True unless the actor is a household that holds none of the rows. */
    private boolean householdHolds(Actor actor, List<Row> rows) {
        if (!EledgerAccess.household(actor)) {
            return true;
        }
        String own = parties.householdParty(actor).orElse(null);
        return own != null && rows.stream().anyMatch(r -> r.holders().stream().anyMatch(h -> own.equals(h.partyId())));
    }

    private LocalDate validAt(String text) {
        if (text == null || text.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.bad-date", text);
        }
    }

    /** An instant, or a date meaning the end of that day in the platform's zone; absent = now. */
    private Instant recordedAt(String text) {
        if (text == null || text.isBlank()) {
            return rights.now();
        }
        try {
            if (text.strip().length() == 10) {
                return LocalDate.parse(text.strip())
                        .plusDays(1)
                        .atStartOfDay(clock.getZone())
                        .toInstant()
                        .minusNanos(1000);
            }
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.bad-date", text);
        }
    }

    List<RightView> views(List<Row> rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> r.holders().forEach(h -> ids.add(h.partyId())));
        Map<String, PartyService.PartyView> names = parties.find(ids);
        List<RightView> out = new ArrayList<>();
        for (Row r : rows) {
            List<HolderView> holders = r.holders().stream()
                    .map(h -> {
                        PartyService.PartyView p = names.get(h.partyId());
                        return new HolderView(
                                h.partyId(),
                                p == null ? null : p.name(),
                                p == null ? null : p.kind(),
                                h.numerator(),
                                h.denominator());
                    })
                    .toList();
            out.add(new RightView(
                    r.rightId(),
                    r.resourceId(),
                    r.villageCode(),
                    r.category(),
                    r.kind(),
                    r.parentRightId(),
                    r.rank(),
                    r.validFrom(),
                    r.validTo(),
                    r.recordedAt(),
                    r.supersededAt(),
                    holders,
                    r.source(),
                    r.note(),
                    r.recordedBy()));
        }
        return out;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
