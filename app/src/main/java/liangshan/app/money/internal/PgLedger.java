package liangshan.app.money.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import liangshan.ledger.Account;
import liangshan.ledger.ChangeSet;
import liangshan.ledger.InMemoryLedgerState;
import liangshan.ledger.Ledger;
import liangshan.ledger.LedgerEngine;
import liangshan.ledger.LedgerResult;
import liangshan.ledger.NewAccount;
import liangshan.ledger.PendingStatus;
import liangshan.ledger.ResultCode;
import liangshan.ledger.Transfer;
import liangshan.ledger.TransferOutcome;
import liangshan.ledger.TransferRequest;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger over PostgreSQL. Each call runs the pure {@link LedgerEngine} over a fresh
 * {@link PgLedgerState} inside ONE database transaction, so a batch — all its linked chains, the expiries
 * swept before it and whatever the caller writes with it (audit) — commits entirely or not at all; a
 * process killed mid-way leaves nothing, and a retry under the same transfer ids then applies it once.
 *
 * <p>Calls on disjoint accounts run in parallel; calls on shared accounts are serialised by the row locks
 * {@link PgLedgerState} takes (see there). When PostgreSQL aborts a transaction for a deadlock, or a
 * concurrent duplicate hits a unique key, or a pending transfer was resolved meanwhile, the whole call is
 * retried from the start in a new transaction ({@value #MAX_ATTEMPTS} attempts), where it sees the winner's
 * effect (e.g. answers {@link ResultCode#EXISTS}). Inside a transaction that the caller opened there is no
 * retry: the failure goes to the caller, who owns the transaction.
 */
@Component
class PgLedger implements Ledger {

    static final int MAX_ATTEMPTS = 8;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate snapshotTx;
    private final Clock clock;

    PgLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.snapshotTx = new TransactionTemplate(transactions);
        snapshotTx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshotTx.setReadOnly(true);
        // PostgreSQL keeps microseconds: the ledger clock ticks in microseconds so stored times read back equal.
        this.clock = Clock.tick(clock, Duration.ofNanos(1000));
    }

    /** Runs {@code work} in one transaction over a fresh state, retrying the whole of it on conflicts. */
    <T> T write(Function<PgLedgerState, T> work) {
        boolean callerTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        int attempts = callerTransaction ? 1 : MAX_ATTEMPTS;
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> work.apply(new PgLedgerState(jdbc, clock.instant())));
            } catch (ConcurrencyFailureException | DuplicateKeyException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /**
     * The rules over {@code state}; a new engine per transaction, so engines never contend with each other.
     * Its clock stands at the attempt's instant: the whole call, and the locks taken for it, share one "now".
     */
    LedgerEngine engine(PgLedgerState state) {
        return new LedgerEngine(state, Clock.fixed(state.attemptedAt(), java.time.ZoneOffset.UTC));
    }

    @Override
    public List<LedgerResult> createAccounts(List<NewAccount> accounts) {
        return write(state -> {
            state.lock(accounts.stream().map(NewAccount::id).toList());
            return engine(state).createAccounts(accounts);
        });
    }

    @Override
    public ResultCode closeAccount(UUID accountId) {
        return write(state -> {
            state.lockFor(List.of(), state.attemptedAt());
            state.lock(List.of(accountId));
            return engine(state).closeAccount(accountId);
        });
    }

    @Override
    public List<LedgerResult> submit(List<TransferRequest> requests) {
        return write(state -> {
            state.lockFor(requests, state.attemptedAt());
            return engine(state).submit(requests);
        });
    }

    @Override
    public int expirePending() {
        return write(state -> {
            state.lockFor(List.of(), state.attemptedAt());
            return engine(state).expirePending();
        });
    }

    @Override
    public Optional<Account> account(UUID id) {
        return read(state -> state.account(id));
    }

    @Override
    public Optional<Transfer> transfer(UUID id) {
        return read(state -> state.transfer(id));
    }

    @Override
    public Optional<PendingStatus> pendingStatus(UUID pendingId) {
        return read(state -> state.pendingStatus(pendingId));
    }

    private <T> T read(Function<PgLedgerState, T> query) {
        return snapshotTx.execute(status -> query.apply(new PgLedgerState(jdbc, clock.instant(), false)));
    }

    /**
     * The whole ledger as one consistent snapshot (REPEATABLE READ), copied row by row into an
     * {@link InMemoryLedgerState} without any rule applied, so {@link liangshan.ledger.LedgerInvariants}
     * judges exactly what is stored (a tampered row stays tampered).
     */
    InMemoryLedgerState snapshot() {
        return snapshot("", "", "");
    }

    /** As {@link #snapshot()}, limited to {@code accountIds} and the applied transfers between them. */
    InMemoryLedgerState snapshotOf(Collection<UUID> accountIds) {
        String ids = "cast('" + PgLedgerState.uuidArray(accountIds) + "' as uuid[])";
        return snapshot(
                " where a.id = any(" + ids + ")",
                " where debit_account_id = any(" + ids + ") or credit_account_id = any(" + ids + ")",
                " where transfer_id in (select id from ledger_transfer where debit_account_id = any(" + ids + "))");
    }

    private InMemoryLedgerState snapshot(String accountWhere, String transferWhere, String pendingWhere) {
        return snapshotTx.execute(status -> {
            List<Account> accounts = jdbc.query(
                    "select " + PgLedgerState.ACCOUNT_COLUMNS + PgLedgerState.ACCOUNT_FROM + accountWhere
                            + " order by a.seq",
                    (rs, n) -> PgLedgerState.account(rs));
            List<TransferOutcome> outcomes = jdbc.query(
                    "select " + PgLedgerState.TRANSFER_COLUMNS + " from ledger_transfer" + transferWhere
                            + " order by seq",
                    (rs, n) -> PgLedgerState.outcome(rs));
            Map<UUID, PendingStatus> statuses = new HashMap<>();
            jdbc.query("select transfer_id, status from ledger_pending" + pendingWhere, rs -> {
                statuses.put(rs.getObject(1, UUID.class), PendingStatus.valueOf(rs.getString(2)));
            });
            Map<UUID, UUID> reversals = new HashMap<>();
            for (TransferOutcome o : outcomes) {
                if (o.transfer() != null && o.transfer().reverses() != null) {
                    reversals.put(o.transfer().reverses(), o.transfer().id());
                }
            }
            InMemoryLedgerState copy = new InMemoryLedgerState();
            copy.commit(new ChangeSet(accounts, new ArrayList<>(outcomes), statuses, reversals));
            return copy;
        });
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1L + (2L << attempt)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a ledger call", e);
        }
    }
}
