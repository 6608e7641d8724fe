package liangshan.app.credits.internal;

import static liangshan.app.credits.internal.CreditsFixtures.ADMIN;
import static liangshan.app.credits.internal.CreditsFixtures.COUNTY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liangshan.app.money.MoneyLedger;
import liangshan.app.platform.DataDirectory;
import liangshan.app.support.CrashChild;
import liangshan.app.support.IntegrationTest;
import liangshan.ledger.credits.CreditInvariants;
import liangshan.ledger.credits.CreditUnits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * kill -9 during settlement: a child JVM running the real application ({@link CreditsCrashChild}) settles
 * {@value #SETTLEMENTS} purchases-with-retirement and is killed (SIGKILL) after its 3rd has begun. Afterwards
 * every settlement is stored entirely (command, credits to the buyer and retired, money to the seller) or
 * not at all: no credits without payment, no payment without credits. Sending all of them again with the
 * same request ids settles each missing one once and nothing twice.
 */
@IntegrationTest
class CreditsCrashTest {

    static final int SETTLEMENTS = 40;
    static final long LOT = 500;
    static final long PRICE = 6000;

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

    @Autowired
    RegistryHost host;

    static UUID requestId(String listing, int k) {
        return UUID.nameUUIDFromBytes(("credits-crash:" + listing + ":" + k).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSettlementKilledMidwayIsAllOrNothingAndResendingSettlesNothingTwice() throws Exception {
        CreditsFixtures.Landscape land = CreditsFixtures.landscape(data);
        CreditsFixtures.policy(parties);
        CreditsFixtures.pool(parties, COUNTY);
        String seller = CreditsFixtures.party(parties, COUNTY, "village_collective");
        String buyer = CreditsFixtures.party(parties, COUNTY, "enterprise");
        CreditsFixtures.issued(reserve, land, COUNTY, "village", seller, 3);
        String listing = (String) market.list(
                        ADMIN,
                        new MarketService.ListingInput(seller, CreditUnits.format(LOT * SETTLEMENTS), "60.00"),
                        UUID.randomUUID())
                .get("id");
        Map<String, Object> dev = CreditsFixtures.development(developments, land, COUNTY, buyer, 4, 1);
        String obligation = (String) ((Map<?, ?>) dev.get("obligation")).get("id");
        CreditsFixtures.fund(money, buyer, CreditUnits.paymentFen(LOT, PRICE) * SETTLEMENTS);

        CrashChild.killAfter(
                CreditsCrashChild.class,
                "begin 2",
                20,
                60,
                listing,
                buyer,
                obligation,
                CreditUnits.format(LOT),
                String.valueOf(SETTLEMENTS));

        int settled = consistent(listing, buyer, seller);
        assertThat(settled)
                .as("the kill came after some settlements and before the last")
                .isBetween(2, SETTLEMENTS - 1);

        for (int k = 0; k < SETTLEMENTS; k++) {
            market.purchase(
                    ADMIN,
                    listing,
                    new MarketService.PurchaseInput(buyer, CreditUnits.format(LOT), obligation),
                    requestId(listing, k));
        }
        assertThat(consistent(listing, buyer, seller)).isEqualTo(SETTLEMENTS);
        Long legs = jdbc.queryForObject(
                "select count(*) from credit_command where code = 'OK' and kind = 'BuyAndRetire'"
                        + " and command->>'listingId' = ?",
                Long.class,
                listing);
        assertThat(legs).as("each settlement once").isEqualTo(SETTLEMENTS);
        assertThat(host.read(r -> r.obligation(obligation)).orElseThrow().retiredUnits())
                .isEqualTo(LOT * SETTLEMENTS);
        host.invalidate();
        List<String> violations = host.read(CreditInvariants::check);
        assertThat(violations).isEmpty();
        List<String> rebuilt =
                host.read(r -> r.history().stream().map(h -> h.hash()).toList());
        assertThat(rebuilt)
                .isEqualTo(jdbc.queryForList("select hash from credit_history order by sequence", String.class));
    }

    /**
     * Checks the stored rows: each settled purchase has its command, its retirement and its money; the
     * buyer's retired units and the money it paid both equal settled × lot. Answers the number settled.
     */
    private int consistent(String listing, String buyer, String seller) {
        int settled = 0;
        for (int k = 0; k < SETTLEMENTS; k++) {
            UUID id = requestId(listing, k);
            Long buy = jdbc.queryForObject(
                    "select count(*) from credit_command where request_id = ? and code = 'OK' and kind = 'BuyAndRetire'",
                    Long.class,
                    id);
            Long lines = jdbc.queryForObject(
                    "select count(*) from credit_register where request_id = ? and kind in ('SALE', 'RETIREMENT')",
                    Long.class,
                    id);
            assertThat(lines)
                    .as("settlement %d: purchase and retirement together", k)
                    .isEqualTo(2 * buy);
            settled += buy.intValue();
        }
        long paid = CreditUnits.paymentFen(LOT, PRICE) * SETTLEMENTS - posted(PartyService.cashAccount(buyer));
        assertThat(paid).as("money paid = settled purchases").isEqualTo(CreditUnits.paymentFen(LOT, PRICE) * settled);
        Long retired = jdbc.queryForObject(
                "select coalesce(sum(units), 0) from credit_register where kind = 'RETIREMENT' and from_party = ?",
                Long.class,
                buyer);
        assertThat(retired).as("credits retired = settled purchases").isEqualTo(LOT * settled);
        long received =
                posted(PartyService.cashAccount(seller)) + posted(MoneyLedger.accountId("credits.households", seller));
        assertThat(received).isEqualTo(CreditUnits.paymentFen(LOT, PRICE) * settled * 8000 / 10_000);
        return settled;
    }

    private long posted(UUID account) {
        List<Long> v = jdbc.queryForList(
                "select credits_posted - debits_posted from ledger_balance where account_id = ?", Long.class, account);
        return v.isEmpty() ? 0 : v.get(0);
    }
}
