package liangshan.app.distribution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import liangshan.app.distribution.internal.RegisterService.HouseholdInput;
import liangshan.app.distribution.internal.RegisterService.RegisterInput;
import liangshan.app.distribution.internal.RunService.PriorityInput;
import liangshan.app.distribution.internal.RunService.RunInput;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.money.MoneyLedger;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leases → rent → option conversion → dividend → distribution run → reversal against the real database;
 * rounding of one fen among three households, maker-checker, idempotent and concurrent posting, scope.
 */
@IntegrationTest
class DistributionFlowTest {

    static final String COUNTY = "330881"; // 江山市

    @Autowired
    Divisions divisions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LeaseService leases;

    @Autowired
    ProjectService projects;

    @Autowired
    DividendService dividends;

    @Autowired
    RegisterService registers;

    @Autowired
    RunService runs;

    @Autowired
    RunPoster poster;

    @Autowired
    MoneyLedger money;

    private long balance(UUID account) {
        MoneyLedger.Balance b = money.balances(List.of(account)).get(account);
        return b == null ? 0 : b.postedFen();
    }

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e.code();
        }
        return "none";
    }

    @Test
    void rentOptionDividendAndARunWithReversalMoveEveryFenOnce() {
        String village = DistributionFixtures.village(divisions, COUNTY, 0, 1);
        Actor coopA = DistributionFixtures.actor("coop-a-" + village, Role.COOPERATIVE_OPERATOR, COUNTY);
        Actor coopB = DistributionFixtures.actor("coop-b-" + village, Role.COOPERATIVE_OPERATOR, COUNTY);
        Actor clerk = DistributionFixtures.actor("clerk-" + village, Role.VILLAGE_ACCOUNTANT, village);
        Actor officer = DistributionFixtures.actor("officer-" + village, Role.COUNTY_OFFICER, COUNTY);
        String pkg = DistributionFixtures.leasedPackage(jdbc, village);
        LeaseView lease = DistributionFixtures.approvedLease(
                leases,
                coopA,
                new LeaseService.LeaseInput(
                        pkg,
                        "JS-2026-001",
                        "10000.01",
                        "5",
                        2,
                        "03-31",
                        new LeaseService.OptionInput("123456.78", "100")));
        assertThat(lease.schedule()).hasSize(10);
        assertThat(lease.schedule().get(2).amountYuan()).isEqualTo("10500.01"); // 10000.01 × 1.05 = 10500.0105
        long incomeBefore = balance(DistributionAccounts.villageIncomeId(village));
        var first = leases.pay(coopA, lease.id(), 1, null);
        var again = leases.pay(coopB, lease.id(), 1, null);
        assertThat(first.getValue()).isTrue();
        assertThat(again.getValue()).isFalse();
        assertThat(again.getKey().id()).isEqualTo(first.getKey().id());
        assertThat(balance(DistributionAccounts.villageIncomeId(village)) - incomeBefore)
                .isEqualTo(1_000_001);
        assertThat(code(() -> leases.pay(coopA, lease.id(), 11, null))).isEqualTo("distribution.payment.bad-year");

        String investor = DistributionFixtures.party(jdbc, village, "enterprise", "衢州某旅游公司");
        var project = DistributionFixtures.approvedProject(
                projects,
                coopA,
                new ProjectService.ProjectInput(
                        "竹林民宿",
                        COUNTY,
                        new ProjectService.PolicyInput("max", null, "1000.00", "40"),
                        List.of(new ProjectService.InvestorInput(investor, 3_766L))));
        var entry = projects.convert(
                coopA, lease.id(), new ProjectService.ConversionInput(project.id(), LocalDate.of(2027, 6, 1)));
        assertThat(entry.shares()).isEqualTo(1_234); // ⌊12345678 fen / 10000 fen⌋
        assertThat(entry.residualYuan()).isEqualTo("56.78");
        assertThat(code(() -> projects.convert(
                        coopA, lease.id(), new ProjectService.ConversionInput(project.id(), LocalDate.of(2027, 6, 1)))))
                .isEqualTo("distribution.lease.already-converted");
        // 5000 shares; profit 50000.00 元 × 40 % = 20000.00 元 → village 1234/5000 = 4936.00; minimum 1000 → 246.80
        var dividend = dividends.declare(coopA, project.id(), new DividendService.DeclareInput("2027", "50000.00"));
        assertThat(dividend.lines())
                .extracting(DividendService.Line::amountYuan)
                .containsExactly("15064.00", "4936.00");
        assertThat(code(() -> dividends.pay(coopA, dividend.id()))).isEqualTo("distribution.same-person");
        dividends.pay(coopB, dividend.id());
        dividends.pay(coopB, dividend.id());
        assertThat(balance(DistributionAccounts.villageIncomeId(village)) - incomeBefore)
                .isEqualTo(1_000_001 + 493_600);

        runsMoveEveryFenOnceAndAReversalReturnsIt(
                village, clerk, officer, first.getKey().id(), dividend.id());
    }

    private void runsMoveEveryFenOnceAndAReversalReturnsIt(
            String village, Actor clerk, Actor officer, String rentPaymentId, String dividendId) {
        List<String> hs = DistributionFixtures.households(jdbc, village, 3);
        registers.replace(
                clerk,
                village,
                new RegisterInput(List.of(
                        new HouseholdInput(hs.get(0), 1L, false),
                        new HouseholdInput(hs.get(1), 1L, false),
                        new HouseholdInput(hs.get(2), 1L, true))));
        // One fen among three equal households: the first of the tied remainders gets it.
        RunView tiny = runs.preview(
                clerk,
                village,
                new RunInput(
                        "2027",
                        "0.01",
                        "0",
                        null,
                        null,
                        List.of(new RunService.SourceInput("rent", rentPaymentId)),
                        null));
        assertThat(tiny.lines()).extracting(RunView.LineView::amountYuan).containsExactly("0.01", "0.00", "0.00");
        assertThat(code(() -> runs.approve(clerk, tiny.id(), null))).isEqualTo("distribution.same-person");
        assertThat(code(() -> poster.post(officer, tiny.id()))).isEqualTo("distribution.run.bad-state");
        runs.approve(officer, tiny.id(), "ok");
        assertThat(poster.post(clerk, tiny.id()).status()).isEqualTo("posted");
        assertThat(balance(DistributionAccounts.householdId(hs.get(0)))).isEqualTo(1);

        // 14936.00 元: retention 10 % capped at 1000.00; low-income minimum 100.00, weight 150 %.
        RunView run = runs.preview(
                clerk,
                village,
                new RunInput(
                        "2027",
                        "14936.00",
                        "10",
                        "1000.00",
                        new PriorityInput("100.00", "150"),
                        List.of(new RunService.SourceInput("dividend", dividendId)),
                        null));
        assertThat(run.retentionYuan()).isEqualTo("1000.00");
        // 13936.00 - 100.00 = 13836.00 by weights 100, 100, 150 → 3953.142, 3953.142, 5929.714 → +1 fen to index 2
        assertThat(run.lines())
                .extracting(RunView.LineView::amountYuan)
                .containsExactly("3953.14", "3953.14", "6029.72");
        runs.approve(officer, run.id(), null);
        poster.post(clerk, run.id());
        assertThat(poster.post(clerk, run.id()).postedBy()).isEqualTo(clerk.username());
        assertThat(balance(DistributionAccounts.householdId(hs.get(2)))).isEqualTo(602_972);
        assertThat(code(() -> runs.reverse(clerk, tiny.id(), null))).isEqualTo("none");
        RunView reversal = runs.reverse(clerk, run.id(), "wrong register");
        assertThat(code(() -> runs.reverse(clerk, run.id(), null))).isEqualTo("distribution.run.already-reversed");
        runs.approve(officer, reversal.id(), null);
        poster.post(clerk, reversal.id());
        assertThat(balance(DistributionAccounts.householdId(hs.get(2)))).isZero();
        assertThat(balance(DistributionAccounts.householdId(hs.get(1)))).isZero();
        assertThat(balance(DistributionAccounts.villageRetainedId(village))).isZero();
        assertThat(runs.get(clerk, run.id()).reversedBy()).isEqualTo(reversal.id());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_log where entity_id = ? and action like 'distribution.run.%'",
                        Long.class, run.id()))
                .isEqualTo(3);
    }

    @Test
    void concurrentPostsOfOneRunPostOnceAndAShortIncomeIsRefusedWithoutMovingMoney() throws Exception {
        String village = DistributionFixtures.village(divisions, COUNTY, 0, 2);
        Actor coop = DistributionFixtures.actor("coop-c-" + village, Role.COOPERATIVE_OPERATOR, COUNTY);
        Actor clerk = DistributionFixtures.actor("clerk-c-" + village, Role.VILLAGE_ACCOUNTANT, village);
        Actor officer = DistributionFixtures.actor("officer-c-" + village, Role.COUNTY_OFFICER, COUNTY);
        List<String> hs = DistributionFixtures.households(jdbc, village, 7);
        List<HouseholdInput> register = new ArrayList<>();
        long[] shares = {0, 2, 3, 5, 7, 11, 13};
        for (int i = 0; i < hs.size(); i++) {
            register.add(new HouseholdInput(hs.get(i), shares[i], false));
        }
        registers.replace(clerk, village, new RegisterInput(register));
        long income = balance(DistributionAccounts.villageIncomeId(village));
        RunView run = runs.preview(
                clerk, village, new RunInput("2026", Amounts.yuan(income + 100_003), "0", null, null, null, null));
        runs.approve(officer, run.id(), null);
        assertThat(code(() -> poster.post(clerk, run.id()))).isEqualTo("distribution.run.rejected");
        assertThat(runs.get(clerk, run.id()).status()).isEqualTo("approved");
        assertThat(balance(DistributionAccounts.householdId(hs.get(6)))).isZero();

        String pkg = DistributionFixtures.leasedPackage(jdbc, village);
        LeaseView lease = DistributionFixtures.approvedLease(
                leases, coop, new LeaseService.LeaseInput(pkg, "C-1", "1000.03", "0", 1, "01-15", null));
        leases.pay(coop, lease.id(), 1, null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<RunView>> posts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            posts.add(pool.submit(() -> poster.post(clerk, run.id())));
        }
        for (Future<RunView> f : posts) {
            assertThat(f.get().status()).isEqualTo("posted");
        }
        pool.shutdown();
        long sum = 0;
        for (int i = 0; i < hs.size(); i++) {
            sum += balance(DistributionAccounts.householdId(hs.get(i)));
        }
        assertThat(sum).isEqualTo(income + 100_003);
        assertThat(balance(DistributionAccounts.householdId(hs.get(0)))).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_transfer where result = 'OK' and refs like ?",
                        Long.class,
                        "%" + run.id() + "%"))
                .isEqualTo(6L);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_log where entity_id = ? and action = 'distribution.run.posted'",
                        Long.class,
                        run.id()))
                .isEqualTo(1);
    }

    @Test
    void everyReadAndWriteIsScopedToTheActorsDivision() {
        String village = DistributionFixtures.village(divisions, COUNTY, 0, 3);
        String other = DistributionFixtures.village(divisions, COUNTY, 0, 4);
        Actor clerk = DistributionFixtures.actor("clerk-s-" + village, Role.VILLAGE_ACCOUNTANT, village);
        Actor stranger = DistributionFixtures.actor("clerk-s-" + other, Role.VILLAGE_ACCOUNTANT, other);
        Actor otherCounty = DistributionFixtures.actor("officer-s-" + village, Role.COUNTY_OFFICER, "330802");
        Actor county = DistributionFixtures.actor("officer-k-" + village, Role.COUNTY_OFFICER, COUNTY);
        List<String> hs = DistributionFixtures.households(jdbc, village, 2);
        registers.replace(
                clerk,
                village,
                new RegisterInput(
                        List.of(new HouseholdInput(hs.get(0), 1L, false), new HouseholdInput(hs.get(1), 0L, false))));
        RunView run = runs.preview(clerk, village, new RunInput("2026", "1.00", "0", null, null, null, null));
        assertThat(code(() -> runs.get(stranger, run.id()))).isEqualTo("distribution.run.not-found");
        assertThat(code(() -> runs.approve(stranger, run.id(), null))).isEqualTo("distribution.run.not-found");
        assertThat(code(() -> runs.get(otherCounty, run.id()))).isEqualTo("distribution.run.not-found");
        assertThat(code(() -> runs.list(stranger, village, null, liangshan.app.web.PageRequest.of(0, 10))))
                .isEqualTo("distribution.forbidden");
        assertThat(code(() -> registers.replace(stranger, village, new RegisterInput(List.of()))))
                .isEqualTo("distribution.forbidden");
        assertThat(code(() -> registers.replace(
                        clerk,
                        village,
                        new RegisterInput(List.of(new HouseholdInput(
                                DistributionFixtures.party(jdbc, other, "household", "外村户"), 1L, false))))))
                .isEqualTo("distribution.register.invalid");
        assertThat(runs.get(county, run.id()).villageCode()).isEqualTo(village);
        assertThat(runs.list(county, null, null, liangshan.app.web.PageRequest.of(0, 500))
                        .items())
                .extracting(RunView::id)
                .contains(run.id());
        assertThat(runs.list(stranger, null, null, liangshan.app.web.PageRequest.of(0, 500))
                        .items())
                .extracting(RunView::villageCode)
                .doesNotContain(village);
    }
}
