package liangshan.app.distribution.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.app.eledger.AssetPackages;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Money data for the browser test: a package of {@code village} leased to a cooperative and six households
 * (e-ledger rows, as {@link DistributionFixtures}), then the real demo seed ({@link DistributionDemo#seed} as
 * the first demo village: lease, rent, option → equity, dividends, register, a posted run and one awaiting
 * approval), and a household user with a known password for the first household. For the forms (branch
 * moneyforms): a second package leased to the cooperative with no lease yet (the browser records its lease), a
 * cooperative operator of the county (the second person who approves that lease and pays a dividend) and a
 * city administrator (who sets the yearly income target).
 */
public final class MoneyE2eSeed {

    /** What the browser flow needs: the household user and its party, and the run awaiting approval. */
    public record Seeded(
            String householdUser,
            String householdPassword,
            String partyId,
            String pendingRunId,
            String openPackageId,
            TestAccounts.Account cooperative,
            TestAccounts.Account cityAdmin) {

        /** The environment of {@code web/e2e/smoke.mjs} → {@code money.mjs}. */
        public Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("MONEY_HOUSEHOLD_USER", householdUser);
            env.put("MONEY_HOUSEHOLD_PASSWORD", householdPassword);
            env.put("MONEY_PARTY", partyId);
            env.put("MONEY_OPEN_PACKAGE", openPackageId);
            env.put("MONEY_COOP_USER", cooperative.username());
            env.put("MONEY_COOP_PASSWORD", cooperative.password());
            env.put("MONEY_ADMIN_USER", cityAdmin.username());
            env.put("MONEY_ADMIN_PASSWORD", cityAdmin.password());
            return env;
        }
    }

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
        String open = DistributionFixtures.leasedPackage(jdbc, village);
        TestAccounts.Account coop =
                TestAccounts.create(context, "e2e-coop", Role.COOPERATIVE_OPERATOR, village.substring(0, 6));
        TestAccounts.Account admin = TestAccounts.create(context, "e2e-city", Role.CITY_ADMIN, "3308");
        return new Seeded(account.username(), account.password(), households.get(0), pending, open, coop, admin);
    }
}
