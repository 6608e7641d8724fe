package liangshan.ledger.credits;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import liangshan.kernel.money.Money;

/**
 * A command to the {@link CreditRegistry}. The request id is chosen by the client and is the idempotency
 * key (invariant 11): the same command again returns the first answer and moves nothing; another command
 * under the same id answers {@link CreditCode#REQUEST_ID_REUSED}. Commands are compared with {@code
 * equals}, so all of them are records.
 */
public sealed interface CreditCommand {

    UUID requestId();

    /** Opens the eco-credit account of a party (its holding and pending ledger accounts). */
    record OpenAccount(UUID requestId, CreditParty party) implements CreditCommand {}

    /** Declares a county's reserve pool: its party (opened before), price and CNY account. */
    record ConfigurePool(UUID requestId, CountyPool pool) implements CreditCommand {}

    /** Registers a restoration (or carbon-sink) project after the land/period overlap check. */
    record RegisterProject(UUID requestId, CreditProject project) implements CreditCommand {}

    /** Reserves serials for an ex-ante estimate: all PENDING, held by the project owner. */
    record CreateBatch(
            UUID requestId,
            String batchId,
            String projectId,
            int vintage,
            String policyVersion,
            String priceSetId,
            long estimatedUnits,
            List<Milestone> milestones)
            implements CreditCommand {
        public CreateBatch {
            milestones = List.copyOf(milestones);
        }
    }

    /** Records a verification (验收) of a milestone. */
    record RecordVerification(
            UUID requestId,
            String verificationId,
            String batchId,
            String milestoneCode,
            String verifier,
            String recordRef,
            boolean completed)
            implements CreditCommand {}

    /** The maker proposes releasing a batch up to a verified milestone. */
    record ProposeRelease(UUID requestId, String proposalId, String batchId, String milestoneCode, String maker)
            implements CreditCommand {}

    /** A second person approves: pending units become ISSUED (and BUFFER) up to the milestone's cap. */
    record ApproveRelease(UUID requestId, String proposalId, String checker) implements CreditCommand {}

    /** Moves ISSUED credits between two parties (a gift or an off-market deal registered at a price). */
    record Transfer(UUID requestId, String from, String to, long units, long priceFenPerCredit, String reason)
            implements CreditCommand {}

    /** Escrows ISSUED credits of the seller under a new listing. */
    record ListCredits(
            UUID requestId, String listingId, String seller, long units, long priceFenPerCredit, String policyVersion)
            implements CreditCommand {}

    /** Returns what is left of a listing to the seller. */
    record Delist(UUID requestId, String listingId, String seller) implements CreditCommand {}

    /** Delivery versus payment: listed credits to the buyer, CNY from the buyer to the seller's shares. */
    record Buy(UUID requestId, String listingId, String buyer, long units, UUID buyerCashAccount)
            implements CreditCommand {}

    /**
     * Delivery versus payment from a listing AND retirement of exactly the bought credits against the buyer's
     * obligation, as one plan, one linked ledger batch and one history entry (the seller "fulfils on
     * behalf"). All or nothing: any rule of {@link Buy} or {@link Retire} that fails rejects the whole
     * command.
     */
    record BuyAndRetire(
            UUID requestId,
            String listingId,
            String buyer,
            long units,
            UUID buyerCashAccount,
            String obligationId,
            String beneficiary,
            String reason)
            implements CreditCommand {}

    /** A standing offer to buy up to {@code units} at a price; no money moves until a seller accepts. */
    record PlaceBid(
            UUID requestId,
            String bidId,
            String buyer,
            long units,
            long priceFenPerCredit,
            UUID buyerCashAccount,
            String policyVersion)
            implements CreditCommand {}

    /** A seller fills (part of) a bid from its ISSUED credits: delivery versus payment at the bid price. */
    record AcceptBid(UUID requestId, String bidId, String seller, long units) implements CreditCommand {}

    /** The buyer withdraws what is left of its bid. */
    record WithdrawBid(UUID requestId, String bidId, String buyer) implements CreditCommand {}

    /** Registers a development project's obligation from its loss of regulating value. */
    record RegisterObligation(
            UUID requestId,
            String obligationId,
            String developmentProjectId,
            String obligor,
            String county,
            Money lossPerYear,
            String policyVersion,
            String priceSetId,
            String serviceType)
            implements CreditCommand {
        public RegisterObligation {
            Objects.requireNonNull(lossPerYear, "lossPerYear");
        }
    }

    /** Retires ISSUED credits of the holder against an obligation. */
    record Retire(UUID requestId, String holder, long units, String obligationId, String beneficiary, String reason)
            implements CreditCommand {}

    /**
     * Buys from the county pool at the pool price: the pool retires what it has against the obligation
     * and owes the rest as a pool liability.
     */
    record BuyFromPool(UUID requestId, String obligationId, String buyer, long units, UUID buyerCashAccount)
            implements CreditCommand {}

    /** Retires pool credits against the county's open liabilities, oldest first. */
    record SettlePoolLiabilities(UUID requestId, String county) implements CreditCommand {}

    /** Cancels units of a batch in state PENDING, ISSUED or BUFFER held by {@code holder}. */
    record Cancel(UUID requestId, String holder, String batchId, BlockState from, long units, String reason)
            implements CreditCommand {}
}
