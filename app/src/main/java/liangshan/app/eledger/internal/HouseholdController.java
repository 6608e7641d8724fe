package liangshan.app.eledger.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Actor;
import liangshan.app.identity.CurrentActor;
import liangshan.app.web.ApiException;
import liangshan.app.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/eledger/my-ledger}: a {@code HOUSEHOLD} user's own page — its party, the rights it
 * holds today with the parcels they are on, the village collective(s) it may transfer an operating
 * right to, and its transfer applications with their approval tasks. Other roles get 404 (they have
 * the village pages); households still see nothing of other parties.
 */
@RestController
@RequestMapping("/api/v1/eledger")
class HouseholdController {

    private final PartyService parties;
    private final RightStore rights;
    private final RightsController rightViews;
    private final TransferStore transfers;
    private final TransferController transferViews;
    private final ResourceService resources;
    private final Divisions divisions;
    private final CurrentActor currentActor;
    private final Clock clock;

    HouseholdController(
            PartyService parties,
            RightStore rights,
            RightsController rightViews,
            TransferStore transfers,
            TransferController transferViews,
            ResourceService resources,
            Divisions divisions,
            CurrentActor currentActor,
            Clock clock) {
        this.parties = parties;
        this.rights = rights;
        this.rightViews = rightViews;
        this.transfers = transfers;
        this.transferViews = transferViews;
        this.resources = resources;
        this.divisions = divisions;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** The parcel a right is on, as much as its holder needs to recognise it. */
    record Parcel(
            String id,
            String name,
            String type,
            String subtype,
            String useStatus,
            String geometryKind,
            BigDecimal areaM2,
            BigDecimal areaMu) {}

    record HeldRight(RightsController.RightView right, Parcel parcel) {}

    record PartyRef(String id, String name, String kind) {}

    record MyLedger(
            PartyService.PartyView party,
            String villageCode,
            String villageName,
            LocalDate validAt,
            List<PartyRef> transferees,
            List<HeldRight> rights,
            List<TransferController.TransferView> transfers) {}

    @GetMapping("/my-ledger")
    MyLedger myLedger() {
        Actor actor = currentActor.get();
        if (actor.isAnonymous() || !EledgerAccess.household(actor)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "eledger.party.not-found", "-");
        }
        String own = parties.ownParty(actor);
        PartyService.PartyView party = parties.get(actor, own);
        String village = party.villageCode();
        LocalDate today = LocalDate.now(clock);
        List<RightStore.Row> held = rights.asOf(village, null, null, own, today, rightsNow(), Page.MAX_SIZE, 0);
        List<RightsController.RightView> views = rightViews.views(held);
        Map<String, Parcel> parcels = held.stream()
                .map(RightStore.Row::resourceId)
                .distinct()
                .map(id -> resources.readable(Actor.SYSTEM, id))
                .collect(Collectors.toMap(ResourceStore.Row::id, HouseholdController::parcel));
        List<PartyRef> transferees = parties.allOfVillage(village, false).stream()
                .filter(p -> "collective".equals(p.kind()) || "cooperative".equals(p.kind()))
                .map(p -> new PartyRef(p.id(), p.name(), p.kind()))
                .toList();
        List<TransferController.TransferView> applications =
                transfers.list(village, null, own, Page.MAX_SIZE, 0).stream()
                        .map(transferViews::view)
                        .toList();
        return new MyLedger(
                party,
                village,
                divisions.find(village).map(Division::name).orElse(village),
                today,
                transferees,
                views.stream()
                        .map(v -> new HeldRight(v, parcels.get(v.resourceId())))
                        .toList(),
                applications);
    }

    private java.time.Instant rightsNow() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static Parcel parcel(ResourceStore.Row r) {
        BigDecimal area = r.declaredAreaM2() != null ? r.declaredAreaM2() : r.areaM2();
        return new Parcel(
                r.id(), r.name(), r.type(), r.subtype(), r.useStatus(), r.geometryKind(), area, ResourceStore.mu(area));
    }
}
