package liangshan.app.distribution.internal;

import java.util.List;
import liangshan.app.eledger.AssetPackages;
import liangshan.app.identity.internal.TestAccounts;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Money data for the browser test: a package of {@code village} leased to a cooperative and six households
 * (e-ledger rows, as {@link DistributionFixtures}), then the real demo seed ({@link DistributionDemo#seed} as
 * the first demo village: lease, rent, option → equity, dividends, register, a posted run and one awaiting
 * approval), and a household user with a known password for the first household.
 */
public final class MoneyE2eSeed {

    /** What the browser flow needs: the household user and its party, and the run awaiting approval. */
    public record Seeded(String householdUser, String householdPassword, String partyId, String pendingRunId) {}

    private MoneyE2eSeed() {}

    public static Seeded seed(ApplicationContext context, String village) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        List<String> households = DistributionFixtures.households(jdbc, village, 6);
        String pkgId = DistributionFixtures.leasedPackage(jdbc, village);
        AssetPackages.PackageInfo pkg =
                context.getBean(AssetPackages.class).find(pkgId).orElseThrow();
        context.getBean(DistributionDemo.class).seed(pkg, 0);
        long number =
                jdbc.queryForObject("select number from eledger_party where id = ?", Long.class, households.get(0));
        TestAccounts.Account account = TestAccounts.createHousehold(context, "e2e-household", village, number);
        String pending = jdbc.queryForObject(
                "select id from dist_run where village_code = ? and status = 'previewed' order by prepared_at desc limit 1",
                String.class,
                village);
        return new Seeded(account.username(), account.password(), households.get(0), pending);
    }
}
