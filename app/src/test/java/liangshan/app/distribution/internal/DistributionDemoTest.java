package liangshan.app.distribution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;
import liangshan.app.money.MoneyLedger;
import liangshan.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo seed goes through the real services, leaves consistent money, and a second load adds nothing. */
@IntegrationTest
class DistributionDemoTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Divisions divisions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DistributionDemo demo;

    @Autowired
    StatementService statements;

    @Autowired
    IncomeService income;

    @Autowired
    MoneyLedger money;

    @Test
    void theDemoSeedIsCompleteConsistentAndIdempotent() {
        String town = divisions.children("330822").get(4).code();
        String village = divisions.children(town).get(0).code();
        MoneyE2eSeed.Seeded seeded = MoneyE2eSeed.seed(context, village);
        assertThat(jdbc.queryForList("select status from dist_lease where village_code = ?", String.class, village))
                .containsExactly("converted");
        assertThat(jdbc.queryForList(
                        "select d.period || ':' || d.status from dist_dividend d join dist_dividend_line l on"
                                + " l.dividend_id = d.id where l.village_code = ? order by d.period",
                        String.class,
                        village))
                .containsExactly("2026-Q2:paid", "2026-Q3:declared");
        assertThat(jdbc.queryForList(
                        "select status from dist_run where village_code = ? order by prepared_at",
                        String.class,
                        village))
                .containsExactly("posted", "previewed");
        assertThat(seeded.pendingRunId()).isNotNull();
        // rent 80,000.00 (paid 3 days early) + village dividend of 2026-Q2: max(0.50 × 60,000, 30 % × 380,000 ×
        // 60,000 / 100,000 = 68,400.00)
        IncomeService.Year y2026 =
                income.village(Actor.SYSTEM, village, 2026, 2026).years().get(0);
        assertThat(y2026.rentYuan()).isEqualTo("80000.00");
        assertThat(y2026.dividendYuan()).isEqualTo("68400.00");
        assertThat(jdbc.queryForObject(
                        "select count(*) from identity_user where username = ?",
                        Long.class,
                        "demo-household-" + village))
                .isEqualTo(1);
        Actor household = new Actor(
                1,
                "hh",
                java.util.Set.of(Role.HOUSEHOLD),
                new DataScope(village),
                java.util.OptionalLong.of(jdbc.queryForObject(
                        "select number from eledger_party where id = ?", Long.class, seeded.partyId())));
        StatementService.Statement st = statements.mine(household);
        long balance = money.balances(List.of(DistributionAccounts.householdId(seeded.partyId())))
                .get(DistributionAccounts.householdId(seeded.partyId()))
                .postedFen();
        assertThat(Amounts.fenOf(st.balanceYuan())).isEqualTo(balance).isPositive();
        assertThat(st.periods().get(0).lines().get(0).parts().get(0).kind()).isEqualTo("rent");

        long leases = jdbc.queryForObject("select count(*) from dist_lease", Long.class);
        String pkg =
                jdbc.queryForObject("select package_id from dist_lease where village_code = ?", String.class, village);
        assertThat(demo.seed(
                        context.getBean(liangshan.app.eledger.AssetPackages.class)
                                .find(pkg)
                                .orElseThrow(),
                        0))
                .isFalse();
        assertThat(jdbc.queryForObject("select count(*) from dist_lease", Long.class))
                .isEqualTo(leases);
    }
}
