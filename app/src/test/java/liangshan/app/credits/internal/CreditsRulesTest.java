package liangshan.app.credits.internal;

import static liangshan.app.credits.internal.CreditsFixtures.ADMIN;
import static liangshan.app.credits.internal.CreditsFixtures.COUNTY;
import static liangshan.app.credits.internal.CreditsFixtures.OTHER_COUNTY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liangshan.app.money.MoneyLedger;
import liangshan.app.platform.DataDirectory;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiException;
import liangshan.ledger.credits.CreditUnits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The acquittal rules over the real database: an obligation is not acquitted by pending credits, by another
 * county's credits, or twice; a retried command moves nothing twice; two approved projects never share
 * land and period; a pool purchase retires what the pool holds and records a liability for the rest.
 */
@IntegrationTest
class CreditsRulesTest {

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
    JdbcTemplate jdbc;

    CreditsFixtures.Landscape land;

    @BeforeEach
    void setUp() {
        land = CreditsFixtures.landscape(data);
        CreditsFixtures.policy(parties);
        CreditsFixtures.pool(parties, COUNTY);
        CreditsFixtures.pool(parties, OTHER_COUNTY);
    }

    private static String code(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e.code();
        }
        throw new AssertionError("expected a rejection");
    }

    @Test
    void anObligationIsNotAcquittedByPendingCreditsOtherCountiesCreditsOrTwice() {
        String village = CreditsFixtures.party(parties, COUNTY, "village_collective");
        String otherVillage = CreditsFixtures.party(parties, OTHER_COUNTY, "village_collective");
        String enterprise = CreditsFixtures.party(parties, COUNTY, "enterprise");
        CreditsFixtures.estimated(reserve, land, COUNTY, "village", village, 0);
        Map<String, Object> dev = CreditsFixtures.development(developments, land, COUNTY, enterprise, 2, 0);
        @SuppressWarnings("unchecked")
        String obligation = (String) ((Map<String, Object>) dev.get("obligation")).get("id");
        String amount = (String) ((Map<?, ?>) dev.get("obligation")).get("amount");

        assertThat(code(() -> market.retire(
                        ADMIN, obligation, new MarketService.CreditsInput(village, "1.000"), UUID.randomUUID())))
                .as("pending units are not retirable")
                .isEqualTo("credits.pending-not-retirable");

        CreditsFixtures.issued(
                reserve, CreditsFixtures.landscape(data, OTHER_COUNTY), OTHER_COUNTY, "village", otherVillage, 3);
        assertThat(code(() -> market.retire(
                        ADMIN, obligation, new MarketService.CreditsInput(otherVillage, "1.000"), UUID.randomUUID())))
                .as("another county's credits do not match (same-county rule)")
                .isEqualTo("credits.credits-do-not-match");

        CreditsFixtures.issued(reserve, land, COUNTY, "village", village, 1);
        long before = units(parties.get(ADMIN, village).issued());
        UUID once = UUID.randomUUID();
        Map<String, Object> settled =
                market.retire(ADMIN, obligation, new MarketService.CreditsInput(village, amount), once);
        assertThat(settled.get("gate")).isEqualTo("passed");
        Map<String, Object> again =
                market.retire(ADMIN, obligation, new MarketService.CreditsInput(village, amount), once);
        assertThat(again.get("units")).as("a retry answers the first answer").isEqualTo(amount);
        assertThat(units(parties.get(ADMIN, village).issued()))
                .as("the retry retired nothing more")
                .isEqualTo(before - CreditsFixtures.units(amount));
        assertThat(code(() -> market.retire(
                        ADMIN, obligation, new MarketService.CreditsInput(village, "0.001"), UUID.randomUUID())))
                .isEqualTo("credits.obligation-already-acquitted");
    }

    @Test
    void twoApprovedProjectsNeverShareLandAndPeriod() {
        String village = CreditsFixtures.party(parties, COUNTY, "village_collective");
        LocalDate day = CreditsFixtures.uniqueDay();
        CreditsFixtures.Landscape l = land;
        var maker = CreditsFixtures.officer("overlap-maker", COUNTY);
        String first = (String) reserve.propose(
                        maker, CreditsFixtures.projectInput(l, COUNTY, "village", village, 2, day), UUID.randomUUID())
                .get("id");
        reserve.review(maker, first, "approve", null, UUID.randomUUID());
        String second = (String) reserve.propose(
                        maker, CreditsFixtures.projectInput(l, COUNTY, "village", village, 2, day), UUID.randomUUID())
                .get("id");
        assertThat(code(() -> reserve.review(maker, second, "approve", null, UUID.randomUUID())))
                .isEqualTo("credits.land-overlap-geometry");
        String later = (String) reserve.propose(
                        maker,
                        CreditsFixtures.projectInput(l, COUNTY, "village", village, 2, day.plusDays(1)),
                        UUID.randomUUID())
                .get("id");
        assertThat(reserve.review(maker, later, "approve", null, UUID.randomUUID())
                        .get("status"))
                .isEqualTo("approved");
        assertThat(code(() -> reserve.review(maker, "NO-SUCH", "approve", null, UUID.randomUUID())))
                .isEqualTo("credits.not-found");
    }

    @Test
    void aPoolPurchaseRetiresWhatThePoolHasAndOwesTheRest() {
        String enterprise = CreditsFixtures.party(parties, COUNTY, "enterprise");
        long price = CreditsFixtures.pool(parties, COUNTY);
        Map<String, Object> dev = CreditsFixtures.development(developments, land, COUNTY, enterprise, 4, 4);
        Map<?, ?> ob = (Map<?, ?>) dev.get("obligation");
        String obligation = (String) ob.get("id");
        long owed = CreditsFixtures.units((String) ob.get("amount"));
        long payment = CreditUnits.paymentFen(owed, price);
        assertThat(code(() -> market.poolPurchase(
                        ADMIN,
                        obligation,
                        new MarketService.CreditsInput(null, (String) ob.get("amount")),
                        UUID.randomUUID())))
                .as("the enterprise has no money yet")
                .isEqualTo("credits.ledger-rejected");
        CreditsFixtures.fund(money, enterprise, payment);
        Map<String, Object> settled = market.poolPurchase(
                ADMIN, obligation, new MarketService.CreditsInput(null, (String) ob.get("amount")), UUID.randomUUID());
        Map<?, ?> after = (Map<?, ?>) settled.get("obligation");
        long retired = CreditsFixtures.units((String) after.get("retired"));
        long covered = CreditsFixtures.units((String) after.get("coveredByPool"));
        assertThat(retired + covered).isEqualTo(owed);
        assertThat(settled.get("gate")).isEqualTo(covered == 0 ? "passed" : "covered-by-pool-liability");
        UUID cash = PartyService.cashAccount(enterprise);
        assertThat(money.balances(List.of(cash)).get(cash).postedFen()).isZero();
        if (covered > 0) {
            CreditsFixtures.issued(reserve, land, COUNTY, "government", null, 4);
            parties.settlePool(ADMIN, COUNTY, UUID.randomUUID());
            Map<String, Object> view = developments.get(ADMIN, (String) dev.get("id"));
            assertThat(view.get("gate")).isEqualTo("passed");
        }
        Long stored = jdbc.queryForObject(
                "select count(*) from credit_command where code = 'LEDGER_REJECTED' and command->>'obligationId' = ?",
                Long.class,
                obligation);
        assertThat(stored).as("the rejection is remembered").isEqualTo(1);
    }

    private static long units(String credits) {
        return CreditsFixtures.units(credits);
    }

    @Test
    void rolesAndScopeDecideWhoMayActAndRead() {
        String village = CreditsFixtures.party(parties, COUNTY, "village_collective");
        var otherOfficer = CreditsFixtures.officer("other-officer", OTHER_COUNTY);
        assertThat(code(() -> parties.createParty(
                        otherOfficer,
                        new PartyService.PartyInput("某村", COUNTY, null, "village_collective"),
                        UUID.randomUUID())))
                .isEqualTo("credits.forbidden");
        var investor = new liangshan.app.identity.Actor(
                0,
                "rules-investor",
                java.util.Set.of(liangshan.app.identity.Role.INVESTOR),
                new liangshan.app.identity.DataScope(COUNTY));
        assertThat(code(() -> market.list(
                        investor, new MarketService.ListingInput(village, "1.000", "10.00"), UUID.randomUUID())))
                .as("an enterprise acts only for its own parties")
                .isEqualTo("credits.forbidden");
        var accountant = new liangshan.app.identity.Actor(
                0,
                "rules-accountant",
                java.util.Set.of(liangshan.app.identity.Role.VILLAGE_ACCOUNTANT),
                new liangshan.app.identity.DataScope(OTHER_COUNTY + "001001"));
        assertThat(code(() -> parties.get(accountant, village)))
                .as("outside the data scope a party does not exist")
                .isEqualTo("credits.not-found");
        assertThat(code(() -> parties.createPolicy(
                        CreditsFixtures.officer("officer", COUNTY),
                        new PartyService.PolicyInput("x", "1", true, false, "NONE", "0", null))))
                .as("policies: city administrator only")
                .isEqualTo("credits.forbidden");
        assertThat(code(() -> market.list(
                        ADMIN, new MarketService.ListingInput(village, "0.0001", "10.00"), UUID.randomUUID())))
                .as("more than three decimals is not a credit amount")
                .isEqualTo("credits.invalid");
    }
}
