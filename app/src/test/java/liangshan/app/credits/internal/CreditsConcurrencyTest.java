package liangshan.app.credits.internal;

import static liangshan.app.credits.internal.CreditsFixtures.ADMIN;
import static liangshan.app.credits.internal.CreditsFixtures.COUNTY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import liangshan.app.money.MoneyLedger;
import liangshan.app.platform.DataDirectory;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiException;
import liangshan.ledger.credits.CreditUnits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 64 buyers race for one listing of 10 credits, each for 0.25 credit at 80 元, over the service and the
 * database; every eighth buyer has no money. Exactly 40 purchases succeed (no oversell), and in the stored
 * ledger rows each buyer's credits and payment move together: credits held ⇔ money paid, to the unit and
 * the fen; the sums are checked in SQL.
 */
@IntegrationTest
class CreditsConcurrencyTest {

    static final int BUYERS = 64;
    static final long LOT = 250;
    static final long LISTED = 10_000;
    static final long PRICE = 8000;

    @Autowired
    PartyService parties;

    @Autowired
    ReserveService reserve;

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

    @Test
    void sixtyFourBuyersOfOneListingNeverOversellAndMoneyAndCreditsMoveTogether() throws Exception {
        CreditsFixtures.Landscape land = CreditsFixtures.landscape(data);
        CreditsFixtures.policy(parties);
        CreditsFixtures.pool(parties, COUNTY);
        String seller = CreditsFixtures.party(parties, COUNTY, "village_collective");
        CreditsFixtures.issued(reserve, land, COUNTY, "village", seller, 0);
        String listing = (String) market.list(
                        ADMIN,
                        new MarketService.ListingInput(seller, CreditUnits.format(LISTED), "80.00"),
                        UUID.randomUUID())
                .get("id");
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            String buyer = CreditsFixtures.party(parties, COUNTY, "enterprise");
            if (i % 8 != 7) {
                CreditsFixtures.fund(money, buyer, CreditUnits.paymentFen(LOT, PRICE));
            }
            buyers.add(buyer);
        }
        Map<String, String> answers = race(listing, buyers);
        long ok = answers.values().stream().filter("ok"::equals).count();
        assertThat(ok).as("answers %s", answers).isEqualTo(LISTED / LOT);
        assertThat(answers.values())
                .allMatch(a -> a.equals("ok")
                        || a.equals("credits.exceeds-listing")
                        || a.equals("credits.listing-closed")
                        || a.equals("credits.ledger-rejected"));
        checkSql(buyers, seller);
        assertThat(host.read(r -> r.listing(listing)).orElseThrow().remainingUnits())
                .isZero();
    }

    private Map<String, String> race(String listing, List<String> buyers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BUYERS);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, String> answers = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (String buyer : buyers) {
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    market.purchase(
                            ADMIN,
                            listing,
                            new MarketService.PurchaseInput(buyer, CreditUnits.format(LOT), null),
                            UUID.randomUUID());
                    answers.put(buyer, "ok");
                } catch (ApiException e) {
                    answers.put(buyer, e.code());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return answers;
    }

    /** Per buyer: credits held and money paid agree; in total: 10 credits sold, the seller side got it all. */
    private void checkSql(List<String> buyers, String seller) {
        long creditsBought = 0;
        long paid = 0;
        for (String buyer : buyers) {
            long held = posted(host.read(r -> r.accounts().holding(buyer)));
            long spent = -posted(PartyService.cashAccount(buyer))
                    + (buyers.indexOf(buyer) % 8 != 7 ? CreditUnits.paymentFen(LOT, PRICE) : 0);
            assertThat(held == 0 ? 0 : CreditUnits.paymentFen(held, PRICE))
                    .as("buyer %s holds %d units and paid %d fen", buyer, held, spent)
                    .isEqualTo(spent);
            creditsBought += held;
            paid += spent;
        }
        assertThat(creditsBought).isEqualTo(LISTED);
        assertThat(paid).isEqualTo(CreditUnits.paymentFen(LOT, PRICE) * (LISTED / LOT));
        Long received = jdbc.queryForObject(
                "select sum(credits_posted - debits_posted) from ledger_balance where account_id in (?, ?)",
                Long.class,
                PartyService.cashAccount(seller),
                MoneyLedger.accountId("credits.households", seller));
        assertThat(received).as("village 60 % + households 20 % of every sale").isEqualTo(paid * 8000 / 10_000);
        Long sales = jdbc.queryForObject(
                "select coalesce(sum(units), 0) from credit_register where kind = 'SALE' and from_party = ?",
                Long.class,
                seller);
        assertThat(sales).as("every sale is in the public register").isEqualTo(LISTED);
    }

    private long posted(UUID account) {
        List<Long> v = jdbc.queryForList(
                "select credits_posted - debits_posted from ledger_balance where account_id = ?", Long.class, account);
        return v.isEmpty() ? 0 : v.get(0);
    }
}
