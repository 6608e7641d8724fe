package liangshan.app.credits.internal;

import static liangshan.app.credits.internal.CreditsFixtures.ADMIN;
import static liangshan.app.credits.internal.CreditsFixtures.COUNTY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import liangshan.app.audit.AuditTrail;
import liangshan.app.money.MoneyLedger;
import liangshan.app.platform.DataDirectory;
import liangshan.app.support.IntegrationTest;
import liangshan.app.support.Pgbench;
import liangshan.app.support.SharedTestDatabase;
import liangshan.ledger.credits.CreditCommand;
import liangshan.ledger.credits.CreditInvariants;
import liangshan.ledger.credits.CreditOutcome;
import liangshan.ledger.credits.CreditUnits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Settlements per second — A/B of two implementations in the same run: {@code two commands} (the former
 * path: {@code Buy} then {@code Retire}, two plans, two linked batches, two history entries, one
 * transaction) against {@code one command} ({@code BuyAndRetire}, the service's path now) — each a listing purchase (DvP: ECO_CREDIT escrow → buyer, CNY buyer → the seller's four
 * revenue shares, one linked batch) plus the retirement of the bought credits against the buyer's obligation,
 * in one transaction, with every registry and ledger check, the idempotency lookup, history, register and
 * audit rows — through the service layer into PostgreSQL, in the same run as pgbench's TPC-B-like script on
 * the same embedded server; prints the ratio. Skipped unless {@code -Dcredits.bench=true}. Settings:
 * {@code -Dcredits.bench.seconds} (20), {@code .clients} (8), {@code .rounds} (3). Output: stdout and
 * {@code target/bench-credits.txt}. At the end the registry's invariants are checked against the ledger.
 */
@IntegrationTest
class CreditsBenchmark {

    static final long LOT = 10; // 0.010 credit per settlement
    static final long PRICE = 7000;

    @Autowired
    PartyService parties;

    @Autowired
    ReserveService reserve;

    @Autowired
    DevelopmentService developments;

    @Autowired
    MarketService market;

    @Autowired
    DataDirectory data;

    @Autowired
    MoneyLedger money;

    @Autowired
    RegistryHost host;

    @Autowired
    AuditTrail audit;

    record Buyer(String party, String obligation) {}

    @Test
    void settlementsPerSecondAgainstPgbench() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("credits.bench"), "set -Dcredits.bench=true to run the benchmark");
        int seconds = Integer.getInteger("credits.bench.seconds", 20);
        int clients = Integer.getInteger("credits.bench.clients", 8);
        int rounds = Integer.getInteger("credits.bench.rounds", 3);
        CreditsFixtures.Landscape land = CreditsFixtures.landscape(data);
        String listing = listing(land);
        List<Buyer> buyers = buyers(land, clients);
        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "credits benchmark: %d clients, %d s per run, settlement = purchase of %s credit + retirement%n",
                clients,
                seconds,
                CreditUnits.format(LOT)));
        Pgbench.init();
        long postmaster = postmaster();
        run(listing, buyers, Math.max(5, seconds / 2), false); // warm-up of both paths, not counted
        run(listing, buyers, Math.max(5, seconds / 2), true);
        Pgbench.tpcb(clients, Math.max(5, seconds / 2));
        double[][] rate = new double[2][rounds];
        double[][] cpu = new double[2][rounds];
        double[] pg = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            for (int mode = 0; mode < 2; mode++) {
                liangshan.app.money.internal.CpuMeter before = liangshan.app.money.internal.CpuMeter.now(postmaster);
                long[] done = new long[1];
                rate[mode][r] = run(listing, buyers, seconds, mode == 1, done);
                liangshan.app.money.internal.CpuMeter used =
                        liangshan.app.money.internal.CpuMeter.now(postmaster).minus(before);
                cpu[mode][r] = (used.serverSeconds() + used.jvmSeconds()) * 1000 / Math.max(1, done[0]);
            }
            pg[r] = Pgbench.tpcb(clients, seconds);
            report.append(String.format(
                    Locale.ROOT,
                    "round %d: two commands %7.1f /s (%.1f ms CPU each); one command %7.1f /s (%.1f ms CPU each);"
                            + " pgbench %7.0f tps%n",
                    r + 1,
                    rate[0][r],
                    cpu[0][r],
                    rate[1][r],
                    cpu[1][r],
                    pg[r]));
        }
        double p = median(pg);
        for (int mode = 0; mode < 2; mode++) {
            double s = median(rate[mode]);
            report.append(String.format(
                    Locale.ROOT,
                    "median %s: settlements %.1f /s, %.1f ms CPU (server + JVM) per settlement;"
                            + " pgbench TPC-B %.0f tps, ratio %.3f%n",
                    mode == 0 ? "two commands (Buy + Retire)" : "one command (BuyAndRetire)",
                    s,
                    median(cpu[mode]),
                    p,
                    s / p));
        }
        List<String> violations = host.read(CreditInvariants::check);
        report.append("registry invariants after the run: ")
                .append(violations.isEmpty() ? "none violated" : violations)
                .append('\n');
        System.out.print(report);
        Files.writeString(Path.of("target", "bench-credits.txt"), report, StandardCharsets.UTF_8);
        assertThat(violations).isEmpty();
    }

    /** A policy, the pool, and a village's issued credits all listed at 70 元; answers the listing. */
    private String listing(CreditsFixtures.Landscape land) {
        CreditsFixtures.policy(parties);
        CreditsFixtures.pool(parties, COUNTY);
        String seller = CreditsFixtures.party(parties, COUNTY, "village_collective");
        CreditsFixtures.issued(reserve, land, COUNTY, "village", seller, 0);
        long issued = CreditsFixtures.units(parties.get(ADMIN, seller).issued());
        return (String) market.list(
                        ADMIN,
                        new MarketService.ListingInput(seller, CreditUnits.format(issued), "70.00"),
                        UUID.randomUUID())
                .get("id");
    }

    /** One funded enterprise with an open obligation per client. */
    private List<Buyer> buyers(CreditsFixtures.Landscape land, int clients) {
        List<Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String party = CreditsFixtures.party(parties, COUNTY, "enterprise");
            Map<String, Object> dev = CreditsFixtures.development(developments, land, COUNTY, party, 2 + i % 3, i % 5);
            CreditsFixtures.fund(money, party, 1_000_000_000L);
            buyers.add(new Buyer(party, (String) ((Map<?, ?>) dev.get("obligation")).get("id")));
        }
        return buyers;
    }

    private double run(String listing, List<Buyer> buyers, int seconds, boolean oneCommand)
            throws InterruptedException {
        return run(listing, buyers, seconds, oneCommand, new long[1]);
    }

    /**
     * Settlements per second over {@code seconds}: each client buys and retires against its obligation, with
     * one {@code BuyAndRetire} command (the service) or the former two commands; {@code done[0]} the count.
     */
    private double run(String listing, List<Buyer> buyers, int seconds, boolean oneCommand, long[] done)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(buyers.size());
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        for (Buyer b : buyers) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    if (oneCommand) {
                        market.purchase(
                                ADMIN,
                                listing,
                                new MarketService.PurchaseInput(b.party(), CreditUnits.format(LOT), b.obligation()),
                                UUID.randomUUID());
                    } else {
                        twoCommands(listing, b);
                    }
                    count.incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS)).isTrue();
        done[0] = count.get();
        return count.get() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * The former service path, kept here as the A of the A/B: the same look-ups, then {@code Buy} and a
     * {@code Retire} under a derived request id in one registry write, the same settlement view and audit.
     */
    private void twoCommands(String listing, Buyer b) {
        UUID requestId = UUID.randomUUID();
        Map<String, Object> dev = developments.byObligation(ADMIN, b.obligation());
        PartyService.Party buyer = parties.find(b.party());
        host.write(s -> {
            CreditOutcome o = s.require(
                    new CreditCommand.Buy(requestId, listing, buyer.id(), LOT, PartyService.cashAccount(buyer.id())),
                    ADMIN.username());
            s.require(
                    new CreditCommand.Retire(
                            UUID.nameUUIDFromBytes((requestId + ":retire").getBytes(StandardCharsets.UTF_8)),
                            buyer.id(),
                            LOT,
                            b.obligation(),
                            (String) dev.get("developer_party"),
                            "market purchase " + listing),
                    ADMIN.username());
            Map<String, Object> v = new java.util.LinkedHashMap<>();
            v.put("requestId", o.requestId());
            v.put("units", Amounts.credits(o.units()));
            v.put("amountYuan", Amounts.yuan(CreditUnits.paymentFen(LOT, PRICE)));
            Map<String, Object> obligation =
                    DevelopmentService.obligation(s.registry(), (String) dev.get("obligation_id"), dev);
            v.put("obligation", obligation);
            v.put("gate", obligation.get("gate"));
            audit.record(
                    "credits.listing.bought",
                    "credit_settlement",
                    o.requestId().toString(),
                    (String) dev.get("division_code"),
                    null,
                    v);
            return v;
        });
    }

    private static long postmaster() throws java.sql.SQLException {
        try (var c = SharedTestDatabase.server().getPostgresDatabase().getConnection();
                var st = c.createStatement();
                var rs = st.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return ProcessHandle.of(rs.getLong(1))
                    .flatMap(ProcessHandle::parent)
                    .orElseThrow()
                    .pid();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
