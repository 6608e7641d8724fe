package liangshan.app.distribution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import liangshan.app.distribution.internal.RegisterService.HouseholdInput;
import liangshan.app.distribution.internal.RegisterService.RegisterInput;
import liangshan.app.distribution.internal.RunService.RunInput;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.money.MoneyLedger;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiException;
import liangshan.kernel.money.benefit.PriorityAllocation;
import liangshan.kernel.money.benefit.Retention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The PostgreSQL-backed variant of {@code BenefitSimulationTest}, smaller: random rent payments (and their
 * retries), distribution runs (refused when the village lacks the money, posted once or twice) and
 * reversal runs through the real services; after EVERY operation each ledger balance equals a model that
 * computes the runs itself from the pure rules. {@code -Ddistribution.pgsim.ops} (150) and
 * {@code -Ddistribution.pgsim.seed}; the seed is printed and named in a failure.
 */
@IntegrationTest
class PgDistributionSimulationTest {

    @Autowired
    Divisions divisions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LeaseService leases;

    @Autowired
    RegisterService registers;

    @Autowired
    RunService runs;

    @Autowired
    RunPoster poster;

    @Autowired
    MoneyLedger money;

    record Village(
            String code,
            Actor clerk,
            Actor officer,
            Actor coop,
            String lease,
            List<String> households,
            long[] shares,
            boolean[] low) {}

    private final Map<UUID, Long> model = new HashMap<>();
    private final Map<String, Map<UUID, Long>> posted = new HashMap<>();

    @Test
    void theServicesAgreeWithTheModelAfterEveryOperation() {
        long seed = Long.getLong("distribution.pgsim.seed", System.nanoTime() % 100_000);
        int ops = Integer.getInteger("distribution.pgsim.ops", 150);
        System.out.println("PostgreSQL distribution simulation seed " + seed + " (" + ops + " operations)");
        Random random = new Random(seed);
        List<Village> villages = List.of(village(random, 0, 5), village(random, 0, 6));
        List<String> postedRuns = new ArrayList<>();
        for (int op = 0; op < ops; op++) {
            Village v = villages.get(random.nextInt(villages.size()));
            String what = "?";
            try {
                int dice = random.nextInt(10);
                if (dice < 3) {
                    what = rent(v, random);
                } else if (dice < 8) {
                    what = run(v, random, postedRuns);
                } else {
                    what = reversal(villages, random, postedRuns);
                }
                for (Map.Entry<UUID, Long> e : model.entrySet()) {
                    MoneyLedger.Balance b = money.balances(List.of(e.getKey())).get(e.getKey());
                    assertThat(b == null ? 0 : b.postedFen())
                            .as("account %s", e.getKey())
                            .isEqualTo(e.getValue());
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "PostgreSQL distribution simulation failed: seed " + seed + ", op " + op + " (" + what
                                + "); replay with -Ddistribution.pgsim.seed=" + seed,
                        e);
            }
        }
    }

    private Village village(Random random, int town, int n) {
        String code = DistributionFixtures.village(divisions, "330803", town, n);
        String county = code.substring(0, 6);
        Actor clerk = DistributionFixtures.actor("sim-clerk-" + code, Role.VILLAGE_ACCOUNTANT, code);
        Actor officer = DistributionFixtures.actor("sim-officer-" + code, Role.COUNTY_OFFICER, county);
        Actor coop = DistributionFixtures.actor("sim-coop-" + code, Role.COOPERATIVE_OPERATOR, county);
        int count = 1 + random.nextInt(9);
        List<String> hs = DistributionFixtures.households(jdbc, code, count);
        long[] shares = new long[count];
        boolean[] low = new boolean[count];
        List<HouseholdInput> register = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shares[i] = i == 0 ? 1 + random.nextInt(50) : random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(50);
            low[i] = random.nextInt(3) == 0;
            register.add(new HouseholdInput(hs.get(i), shares[i], low[i]));
        }
        registers.replace(clerk, code, new RegisterInput(register));
        String pkg = DistributionFixtures.leasedPackage(jdbc, code);
        LeaseView lease = DistributionFixtures.approvedLease(
                leases,
                coop,
                new LeaseService.LeaseInput(
                        pkg,
                        "SIM-" + code,
                        Long.toString(100 + random.nextInt(100_000)) + "." + random.nextInt(10) + "7",
                        Integer.toString(random.nextInt(10)),
                        1 + random.nextInt(3),
                        "05-20",
                        null));
        Village v = new Village(code, clerk, officer, coop, lease.id(), hs, shares, low);
        for (UUID id : accounts(v)) {
            MoneyLedger.Balance b = money.balances(List.of(id)).get(id);
            model.put(id, b == null ? 0 : b.postedFen());
        }
        return v;
    }

    private static List<UUID> accounts(Village v) {
        List<UUID> ids = new ArrayList<>(List.of(
                DistributionAccounts.villageIncomeId(v.code()), DistributionAccounts.villageRetainedId(v.code())));
        v.households().forEach(h -> ids.add(DistributionAccounts.householdId(h)));
        return ids;
    }

    private String rent(Village v, Random random) {
        int year = 1 + random.nextInt(10);
        LeaseView lease = leases.get(v.coop(), v.lease());
        boolean paid = lease.schedule().get(year - 1).paid();
        leases.pay(v.coop(), v.lease(), year, null);
        if (!paid) {
            model.merge(
                    DistributionAccounts.villageIncomeId(v.code()),
                    Amounts.fenOf(lease.schedule().get(year - 1).amountYuan()),
                    Long::sum);
            return "rent";
        }
        return "rent.retry";
    }

    private String run(Village v, Random random, List<String> postedRuns) {
        long income = model.get(DistributionAccounts.villageIncomeId(v.code()));
        long amount =
                1 + (income > 0 && random.nextInt(5) != 0 ? random.nextLong(income) : random.nextLong(income + 500));
        BigDecimal pct = BigDecimal.valueOf(random.nextInt(3_001), 2);
        Long cap = random.nextBoolean() ? null : (long) random.nextInt(100_000);
        PriorityAllocation rule = random.nextBoolean()
                ? PriorityAllocation.NONE
                : new PriorityAllocation(random.nextInt(2_000), BigDecimal.valueOf(100 + random.nextInt(200)));
        RunView run = runs.preview(
                v.clerk(),
                v.code(),
                new RunInput(
                        "2026",
                        Amounts.yuan(amount),
                        pct.toPlainString(),
                        cap == null ? null : Amounts.yuan(cap),
                        rule == PriorityAllocation.NONE
                                ? null
                                : new RunService.PriorityInput(
                                        Amounts.yuan(rule.minimumPerLowIncomeFen()),
                                        rule.lowIncomeWeightPercent().toPlainString()),
                        null,
                        null));
        runs.approve(v.officer(), run.id(), null);
        long retention = new Retention(pct, cap).of(amount);
        PriorityAllocation.Share[] parts = rule.allocate(amount - retention, v.shares(), v.low());
        if (amount > income) {
            try {
                poster.post(v.clerk(), run.id());
            } catch (ApiException e) {
                assertThat(e.code()).isEqualTo("distribution.run.rejected");
                return "run.refused";
            }
            throw new AssertionError("a run above the village income was posted");
        }
        poster.post(v.clerk(), run.id());
        if (random.nextBoolean()) {
            poster.post(v.clerk(), run.id());
        }
        Map<UUID, Long> moves = new HashMap<>();
        moves.put(DistributionAccounts.villageIncomeId(v.code()), -amount);
        moves.merge(DistributionAccounts.villageRetainedId(v.code()), retention, Long::sum);
        for (int i = 0; i < parts.length; i++) {
            moves.merge(DistributionAccounts.householdId(v.households().get(i)), parts[i].amountFen(), Long::sum);
        }
        moves.forEach((k, fen) -> model.merge(k, fen, Long::sum));
        posted.put(run.id(), moves);
        postedRuns.add(run.id());
        return "run";
    }

    private String reversal(List<Village> villages, Random random, List<String> postedRuns) {
        if (postedRuns.isEmpty()) {
            return "reversal.none";
        }
        String id = postedRuns.remove(random.nextInt(postedRuns.size()));
        RunView original = runs.get(villages.get(0).officer(), id);
        Village v = villages.stream()
                .filter(x -> x.code().equals(original.villageCode()))
                .findFirst()
                .orElseThrow();
        RunView reversal = runs.reverse(v.clerk(), id, "sim");
        runs.approve(v.officer(), reversal.id(), null);
        poster.post(v.clerk(), reversal.id());
        posted.get(id).forEach((k, fen) -> model.merge(k, -fen, Long::sum));
        return "reversal";
    }
}
