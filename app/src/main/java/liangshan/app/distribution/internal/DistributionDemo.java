package liangshan.app.distribution.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import liangshan.app.distribution.internal.RegisterService.HouseholdInput;
import liangshan.app.distribution.internal.RegisterService.RegisterInput;
import liangshan.app.distribution.internal.RunService.PriorityInput;
import liangshan.app.distribution.internal.RunService.RunInput;
import liangshan.app.distribution.internal.RunService.SourceInput;
import liangshan.app.eledger.AssetPackages;
import liangshan.app.eledger.AssetPackages.PackageInfo;
import liangshan.app.eledger.AssetPackages.PartyInfo;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.DemoUsers;
import liangshan.app.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Illustrative money data for the demo villages that have an eco asset package leased to the cooperative,
 * all through the real services (maker-checker by two demo actors): the lease (approved by the second
 * person), the first year's rent (on time, late or — every third village — left overdue), and in the first
 * village an option converted to equity in a project whose quarterly dividends are declared and paid;
 * then the shareholder register from the village's households, a posted distribution run and, where
 * money is left, a run awaiting approval; and a {@code HOUSEHOLD} demo user for the village's first
 * household. One transaction per package; a package that already has a lease is left alone, so loading
 * twice adds nothing.
 */
@Component
class DistributionDemo {

    static final Actor MAKER = new Actor(0, "demo-distribution", Set.of(Role.CITY_ADMIN), DataScope.CITY);
    static final Actor CHECKER = new Actor(0, "demo-distribution-checker", Set.of(Role.CITY_ADMIN), DataScope.CITY);

    private final LeaseService leases;
    private final ProjectService projects;
    private final DividendService dividends;
    private final RegisterService registers;
    private final RunService runs;
    private final RunPoster poster;
    private final AssetPackages eledger;
    private final DemoUsers demoUsers;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DistributionDemo(
            LeaseService leases,
            ProjectService projects,
            DividendService dividends,
            RegisterService registers,
            RunService runs,
            RunPoster poster,
            AssetPackages eledger,
            DemoUsers demoUsers,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.leases = leases;
        this.projects = projects;
        this.dividends = dividends;
        this.registers = registers;
        this.runs = runs;
        this.poster = poster;
        this.eledger = eledger;
        this.demoUsers = demoUsers;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Seeds every leased package without a lease yet; answers how many were seeded. */
    int load() {
        int seeded = 0;
        List<PackageInfo> packages = eledger.leased("3308");
        for (int k = 0; k < packages.size(); k++) {
            if (seed(packages.get(k), k)) {
                seeded++;
            }
        }
        return seeded;
    }

    /** Seeds package {@code pkg} as the {@code k}-th demo village; false when it already has a lease. */
    boolean seed(PackageInfo pkg, int k) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            boolean exists = jdbc.sql(
                            "select exists (select 1 from dist_lease where package_id = ? and status <> 'rejected')")
                    .param(pkg.id())
                    .query(Boolean.class)
                    .single();
            if (exists) {
                return false;
            }
            seedLocked(pkg, k);
            return true;
        }));
    }

    private void seedLocked(PackageInfo pkg, int k) {
        String village = pkg.villageCode();
        LeaseService.OptionInput option = k == 0 ? new LeaseService.OptionInput("600000.00", "10.00") : null;
        LeaseView lease = leases.create(
                MAKER,
                new LeaseService.LeaseInput(
                        pkg.id(),
                        "LS-" + village.substring(0, 6) + "-" + village.substring(9) + "-01",
                        (80_000 + (k * 37_000) % 120_000) + ".00",
                        "3",
                        2,
                        "03-31",
                        option));
        leases.approve(CHECKER, lease.id(), "演示：第二人审核");
        List<SourceInput> rent = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        LocalDate due = lease.schedule().get(0).dueOn();
        if (k % 3 != 2 && !due.isAfter(today)) {
            LocalDate paidOn = k % 3 == 0 ? due.minusDays(3) : due.plusDays(20);
            paidOn = paidOn.isAfter(today) ? today : paidOn.isBefore(pkg.termFrom()) ? pkg.termFrom() : paidOn;
            String payment = leases.pay(MAKER, lease.id(), 1, paidOn).getKey().id();
            rent.add(new SourceInput("rent", payment));
        }
        List<String> paidDividends = k == 0 ? project(pkg, lease) : List.of();
        List<PartyInfo> households = eledger.households(village);
        if (households.isEmpty()) {
            return;
        }
        List<HouseholdInput> register = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            register.add(new HouseholdInput(households.get(i).id(), 1L + i % 4, i % 9 == 4));
        }
        registers.replace(MAKER, village, new RegisterInput(register));
        if (!rent.isEmpty()) {
            postedRun(village, "2026-Q2", Amounts.fenOf(lease.schedule().get(0).amountYuan()), rent);
        }
        if (!paidDividends.isEmpty()) {
            long fen = jdbc.sql("select coalesce(sum(amount_fen), 0) from dist_dividend_line where dividend_id = ?"
                            + " and village_code = ?")
                    .params(paidDividends.get(0), village)
                    .query(Long.class)
                    .single();
            // Awaiting a second person's approval: the village tab shows the preview → approve → post flow.
            runs.preview(
                    MAKER,
                    village,
                    new RunInput(
                            "2026-Q3",
                            Amounts.yuan(fen),
                            "10",
                            null,
                            null,
                            List.of(new SourceInput("dividend", paidDividends.get(0))),
                            "演示：二季度分红待分配"));
        }
        PartyInfo first = households.get(0);
        demoUsers.ensure(
                "demo-household-" + village,
                "演示 农户 " + first.name(),
                Role.HOUSEHOLD,
                village,
                OptionalLong.of(first.number()));
    }

    private void postedRun(String village, String period, long amountFen, List<SourceInput> sources) {
        RunView run = runs.preview(
                MAKER,
                village,
                new RunInput(
                        period,
                        Amounts.yuan(amountFen),
                        "15",
                        "50000.00",
                        new PriorityInput("300.00", "120"),
                        sources,
                        "演示：租金收益分配（提留 15%，上限 5 万元；低收入户保底 300 元）"));
        runs.approve(CHECKER, run.id(), null);
        poster.post(MAKER, run.id());
    }

    /**
     * A project in the package's county with the cooperative as investor (40,000 shares) and the lease's
     * option converted (600,000.00 / 10.00 = 60,000 shares); policy: the larger of 0.50 元 per share and
     * 30 % of the profit. Q2 dividend declared and paid, Q3 declared and awaiting payment. Answers the
     * paid dividends' ids.
     */
    private List<String> project(PackageInfo pkg, LeaseView lease) {
        String county = pkg.villageCode().substring(0, 6);
        ProjectService.ProjectView project = projects.create(
                MAKER,
                new ProjectService.ProjectInput(
                        pkg.name().replace("生态资产包", "") + "生态康养项目（示意）",
                        county,
                        new ProjectService.PolicyInput("max", "0.50", null, "30"),
                        List.of(new ProjectService.InvestorInput(pkg.lesseePartyId(), 40_000L))));
        projects.approve(CHECKER, project.id());
        LocalDate operating = pkg.termFrom().plusMonths(5);
        projects.convert(MAKER, lease.id(), new ProjectService.ConversionInput(project.id(), operating));
        DividendService.Dividend q2 =
                dividends.declare(MAKER, project.id(), new DividendService.DeclareInput("2026-Q2", "380000.00"));
        dividends.pay(CHECKER, q2.id());
        dividends.declare(MAKER, project.id(), new DividendService.DeclareInput("2026-Q3", "520000.00"));
        return List.of(q2.id());
    }
}
