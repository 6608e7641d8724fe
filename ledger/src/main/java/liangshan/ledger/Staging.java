package liangshan.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tentative changes of one linked chain over a {@link LedgerState}: reads see the chain's own earlier
 * effects, nothing reaches the state until the whole chain succeeded. A failed chain is dropped, except
 * the STATE rejection that failed it, which is remembered under its id.
 */
final class Staging {

    private final LedgerState base;
    private final Map<UUID, Account> accounts = new LinkedHashMap<>();
    private final Map<UUID, TransferOutcome> outcomes = new LinkedHashMap<>();
    private final Map<UUID, PendingStatus> pendingStatuses = new HashMap<>();
    private final Map<UUID, UUID> reversals = new HashMap<>();
    private final List<TransferOutcome> rejections = new ArrayList<>();

    Staging(LedgerState base) {
        this.base = base;
    }

    Optional<Account> account(UUID id) {
        Account staged = accounts.get(id);
        return staged != null ? Optional.of(staged) : base.account(id);
    }

    Optional<TransferOutcome> outcome(UUID id) {
        TransferOutcome staged = outcomes.get(id);
        return staged != null ? Optional.of(staged) : base.outcome(id);
    }

    Optional<Transfer> transfer(UUID id) {
        return outcome(id).map(TransferOutcome::transfer);
    }

    Optional<PendingStatus> pendingStatus(UUID id) {
        PendingStatus staged = pendingStatuses.get(id);
        return staged != null ? Optional.of(staged) : base.pendingStatus(id);
    }

    Optional<UUID> reversedBy(UUID id) {
        UUID staged = reversals.get(id);
        return staged != null ? Optional.of(staged) : base.reversedBy(id);
    }

    void put(Account account) {
        accounts.put(account.id(), account);
    }

    void applied(TransferOutcome outcome) {
        outcomes.put(outcome.request().id(), outcome);
    }

    void pendingStatus(UUID pendingId, PendingStatus status) {
        pendingStatuses.put(pendingId, status);
    }

    void reversed(UUID originalId, UUID reversalId) {
        reversals.put(originalId, reversalId);
    }

    void rejected(TransferOutcome outcome) {
        rejections.add(outcome);
    }

    /** What a successful chain writes. */
    ChangeSet changes() {
        return new ChangeSet(
                List.copyOf(accounts.values()), List.copyOf(outcomes.values()), pendingStatuses, reversals);
    }

    /** What a failed chain writes: only the rejection to remember, if the failure was a STATE one. */
    ChangeSet rejections() {
        return ChangeSet.ofOutcomes(rejections);
    }
}
