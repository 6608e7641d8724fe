package liangshan.app.credits.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/credits}: policies, accounts, pools, the restoration reserve library, development projects
 * and their obligations, the market (docs/api/credits.md). The registry request id of each mutation is
 * derived from the user and the {@code Idempotency-Key} (random without one).
 */
@RestController("creditsCreditsController")
@RequestMapping("/api/v1/credits")
class CreditsController {

    static final String KEY = "Idempotency-Key";

    private final CurrentActor current;
    private final PartyService parties;
    private final ReserveService reserve;
    private final DevelopmentService developments;
    private final MarketService market;

    CreditsController(
            CurrentActor current,
            PartyService parties,
            ReserveService reserve,
            DevelopmentService developments,
            MarketService market) {
        this.current = current;
        this.parties = parties;
        this.reserve = reserve;
        this.developments = developments;
        this.market = market;
    }

    private Actor actor() {
        Actor a = current.get();
        CreditsAccess.requireSignedIn(a);
        return a;
    }

    /**
     * The registry request id of a credit command: derived from the caller and its {@code Idempotency-Key},
     * which every credit command must carry (as every money command), so that a retry moves nothing.
     */
    private static UUID id(Actor actor, String key, String purpose) {
        if (key == null || key.isBlank()) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "credits.idempotency-key-required");
        }
        return RegistryHost.requestId(actor.username(), key, purpose);
    }

    private static <T> ResponseEntity<T> created(T body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    // ---- policies, parties, pools ----

    @PostMapping("/policies")
    ResponseEntity<Map<String, Object>> createPolicy(@RequestBody PartyService.PolicyInput in) {
        return created(parties.createPolicy(actor(), in));
    }

    @GetMapping("/policies")
    List<Map<String, Object>> policies() {
        return parties.policies(actor());
    }

    @PostMapping("/parties")
    ResponseEntity<PartyService.PartyView> createParty(
            @RequestHeader(name = KEY, required = false) String key, @RequestBody PartyService.PartyInput in) {
        Actor a = actor();
        return created(parties.createParty(a, in, id(a, key, "party")));
    }

    @GetMapping("/parties")
    Page<PartyService.PartyView> listParties(
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return parties.list(actor(), county, PageRequest.of(page, size));
    }

    @GetMapping("/parties/{id}")
    PartyService.PartyView party(@PathVariable String id) {
        return parties.get(actor(), id);
    }

    record MemberInput(String username) {}

    @PostMapping("/parties/{id}/members")
    ResponseEntity<Void> addMember(@PathVariable String id, @RequestBody MemberInput in) {
        parties.addMember(actor(), id, in.username());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/pools")
    ResponseEntity<PartyService.PoolView> createPool(
            @RequestHeader(name = KEY, required = false) String key, @RequestBody PartyService.PoolInput in) {
        Actor a = actor();
        return created(parties.createPool(a, in, id(a, key, "pool")));
    }

    @GetMapping("/pools")
    List<PartyService.PoolView> pools() {
        return parties.pools(actor());
    }

    @PostMapping("/pools/{county}/settle")
    Map<String, String> settlePool(
            @RequestHeader(name = KEY, required = false) String key, @PathVariable String county) {
        Actor a = actor();
        return parties.settlePool(a, county, id(a, key, "settle:" + county));
    }

    // ---- restoration reserve library ----

    @PostMapping("/projects")
    ResponseEntity<Map<String, Object>> propose(
            @RequestHeader(name = KEY, required = false) String key, @RequestBody ReserveService.ProjectInput in) {
        Actor a = actor();
        return created(reserve.propose(a, in, id(a, key, "project")));
    }

    @GetMapping("/projects")
    Page<Map<String, Object>> projects(
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return reserve.list(actor(), county, status, PageRequest.of(page, size));
    }

    @GetMapping("/projects/{id}")
    Map<String, Object> project(@PathVariable String id) {
        return reserve.get(actor(), id);
    }

    record ReviewInput(String decision, String note) {}

    @PostMapping("/projects/{id}/review")
    Map<String, Object> review(
            @RequestHeader(name = KEY, required = false) String key,
            @PathVariable String id,
            @RequestBody ReviewInput in) {
        Actor a = actor();
        return reserve.review(a, id, in.decision(), in.note(), id(a, key, "review:" + id));
    }

    @PostMapping("/projects/{id}/estimate")
    Map<String, Object> estimate(
            @RequestHeader(name = KEY, required = false) String key,
            @PathVariable String id,
            @RequestBody(required = false) ReserveService.EstimateInput in) {
        Actor a = actor();
        return reserve.estimate(a, id, in, id(a, key, "estimate:" + id));
    }

    record VerificationInput(String milestoneCode, String recordRef, Boolean completed) {}

    @PostMapping("/projects/{id}/verifications")
    Map<String, Object> verify(
            @RequestHeader(name = KEY, required = false) String key,
            @PathVariable String id,
            @RequestBody VerificationInput in) {
        Actor a = actor();
        return reserve.verify(a, id, in.milestoneCode(), in.recordRef(), in.completed(), id(a, key, "verify:" + id));
    }

    record ReleaseInput(String milestoneCode) {}

    @PostMapping("/projects/{id}/releases")
    ResponseEntity<Map<String, Object>> proposeRelease(
            @RequestHeader(name = KEY, required = false) String key,
            @PathVariable String id,
            @RequestBody ReleaseInput in) {
        Actor a = actor();
        return created(reserve.proposeRelease(a, id, in.milestoneCode(), id(a, key, "release:" + id)));
    }

    @PostMapping("/releases/{id}/approve")
    Map<String, Object> approveRelease(
            @RequestHeader(name = KEY, required = false) String key, @PathVariable String id) {
        Actor a = actor();
        return reserve.approveRelease(a, id, id(a, key, "approve:" + id));
    }

    // ---- development projects and obligations ----

    @PostMapping("/developments")
    ResponseEntity<Map<String, Object>> createDevelopment(
            @RequestHeader(name = KEY, required = false) String key,
            @RequestBody DevelopmentService.DevelopmentInput in) {
        Actor a = actor();
        return created(developments.create(a, in, id(a, key, "development")));
    }

    @GetMapping("/developments")
    Page<Map<String, Object>> developments(
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return developments.list(actor(), county, PageRequest.of(page, size));
    }

    @GetMapping("/developments/{id}")
    Map<String, Object> development(@PathVariable String id) {
        return developments.get(actor(), id);
    }

    @PostMapping("/obligations/{id}/retirements")
    ResponseEntity<Map<String, Object>> retire(
            @RequestHeader(name = KEY, required = false) String key,
            @PathVariable String id,
            @RequestBody MarketService.CreditsInput in) {
        Actor a = actor();
        return created(market.retire(a, id, in, id(a, key, "retire:" + id)));
    }

    @PostMapping("/obligations/{id}/pool-purchases")
    ResponseEntity<Map<String, Object>> poolPurchase(
            @RequestHeader(name = KEY, required = false) String key,
            @PathVariable String id,
            @RequestBody MarketService.CreditsInput in) {
        Actor a = actor();
        return created(market.poolPurchase(a, id, in, id(a, key, "pool-purchase:" + id)));
    }

    // ---- market ----

    @PostMapping("/listings")
    ResponseEntity<Map<String, Object>> list(
            @RequestHeader(name = KEY, required = false) String key, @RequestBody MarketService.ListingInput in) {
        Actor a = actor();
        return created(market.list(a, in, id(a, key, "listing")));
    }

    @GetMapping("/listings")
    Page<Map<String, Object>> listings(
            @RequestParam(required = false) String county,
            @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return market.listings(actor(), county, open, PageRequest.of(page, size));
    }

    @PostMapping("/listings/{id}/delist")
    Map<String, Object> delist(@RequestHeader(name = KEY, required = false) String key, @PathVariable String id) {
        Actor a = actor();
        return market.delist(a, id, id(a, key, "delist:" + id));
    }

    @PostMapping("/listings/{id}/purchases")
    ResponseEntity<Map<String, Object>> purchase(
            @RequestHeader(name = KEY, required = false) String key,
            @PathVariable String id,
            @RequestBody MarketService.PurchaseInput in) {
        Actor a = actor();
        return created(market.purchase(a, id, in, id(a, key, "purchase:" + id)));
    }

    @PostMapping("/bids")
    ResponseEntity<Map<String, Object>> bid(
            @RequestHeader(name = KEY, required = false) String key, @RequestBody MarketService.BidInput in) {
        Actor a = actor();
        return created(market.bid(a, in, id(a, key, "bid")));
    }

    @PostMapping("/bids/{id}/accept")
    Map<String, Object> acceptBid(
            @RequestHeader(name = KEY, required = false) String key,
            @PathVariable String id,
            @RequestBody MarketService.AcceptInput in) {
        Actor a = actor();
        return market.acceptBid(a, id, in, id(a, key, "accept:" + id));
    }

    @PostMapping("/bids/{id}/withdraw")
    Map<String, Object> withdrawBid(@RequestHeader(name = KEY, required = false) String key, @PathVariable String id) {
        Actor a = actor();
        return market.withdrawBid(a, id, id(a, key, "withdraw:" + id));
    }
}
