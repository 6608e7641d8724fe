package liangshan.app.credits.internal;

import static liangshan.app.credits.internal.CreditsFixtures.ADMIN;
import static liangshan.app.credits.internal.CreditsFixtures.COUNTY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import liangshan.app.platform.DataDirectory;
import liangshan.app.support.IntegrationTest;
import liangshan.ledger.credits.CreditInvariants;
import liangshan.ledger.credits.CreditRegistry;
import liangshan.ledger.credits.CreditUnits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A restart rebuilds the registry by replaying the committed commands: the state after the rebuild (blocks,
 * listings, obligations, liabilities, register, the hash chain) equals the state before, the in-memory hash
 * chain equals the stored one row by row, and the registry's invariants — including "every ECO_CREDIT
 * account in the ledger equals the registry's units in it" — hold against the stored ledger.
 */
@IntegrationTest
class CreditsRestartTest {

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
    JdbcTemplate jdbc;

    @Autowired
    RegistryHost host;

    @Autowired
    liangshan.app.money.MoneyLedger money;

    @Test
    void aRebuildFromTheDatabaseEqualsTheStateBefore() {
        CreditsFixtures.Landscape land = CreditsFixtures.landscape(data);
        CreditsFixtures.policy(parties);
        CreditsFixtures.pool(parties, COUNTY);
        String village = CreditsFixtures.party(parties, COUNTY, "village_collective");
        String enterprise = CreditsFixtures.party(parties, COUNTY, "enterprise");
        CreditsFixtures.issued(reserve, land, COUNTY, "village", village, 2);
        String listing = (String)
                market.list(ADMIN, new MarketService.ListingInput(village, "100.000", "75.50"), UUID.randomUUID())
                        .get("id");
        Map<String, Object> dev = CreditsFixtures.development(developments, land, COUNTY, enterprise, 2, 3);
        String obligation = (String) ((Map<?, ?>) dev.get("obligation")).get("id");
        CreditsFixtures.fund(this.money, enterprise, CreditUnits.paymentFen(40_000, 7550));
        market.purchase(
                ADMIN, listing, new MarketService.PurchaseInput(enterprise, "40.000", obligation), UUID.randomUUID());

        String before = host.read(CreditsRestartTest::snapshot);
        host.invalidate();
        String after = host.read(CreditsRestartTest::snapshot);
        assertThat(after).isEqualTo(before);
        assertThat(after).contains(listing, obligation);

        List<String> stored = jdbc.queryForList("select hash from credit_history order by sequence", String.class);
        List<String> rebuilt =
                host.read(r -> r.history().stream().map(h -> h.hash()).toList());
        assertThat(rebuilt).isEqualTo(stored);
        List<String> violations = host.read(CreditInvariants::check);
        assertThat(violations).isEmpty();
    }

    /** Everything the registry answers, as text. */
    static String snapshot(CreditRegistry r) {
        return String.join(
                "\n",
                r.blocks().toString(),
                r.listings().toString(),
                r.bids().toString(),
                r.obligations().toString(),
                r.liabilities().toString(),
                r.register().toString(),
                r.history().stream()
                        .map(h -> h.sequence() + " " + h.hash())
                        .toList()
                        .toString(),
                r.parties().toString());
    }
}
