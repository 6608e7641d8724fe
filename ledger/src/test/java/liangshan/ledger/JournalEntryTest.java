package liangshan.ledger;

import static liangshan.ledger.Asset.CNY;
import static liangshan.ledger.Asset.ECO_CREDIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Multi-line entries: balanced by construction, applied as one linked chain. */
class JournalEntryTest {

    private final LedgerFixture f = new LedgerFixture();

    @Test
    void anUnbalancedEntryCannotBeBuilt() {
        var builder = JournalEntry.builder(f.freshId(), "rent.split")
                .debit(f.freshId(), CNY, 100)
                .credit(f.freshId(), CNY, 60)
                .credit(f.freshId(), CNY, 39);
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("balance");
    }

    @Test
    void eachAssetMustBalanceOnItsOwn() {
        // 100 fen against 100 thousandths of a credit is not balanced: different assets.
        var builder = JournalEntry.builder(f.freshId(), "trade.settlement")
                .debit(f.freshId(), CNY, 100)
                .credit(f.freshId(), ECO_CREDIT, 100);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneAccountCannotBeOnBothSides() {
        UUID a = f.freshId();
        var builder = JournalEntry.builder(f.freshId(), "rent.split")
                .debit(a, CNY, 10)
                .credit(a, CNY, 5)
                .credit(f.freshId(), CNY, 5);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRentSplitPostsEveryLineAndIsIdempotent() {
        UUID tenant = f.open(CNY);
        UUID village = f.cash(CNY);
        UUID reserve = f.cash(CNY);
        UUID households = f.cash(CNY);
        JournalEntry entry = JournalEntry.builder(f.freshId(), "rent.split")
                .reference("contract", "HT-2026-017")
                .debit(tenant, CNY, 100_000)
                .credit(village, CNY, 30_000)
                .credit(reserve, CNY, 10_000)
                .credit(households, CNY, 60_000)
                .build();
        List<TransferRequest> legs = entry.toTransfers();
        assertThat(legs).hasSize(3);
        assertThat(legs.get(0).isLinked()).isTrue();
        assertThat(legs.get(2).isLinked()).isFalse();
        assertThat(legs.get(1).references())
                .containsEntry("contract", "HT-2026-017")
                .containsEntry("journal.entry", entry.id().toString());

        assertThat(f.ledger.submit(entry)).extracting(LedgerResult::code).containsOnly(ResultCode.OK);
        assertThat(f.ledger.submit(entry)).extracting(LedgerResult::code).containsOnly(ResultCode.EXISTS);
        assertThat(f.balance(village)).isEqualTo(30_000);
        assertThat(f.balance(reserve)).isEqualTo(10_000);
        assertThat(f.balance(households)).isEqualTo(60_000);

        assertThat(f.ledger.submit(entry.toReversals(f.freshId())))
                .extracting(LedgerResult::code)
                .containsOnly(ResultCode.OK);
        assertThat(f.balance(households)).isZero();
        f.assertSound();
    }

    @Test
    void aMixedAssetEntryIsDeliveryVersusPayment() {
        UUID sellerCredits = f.cash(ECO_CREDIT);
        UUID buyerCredits = f.cash(ECO_CREDIT);
        UUID buyerCash = f.cash(CNY);
        UUID sellerCash = f.cash(CNY);
        f.move(f.open(ECO_CREDIT), sellerCredits, 2_000, ECO_CREDIT);
        JournalEntry trade = JournalEntry.builder(f.freshId(), "credit.trade")
                .debit(sellerCredits, ECO_CREDIT, 2_000)
                .credit(buyerCredits, ECO_CREDIT, 2_000)
                .debit(buyerCash, CNY, 14_682)
                .credit(sellerCash, CNY, 14_682)
                .build();
        assertThat(f.ledger.submit(trade))
                .extracting(LedgerResult::code)
                .containsExactly(ResultCode.LINKED_EVENT_FAILED, ResultCode.EXCEEDS_CREDITS);
        assertThat(f.balance(sellerCredits)).isEqualTo(2_000);
        f.assertSound();
    }

    /** Seeded: random balanced entries compile to legs that reproduce every line's total exactly. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void legsReproduceEveryLine(long seed) {
        Random random = new Random(seed);
        var builder = JournalEntry.builder(f.freshId(), "random.entry");
        Map<UUID, Long> expected = new HashMap<>();
        for (Asset asset : List.of(CNY, ECO_CREDIT)) {
            long total = 1 + random.nextInt(1_000_000);
            for (boolean debit : new boolean[] {true, false}) {
                int lines = 1 + random.nextInt(5);
                long[] parts = liangshan.kernel.money.Allocation.allocate(
                        total, random.longs(lines, 1, 100).toArray());
                for (long part : parts) {
                    if (part == 0) {
                        continue;
                    }
                    UUID account = f.freshId();
                    expected.put(account, debit ? -part : part);
                    if (debit) {
                        builder.debit(account, asset, part);
                    } else {
                        builder.credit(account, asset, part);
                    }
                }
            }
        }
        Map<UUID, Long> actual = new HashMap<>();
        List<TransferRequest> legs = builder.build().toTransfers();
        for (TransferRequest leg : legs) {
            assertThat(leg.amount()).as("seed %d", seed).isPositive();
            actual.merge(leg.debitAccountId(), -leg.amount(), Long::sum);
            actual.merge(leg.creditAccountId(), leg.amount(), Long::sum);
        }
        assertThat(actual).as("seed %d", seed).isEqualTo(expected);
        assertThat(legs.size()).as("seed %d", seed).isLessThan(expected.size());
    }
}
