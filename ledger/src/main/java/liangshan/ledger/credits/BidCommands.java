package liangshan.ledger.credits;

import java.util.List;

/** Planning of bids: place, accept (DvP at the bid price), withdraw. */
final class BidCommands {

    private final RegistryState state;
    private final MarketCommands market;

    BidCommands(RegistryState state, MarketCommands market) {
        this.state = state;
        this.market = market;
    }

    CreditCode place(CreditCommand.PlaceBid c, Plan plan) {
        if (state.bids.containsKey(c.bidId())) {
            return CreditCode.BID_EXISTS;
        }
        if (!state.parties.containsKey(c.buyer())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        if (!state.policies.containsKey(c.policyVersion())) {
            return CreditCode.POLICY_NOT_FOUND;
        }
        if (c.units() < 1 || c.priceFenPerCredit() < 0) {
            return CreditCode.AMOUNT_INVALID;
        }
        Bid bid = new Bid(
                c.bidId(), c.buyer(), c.priceFenPerCredit(), c.buyerCashAccount(), c.policyVersion(), c.units(), true);
        plan.units = c.units();
        plan.effect(() -> state.bids.put(bid.id(), bid));
        return CreditCode.OK;
    }

    CreditCode accept(CreditCommand.AcceptBid c, Plan plan) {
        Bid bid = state.bids.get(c.bidId());
        if (bid == null) {
            return CreditCode.BID_NOT_FOUND;
        }
        if (!bid.open()) {
            return CreditCode.BID_CLOSED;
        }
        if (!state.parties.containsKey(c.seller())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        if (c.seller().equals(bid.buyer())) {
            return CreditCode.SAME_PARTY;
        }
        if (c.units() < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        if (c.units() > bid.remainingUnits()) {
            return CreditCode.EXCEEDS_BID;
        }
        List<SerialBlock> held =
                state.select(b -> b.state() == BlockState.ISSUED && b.holder().equals(c.seller()));
        if (RegistryState.sum(held) < c.units()) {
            return CreditCode.INSUFFICIENT_CREDITS;
        }
        plan.move(held, c.units(), b -> b.moveTo(BlockState.ISSUED, bid.buyer(), null, null));
        plan.units = c.units();
        market.paySeller(
                plan,
                c.seller(),
                bid.buyer(),
                bid.cashAccount(),
                c.units(),
                bid.priceFenPerCredit(),
                bid.policyVersion());
        plan.effect(() -> state.bids.put(bid.id(), bid.withRemaining(bid.remainingUnits() - c.units())));
        return CreditCode.OK;
    }

    CreditCode withdraw(CreditCommand.WithdrawBid c, Plan plan) {
        Bid bid = state.bids.get(c.bidId());
        if (bid == null) {
            return CreditCode.BID_NOT_FOUND;
        }
        if (!bid.open()) {
            return CreditCode.BID_CLOSED;
        }
        if (!bid.buyer().equals(c.buyer())) {
            return CreditCode.NOT_BID_BUYER;
        }
        plan.effect(() -> state.bids.put(bid.id(), bid.closed()));
        return CreditCode.OK;
    }
}
