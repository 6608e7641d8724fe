package liangshan.ledger.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** 64 buyers race for one listing: no oversell, no negative balance, money and credits move together. */
class ConcurrentBuyersTest {

    @Test
    void sixtyFourBuyersOfOneListing() throws Exception {
        CreditFixture f = new CreditFixture();
        String seller = f.party("seller", "330824", ProjectKind.VILLAGE);
        f.issued(seller, "330824", 10_000, null); // 9000 issued
        f.ok(new CreditCommand.ListCredits(UUID.randomUUID(), "l", seller, 5_000, 1_000, "p1"));
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String b = f.party("buyer" + i, "330824", ProjectKind.ENTERPRISE);
            f.fund(b, i % 8 == 0 ? 50 : 1_000); // every eighth cannot pay for 100 units
            buyers.add(b);
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CreditOutcome>> results = new ArrayList<>();
        for (String b : buyers) {
            results.add(pool.submit(() -> {
                start.await();
                return f.registry.execute(new CreditCommand.Buy(UUID.randomUUID(), "l", b, 100, f.cash.get(b)));
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        long bought = 0;
        for (int i = 0; i < 64; i++) {
            CreditOutcome o = results.get(i).get();
            String b = buyers.get(i);
            if (o.isSuccess()) {
                bought += 100;
                assertThat(f.registry.issuedBalance(b)).isEqualTo(100);
                assertThat(f.cashOf(b)).isEqualTo(900);
            } else {
                assertThat(o.code())
                        .isIn(CreditCode.EXCEEDS_LISTING, CreditCode.LISTING_CLOSED, CreditCode.LEDGER_REJECTED);
                assertThat(f.registry.issuedBalance(b)).isZero();
                assertThat(f.cashOf(b)).isEqualTo(i % 8 == 0 ? 50 : 1_000);
            }
        }
        assertThat(bought).isEqualTo(5_000); // 56 buyers can pay; 50 of them get the 5000 units
        assertThat(f.cashOf(seller)).isEqualTo(bought); // 100 units × 10.00 元/credit = 100 fen each
        assertThat(f.registry.listing("l").orElseThrow().open()).isFalse();
        f.assertConsistent();
    }
}
