package liangshan.ledger.credits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import liangshan.kernel.money.Money;

/** Planning of the demand side: transfers, listings, sales (DvP), obligations, retirements, the pool. */
final class MarketCommands {

    private final RegistryState state;

    MarketCommands(RegistryState state) {
        this.state = state;
    }

    private List<SerialBlock> issuedOf(String party) {
        return state.select(b -> b.state() == BlockState.ISSUED && b.holder().equals(party));
    }

    CreditCode transfer(CreditCommand.Transfer c, Plan plan) {
        if (!state.parties.containsKey(c.from()) || !state.parties.containsKey(c.to())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        if (c.from().equals(c.to())) {
            return CreditCode.SAME_PARTY;
        }
        if (c.units() < 1 || c.priceFenPerCredit() < 0) {
            return CreditCode.AMOUNT_INVALID;
        }
        List<SerialBlock> held = issuedOf(c.from());
        if (RegistryState.sum(held) < c.units()) {
            return CreditCode.INSUFFICIENT_CREDITS;
        }
        plan.move(held, c.units(), b -> b.moveTo(BlockState.ISSUED, c.to(), null, null));
        plan.units = c.units();
        plan.entry(new RegisterEntry(
                RegisterEntry.Kind.TRANSFER,
                plan.requestId,
                plan.at,
                c.from(),
                c.to(),
                c.units(),
                Plan.ranges(plan.changed(
                        b -> b.state() == BlockState.ISSUED && b.holder().equals(c.to()))),
                c.priceFenPerCredit(),
                CreditUnits.paymentFen(c.units(), c.priceFenPerCredit()),
                Map.of(),
                null,
                null,
                c.reason()));
        return CreditCode.OK;
    }

    CreditCode list(CreditCommand.ListCredits c, Plan plan) {
        if (state.listings.containsKey(c.listingId())) {
            return CreditCode.LISTING_EXISTS;
        }
        if (!state.parties.containsKey(c.seller())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        if (!state.policies.containsKey(c.policyVersion())) {
            return CreditCode.POLICY_NOT_FOUND;
        }
        if (c.units() < 1 || c.priceFenPerCredit() < 0) {
            return CreditCode.AMOUNT_INVALID;
        }
        List<SerialBlock> held = issuedOf(c.seller());
        if (RegistryState.sum(held) < c.units()) {
            return CreditCode.INSUFFICIENT_CREDITS;
        }
        plan.move(held, c.units(), b -> b.moveTo(BlockState.LISTED, b.holder(), c.listingId(), null));
        plan.units = c.units();
        Listing listing =
                new Listing(c.listingId(), c.seller(), c.priceFenPerCredit(), c.policyVersion(), c.units(), true);
        plan.effect(() -> state.listings.put(listing.id(), listing));
        return CreditCode.OK;
    }

    private List<SerialBlock> listedUnder(String listingId) {
        return state.select(b -> b.state() == BlockState.LISTED && b.listingId().equals(listingId));
    }

    CreditCode delist(CreditCommand.Delist c, Plan plan) {
        Listing listing = state.listings.get(c.listingId());
        if (listing == null) {
            return CreditCode.LISTING_NOT_FOUND;
        }
        if (!listing.open()) {
            return CreditCode.LISTING_CLOSED;
        }
        if (!listing.seller().equals(c.seller())) {
            return CreditCode.NOT_LISTING_SELLER;
        }
        List<SerialBlock> listed = listedUnder(listing.id());
        plan.move(listed, listing.remainingUnits(), b -> b.moveTo(BlockState.ISSUED, listing.seller(), null, null));
        plan.units = listing.remainingUnits();
        plan.effect(() -> state.listings.put(listing.id(), listing.closed()));
        return CreditCode.OK;
    }

    /**
     * Delivery versus payment: the listed credits go to the buyer and the price goes from the buyer's CNY
     * account to the seller's share accounts, split by the listing policy's revenue rule (invariant 12),
     * all in one linked ledger batch.
     */
    CreditCode buy(CreditCommand.Buy c, Plan plan) {
        Listing listing = state.listings.get(c.listingId());
        CreditCode code = buyable(listing, c.buyer(), c.units());
        if (code != CreditCode.OK) {
            return code;
        }
        plan.move(listedUnder(listing.id()), c.units(), b -> b.moveTo(BlockState.ISSUED, c.buyer(), null, null));
        plan.units = c.units();
        paySeller(
                plan,
                listing.seller(),
                c.buyer(),
                c.buyerCashAccount(),
                c.units(),
                listing.priceFenPerCredit(),
                listing.policyVersion());
        plan.effect(
                () -> state.listings.put(listing.id(), listing.withRemaining(listing.remainingUnits() - c.units())));
        return CreditCode.OK;
    }

    /** The rules a purchase from {@code listing} must meet, in the order they are answered. */
    private CreditCode buyable(Listing listing, String buyer, long units) {
        if (listing == null) {
            return CreditCode.LISTING_NOT_FOUND;
        }
        if (!listing.open()) {
            return CreditCode.LISTING_CLOSED;
        }
        if (!state.parties.containsKey(buyer)) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        if (buyer.equals(listing.seller())) {
            return CreditCode.SAME_PARTY;
        }
        if (units < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        if (units > listing.remainingUnits()) {
            return CreditCode.EXCEEDS_LISTING;
        }
        return CreditCode.OK;
    }

    /**
     * {@link #buy} and {@link #retire} in one plan: the first {@code units} listed serials go LISTED → ISSUED
     * (buyer) → RETIRED against the obligation, so the ledger batch holds escrow → buyer, buyer → retired and
     * the CNY legs of the sale, linked; the register gets the sale and the retirement lines. Exactly the
     * bought serials are retired (not older credits of the buyer), so they must all match the obligation's
     * rules (invariant 5) — checked before anything is planned, since a split allocates block ids.
     */
    CreditCode buyAndRetire(CreditCommand.BuyAndRetire c, Plan plan) {
        Listing listing = state.listings.get(c.listingId());
        CreditCode code = buyable(listing, c.buyer(), c.units());
        if (code != CreditCode.OK) {
            return code;
        }
        Obligation o = state.obligations.get(c.obligationId());
        if (o == null) {
            return CreditCode.OBLIGATION_NOT_FOUND;
        }
        if (o.acquitted()) {
            return CreditCode.OBLIGATION_ALREADY_ACQUITTED;
        }
        if (isBlank(c.beneficiary()) || isBlank(c.reason())) {
            return CreditCode.RETIREMENT_DETAILS_MISSING;
        }
        if (c.units() > open(o)) {
            return CreditCode.EXCEEDS_OBLIGATION;
        }
        List<SerialBlock> listed = listedUnder(listing.id());
        if (!firstUnitsMatch(listed, c.units(), o)) {
            return CreditCode.CREDITS_DO_NOT_MATCH;
        }
        plan.move(listed, c.units(), b -> b.moveTo(BlockState.ISSUED, c.buyer(), null, null));
        paySeller(
                plan,
                listing.seller(),
                c.buyer(),
                c.buyerCashAccount(),
                c.units(),
                listing.priceFenPerCredit(),
                listing.policyVersion());
        List<SerialBlock> bought =
                plan.changed(b -> b.state() == BlockState.ISSUED && b.holder().equals(c.buyer()));
        retireInto(plan, bought, c.units(), o, c.buyer(), c.beneficiary(), c.reason());
        plan.units = c.units();
        long retired = o.retiredUnits() + c.units();
        plan.effect(() -> {
            state.listings.put(listing.id(), listing.withRemaining(listing.remainingUnits() - c.units()));
            state.obligations.put(o.id(), o.withRetired(retired));
        });
        return CreditCode.OK;
    }

    /** Whether every block the first {@code units} of {@code blocks} touch matches {@code o}. */
    private boolean firstUnitsMatch(List<SerialBlock> blocks, long units, Obligation o) {
        long left = units;
        for (SerialBlock b : blocks) {
            if (left <= 0) {
                break;
            }
            if (!state.matches(b, o)) {
                return false;
            }
            left -= b.count();
        }
        return true;
    }

    /**
     * The CNY legs of a sale (buyer's cash → the seller's share accounts, split exactly by the policy's
     * revenue rule, invariant 12) and its register line; the credit legs are already in the plan.
     */
    void paySeller(
            Plan plan,
            String sellerId,
            String buyer,
            java.util.UUID buyerCash,
            long units,
            long price,
            String policyVersion) {
        long payment = CreditUnits.paymentFen(units, price);
        RevenueShareRule rule = state.policies.get(policyVersion).revenueRule();
        Map<RevenueShare, Long> shares = rule.split(payment);
        CreditParty seller = state.parties.get(sellerId);
        for (RevenueShare share : RevenueShare.values()) {
            plan.cash(
                    buyerCash,
                    seller.proceeds().get(share),
                    shares.get(share),
                    "credits.sale." + share.name().toLowerCase(java.util.Locale.ROOT));
        }
        plan.entry(new RegisterEntry(
                RegisterEntry.Kind.SALE,
                plan.requestId,
                plan.at,
                sellerId,
                buyer,
                units,
                Plan.ranges(plan.changed(
                        b -> b.state() == BlockState.ISSUED && b.holder().equals(buyer))),
                price,
                payment,
                shares,
                null,
                null,
                rule.version()));
    }

    CreditCode registerObligation(CreditCommand.RegisterObligation c, Plan plan) {
        if (state.obligations.containsKey(c.obligationId())) {
            return CreditCode.OBLIGATION_EXISTS;
        }
        if (!state.parties.containsKey(c.obligor())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        CreditPolicy policy = state.policies.get(c.policyVersion());
        if (policy == null) {
            return CreditCode.POLICY_NOT_FOUND;
        }
        Money loss = c.lossPerYear().abs();
        long amount = CreditUnits.obligationUnits(loss, policy.multiplier());
        if (amount < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        Obligation o = new Obligation(
                c.obligationId(),
                c.developmentProjectId(),
                c.obligor(),
                c.county(),
                loss.fen(),
                c.policyVersion(),
                c.priceSetId(),
                c.serviceType(),
                amount,
                0);
        plan.units = amount;
        plan.effect(() -> state.obligations.put(o.id(), o));
        return CreditCode.OK;
    }

    /** Units of the obligation still open to retirement: not yet retired and not owed by the pool. */
    private long open(Obligation o) {
        return o.outstanding() - state.openLiabilityUnits(o.id());
    }

    /**
     * Invariant 5 and 6: only ISSUED credits of the holder that match the obligation's rules are retired,
     * each block at most once (RETIRED is final), never more than the obligation still needs.
     */
    CreditCode retire(CreditCommand.Retire c, Plan plan) {
        if (!state.parties.containsKey(c.holder())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        Obligation o = state.obligations.get(c.obligationId());
        if (o == null) {
            return CreditCode.OBLIGATION_NOT_FOUND;
        }
        if (o.acquitted()) {
            return CreditCode.OBLIGATION_ALREADY_ACQUITTED;
        }
        if (c.units() < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        if (isBlank(c.beneficiary()) || isBlank(c.reason())) {
            return CreditCode.RETIREMENT_DETAILS_MISSING;
        }
        if (c.units() > open(o)) {
            return CreditCode.EXCEEDS_OBLIGATION;
        }
        List<SerialBlock> matching = state.select(
                b -> b.state() == BlockState.ISSUED && b.holder().equals(c.holder()) && state.matches(b, o));
        if (RegistryState.sum(matching) < c.units()) {
            return shortfall(c.holder(), o, c.units(), RegistryState.sum(matching));
        }
        retireInto(plan, matching, c.units(), o, c.holder(), c.beneficiary(), c.reason());
        plan.units = c.units();
        long retired = o.retiredUnits() + c.units();
        plan.effect(() -> state.obligations.put(o.id(), o.withRetired(retired)));
        return CreditCode.OK;
    }

    /** Why the holder cannot retire {@code units}: pending units, credits that do not match, or too few. */
    private CreditCode shortfall(String holder, Obligation o, long units, long matchingIssued) {
        long matchingPending = RegistryState.sum(
                state.select(b -> b.state() == BlockState.PENDING && b.holder().equals(holder) && state.matches(b, o)));
        if (matchingIssued + matchingPending >= units) {
            return CreditCode.PENDING_NOT_RETIRABLE;
        }
        if (RegistryState.sum(issuedOf(holder)) >= units) {
            return CreditCode.CREDITS_DO_NOT_MATCH;
        }
        return CreditCode.INSUFFICIENT_CREDITS;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private List<SerialBlock> retireInto(
            Plan plan,
            List<SerialBlock> from,
            long units,
            Obligation o,
            String holder,
            String beneficiary,
            String reason) {
        int mark = plan.entries.size();
        List<SerialBlock> rest = plan.move(from, units, b -> b.moveTo(BlockState.RETIRED, b.holder(), null, o.id()));
        List<SerialBlock> retired = new ArrayList<>(plan.changed(
                b -> b.state() == BlockState.RETIRED && b.obligationId().equals(o.id())));
        plan.entries.add(
                mark,
                new RegisterEntry(
                        RegisterEntry.Kind.RETIREMENT,
                        plan.requestId,
                        plan.at,
                        holder,
                        null,
                        units,
                        Plan.ranges(retired),
                        0,
                        0,
                        Map.of(),
                        o.id(),
                        beneficiary,
                        reason));
        return rest;
    }

    /**
     * Buys from the county pool at the pool price: the pool retires what matching credits it holds against
     * the obligation and owes the rest as a {@link PoolLiability}; the buyer pays for all of it.
     */
    CreditCode buyFromPool(CreditCommand.BuyFromPool c, Plan plan) {
        Obligation o = state.obligations.get(c.obligationId());
        if (o == null) {
            return CreditCode.OBLIGATION_NOT_FOUND;
        }
        if (o.acquitted()) {
            return CreditCode.OBLIGATION_ALREADY_ACQUITTED;
        }
        if (!state.parties.containsKey(c.buyer())) {
            return CreditCode.PARTY_NOT_FOUND;
        }
        CountyPool pool = state.pools.get(o.county());
        if (pool == null) {
            return CreditCode.POOL_NOT_FOUND;
        }
        if (pool.party().equals(c.buyer())) {
            return CreditCode.SAME_PARTY;
        }
        if (c.units() < 1) {
            return CreditCode.AMOUNT_INVALID;
        }
        if (c.units() > open(o)) {
            return CreditCode.EXCEEDS_OBLIGATION;
        }
        List<SerialBlock> matching = state.select(
                b -> b.state() == BlockState.ISSUED && b.holder().equals(pool.party()) && state.matches(b, o));
        long fromStock = Math.min(RegistryState.sum(matching), c.units());
        long owed = c.units() - fromStock;
        long payment = CreditUnits.paymentFen(c.units(), pool.priceFenPerCredit());
        plan.entry(new RegisterEntry(
                RegisterEntry.Kind.POOL_SALE,
                plan.requestId,
                plan.at,
                pool.party(),
                c.buyer(),
                c.units(),
                List.of(),
                pool.priceFenPerCredit(),
                payment,
                Map.of(),
                o.id(),
                c.buyer(),
                "pool.sale"));
        if (fromStock > 0) {
            retireInto(plan, matching, fromStock, o, pool.party(), c.buyer(), "pool.sale");
        }
        plan.cash(c.buyerCashAccount(), pool.cashAccount(), payment, "credits.pool.payment");
        plan.units = c.units();
        long retired = o.retiredUnits() + fromStock;
        PoolLiability liability = owed == 0
                ? null
                : new PoolLiability("liability:" + c.requestId(), o.county(), o.id(), c.buyer(), owed, owed);
        plan.effect(() -> {
            state.obligations.put(o.id(), o.withRetired(retired));
            if (liability != null) {
                state.liabilities.put(liability.id(), liability);
            }
        });
        return CreditCode.OK;
    }

    /** Retires matching pool credits against the county's open liabilities, oldest first. */
    CreditCode settlePoolLiabilities(CreditCommand.SettlePoolLiabilities c, Plan plan) {
        CountyPool pool = state.pools.get(c.county());
        if (pool == null) {
            return CreditCode.POOL_NOT_FOUND;
        }
        List<SerialBlock> stock = issuedOf(pool.party());
        long total = 0;
        for (PoolLiability liability : state.liabilities.values()) {
            if (!liability.open() || !liability.county().equals(c.county())) {
                continue;
            }
            Obligation o = state.obligations.get(liability.obligationId());
            List<SerialBlock> matching = new ArrayList<>();
            List<SerialBlock> other = new ArrayList<>();
            for (SerialBlock b : stock) {
                (state.matches(b, o) ? matching : other).add(b);
            }
            long n = Math.min(RegistryState.sum(matching), liability.outstandingUnits());
            if (n == 0) {
                continue;
            }
            other.addAll(retireInto(plan, matching, n, o, pool.party(), liability.beneficiary(), "pool.liability"));
            other.sort(Comparator.comparingLong(SerialBlock::start));
            stock = other;
            total += n;
            PoolLiability settled = liability.withOutstanding(liability.outstandingUnits() - n);
            plan.effect(() -> {
                state.liabilities.put(settled.id(), settled);
                Obligation now = state.obligations.get(o.id());
                state.obligations.put(o.id(), now.withRetired(now.retiredUnits() + n));
            });
        }
        if (total == 0) {
            return CreditCode.NOTHING_TO_SETTLE;
        }
        plan.units = total;
        return CreditCode.OK;
    }
}
