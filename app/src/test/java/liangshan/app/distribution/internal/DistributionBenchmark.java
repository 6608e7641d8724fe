package liangshan.app.distribution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import liangshan.app.distribution.internal.RegisterService.HouseholdInput;
import liangshan.app.distribution.internal.RegisterService.RegisterInput;
import liangshan.app.distribution.internal.RunService.RunInput;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.money.MoneyLedger;
import liangshan.app.support.IntegrationTest;
import liangshan.ledger.Asset;
import liangshan.ledger.TransferRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bench/distribution/run.sh}: a year's distribution to {@code households} households in
 * {@code villages} villages — one run per village, previewed, approved by a second person and posted as
 * one linked ledger batch each, {@code threads} posts at a time. Times the posting (goal: 100,000
 * households in &lt; 30 s) and, separately, the previews. Skipped unless {@code -Ddistribution.bench=true};
 * settings {@code -Ddistribution.bench.households} (100000), {@code .villages} (100), {@code .threads} (2).
 * Results go to stdout and {@code target/bench-distribution.txt}.
 */
@IntegrationTest
class DistributionBenchmark {

    @Autowired
    Divisions divisions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RegisterService registers;

    @Autowired
    RunService runs;

    @Autowired
    RunPoster poster;

    @Autowired
    MoneyLedger money;

    @Test
    void aYearsDistributionToAHundredThousandHouseholds() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("distribution.bench"), "set -Ddistribution.bench=true to run");
        int households = Integer.getInteger("distribution.bench.households", 100_000);
        int villageCount = Integer.getInteger("distribution.bench.villages", 100);
        int threads = Integer.getInteger("distribution.bench.threads", 2);
        List<String> villages = villages(villageCount);
        int per = households / villages.size();
        long setup = System.nanoTime();
        setUp(villages, per);
        double setupSeconds = (System.nanoTime() - setup) / 1e9;
        long t0 = System.nanoTime();
        List<Actor> clerks = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        prepare(villages, clerks, ids);
        double previewSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<RunView>> posts = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            int k = i;
            posts.add(pool.submit(() -> poster.post(clerks.get(k), ids.get(k))));
        }
        for (Future<RunView> f : posts) {
            assertThat(f.get().status()).isEqualTo("posted");
        }
        pool.shutdown();
        double postSeconds = (System.nanoTime() - t1) / 1e9;
        long transfers = jdbc.queryForObject(
                "select count(*) from dist_run_line where run_id = any(?) and transfer_id is not null",
                Long.class,
                (Object) ids.toArray(String[]::new));
        String report = String.format(
                Locale.ROOT,
                "distribution benchmark: %d households in %d villages (%d each), %d posting threads, 2 cores%n"
                        + "setup (parties, registers, %d household accounts, funding): %.1f s%n"
                        + "preview + approve of %d runs: %.1f s%n"
                        + "post of %d runs (%d household transfers + %d retention, one linked batch per run): %.1f s"
                        + " = %.0f transfers/s (goal: 100,000 households < 30 s)%n",
                per * villages.size(),
                villages.size(),
                per,
                threads,
                per * villages.size(),
                setupSeconds,
                ids.size(),
                previewSeconds,
                ids.size(),
                transfers,
                ids.size(),
                postSeconds,
                (transfers + ids.size()) / postSeconds);
        System.out.print(report);
        Files.writeString(Path.of("target", "bench-distribution.txt"), report, StandardCharsets.UTF_8);
    }

    /** Parties, registers (with their household accounts) and funding of every village. */
    private void setUp(List<String> villages, int per) {
        MoneyLedger.AccountSpec source = MoneyLedger.AccountSpec.of("bench", "bench.source", "3308", "bench", false);
        money.open(List.of(source));
        for (String village : villages) {
            Actor clerk = DistributionFixtures.actor("bench-clerk-" + village, Role.VILLAGE_ACCOUNTANT, village);
            List<HouseholdInput> register = new ArrayList<>(per);
            List<Object[]> rows = new ArrayList<>(per);
            for (int i = 0; i < per; i++) {
                String id = "B"
                        + UUID.randomUUID()
                                .toString()
                                .replace("-", "")
                                .substring(0, 25)
                                .toUpperCase();
                rows.add(new Object[] {id, village, "户" + i, OffsetDateTime.now(ZoneOffset.UTC)});
                register.add(new HouseholdInput(id, 1L + (i * 7919L) % 997, i % 13 == 0));
            }
            jdbc.batchUpdate(
                    "insert into eledger_party (id, village_code, kind, name, created_by, created_at)"
                            + " values (?, ?, 'household', ?, 'fixture', ?)",
                    rows);
            registers.replace(clerk, village, new RegisterInput(register));
            money.submit(List.of(TransferRequest.transfer(
                    UUID.randomUUID(),
                    source.id(),
                    DistributionAccounts.villageIncomeId(village),
                    50_000_000L,
                    Asset.CNY,
                    "bench.funding")));
        }
    }

    /** One previewed and approved run per village. */
    private void prepare(List<String> villages, List<Actor> clerks, List<String> ids) {
        for (String village : villages) {
            Actor clerk = DistributionFixtures.actor("bench-clerk-" + village, Role.VILLAGE_ACCOUNTANT, village);
            Actor officer = DistributionFixtures.actor(
                    "bench-officer-" + village, Role.COUNTY_OFFICER, village.substring(0, 6));
            RunView run = runs.preview(
                    clerk,
                    village,
                    new RunInput(
                            "2026",
                            "300000.07",
                            "10",
                            "20000.00",
                            new RunService.PriorityInput("50.00", "120"),
                            null,
                            null));
            runs.approve(officer, run.id(), null);
            clerks.add(clerk);
            ids.add(run.id());
        }
    }

    private List<String> villages(int count) {
        List<String> out = new ArrayList<>();
        for (Division county : divisions.children("3308")) {
            for (Division town : divisions.children(county.code())) {
                for (Division village : divisions.children(town.code())) {
                    if (out.size() < count) {
                        out.add(village.code());
                    }
                }
            }
        }
        return out;
    }
}
