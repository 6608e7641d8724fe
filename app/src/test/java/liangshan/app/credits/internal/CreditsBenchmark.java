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
import liangshan.app.money.MoneyLedger;
import liangshan.app.platform.DataDirectory;
import liangshan.app.support.IntegrationTest;
import liangshan.app.support.Pgbench;
import liangshan.ledger.credits.CreditInvariants;
import liangshan.ledger.credits.CreditUnits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Settlements per second — a listing purchase (DvP: ECO_CREDIT escrow → buyer, CNY buyer → the seller's four
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

    record Buyer(String party, String obligation) {}

    @Test
    void settlementsPerSecondAgainstPgbench() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("credits.bench"), "set -Dcredits.bench=true to run the benchmark");
        int seconds = Integer.getInteger("credits.bench.seconds", 20);
        int clients = Integer.getInteger("credits.bench.clients", 8);
        int rounds = Integer.getInteger("credits.bench.rounds", 3);
        CreditsFixtures.Landscape land = CreditsFixtures.landscape(data);
        CreditsFixtures.policy(parties);
        CreditsFixtures.pool(parties, COUNTY);
        String seller = CreditsFixtures.party(parties, COUNTY, "village_collective");
        CreditsFixtures.issued(reserve, land, COUNTY, "village", seller, 0);
        long issued = CreditsFixtures.units(parties.get(ADMIN, seller).issued());
        String listing = (String) market.list(
                        ADMIN,
                        new MarketService.ListingInput(seller, CreditUnits.format(issued), "70.00"),
                        UUID.randomUUID())
                .get("id");
        List<Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String party = CreditsFixtures.party(parties, COUNTY, "enterprise");
            Map<String, Object> dev = CreditsFixtures.development(developments, land, COUNTY, party, 2 + i % 3, i % 5);
            CreditsFixtures.fund(money, party, 1_000_000_000L);
            buyers.add(new Buyer(party, (String) ((Map<?, ?>) dev.get("obligation")).get("id")));
        }
        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "credits benchmark: %d clients, %d s per run, settlement = purchase of %s credit + retirement%n",
                clients,
                seconds,
                CreditUnits.format(LOT)));
        Pgbench.init();
        run(listing, buyers, Math.max(5, seconds / 2)); // warm-up, not counted
        Pgbench.tpcb(clients, Math.max(5, seconds / 2));
        double[] ours = new double[rounds];
        double[] pg = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ours[r] = run(listing, buyers, seconds);
            pg[r] = Pgbench.tpcb(clients, seconds);
            report.append(String.format(
                    Locale.ROOT, "round %d: settlements %7.1f /s; pgbench %7.0f tps%n", r + 1, ours[r], pg[r]));
        }
        double s = median(ours);
        double p = median(pg);
        report.append(String.format(
                Locale.ROOT, "median settlements %.1f /s, pgbench TPC-B %.0f tps, ratio %.3f%n", s, p, s / p));
        List<String> violations = host.read(CreditInvariants::check);
        report.append("registry invariants after the run: ")
                .append(violations.isEmpty() ? "none violated" : violations)
                .append('\n');
        System.out.print(report);
        Files.writeString(Path.of("target", "bench-credits.txt"), report, StandardCharsets.UTF_8);
        assertThat(violations).isEmpty();
    }

    /** Settlements per second over {@code seconds}: each client buys and retires against its obligation. */
    private double run(String listing, List<Buyer> buyers, int seconds) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(buyers.size());
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        for (Buyer b : buyers) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    market.purchase(
                            ADMIN,
                            listing,
                            new MarketService.PurchaseInput(b.party(), CreditUnits.format(LOT), b.obligation()),
                            UUID.randomUUID());
                    done.incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS)).isTrue();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
