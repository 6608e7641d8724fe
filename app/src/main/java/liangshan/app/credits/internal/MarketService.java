package liangshan.app.credits.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liangshan.app.audit.AuditTrail;
import liangshan.app.identity.Actor;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import liangshan.ledger.credits.Bid;
import liangshan.ledger.credits.CreditCommand;
import liangshan.ledger.credits.CreditOutcome;
import liangshan.ledger.credits.CreditRegistry;
import liangshan.ledger.credits.CreditUnits;
import liangshan.ledger.credits.Listing;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The three ways to balance an obligation — self-balance (retire own credits), purchase from the county
 * pool, market purchase (listing or bid, delivery versus payment as one linked ledger batch, then
 * retirement against the buyer's obligation in the same transaction) — and the market itself.
 */
@Service("creditsMarketService")
class MarketService {

    record CreditsInput(String holderPartyId, String credits) {}

    record ListingInput(String sellerPartyId, String credits, String priceYuanPerCredit) {}

    record PurchaseInput(String buyerPartyId, String credits, String obligationId) {}

    record BidInput(String buyerPartyId, String credits, String priceYuanPerCredit) {}

    record AcceptInput(String sellerPartyId, String credits) {}

    private final RegistryHost host;
    private final PartyService parties;
    private final DevelopmentService developments;
    private final CreditsAccess access;
    private final AuditTrail audit;

    MarketService(
            RegistryHost host,
            PartyService parties,
            DevelopmentService developments,
            CreditsAccess access,
            AuditTrail audit) {
        this.host = host;
        this.parties = parties;
        this.developments = developments;
        this.access = access;
        this.audit = audit;
    }

    private static long units(String credits) {
        List<FieldProblem> problems = new ArrayList<>();
        long units = Amounts.units(credits, "credits", problems);
        Amounts.check(problems, "credits.invalid");
        return units;
    }

    private PartyService.Party actingFor(Actor actor, String partyId) {
        PartyService.Party p = partyId == null ? null : parties.find(partyId);
        if (p == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "credits.not-found");
        }
        access.requireActFor(actor, p.id(), p.county());
        return p;
    }

    // ---- balancing an obligation ----

    Map<String, Object> retire(Actor actor, String obligationId, CreditsInput in, UUID requestId) {
        long units = units(in.credits());
        Map<String, Object> dev = developments.byObligation(actor, obligationId);
        PartyService.Party holder = actingFor(actor, in.holderPartyId());
        return host.write(s -> {
            CreditOutcome o = s.require(
                    new CreditCommand.Retire(
                            requestId,
                            holder.id(),
                            units,
                            obligationId,
                            (String) dev.get("developer_party"),
                            "self-balance"),
                    actor.username());
            return settled(s.registry(), o, 0, dev, "credits.retired", actor);
        });
    }

    Map<String, Object> poolPurchase(Actor actor, String obligationId, CreditsInput in, UUID requestId) {
        long units = units(in.credits());
        Map<String, Object> dev = developments.byObligation(actor, obligationId);
        PartyService.Party buyer = actingFor(actor, (String) dev.get("developer_party"));
        return host.write(s -> {
            CreditOutcome o = s.require(
                    new CreditCommand.BuyFromPool(
                            requestId, obligationId, buyer.id(), units, PartyService.cashAccount(buyer.id())),
                    actor.username());
            long price = lastAmount(s.registry(), requestId);
            return settled(s.registry(), o, price, dev, "credits.pool.purchased", actor);
        });
    }

    private static long lastAmount(CreditRegistry r, UUID requestId) {
        return r.registerFrom(Math.max(0, r.registerSize() - 4)).stream()
                .filter(e -> e.requestId().equals(requestId))
                .mapToLong(e -> e.amountFen())
                .sum();
    }

    private Map<String, Object> settled(
            CreditRegistry r, CreditOutcome o, long amountFen, Map<String, Object> dev, String action, Actor actor) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("requestId", o.requestId());
        v.put("units", Amounts.credits(o.units()));
        v.put("amountYuan", Amounts.yuan(amountFen));
        if (dev != null) {
            Map<String, Object> obligation = DevelopmentService.obligation(r, (String) dev.get("obligation_id"), dev);
            v.put("obligation", obligation);
            v.put("gate", obligation.get("gate"));
        }
        String division = dev != null ? (String) dev.get("division_code") : "3308";
        audit.record(action, "credit_settlement", o.requestId().toString(), division, null, v);
        return v;
    }

    // ---- listings ----

    Map<String, Object> list(Actor actor, ListingInput in, UUID requestId) {
        List<FieldProblem> problems = new ArrayList<>();
        long units = Amounts.units(in.credits(), "credits", problems);
        long price = Amounts.fen(in.priceYuanPerCredit(), "priceYuanPerCredit", "credits.bad-price", problems);
        Amounts.check(problems, "credits.invalid");
        PartyService.Party seller = actingFor(actor, in.sellerPartyId());
        String id =
                "LS" + requestId.toString().replace("-", "").substring(0, 16).toUpperCase();
        return host.write(s -> {
            s.require(
                    new CreditCommand.ListCredits(requestId, id, seller.id(), units, price, parties.currentPolicy()),
                    actor.username());
            Map<String, Object> view = listingView(s.registry().listing(id).orElseThrow());
            audit.record("credits.listing.created", "credit_listing", id, seller.division(), null, view);
            return view;
        });
    }

    Map<String, Object> delist(Actor actor, String listingId, UUID requestId) {
        Listing l = host.read(r -> r.listing(listingId))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "credits.not-found"));
        PartyService.Party seller = actingFor(actor, l.seller());
        return host.write(s -> {
            s.require(new CreditCommand.Delist(requestId, listingId, seller.id()), actor.username());
            Map<String, Object> view =
                    listingView(s.registry().listing(listingId).orElseThrow());
            audit.record("credits.listing.delisted", "credit_listing", listingId, seller.division(), null, view);
            return view;
        });
    }

    /**
     * Delivery versus payment from a listing; with an obligation, the bought credits are retired against it
     * by the same registry command ({@code BuyAndRetire}: one plan, one linked ledger batch, one history
     * entry), so the purchase and the retirement are one all-or-nothing step.
     */
    Map<String, Object> purchase(Actor actor, String listingId, PurchaseInput in, UUID requestId) {
        long units = units(in.credits());
        PartyService.Party buyer = actingFor(actor, in.buyerPartyId());
        Map<String, Object> dev =
                in.obligationId() == null ? null : developments.byObligation(actor, in.obligationId());
        UUID cash = PartyService.cashAccount(buyer.id());
        CreditCommand command = dev == null
                ? new CreditCommand.Buy(requestId, listingId, buyer.id(), units, cash)
                : new CreditCommand.BuyAndRetire(
                        requestId,
                        listingId,
                        buyer.id(),
                        units,
                        cash,
                        in.obligationId(),
                        (String) dev.get("developer_party"),
                        "market purchase " + listingId);
        return host.write(s -> {
            CreditOutcome o = s.require(command, actor.username());
            long amount = s.registry()
                    .listing(listingId)
                    .map(l -> CreditUnits.paymentFen(units, l.priceFenPerCredit()))
                    .orElse(0L);
            return settled(s.registry(), o, amount, dev, "credits.listing.bought", actor);
        });
    }

    Page<Map<String, Object>> listings(Actor actor, String county, Boolean open, PageRequest page) {
        CreditsAccess.requireSignedIn(actor);
        List<Listing> all = host.read(CreditRegistry::listings);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Listing l : all) {
            String c = host.countyOf(l.seller());
            if ((county == null || county.equals(c)) && (open == null || open == l.open())) {
                rows.add(listingView(l));
            }
        }
        int from = (int) Math.min(rows.size(), page.offset());
        int to = Math.min(rows.size(), from + page.size());
        return page.toPage(rows.subList(from, to), rows.size());
    }

    private Map<String, Object> listingView(Listing l) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", l.id());
        v.put("sellerPartyId", l.seller());
        v.put("countyCode", host.countyOf(l.seller()));
        v.put("priceYuanPerCredit", Amounts.yuan(l.priceFenPerCredit()));
        v.put("remaining", Amounts.credits(l.remainingUnits()));
        v.put("open", l.open());
        v.put("policyVersion", l.policyVersion());
        return v;
    }

    // ---- bids ----

    Map<String, Object> bid(Actor actor, BidInput in, UUID requestId) {
        List<FieldProblem> problems = new ArrayList<>();
        long units = Amounts.units(in.credits(), "credits", problems);
        long price = Amounts.fen(in.priceYuanPerCredit(), "priceYuanPerCredit", "credits.bad-price", problems);
        Amounts.check(problems, "credits.invalid");
        PartyService.Party buyer = actingFor(actor, in.buyerPartyId());
        String id =
                "BD" + requestId.toString().replace("-", "").substring(0, 16).toUpperCase();
        return host.write(s -> {
            s.require(
                    new CreditCommand.PlaceBid(
                            requestId,
                            id,
                            buyer.id(),
                            units,
                            price,
                            PartyService.cashAccount(buyer.id()),
                            parties.currentPolicy()),
                    actor.username());
            Map<String, Object> view = bidView(s.registry().bid(id).orElseThrow());
            audit.record("credits.bid.placed", "credit_bid", id, buyer.division(), null, view);
            return view;
        });
    }

    Map<String, Object> acceptBid(Actor actor, String bidId, AcceptInput in, UUID requestId) {
        long units = units(in.credits());
        PartyService.Party seller = actingFor(actor, in.sellerPartyId());
        return host.write(s -> {
            CreditOutcome o =
                    s.require(new CreditCommand.AcceptBid(requestId, bidId, seller.id(), units), actor.username());
            long amount = s.registry()
                    .bid(bidId)
                    .map(b -> CreditUnits.paymentFen(units, b.priceFenPerCredit()))
                    .orElse(0L);
            return settled(s.registry(), o, amount, null, "credits.bid.accepted", actor);
        });
    }

    Map<String, Object> withdrawBid(Actor actor, String bidId, UUID requestId) {
        Bid b = host.read(r -> r.bid(bidId))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "credits.not-found"));
        PartyService.Party buyer = actingFor(actor, b.buyer());
        return host.write(s -> {
            s.require(new CreditCommand.WithdrawBid(requestId, bidId, buyer.id()), actor.username());
            Map<String, Object> view = bidView(s.registry().bid(bidId).orElseThrow());
            audit.record("credits.bid.withdrawn", "credit_bid", bidId, buyer.division(), null, view);
            return view;
        });
    }

    private static Map<String, Object> bidView(Bid b) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", b.id());
        v.put("buyerPartyId", b.buyer());
        v.put("priceYuanPerCredit", Amounts.yuan(b.priceFenPerCredit()));
        v.put("remaining", Amounts.credits(b.remainingUnits()));
        v.put("open", b.open());
        return v;
    }
}
