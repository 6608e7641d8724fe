package liangshan.app.money.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import liangshan.app.identity.Actor;
import liangshan.app.support.IntegrationTest;
import liangshan.app.support.Pgbench;
import liangshan.app.support.SharedTestDatabase;
import liangshan.ledger.Asset;
import liangshan.ledger.LedgerInvariants;
import liangshan.ledger.LedgerResult;
import liangshan.ledger.NewAccount;
import liangshan.ledger.ResultCode;
import liangshan.ledger.TransferRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code bench/money/run.sh}: transfers per second through {@link MoneyService} (scope check, row locks,
 * the engine's checks, audit record, one transaction per batch) into PostgreSQL, compared in the same run
 * with {@code pgbench}'s built-in TPC-B-like script on the same server. Skipped unless
 * {@code -Dmoney.bench=true}. Settings: {@code -Dmoney.bench.seconds} (20), {@code .clients} (8),
 * {@code .accounts} (1000), {@code .rounds} (3). Results go to stdout and {@code target/bench-money.txt}.
 */
@IntegrationTest
class MoneyBenchmark {

    @Autowired
    MoneyService money;

    @Autowired
    PgLedger ledger;

    @Test
    void transfersPerSecondAgainstPgbench() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("money.bench"), "set -Dmoney.bench=true to run the benchmark");
        int seconds = Integer.getInteger("money.bench.seconds", 20);
        int clients = Integer.getInteger("money.bench.clients", 8);
        int accountCount = Integer.getInteger("money.bench.accounts", 1000);
        List<UUID> accounts = openAccounts(accountCount);
        StringBuilder report = new StringBuilder();
        report.append(String.format(
                Locale.ROOT,
                "money benchmark: %d clients, %d s each run, %d no-overdraft CNY accounts, 2 cores, PostgreSQL %s%n",
                clients,
                seconds,
                accountCount,
                serverVersion()));
        // Rounds interleave the three measurements, so that load from elsewhere on the machine hits all alike.
        int rounds = Integer.getInteger("money.bench.rounds", 3);
        Pgbench.init();
        // Warm-up, not counted: the JIT compiles the service path, PostgreSQL caches both schemas.
        run(accounts, clients, Math.max(5, seconds / 2), 1);
        run(accounts, clients, Math.max(5, seconds / 2), 10);
        Pgbench.tpcb(clients, Math.max(5, seconds / 2));
        double[] single = new double[rounds];
        double[] batched = new double[rounds];
        double[] pgbench = new double[rounds];
        long postmaster = postmaster();
        for (int r = 0; r < rounds; r++) {
            CpuMeter start = CpuMeter.now(postmaster);
            long t0 = System.nanoTime();
            single[r] = run(accounts, clients, seconds, 1);
            CpuMeter afterSingle = CpuMeter.now(postmaster);
            long t1 = System.nanoTime();
            batched[r] = run(accounts, clients, seconds, 10);
            CpuMeter afterBatched = CpuMeter.now(postmaster);
            long t2 = System.nanoTime();
            pgbench[r] = Pgbench.tpcb(clients, seconds);
            CpuMeter afterPgbench = CpuMeter.now(postmaster);
            long t3 = System.nanoTime();
            report.append(String.format(
                    Locale.ROOT,
                    "round %d: service 1/batch %6.0f, service 10/batch %6.0f transfers/s; pgbench %6.0f tps%n",
                    r + 1,
                    single[r],
                    batched[r],
                    pgbench[r]));
            report.append(String.format(
                    Locale.ROOT,
                    "  CPU ms per op (server + client): 1/batch %.2f + %.2f, 10/batch %.2f + %.2f,"
                            + " pgbench %.2f + %.2f%n",
                    perOp(afterSingle.minus(start).serverSeconds(), single[r], t1 - t0),
                    perOp(afterSingle.minus(start).jvmSeconds(), single[r], t1 - t0),
                    perOp(afterBatched.minus(afterSingle).serverSeconds(), batched[r], t2 - t1),
                    perOp(afterBatched.minus(afterSingle).jvmSeconds(), batched[r], t2 - t1),
                    perOp(afterPgbench.minus(afterBatched).serverSeconds(), pgbench[r], t3 - t2),
                    perOp(afterPgbench.minus(afterBatched).childSeconds(), pgbench[r], t3 - t2)));
        }
        double s1 = median(single);
        double s10 = median(batched);
        double pg = median(pgbench);
        report.append(String.format(Locale.ROOT, "median service, 1 transfer per batch:   %6.0f transfers/s%n", s1));
        report.append(String.format(Locale.ROOT, "median service, 10 transfers per batch: %6.0f transfers/s%n", s10));
        report.append(String.format(Locale.ROOT, "median pgbench TPC-B (tpcb-like, scale 10): %6.0f tps%n", pg));
        report.append(String.format(
                Locale.ROOT, "ratio single/pgbench %.2f, batched/pgbench %.2f (goal >= 0.5)%n", s1 / pg, s10 / pg));
        System.out.print(report);
        Files.writeString(Path.of("target", "bench-money.txt"), report, StandardCharsets.UTF_8);
        assertThat(LedgerInvariants.check(ledger.snapshotOf(accounts))).isEmpty();
    }

    /** CPU milliseconds per operation: {@code cpuSeconds} over {@code rate} operations/s for {@code nanos}. */
    private static double perOp(double cpuSeconds, double rate, long nanos) {
        return cpuSeconds * 1000 / (rate * nanos / 1e9);
    }

    /** The process id of the test server's postmaster (the parent of a backend). */
    private static long postmaster() throws java.sql.SQLException {
        try (var c = SharedTestDatabase.server().getPostgresDatabase().getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return ProcessHandle.of(rs.getLong(1))
                    .flatMap(ProcessHandle::parent)
                    .orElseThrow()
                    .pid();
        }
    }

    private static String serverVersion() throws java.sql.SQLException {
        try (var c = SharedTestDatabase.server().getPostgresDatabase().getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }

    private List<UUID> openAccounts(int count) {
        List<UUID> ids = new ArrayList<>();
        UUID bank = UUID.randomUUID();
        money.open(Actor.SYSTEM, NewAccount.unlimited(bank, Asset.CNY, "bench-bank", "bench.source"), "3308", "bench");
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            String village = String.format(Locale.ROOT, "330802%06d", 1 + i % 200);
            money.open(Actor.SYSTEM, NewAccount.noOverdraft(id, Asset.CNY, "bench-" + i, "village.cash"), village, "b");
            ids.add(id);
        }
        List<TransferRequest> funding = new ArrayList<>();
        for (UUID id : ids) {
            funding.add(TransferRequest.transfer(UUID.randomUUID(), bank, id, 1_000_000_00L, Asset.CNY, "bench.fund"));
            if (funding.size() == 200) {
                money.submit(Actor.SYSTEM, funding);
                funding.clear();
            }
        }
        if (!funding.isEmpty()) {
            money.submit(Actor.SYSTEM, funding);
        }
        ids.add(bank);
        return ids;
    }

    /** Random transfers between random accounts, {@code perBatch} per call, for {@code seconds}. */
    private double run(List<UUID> accounts, int clients, int seconds, int perBatch) throws Exception {
        AtomicLong applied = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long seed = c;
            futures.add(pool.submit(() -> {
                Random random = new Random(seed);
                while (System.nanoTime() < end) {
                    List<TransferRequest> batch = new ArrayList<>();
                    for (int i = 0; i < perBatch; i++) {
                        UUID debit = accounts.get(random.nextInt(accounts.size() - 1));
                        UUID credit = accounts.get(random.nextInt(accounts.size() - 1));
                        if (debit.equals(credit)) {
                            continue;
                        }
                        batch.add(TransferRequest.transfer(
                                UUID.randomUUID(), debit, credit, 1 + random.nextInt(5000), Asset.CNY, "bench.pay"));
                    }
                    if (batch.isEmpty()) {
                        continue;
                    }
                    for (LedgerResult r : money.submit(Actor.SYSTEM, batch)) {
                        if (r.code() == ResultCode.OK) {
                            applied.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return applied.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
