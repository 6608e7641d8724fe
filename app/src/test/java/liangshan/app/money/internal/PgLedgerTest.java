package liangshan.app.money.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import liangshan.app.support.IntegrationTest;
import liangshan.ledger.Asset;
import liangshan.ledger.LedgerInvariants;
import liangshan.ledger.LedgerResult;
import liangshan.ledger.NewAccount;
import liangshan.ledger.PendingStatus;
import liangshan.ledger.ResultCode;
import liangshan.ledger.TransferRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The PostgreSQL ledger under retries, failures, concurrency and tampering. */
@IntegrationTest
class PgLedgerTest {

    @Autowired
    PgLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LedgerCheckCommand check;

    @Autowired
    PlatformTransactionManager transactions;

    private UUID source() {
        UUID id = UUID.randomUUID();
        assertThat(ledger.createAccounts(List.of(NewAccount.unlimited(id, Asset.CNY, "test-bank", "test.source"))))
                .extracting(LedgerResult::code)
                .containsExactly(ResultCode.OK);
        return id;
    }

    private UUID cash(long fundedFen, UUID source) {
        UUID id = UUID.randomUUID();
        ledger.createAccounts(List.of(NewAccount.noOverdraft(id, Asset.CNY, "test-village", "village.cash")));
        if (fundedFen > 0) {
            assertThat(ledger.submit(TransferRequest.transfer(
                                    UUID.randomUUID(), source, id, fundedFen, Asset.CNY, "test.fund"))
                            .code())
                    .isEqualTo(ResultCode.OK);
        }
        return id;
    }

    private long available(UUID account) {
        return ledger.account(account).orElseThrow().available();
    }

    /**
     * A plain transfer takes the short lock path; a reservation that has fallen due elsewhere must still be
     * expired first (with its accounts locked), and a transfer naming an unknown account still answers its
     * code — both fall back to the general lock.
     */
    @Test
    void aPlainTransferExpiresReservationsDueAndAnswersUnknownAccounts() {
        PgLedgerSimulationTest.MutableClock clock = new PgLedgerSimulationTest.MutableClock(Instant.now());
        PgLedger timed = new PgLedger(jdbc, transactions, clock);
        UUID source = source();
        UUID holder = cash(10_000, source);
        UUID payee = cash(0, source);
        UUID other = cash(500, source);
        UUID hold = UUID.randomUUID();
        assertThat(timed.submit(TransferRequest.pending(
                                hold, holder, payee, 4_000, Asset.CNY, "test.hold", Duration.ofMinutes(1)))
                        .code())
                .isEqualTo(ResultCode.OK);
        assertThat(available(holder)).isEqualTo(6_000);

        clock.advance(Duration.ofMinutes(2));
        assertThat(timed.submit(TransferRequest.transfer(UUID.randomUUID(), other, payee, 100, Asset.CNY, "test.pay"))
                        .code())
                .isEqualTo(ResultCode.OK);
        assertThat(timed.pendingStatus(hold)).contains(PendingStatus.EXPIRED);
        assertThat(available(holder)).isEqualTo(10_000);
        assertThat(available(payee)).isEqualTo(100);

        UUID unknown = UUID.randomUUID();
        assertThat(timed.submit(TransferRequest.transfer(UUID.randomUUID(), other, unknown, 1, Asset.CNY, "test.pay"))
                        .code())
                .isEqualTo(ResultCode.ACCOUNT_NOT_FOUND);
        assertThat(available(other)).isEqualTo(400);
    }

    @Test
    void aRetryReturnsTheFirstResultAndMovesNothing() {
        UUID source = source();
        UUID cash = cash(0, source);
        TransferRequest pay =
                TransferRequest.transfer(UUID.randomUUID(), source, cash, 12_345, Asset.CNY, "rent.payment");
        assertThat(ledger.submit(pay).code()).isEqualTo(ResultCode.OK);
        assertThat(ledger.submit(pay).code()).isEqualTo(ResultCode.EXISTS);
        assertThat(available(cash)).isEqualTo(12_345);
        TransferRequest changed = TransferRequest.transfer(pay.id(), source, cash, 99_999, Asset.CNY, "rent.payment");
        assertThat(ledger.submit(changed).code()).isEqualTo(ResultCode.EXISTS_WITH_DIFFERENT_FIELDS);
        assertThat(available(cash)).isEqualTo(12_345);
        // A STATE rejection is remembered: the same request fails the same way even after funds arrive.
        UUID spender = cash(100, source);
        TransferRequest tooMuch = TransferRequest.transfer(UUID.randomUUID(), spender, cash, 500, Asset.CNY, "x.pay");
        assertThat(ledger.submit(tooMuch).code()).isEqualTo(ResultCode.EXCEEDS_CREDITS);
        ledger.submit(TransferRequest.transfer(UUID.randomUUID(), source, spender, 1000, Asset.CNY, "test.fund"));
        assertThat(ledger.submit(tooMuch).code()).isEqualTo(ResultCode.EXCEEDS_CREDITS);
        assertThat(available(spender)).isEqualTo(1100);
    }

    @Test
    void theSameCommandSentConcurrentlyPostsOnce() throws Exception {
        UUID source = source();
        UUID cash = cash(0, source);
        TransferRequest pay = TransferRequest.transfer(UUID.randomUUID(), source, cash, 700, Asset.CNY, "rent.payment");
        List<ResultCode> codes = race(12, () -> ledger.submit(pay).code());
        assertThat(codes).containsOnly(ResultCode.OK, ResultCode.EXISTS);
        assertThat(codes).filteredOn(c -> c == ResultCode.OK).hasSize(1);
        assertThat(available(cash)).isEqualTo(700);
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_transfer where credit_account_id = ?", Long.class, cash))
                .isEqualTo(1);
    }

    @Test
    void aFailedLinkedBatchStoresNothing() {
        UUID source = source();
        UUID a = cash(1000, source);
        UUID b = cash(0, source);
        long transfersBefore = jdbc.queryForObject("select count(*) from ledger_transfer", Long.class);
        TransferRequest first = TransferRequest.transfer(UUID.randomUUID(), a, b, 600, Asset.CNY, "split.first");
        TransferRequest second = TransferRequest.transfer(UUID.randomUUID(), a, b, 600, Asset.CNY, "split.second");
        List<LedgerResult> results = ledger.submit(List.of(first.linked(), second));
        assertThat(results)
                .extracting(LedgerResult::code)
                .containsExactly(ResultCode.LINKED_EVENT_FAILED, ResultCode.EXCEEDS_CREDITS);
        assertThat(available(a)).isEqualTo(1000);
        assertThat(available(b)).isZero();
        assertThat(ledger.transfer(first.id())).isEmpty();
        // Only the STATE rejection of the failing leg is remembered (for retries), no money moved.
        assertThat(jdbc.queryForObject("select count(*) from ledger_transfer", Long.class) - transfersBefore)
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select result from ledger_transfer where id = ?", String.class, second.id()))
                .isEqualTo("EXCEEDS_CREDITS");
    }

    @Test
    void manyThreadsDrainingOneAccountNeverOverdrawIt() throws Exception {
        UUID source = source();
        UUID pot = cash(10_000, source);
        List<UUID> sinks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sinks.add(cash(0, source));
        }
        // 16 threads × 10 attempts of 300 fen = 48,000 fen wanted from 10,000: exactly 33 can succeed.
        java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> successes = race(16, () -> {
            int ok = 0;
            for (int i = 0; i < 10; i++) {
                UUID sink = sinks.get(turn.incrementAndGet() % sinks.size());
                TransferRequest r = i % 3 == 0
                        ? TransferRequest.pending(UUID.randomUUID(), pot, sink, 300, Asset.CNY, "drain.hold", null)
                        : TransferRequest.transfer(UUID.randomUUID(), pot, sink, 300, Asset.CNY, "drain.pay");
                if (ledger.submit(r).code() == ResultCode.OK) {
                    ok++;
                }
            }
            return ok;
        });
        int total = successes.stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isEqualTo(33);
        assertThat(available(pot)).isEqualTo(100);
        List<UUID> all = new ArrayList<>(sinks);
        all.add(pot);
        all.add(source);
        assertThat(LedgerInvariants.check(ledger.snapshotOf(all))).isEmpty();
    }

    @Test
    void theDatabaseRefusesUpdatesOfTheJournal() {
        UUID source = source();
        UUID cash = cash(500, source);
        assertThatThrownBy(() -> jdbc.update("update ledger_transfer set amount = 1 where credit_account_id = ?", cash))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from ledger_transfer where credit_account_id = ?", cash))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update ledger_account set owner = 'someone' where id = ?", cash))
                .hasMessageContaining("immutable");
        assertThatThrownBy(
                        () -> jdbc.update("update ledger_balance set debits_posted = 600 where account_id = ?", cash))
                .hasMessageContaining("ledger_balance_no_overdraft");
    }

    @Test
    void ledgerCheckNamesATamperedBalanceAndATamperedTransfer() {
        assertThat(runCheck()).as("sound before tampering").startsWith("0");
        UUID source = source();
        UUID cash = cash(800, source);
        UUID transferId =
                jdbc.queryForObject("select id from ledger_transfer where credit_account_id = ?", UUID.class, cash);
        try {
            jdbc.update("update ledger_balance set credits_posted = 900 where account_id = ?", cash);
            String out = runCheck();
            assertThat(out)
                    .startsWith("1")
                    .contains("[balances.recomputed] " + cash)
                    .contains("[balanced.posted] CNY");
        } finally {
            jdbc.update("update ledger_balance set credits_posted = 800 where account_id = ?", cash);
        }
        assertThat(runCheck()).startsWith("0");
        // The journal itself: only with its trigger bypassed (as a superuser could) can a row change.
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set session_replication_role = replica");
                statement.execute("update ledger_transfer set amount = 1 where id = '" + transferId + "'");
                statement.execute("set session_replication_role = origin");
            }
            return null;
        });
        try {
            assertThat(runCheck()).startsWith("1").contains("[balances.recomputed] " + cash);
        } finally {
            jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
                try (var statement = connection.createStatement()) {
                    statement.execute("set session_replication_role = replica");
                    statement.execute("update ledger_transfer set amount = 800 where id = '" + transferId + "'");
                    statement.execute("set session_replication_role = origin");
                }
                return null;
            });
        }
        assertThat(runCheck()).startsWith("0");
    }

    /** Runs {@code ledger check}; answers "exit-code\nstdout\nstderr". */
    private String runCheck() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        check.stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        check.stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = check.call();
        return code + "\n" + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
