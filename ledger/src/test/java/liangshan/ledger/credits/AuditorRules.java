package liangshan.ledger.credits;

import java.util.Map;
import java.util.TreeMap;

/**
 * The auditor's reading of each command: the code the registry must answer, written from the rules and
 * the simple counts of {@link CreditAuditor}, with the effect applied to the counts when the code is OK.
 */
final class AuditorRules {

    private final CreditAuditor a;

    AuditorRules(CreditAuditor auditor) {
        this.a = auditor;
    }

    CreditCode apply(CreditCommand c) {
        if (c instanceof CreditCommand.RegisterProject x) {
            return registerProject(x);
        } else if (c instanceof CreditCommand.CreateBatch x) {
            return createBatch(x);
        } else if (c instanceof CreditCommand.RecordVerification x) {
            return verify(x);
        } else if (c instanceof CreditCommand.ProposeRelease x) {
            return propose(x);
        } else if (c instanceof CreditCommand.ApproveRelease x) {
            return approve(x);
        } else if (c instanceof CreditCommand.Transfer x) {
            return transfer(x);
        } else if (c instanceof CreditCommand.ListCredits x) {
            return list(x);
        } else if (c instanceof CreditCommand.Delist x) {
            return delist(x);
        } else if (c instanceof CreditCommand.Buy x) {
            return buy(x);
        } else if (c instanceof CreditCommand.BuyAndRetire x) {
            return buyAndRetire(x);
        } else if (c instanceof CreditCommand.PlaceBid x) {
            return placeBid(x);
        } else if (c instanceof CreditCommand.AcceptBid x) {
            return acceptBid(x);
        } else if (c instanceof CreditCommand.WithdrawBid x) {
            return withdrawBid(x);
        } else if (c instanceof CreditCommand.RegisterObligation x) {
            return obligation(x);
        } else if (c instanceof CreditCommand.Retire x) {
            return retire(x);
        } else if (c instanceof CreditCommand.BuyFromPool x) {
            return buyFromPool(x);
        } else if (c instanceof CreditCommand.SettlePoolLiabilities x) {
            return settle(x);
        } else if (c instanceof CreditCommand.Cancel x) {
            return cancel(x);
        }
        throw new IllegalArgumentException("the simulation does not send " + c);
    }

    private CreditCode registerProject(CreditCommand.RegisterProject x) {
        CreditProject p = x.project();
        if (a.projects.containsKey(p.id())) {
            return CreditCode.PROJECT_EXISTS;
        }
        if (!a.parties.containsKey(p.owner())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        boolean pool = a.parties.get(p.owner()).pool;
        if (p.kind() == ProjectKind.GOVERNMENT && !pool) {
            return CreditCode.GOVERNMENT_PROJECT_OWNER_NOT_POOL;
        }
        String parcel = p.land().parcels().iterator().next();
        if (a.parcels.contains(parcel)) {
            return CreditCode.LAND_OVERLAP;
        }
        a.parcels.add(parcel);
        a.projects.put(p.id(), new CreditAuditor.Project(p.id(), p.county(), p.owner(), p.serviceType()));
        return CreditCode.OK;
    }

    private CreditCode createBatch(CreditCommand.CreateBatch x) {
        if (a.batchById.containsKey(x.batchId())) {
            return CreditCode.BATCH_EXISTS;
        }
        CreditAuditor.Project p = a.projects.get(x.projectId());
        if (p == null) {
            return CreditCode.PROJECT_NOT_FOUND;
        }
        if (x.estimatedUnits() < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        long previous = 0;
        Map<String, Long> caps = new java.util.HashMap<>();
        for (Milestone m : x.milestones()) {
            if (m.cumulativeUnits() <= previous || caps.put(m.code(), m.cumulativeUnits()) != null) {
                return CreditCode.MILESTONES_INVALID;
            }
            previous = m.cumulativeUnits();
        }
        if (previous > x.estimatedUnits()) {
            return CreditCode.MILESTONES_INVALID;
        }
        CreditAuditor.Batch b = new CreditAuditor.Batch(
                a.batches.size(), x.batchId(), p.county(), p.owner(), p.service(), x.estimatedUnits(), caps);
        a.batches.add(b);
        a.batchById.put(b.id, b);
        return CreditCode.OK;
    }

    private CreditCode verify(CreditCommand.RecordVerification x) {
        if (a.verificationIds.contains(x.verificationId())) {
            return CreditCode.VERIFICATION_EXISTS;
        }
        CreditAuditor.Batch b = a.batchById.get(x.batchId());
        if (b == null) {
            return CreditCode.BATCH_NOT_FOUND;
        }
        if (!b.caps.containsKey(x.milestoneCode())) {
            return CreditCode.MILESTONE_NOT_FOUND;
        }
        a.verificationIds.add(x.verificationId());
        if (x.completed()) {
            b.verified.add(x.milestoneCode());
        }
        return CreditCode.OK;
    }

    private CreditCode propose(CreditCommand.ProposeRelease x) {
        if (a.proposals.containsKey(x.proposalId())) {
            return CreditCode.PROPOSAL_EXISTS;
        }
        CreditAuditor.Batch b = a.batchById.get(x.batchId());
        if (b == null) {
            return CreditCode.BATCH_NOT_FOUND;
        }
        if (!b.caps.containsKey(x.milestoneCode())) {
            return CreditCode.MILESTONE_NOT_FOUND;
        }
        if (!b.verified.contains(x.milestoneCode())) {
            return CreditCode.VERIFICATION_MISSING;
        }
        if (a.releasable(b, x.milestoneCode()) <= 0) {
            return CreditCode.NOTHING_TO_RELEASE;
        }
        a.proposals.put(x.proposalId(), new CreditAuditor.Proposal(b.id, x.milestoneCode(), x.maker()));
        return CreditCode.OK;
    }

    private CreditCode approve(CreditCommand.ApproveRelease x) {
        CreditAuditor.Proposal p = a.proposals.get(x.proposalId());
        if (p == null) {
            return CreditCode.PROPOSAL_NOT_FOUND;
        }
        if (p.approved) {
            return CreditCode.PROPOSAL_ALREADY_APPROVED;
        }
        if (x.checker().equals(p.maker)) {
            return CreditCode.MAKER_CHECKER_SAME_PERSON;
        }
        CreditAuditor.Batch b = a.batchById.get(p.batchId);
        long release = a.releasable(b, p.milestone);
        if (release <= 0) {
            return CreditCode.NOTHING_TO_RELEASE;
        }
        long buffer = release * 1000 / 10_000;
        p.approved = true;
        b.released += release;
        b.buffer += buffer;
        if (release > buffer) {
            a.parties.get(b.owner).issued.merge(b.index, release - buffer, Long::sum);
        }
        return CreditCode.OK;
    }

    private CreditCode transfer(CreditCommand.Transfer x) {
        if (!a.parties.containsKey(x.from()) || !a.parties.containsKey(x.to())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        if (x.from().equals(x.to())) {
            return CreditCode.SAME_PARTY;
        }
        if (x.units() < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        CreditAuditor.Party from = a.parties.get(x.from());
        if (CreditAuditor.sum(from.issued) < x.units()) {
            return CreditCode.INSUFFICIENT_CREDITS;
        }
        CreditAuditor.add(a.parties.get(x.to()).issued, a.take(from.issued, x.units(), i -> true));
        return CreditCode.OK;
    }

    private CreditCode list(CreditCommand.ListCredits x) {
        if (a.listings.containsKey(x.listingId())) {
            return CreditCode.LISTING_EXISTS;
        }
        if (!a.parties.containsKey(x.seller())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        if (x.units() < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        CreditAuditor.Party seller = a.parties.get(x.seller());
        if (CreditAuditor.sum(seller.issued) < x.units()) {
            return CreditCode.INSUFFICIENT_CREDITS;
        }
        a.listings.put(
                x.listingId(),
                new CreditAuditor.Listing(
                        x.seller(), x.priceFenPerCredit(), a.take(seller.issued, x.units(), i -> true)));
        return CreditCode.OK;
    }

    private CreditCode delist(CreditCommand.Delist x) {
        CreditAuditor.Listing l = a.listings.get(x.listingId());
        if (l == null) {
            return CreditCode.LISTING_NOT_FOUND;
        }
        if (!l.open) {
            return CreditCode.LISTING_CLOSED;
        }
        if (!l.seller.equals(x.seller())) {
            return CreditCode.NOT_LISTING_SELLER;
        }
        CreditAuditor.add(a.parties.get(l.seller).issued, l.units);
        l.units.clear();
        l.open = false;
        return CreditCode.OK;
    }

    private CreditCode buy(CreditCommand.Buy x) {
        CreditAuditor.Listing l = a.listings.get(x.listingId());
        if (l == null) {
            return CreditCode.LISTING_NOT_FOUND;
        }
        if (!l.open) {
            return CreditCode.LISTING_CLOSED;
        }
        if (!a.parties.containsKey(x.buyer())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        if (x.buyer().equals(l.seller)) {
            return CreditCode.SAME_PARTY;
        }
        if (x.units() < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        if (x.units() > l.remaining()) {
            return CreditCode.EXCEEDS_LISTING;
        }
        CreditAuditor.Party buyer = a.parties.get(x.buyer());
        long pay = CreditAuditor.payment(x.units(), l.price);
        if (pay > buyer.cash) {
            return CreditCode.LEDGER_REJECTED;
        }
        buyer.cash -= pay;
        a.parties.get(l.seller).cash += pay;
        CreditAuditor.add(buyer.issued, a.take(l.units, x.units(), i -> true));
        if (l.units.isEmpty()) {
            l.open = false;
        }
        return CreditCode.OK;
    }

    /**
     * A purchase whose bought units (the listing's lowest batches first) are retired at once against the
     * obligation: the rules of a purchase, then those of a retirement, then every batch touched must match.
     */
    private CreditCode buyAndRetire(CreditCommand.BuyAndRetire x) {
        CreditAuditor.Listing l = a.listings.get(x.listingId());
        CreditCode code = purchasable(l, x.buyer(), x.units());
        if (code != CreditCode.OK) {
            return code;
        }
        CreditAuditor.Obligation o = a.obligations.get(x.obligationId());
        if (o == null) {
            return CreditCode.OBLIGATION_NOT_FOUND;
        }
        if (o.retired >= o.amount) {
            return CreditCode.OBLIGATION_ALREADY_ACQUITTED;
        }
        if (x.beneficiary() == null
                || x.beneficiary().isBlank()
                || x.reason() == null
                || x.reason().isBlank()) {
            return CreditCode.RETIREMENT_DETAILS_MISSING;
        }
        if (x.units() > a.openOf(x.obligationId())) {
            return CreditCode.EXCEEDS_OBLIGATION;
        }
        long left = x.units();
        for (Map.Entry<Integer, Long> e : l.units.entrySet()) {
            if (left <= 0) {
                break;
            }
            if (!a.matches(a.batches.get(e.getKey()), o)) {
                return CreditCode.CREDITS_DO_NOT_MATCH;
            }
            left -= e.getValue();
        }
        CreditAuditor.Party buyer = a.parties.get(x.buyer());
        long pay = CreditAuditor.payment(x.units(), l.price);
        if (pay > buyer.cash) {
            return CreditCode.LEDGER_REJECTED;
        }
        buyer.cash -= pay;
        a.parties.get(l.seller).cash += pay;
        a.take(l.units, x.units(), i -> true);
        if (l.units.isEmpty()) {
            l.open = false;
        }
        o.retired += x.units();
        a.retiredTotal += x.units();
        return CreditCode.OK;
    }

    private CreditCode purchasable(CreditAuditor.Listing l, String buyer, long units) {
        if (l == null) {
            return CreditCode.LISTING_NOT_FOUND;
        }
        if (!l.open) {
            return CreditCode.LISTING_CLOSED;
        }
        if (!a.parties.containsKey(buyer)) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        if (buyer.equals(l.seller)) {
            return CreditCode.SAME_PARTY;
        }
        if (units < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        return units > l.remaining() ? CreditCode.EXCEEDS_LISTING : CreditCode.OK;
    }

    private CreditCode placeBid(CreditCommand.PlaceBid x) {
        if (a.bids.containsKey(x.bidId())) {
            return CreditCode.BID_EXISTS;
        }
        if (!a.parties.containsKey(x.buyer())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        if (x.units() < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        a.bids.put(x.bidId(), new CreditAuditor.Bid(x.buyer(), x.priceFenPerCredit(), x.units()));
        return CreditCode.OK;
    }

    private CreditCode acceptBid(CreditCommand.AcceptBid x) {
        CreditAuditor.Bid bid = a.bids.get(x.bidId());
        if (bid == null) {
            return CreditCode.BID_NOT_FOUND;
        }
        if (!bid.open) {
            return CreditCode.BID_CLOSED;
        }
        if (!a.parties.containsKey(x.seller())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        if (x.seller().equals(bid.buyer)) {
            return CreditCode.SAME_PARTY;
        }
        if (x.units() < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        if (x.units() > bid.remaining) {
            return CreditCode.EXCEEDS_BID;
        }
        CreditAuditor.Party seller = a.parties.get(x.seller());
        if (CreditAuditor.sum(seller.issued) < x.units()) {
            return CreditCode.INSUFFICIENT_CREDITS;
        }
        CreditAuditor.Party buyer = a.parties.get(bid.buyer);
        long pay = CreditAuditor.payment(x.units(), bid.price);
        if (pay > buyer.cash) {
            return CreditCode.LEDGER_REJECTED;
        }
        buyer.cash -= pay;
        seller.cash += pay;
        CreditAuditor.add(buyer.issued, a.take(seller.issued, x.units(), i -> true));
        bid.remaining -= x.units();
        bid.open = bid.remaining > 0;
        return CreditCode.OK;
    }

    private CreditCode withdrawBid(CreditCommand.WithdrawBid x) {
        CreditAuditor.Bid bid = a.bids.get(x.bidId());
        if (bid == null) {
            return CreditCode.BID_NOT_FOUND;
        }
        if (!bid.open) {
            return CreditCode.BID_CLOSED;
        }
        if (!bid.buyer.equals(x.buyer())) {
            return CreditCode.NOT_BID_BUYER;
        }
        bid.open = false;
        bid.remaining = 0;
        return CreditCode.OK;
    }

    private CreditCode obligation(CreditCommand.RegisterObligation x) {
        if (a.obligations.containsKey(x.obligationId())) {
            return CreditCode.OBLIGATION_EXISTS;
        }
        if (!a.parties.containsKey(x.obligor())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        long units = Math.abs(x.lossPerYear().fen()) * 10; // multiplier 1: 1 fen = 10 units
        if (units < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        a.obligations.put(x.obligationId(), new CreditAuditor.Obligation(x.county(), x.serviceType(), units));
        return CreditCode.OK;
    }

    private CreditCode retire(CreditCommand.Retire x) {
        if (!a.parties.containsKey(x.holder())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        CreditAuditor.Obligation o = a.obligations.get(x.obligationId());
        if (o == null) {
            return CreditCode.OBLIGATION_NOT_FOUND;
        }
        if (o.retired >= o.amount) {
            return CreditCode.OBLIGATION_ALREADY_ACQUITTED;
        }
        if (x.units() < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        if (x.beneficiary() == null
                || x.beneficiary().isBlank()
                || x.reason() == null
                || x.reason().isBlank()) {
            return CreditCode.RETIREMENT_DETAILS_MISSING;
        }
        if (x.units() > a.openOf(x.obligationId())) {
            return CreditCode.EXCEEDS_OBLIGATION;
        }
        long matching = a.matchingIssued(x.holder(), o);
        if (matching < x.units()) {
            if (matching + a.matchingPending(x.holder(), o) >= x.units()) {
                return CreditCode.PENDING_NOT_RETIRABLE;
            }
            return CreditAuditor.sum(a.parties.get(x.holder()).issued) >= x.units()
                    ? CreditCode.CREDITS_DO_NOT_MATCH
                    : CreditCode.INSUFFICIENT_CREDITS;
        }
        a.retire(x.holder(), x.obligationId(), x.units());
        return CreditCode.OK;
    }

    private CreditCode buyFromPool(CreditCommand.BuyFromPool x) {
        CreditAuditor.Obligation o = a.obligations.get(x.obligationId());
        if (o == null) {
            return CreditCode.OBLIGATION_NOT_FOUND;
        }
        if (o.retired >= o.amount) {
            return CreditCode.OBLIGATION_ALREADY_ACQUITTED;
        }
        if (!a.parties.containsKey(x.buyer())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        String pool = a.poolOfCounty.get(o.county);
        if (pool == null) {
            return CreditCode.POOL_NOT_FOUND;
        }
        if (pool.equals(x.buyer())) {
            return CreditCode.SAME_PARTY;
        }
        if (x.units() < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        if (x.units() > a.openOf(x.obligationId())) {
            return CreditCode.EXCEEDS_OBLIGATION;
        }
        long pay = CreditAuditor.payment(x.units(), a.poolPrice.get(o.county));
        CreditAuditor.Party buyer = a.parties.get(x.buyer());
        if (pay > buyer.cash) {
            return CreditCode.LEDGER_REJECTED;
        }
        buyer.cash -= pay;
        a.parties.get(pool).cash += pay;
        long fromStock = Math.min(a.matchingIssued(pool, o), x.units());
        if (fromStock > 0) {
            a.retire(pool, x.obligationId(), fromStock);
        }
        if (x.units() > fromStock) {
            o.owedByPool += x.units() - fromStock;
            a.liabilities.add(new CreditAuditor.Liability(o.county, x.obligationId(), x.units() - fromStock));
        }
        return CreditCode.OK;
    }

    private CreditCode settle(CreditCommand.SettlePoolLiabilities x) {
        String pool = a.poolOfCounty.get(x.county());
        if (pool == null) {
            return CreditCode.POOL_NOT_FOUND;
        }
        long total = 0;
        for (CreditAuditor.Liability l : a.liabilities) {
            if (l.outstanding == 0 || !l.county.equals(x.county())) {
                continue;
            }
            CreditAuditor.Obligation o = a.obligations.get(l.obligationId);
            long n = Math.min(a.matchingIssued(pool, o), l.outstanding);
            if (n > 0) {
                a.retire(pool, l.obligationId, n);
                l.outstanding -= n;
                o.owedByPool -= n;
                total += n;
            }
        }
        return total == 0 ? CreditCode.NOTHING_TO_SETTLE : CreditCode.OK;
    }

    private CreditCode cancel(CreditCommand.Cancel x) {
        if (!a.parties.containsKey(x.holder())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        CreditAuditor.Batch b = a.batchById.get(x.batchId());
        if (b == null) {
            return CreditCode.BATCH_NOT_FOUND;
        }
        BlockState s = x.from();
        if (s != BlockState.PENDING && s != BlockState.ISSUED && s != BlockState.BUFFER) {
            return CreditCode.STATE_NOT_CANCELLABLE;
        }
        if (x.units() < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        boolean owner = b.owner.equals(x.holder());
        TreeMap<Integer, Long> issued = a.parties.get(x.holder()).issued;
        long held = s == BlockState.PENDING
                ? (owner ? b.pending() : 0)
                : s == BlockState.BUFFER ? (owner ? b.buffer : 0) : issued.getOrDefault(b.index, 0L);
        if (held < x.units()) {
            return CreditCode.INSUFFICIENT_CREDITS;
        }
        if (s == BlockState.PENDING) {
            b.cancelledPending += x.units();
        } else if (s == BlockState.BUFFER) {
            b.buffer -= x.units();
        } else {
            a.take(issued, x.units(), i -> i == b.index);
        }
        b.cancelled += x.units();
        return CreditCode.OK;
    }
}
