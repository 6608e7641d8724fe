package liangshan.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A double-entry ledger of accounts and transfers in several assets (TigerBeetle's model: client-chosen
 * ids, pending/post/void, linked chains, result codes instead of exceptions for expected rejections).
 *
 * <p>Every command is idempotent by its id. Expected rejections are {@link ResultCode}s; exceptions mean
 * programmer errors (null ids, malformed assets) or a failing store.
 */
public interface Ledger {

    /** A ledger over a fresh {@link InMemoryLedgerState}. */
    static LedgerEngine inMemory(Clock clock) {
        return new LedgerEngine(new InMemoryLedgerState(), clock);
    }

    /** Opens accounts, each independently; one result per request, in order. */
    List<LedgerResult> createAccounts(List<NewAccount> accounts);

    /**
     * Closes an account so that it accepts no further transfers. Answers {@link ResultCode#OK},
     * {@link ResultCode#ACCOUNT_NOT_FOUND}, {@link ResultCode#ACCOUNT_ALREADY_CLOSED} (also on a retry) or
     * {@link ResultCode#ACCOUNT_HAS_PENDING_TRANSFERS} (post or void them first).
     */
    ResultCode closeAccount(UUID accountId);

    /**
     * Applies a batch of transfer requests in order; one result per request, in order. Requests joined by
     * {@link TransferFlag#LINKED} are applied all or none. Pending transfers whose timeout has passed are
     * expired first.
     */
    List<LedgerResult> submit(List<TransferRequest> requests);

    default LedgerResult submit(TransferRequest request) {
        return submit(List.of(request)).get(0);
    }

    /** Applies a balanced journal entry as one linked chain: all its legs or none. */
    default List<LedgerResult> submit(JournalEntry entry) {
        return submit(entry.toTransfers());
    }

    /** Reverses a posted transfer (see {@link TransferRequest#reversal}). */
    default LedgerResult reverse(UUID transferId, UUID newId) {
        return submit(TransferRequest.reversal(newId, transferId));
    }

    /** Releases every pending transfer whose timeout has passed; answers how many. */
    int expirePending();

    Optional<Account> account(UUID id);

    Optional<Transfer> transfer(UUID id);

    Optional<PendingStatus> pendingStatus(UUID pendingId);
}
