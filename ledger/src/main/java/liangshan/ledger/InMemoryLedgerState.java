package liangshan.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A {@link LedgerState} in plain maps, for tests, simulations and previews. Not thread-safe by itself:
 * {@link LedgerEngine} serialises access.
 */
public final class InMemoryLedgerState implements LedgerState {

    private record Due(Instant expiresAt, UUID id) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            int byTime = expiresAt.compareTo(other.expiresAt);
            return byTime != 0 ? byTime : id.compareTo(other.id);
        }
    }

    private final Map<UUID, Account> accounts = new LinkedHashMap<>();
    private final Map<UUID, TransferOutcome> outcomes = new LinkedHashMap<>();
    private final List<Transfer> journal = new ArrayList<>();
    private final Map<UUID, PendingStatus> pendingStatuses = new HashMap<>();
    private final Map<UUID, UUID> reversedBy = new HashMap<>();
    private final NavigableSet<Due> expiries = new TreeSet<>();

    @Override
    public Optional<Account> account(UUID id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public Optional<TransferOutcome> outcome(UUID transferId) {
        return Optional.ofNullable(outcomes.get(transferId));
    }

    @Override
    public Optional<PendingStatus> pendingStatus(UUID pendingId) {
        return Optional.ofNullable(pendingStatuses.get(pendingId));
    }

    @Override
    public Optional<UUID> reversedBy(UUID transferId) {
        return Optional.ofNullable(reversedBy.get(transferId));
    }

    @Override
    public List<UUID> pendingDueBy(Instant instant) {
        List<UUID> due = new ArrayList<>();
        for (Due d : expiries) {
            if (d.expiresAt.isAfter(instant)) {
                break;
            }
            if (pendingStatuses.get(d.id) == PendingStatus.PENDING) {
                due.add(d.id);
            }
        }
        return due;
    }

    @Override
    public Stream<Account> accounts() {
        return accounts.values().stream();
    }

    @Override
    public Stream<Transfer> transfers() {
        return journal.stream();
    }

    /**
     * Checks every uniqueness rule before writing anything, so a change set that breaks one leaves the
     * state untouched (the in-memory equivalent of a rolled-back transaction).
     */
    @Override
    public void commit(ChangeSet changes) {
        for (TransferOutcome outcome : changes.outcomes()) {
            if (outcomes.containsKey(outcome.request().id())) {
                throw new IllegalStateException(
                        "transfer id used twice: " + outcome.request().id());
            }
        }
        for (UUID original : changes.reversals().keySet()) {
            if (reversedBy.containsKey(original)) {
                throw new IllegalStateException("transfer reversed twice: " + original);
            }
        }
        changes.accounts().forEach(a -> accounts.put(a.id(), a));
        for (TransferOutcome outcome : changes.outcomes()) {
            outcomes.put(outcome.request().id(), outcome);
            Transfer transfer = outcome.transfer();
            if (transfer != null) {
                journal.add(transfer);
                if (transfer.expiresAt() != null) {
                    expiries.add(new Due(transfer.expiresAt(), transfer.id()));
                }
            }
        }
        pendingStatuses.putAll(changes.pendingStatuses());
        reversedBy.putAll(changes.reversals());
        changes.pendingStatuses().forEach((id, status) -> {
            Instant expiresAt = outcomes.get(id).transfer().expiresAt();
            if (status != PendingStatus.PENDING && expiresAt != null) {
                expiries.remove(new Due(expiresAt, id));
            }
        });
    }
}
