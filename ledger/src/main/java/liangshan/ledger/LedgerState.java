package liangshan.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where a ledger keeps its accounts and journal. {@link LedgerEngine} holds all the rules and only reads
 * through this interface and writes {@link ChangeSet}s; an implementation stores, it never decides.
 *
 * <p>{@link InMemoryLedgerState} serves tests and simulations. A persistent implementation (PostgreSQL in
 * the app) must guarantee, besides what each method says:
 *
 * <ol>
 *   <li><b>Serialisable batches.</b> One call of a {@link Ledger} method runs inside one database
 *       transaction, and no two calls on overlapping accounts interleave (a lock per ledger or per
 *       account row taken in a fixed order, or SERIALIZABLE isolation with retry of the whole call).
 *       Reads see the effect of every earlier {@link #commit} in the same transaction.
 *   <li><b>Atomic change sets.</b> {@link #commit} writes all of a change set or none (a savepoint per
 *       call if the surrounding transaction must survive a failed write).
 *   <li><b>Unique ids.</b> Transfer ids, account ids and "reversed by" entries are unique keys, so a
 *       concurrent duplicate fails the transaction instead of moving money twice.
 *   <li><b>Append-only journal.</b> Outcomes are never updated or deleted; only account balances, account
 *       flags and pending statuses change, and only through change sets.
 *   <li><b>Exact integers.</b> Balances and amounts are 64-bit integers ({@code bigint}), never numeric
 *       types that round.
 * </ol>
 */
public interface LedgerState {

    Optional<Account> account(UUID id);

    /** The outcome remembered under a transfer id (applied, or a STATE rejection). */
    Optional<TransferOutcome> outcome(UUID transferId);

    /** The applied transfer under an id, if any. */
    default Optional<Transfer> transfer(UUID transferId) {
        return outcome(transferId).map(TransferOutcome::transfer);
    }

    /** The status of an applied pending transfer; empty for other ids. */
    Optional<PendingStatus> pendingStatus(UUID pendingId);

    /** The id of the transfer that reversed {@code transferId}, if any. */
    Optional<UUID> reversedBy(UUID transferId);

    /**
     * Ids of pending transfers still {@link PendingStatus#PENDING} whose expiry is at or before
     * {@code instant}, in expiry order (ties by id).
     */
    List<UUID> pendingDueBy(Instant instant);

    /** All accounts, in opening order. */
    Stream<Account> accounts();

    /** All applied transfers, in application order (used by {@link LedgerInvariants}). */
    Stream<Transfer> transfers();

    /** Applies a change set entirely or not at all. */
    void commit(ChangeSet changes);
}
