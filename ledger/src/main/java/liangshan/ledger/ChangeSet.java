package liangshan.ledger;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything one atomic step of the ledger changes: a linked chain, a single transfer, an account opening
 * or closing, or an expiry sweep. A {@link LedgerState} applies a change set entirely or not at all.
 *
 * @param accounts new values of accounts (inserted if new, otherwise replacing the stored value)
 * @param outcomes new outcomes under transfer ids not used before, in application order
 * @param pendingStatuses new statuses of pending transfers (inserted with {@link PendingStatus#PENDING}
 *     when the pending transfer is applied, changed once afterwards)
 * @param reversals original transfer id → id of the transfer that reversed it (inserted once, never
 *     changed)
 */
public record ChangeSet(
        List<Account> accounts,
        List<TransferOutcome> outcomes,
        Map<UUID, PendingStatus> pendingStatuses,
        Map<UUID, UUID> reversals) {

    public ChangeSet {
        accounts = List.copyOf(accounts);
        outcomes = List.copyOf(outcomes);
        pendingStatuses = Map.copyOf(pendingStatuses);
        reversals = Map.copyOf(reversals);
    }

    static ChangeSet ofAccount(Account account) {
        return new ChangeSet(List.of(account), List.of(), Map.of(), Map.of());
    }

    static ChangeSet ofOutcomes(List<TransferOutcome> outcomes) {
        return new ChangeSet(List.of(), outcomes, Map.of(), Map.of());
    }

    public boolean isEmpty() {
        return accounts.isEmpty() && outcomes.isEmpty() && pendingStatuses.isEmpty() && reversals.isEmpty();
    }
}
