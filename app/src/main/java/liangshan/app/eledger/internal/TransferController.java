package liangshan.app.eledger.internal;

import java.util.List;
import liangshan.app.eledger.internal.TransferStore.Task;
import liangshan.app.eledger.internal.TransferStore.Transfer;
import liangshan.app.identity.Actor;
import liangshan.app.identity.CurrentActor;
import liangshan.app.web.ApiException;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import liangshan.kernel.money.Money;
import liangshan.kernel.money.RentSchedule;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/eledger}: transfers, their approval tasks and the approval path per county. */
@RestController
@RequestMapping("/api/v1/eledger")
class TransferController {

    private final TransferService transfers;
    private final TransferStore store;
    private final EledgerAccess access;
    private final PartyService parties;
    private final CurrentActor currentActor;

    TransferController(
            TransferService transfers,
            TransferStore store,
            EledgerAccess access,
            PartyService parties,
            CurrentActor currentActor) {
        this.transfers = transfers;
        this.store = store;
        this.access = access;
        this.parties = parties;
        this.currentActor = currentActor;
    }

    record InstalmentView(int year, String from, String to, String dueOn, String amountYuan) {}

    /** A transfer with its contract terms, rent schedule (元 strings) and approval tasks. */
    record TransferView(
            Transfer transfer,
            String annualRentYuan,
            String escalationPct,
            String totalRentYuan,
            List<InstalmentView> schedule,
            List<Task> tasks,
            RightStore.Source pledgeeConsent) {}

    record Decision(String decision, String note) {}

    record Path(List<String> steps) {}

    @PostMapping("/villages/{village}/transfers")
    ResponseEntity<TransferView> submit(
            @PathVariable String village, @RequestBody TransferService.TransferInput input) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(view(transfers.submit(currentActor.get(), village, input)));
    }

    @GetMapping("/villages/{village}/transfers")
    Page<TransferView> list(
            @PathVariable String village,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Actor actor = currentActor.get();
        access.listableVillage(actor, village);
        // a household sees the transfers it is a party to, nothing else
        String party = EledgerAccess.household(actor) ? parties.ownParty(actor) : null;
        PageRequest p = PageRequest.of(page, size);
        String s = status == null || status.isBlank() ? null : status.strip();
        return p.toPage(
                store.list(village, s, party, p.size(), p.offset()).stream()
                        .map(this::view)
                        .toList(),
                store.count(village, s, party));
    }

    @GetMapping("/transfers/{id}")
    TransferView get(@PathVariable String id) {
        Actor actor = currentActor.get();
        Transfer t = store.find(id, false)
                .filter(x -> actor.canRead(x.villageCode()) && partyTo(actor, x))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "eledger.transfer.not-found", id));
        return view(t);
    }

    /** True unless the actor is a household that is neither transferor nor transferee. */
    private boolean partyTo(Actor actor, Transfer t) {
        if (!EledgerAccess.household(actor)) {
            return true;
        }
        String own = parties.householdParty(actor).orElse(null);
        return own != null && (own.equals(t.transferorPartyId()) || own.equals(t.transfereePartyId()));
    }

    @PostMapping("/transfers/{id}/decision")
    TransferView decide(@PathVariable String id, @RequestBody Decision decision) {
        boolean approve = "approve".equals(decision.decision());
        if (!approve && !"reject".equals(decision.decision())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.transfer.bad-decision");
        }
        return view(transfers.decide(currentActor.get(), id, approve, decision.note()));
    }

    /** Open approval tasks inside the actor's scope, earliest due first. */
    @GetMapping("/tasks")
    List<Task> tasks() {
        Actor actor = currentActor.get();
        if (actor.isAnonymous() || EledgerAccess.household(actor)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "eledger.village.not-found", "-");
        }
        return store.openTasks(actor.scope().divisionCode());
    }

    @GetMapping("/approval-paths/{county}")
    Path path(@PathVariable String county) {
        return new Path(transfers.path(currentActor.get(), county));
    }

    @PutMapping("/approval-paths/{county}")
    Path setPath(@PathVariable String county, @RequestBody Path path) {
        return new Path(transfers.setPath(currentActor.get(), county, path.steps()));
    }

    TransferView view(Transfer t) {
        List<RentSchedule.Instalment> schedule = RentSchedule.of(
                t.termFrom(),
                t.termTo(),
                Money.ofFen(t.annualRentFen()),
                t.escalationBp(),
                t.escalationEveryYears(),
                t.paymentDay());
        Money total =
                Money.sum(schedule.stream().map(RentSchedule.Instalment::amount).toList());
        return new TransferView(
                t,
                Money.ofFen(t.annualRentFen()).toYuan().toPlainString(),
                java.math.BigDecimal.valueOf(t.escalationBp(), 2).toPlainString(),
                total.toYuan().toPlainString(),
                schedule.stream()
                        .map(i -> new InstalmentView(
                                i.year(),
                                i.from().toString(),
                                i.to().toString(),
                                i.dueOn().toString(),
                                i.amount().toYuan().toPlainString()))
                        .toList(),
                store.tasks(t.id()),
                store.consent(t.id()).orElse(null));
    }
}
