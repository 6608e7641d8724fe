package liangshan.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The ledger's rules over any {@link LedgerState}. Methods are synchronized, so one engine serialises its
 * own callers; when several processes share a persistent state, the state's transaction must serialise
 * them (see {@link LedgerState}).
 */
public final class LedgerEngine implements Ledger {

    private final LedgerState state;
    private final Clock clock;

    public LedgerEngine(LedgerState state, Clock clock) {
        this.state = Objects.requireNonNull(state, "state");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The state this engine writes, e.g. for {@link LedgerInvariants#check(LedgerState)}. */
    public LedgerState state() {
        return state;
    }

    @Override
    public synchronized List<LedgerResult> createAccounts(List<NewAccount> accounts) {
        Instant now = clock.instant();
        List<LedgerResult> results = new ArrayList<>(accounts.size());
        for (NewAccount request : accounts) {
            ResultCode code = TransferChecks.check(request);
            if (code == ResultCode.OK) {
                Optional<Account> existing = state.account(request.id());
                if (existing.isPresent()) {
                    code = existing.get().sameDefinitionAs(request)
                            ? ResultCode.EXISTS
                            : ResultCode.EXISTS_WITH_DIFFERENT_FIELDS;
                } else {
                    state.commit(ChangeSet.ofAccount(Account.open(request, now)));
                }
            }
            results.add(new LedgerResult(request.id(), code));
        }
        return List.copyOf(results);
    }

    @Override
    public synchronized ResultCode closeAccount(UUID accountId) {
        expire(clock.instant());
        Optional<Account> account = state.account(accountId);
        if (account.isEmpty()) {
            return ResultCode.ACCOUNT_NOT_FOUND;
        }
        if (account.get().isClosed()) {
            return ResultCode.ACCOUNT_ALREADY_CLOSED;
        }
        if (account.get().debitsPending() != 0 || account.get().creditsPending() != 0) {
            return ResultCode.ACCOUNT_HAS_PENDING_TRANSFERS;
        }
        state.commit(ChangeSet.ofAccount(account.get().closed()));
        return ResultCode.OK;
    }

    /**
     * Splits the batch into chains (a chain ends at the first request without {@link TransferFlag#LINKED})
     * and applies each chain atomically. All requests of a batch share one timestamp.
     */
    @Override
    public synchronized List<LedgerResult> submit(List<TransferRequest> requests) {
        Instant now = clock.instant();
        expire(now);
        ResultCode[] codes = new ResultCode[requests.size()];
        int start = 0;
        while (start < requests.size()) {
            int end = start;
            while (end < requests.size() - 1 && requests.get(end).isLinked()) {
                end++;
            }
            if (requests.get(end).isLinked()) {
                // The batch ends inside a chain: reject the chain without evaluating it (nothing remembered).
                for (int i = start; i < end; i++) {
                    codes[i] = ResultCode.LINKED_EVENT_FAILED;
                }
                codes[end] = ResultCode.LINKED_EVENT_CHAIN_OPEN;
            } else {
                applyChain(requests, start, end, now, codes);
            }
            start = end + 1;
        }
        List<LedgerResult> results = new ArrayList<>(requests.size());
        for (int i = 0; i < codes.length; i++) {
            results.add(new LedgerResult(requests.get(i).id(), codes[i]));
        }
        return List.copyOf(results);
    }

    private void applyChain(List<TransferRequest> requests, int start, int end, Instant now, ResultCode[] codes) {
        Staging staging = new Staging(state);
        TransferEvaluator evaluator = new TransferEvaluator(staging, now);
        int failed = -1;
        for (int i = start; i <= end && failed < 0; i++) {
            codes[i] = evaluator.evaluate(requests.get(i));
            if (!codes[i].isSuccess()) {
                failed = i;
            }
        }
        if (failed < 0) {
            state.commit(staging.changes());
            return;
        }
        for (int i = start; i <= end; i++) {
            if (i != failed) {
                codes[i] = ResultCode.LINKED_EVENT_FAILED;
            }
        }
        ChangeSet rejection = staging.rejections();
        if (!rejection.isEmpty()) {
            state.commit(rejection);
        }
    }

    @Override
    public synchronized int expirePending() {
        return expire(clock.instant());
    }

    /**
     * Releases the reservations of pending transfers whose expiry is at or before {@code now}: a pending
     * transfer created at t with timeout d can be posted or voided while now &lt; t + d.
     */
    private int expire(Instant now) {
        List<UUID> due = state.pendingDueBy(now);
        if (due.isEmpty()) {
            return 0;
        }
        Map<UUID, Account> accounts = new LinkedHashMap<>();
        Map<UUID, PendingStatus> statuses = new HashMap<>();
        for (UUID id : due) {
            Transfer pending = state.transfer(id).orElseThrow();
            Account debit = accounts.computeIfAbsent(
                    pending.debitAccountId(), k -> state.account(k).orElseThrow());
            accounts.put(
                    debit.id(),
                    debit.withBalances(
                            debit.debitsPending() - pending.amount(),
                            debit.debitsPosted(),
                            debit.creditsPending(),
                            debit.creditsPosted()));
            Account credit = accounts.computeIfAbsent(
                    pending.creditAccountId(), k -> state.account(k).orElseThrow());
            accounts.put(
                    credit.id(),
                    credit.withBalances(
                            credit.debitsPending(),
                            credit.debitsPosted(),
                            credit.creditsPending() - pending.amount(),
                            credit.creditsPosted()));
            statuses.put(id, PendingStatus.EXPIRED);
        }
        state.commit(new ChangeSet(List.copyOf(accounts.values()), List.of(), statuses, Map.of()));
        return due.size();
    }

    @Override
    public synchronized Optional<Account> account(UUID id) {
        return state.account(id);
    }

    @Override
    public synchronized Optional<Transfer> transfer(UUID id) {
        return state.transfer(id);
    }

    @Override
    public synchronized Optional<PendingStatus> pendingStatus(UUID pendingId) {
        return state.pendingStatus(pendingId);
    }
}
