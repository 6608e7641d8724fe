package liangshan.ledger.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;
import liangshan.kernel.money.Money;
import liangshan.ledger.ResultCode;
import org.junit.jupiter.api.Test;

/** Obligations, matching rules, DvP settlement through the ledger, and the county pool. */
class ObligationAndSettlementTest {

    private final CreditFixture f = new CreditFixture();
    private final String village = f.party("village.a", "330824", ProjectKind.VILLAGE);
    private final String firm = f.party("firm.b", "330824", ProjectKind.ENTERPRISE);
    private final String farVillage = f.party("village.far", "330881", ProjectKind.VILLAGE);

    @Test
    void obligationIsTheLossTimesTheMultiplierRoundedUpToTheUnit() {
        assertThat(CreditUnits.obligationUnits(Money.ofFen(-12_345), BigDecimal.ONE))
                .isEqualTo(123_450);
        assertThat(CreditUnits.obligationUnits(Money.ofFen(1), new BigDecimal("1.0001")))
                .isEqualTo(11);
        assertThat(CreditUnits.obligationUnits(Money.ofFen(333), new BigDecimal("0.3333")))
                .isEqualTo(1110);
        assertThat(CreditUnits.paymentFen(1, 1)).isEqualTo(1);
        assertThat(CreditUnits.paymentFen(1000, 1234)).isEqualTo(1234);
        assertThat(CreditUnits.format(123_450)).isEqualTo("123.450");
        String o = f.obligation(firm, "330824", 1_000, null);
        assertThat(f.registry.obligation(o).orElseThrow().amountUnits()).isEqualTo(10_000);
        f.ok(new CreditCommand.RegisterObligation(
                UUID.randomUUID(), "o-p2", "dev", firm, "330824", Money.ofFen(-1_001), "p2", "prices", null));
        assertThat(f.registry.obligation("o-p2").orElseThrow().amountUnits())
                .as("10.01 元 × 1.5 = 15.015 credits")
                .isEqualTo(15_015);
    }

    @Test
    void anObligationCannotBeAcquittedByPendingCredits() {
        f.batch(firm, "330824", 20_000, null);
        String o = f.obligation(firm, "330824", 1_000, null);
        assertThat(f.run(new CreditCommand.Retire(UUID.randomUUID(), firm, 10_000, o, firm, "self"))
                        .code())
                .isEqualTo(CreditCode.PENDING_NOT_RETIRABLE);
        assertThat(f.registry.obligation(o).orElseThrow().acquitted()).isFalse();
        assertThat(f.registry.units(BlockState.RETIRED)).isZero();
        f.assertConsistent();
    }

    @Test
    void anObligationCannotBeAcquittedByAnotherCountysCreditsUnderTheDefaultRule() {
        f.issued(farVillage, "330881", 20_000, null);
        f.ok(new CreditCommand.Transfer(UUID.randomUUID(), farVillage, firm, 18_000, 0, "sale off market"));
        String o = f.obligation(firm, "330824", 1_000, null);
        assertThat(f.run(new CreditCommand.Retire(UUID.randomUUID(), firm, 10_000, o, firm, "offset"))
                        .code())
                .isEqualTo(CreditCode.CREDITS_DO_NOT_MATCH);
        // Same county: fine.
        f.issued(village, "330824", 20_000, null);
        f.ok(new CreditCommand.Transfer(UUID.randomUUID(), village, firm, 10_000, 0, "sale off market"));
        f.ok(new CreditCommand.Retire(UUID.randomUUID(), firm, 10_000, o, firm, "offset"));
        assertThat(f.registry.obligation(o).orElseThrow().acquitted()).isTrue();
        assertThat(f.registry.issuedBalance(firm))
                .as("the far county's credits are untouched")
                .isEqualTo(18_000);
        f.assertConsistent();
    }

    @Test
    void anObligationCannotBeAcquittedTwiceByTheSameCredits() {
        f.issued(village, "330824", 10_000, null); // 9000 issued
        String o1 = f.obligation(firm, "330824", 900, null); // 9000 units
        String o2 = f.obligation(firm, "330824", 900, null);
        f.ok(new CreditCommand.Retire(UUID.randomUUID(), village, 9_000, o1, firm, "offset"));
        assertThat(f.run(new CreditCommand.Retire(UUID.randomUUID(), village, 9_000, o2, firm, "again"))
                        .code())
                .isEqualTo(CreditCode.INSUFFICIENT_CREDITS);
        assertThat(f.run(new CreditCommand.Retire(UUID.randomUUID(), village, 1, o1, firm, "again"))
                        .code())
                .isEqualTo(CreditCode.OBLIGATION_ALREADY_ACQUITTED);
        assertThat(f.run(new CreditCommand.Transfer(UUID.randomUUID(), village, firm, 1, 0, "retired"))
                        .code())
                .isEqualTo(CreditCode.INSUFFICIENT_CREDITS);
        assertThat(f.registry.obligation(o2).orElseThrow().retiredUnits()).isZero();
        assertThat(f.registry.blocks())
                .filteredOn(b -> b.state() == BlockState.RETIRED)
                .allMatch(b -> b.obligationId().equals(o1));
        f.assertConsistent();
    }

    @Test
    void serviceTypeMatchingIsAppliedWhenTheObligationNamesOne() {
        f.issued(village, "330824", 10_000, "soil_retention");
        String water = f.obligation(firm, "330824", 100, "water_retention");
        assertThat(f.run(new CreditCommand.Retire(UUID.randomUUID(), village, 1_000, water, firm, "x"))
                        .code())
                .isEqualTo(CreditCode.CREDITS_DO_NOT_MATCH);
        String soil = f.obligation(firm, "330824", 100, "soil_retention");
        f.ok(new CreditCommand.Retire(UUID.randomUUID(), village, 1_000, soil, firm, "x"));
        f.assertConsistent();
    }

    @Test
    void aSaleMovesCreditsAndMoneyTogetherOrNeither() {
        f.issued(village, "330824", 10_000, null);
        f.ok(new CreditCommand.ListCredits(UUID.randomUUID(), "l1", village, 5_000, 2_000, "p1"));
        f.fund(firm, 5_000);
        CreditOutcome poor = f.run(new CreditCommand.Buy(UUID.randomUUID(), "l1", firm, 3_000, f.cash.get(firm)));
        assertThat(poor.code()).isEqualTo(CreditCode.LEDGER_REJECTED);
        assertThat(poor.ledgerCode()).isEqualTo(ResultCode.EXCEEDS_CREDITS);
        assertThat(f.registry.issuedBalance(firm)).isZero();
        assertThat(f.ledgerUnits(f.registry.accounts().holding(firm))).isZero();
        assertThat(f.ledgerUnits(f.registry.accounts().escrow())).isEqualTo(5_000);
        assertThat(f.cashOf(firm)).isEqualTo(5_000);
        assertThat(f.cashOf(village)).isZero();
        f.assertConsistent();

        CreditOutcome sale = f.ok(new CreditCommand.Buy(UUID.randomUUID(), "l1", firm, 2_500, f.cash.get(firm)));
        assertThat(sale.ledgerLegs()).hasSize(5); // one credit leg + four CNY share legs to one account
        assertThat(sale.ledgerLegs().subList(0, 4)).allMatch(leg -> leg.isLinked());
        assertThat(sale.ledgerLegs().get(4).isLinked()).isFalse();
        assertThat(f.registry.issuedBalance(firm)).isEqualTo(2_500);
        assertThat(f.cashOf(firm)).isZero();
        assertThat(f.cashOf(village)).isEqualTo(5_000);
        assertThat(f.registry.listing("l1").orElseThrow().remainingUnits()).isEqualTo(2_500);
        f.ok(new CreditCommand.Delist(UUID.randomUUID(), "l1", village));
        assertThat(f.registry.issuedBalance(village)).isEqualTo(9_000 - 2_500);
        assertThat(f.run(new CreditCommand.Buy(UUID.randomUUID(), "l1", firm, 1, f.cash.get(firm)))
                        .code())
                .isEqualTo(CreditCode.LISTING_CLOSED);
        f.assertConsistent();
    }

    @Test
    void buyAndRetireIsOnePlanOneLinkedBatchAndOneHistoryEntryAllOrNothing() {
        f.issued(farVillage, "330881", 10_000, null); // 9000 issued in the far county
        f.issued(village, "330824", 10_000, null); // 9000 issued here, higher serials
        f.ok(new CreditCommand.ListCredits(UUID.randomUUID(), "far", farVillage, 4_000, 2_000, "p1"));
        f.ok(new CreditCommand.ListCredits(UUID.randomUUID(), "l1", village, 6_000, 2_000, "p1"));
        String o = f.obligation(firm, "330824", 500, null); // 5000 units
        f.fund(firm, 6_000);
        assertThat(f.run(new CreditCommand.BuyAndRetire(
                                UUID.randomUUID(), "far", firm, 1_000, f.cash.get(firm), o, firm, "m"))
                        .code())
                .as("the far county's listing does not match the obligation")
                .isEqualTo(CreditCode.CREDITS_DO_NOT_MATCH);
        CreditOutcome poor = f.run(
                new CreditCommand.BuyAndRetire(UUID.randomUUID(), "l1", firm, 4_000, f.cash.get(firm), o, firm, "m"));
        assertThat(poor.code()).isEqualTo(CreditCode.LEDGER_REJECTED);
        assertThat(f.registry.obligation(o).orElseThrow().retiredUnits()).isZero();
        assertThat(f.ledgerUnits(f.registry.accounts().escrow())).isEqualTo(10_000);
        assertThat(f.cashOf(firm)).isEqualTo(6_000);
        assertThat(f.run(new CreditCommand.BuyAndRetire(
                                UUID.randomUUID(), "l1", firm, 5_001, f.cash.get(firm), o, firm, "m"))
                        .code())
                .isEqualTo(CreditCode.EXCEEDS_OBLIGATION);
        assertThat(f.run(new CreditCommand.BuyAndRetire(
                                UUID.randomUUID(), "l1", firm, 1, f.cash.get(firm), o, " ", "m"))
                        .code())
                .isEqualTo(CreditCode.RETIREMENT_DETAILS_MISSING);
        int history = f.registry.historySize();
        int register = f.registry.registerSize();
        CreditCommand.BuyAndRetire settle =
                new CreditCommand.BuyAndRetire(UUID.randomUUID(), "l1", firm, 3_000, f.cash.get(firm), o, firm, "m");
        CreditOutcome done = f.ok(settle);
        // escrow → firm, firm → retired, four CNY share legs; all but the last linked
        assertThat(done.ledgerLegs()).hasSize(6);
        assertThat(done.ledgerLegs().subList(0, 5)).allMatch(leg -> leg.isLinked());
        assertThat(f.registry.historySize()).isEqualTo(history + 1);
        assertThat(f.registry.historyFrom(history).get(0).kind()).isEqualTo("buy_and_retire");
        assertThat(f.registry.registerFrom(register))
                .extracting(RegisterEntry::kind)
                .containsExactly(RegisterEntry.Kind.SALE, RegisterEntry.Kind.RETIREMENT);
        assertThat(f.registry.registerFrom(register).get(1).serials())
                .as("exactly the bought serials are retired")
                .isEqualTo(f.registry.registerFrom(register).get(0).serials());
        assertThat(f.registry.obligation(o).orElseThrow().retiredUnits()).isEqualTo(3_000);
        assertThat(f.registry.issuedBalance(firm)).isZero();
        assertThat(f.ledgerUnits(f.registry.accounts().holding(firm))).isZero();
        assertThat(f.cashOf(firm)).isZero();
        assertThat(f.cashOf(village)).isEqualTo(6_000);
        assertThat(f.registry.listing("l1").orElseThrow().remainingUnits()).isEqualTo(3_000);
        CreditOutcome again = f.registry.execute(settle);
        assertThat(again.replay()).isTrue();
        assertThat(f.registry.historySize()).isEqualTo(history + 1);
        assertThat(f.registry.obligation(o).orElseThrow().retiredUnits()).isEqualTo(3_000);
        f.assertConsistent();
    }

    @Test
    void thePoolRetiresWhatItHasOwesTheRestAndSettlesLater() {
        String pool = f.party("pool.330824", "330824", ProjectKind.GOVERNMENT);
        f.ok(new CreditCommand.ConfigurePool(
                UUID.randomUUID(), new CountyPool("330824", pool, 1_500, f.cash.get(pool))));
        CreditProject notPool = new CreditProject(
                "gov-x",
                ProjectKind.GOVERNMENT,
                "330824",
                village,
                "fp",
                new LandClaim(java.util.Set.of("river-9"), CreditFixture.FROM, CreditFixture.TO),
                null,
                "p1",
                false);
        assertThat(f.run(new CreditCommand.RegisterProject(UUID.randomUUID(), notPool))
                        .code())
                .isEqualTo(CreditCode.GOVERNMENT_PROJECT_OWNER_NOT_POOL);
        f.issued(pool, "330824", 2_000, null); // 1800 issued into the pool
        String o = f.obligation(firm, "330824", 300, null); // 3000 units
        f.fund(firm, 10_000);
        f.ok(new CreditCommand.BuyFromPool(UUID.randomUUID(), o, firm, 3_000, f.cash.get(firm)));
        Obligation after = f.registry.obligation(o).orElseThrow();
        assertThat(after.retiredUnits()).isEqualTo(1_800);
        assertThat(after.acquitted()).isFalse();
        assertThat(f.registry.liabilities()).singleElement().satisfies(l -> {
            assertThat(l.outstandingUnits()).isEqualTo(1_200);
            assertThat(l.beneficiary()).isEqualTo(firm);
        });
        assertThat(f.cashOf(pool)).isEqualTo(4_500); // 3 credits × 15.00 元
        assertThat(f.run(new CreditCommand.Retire(UUID.randomUUID(), village, 1, o, firm, "x"))
                        .code())
                .as("the rest is owed by the pool, not open to others")
                .isEqualTo(CreditCode.EXCEEDS_OBLIGATION);
        assertThat(f.run(new CreditCommand.SettlePoolLiabilities(UUID.randomUUID(), "330824"))
                        .code())
                .isEqualTo(CreditCode.NOTHING_TO_SETTLE);
        f.issued(pool, "330824", 1_000, null); // 900 more
        f.ok(new CreditCommand.SettlePoolLiabilities(UUID.randomUUID(), "330824"));
        assertThat(f.registry.liabilities().get(0).outstandingUnits()).isEqualTo(300);
        f.issued(pool, "330824", 1_000, null);
        f.ok(new CreditCommand.SettlePoolLiabilities(UUID.randomUUID(), "330824"));
        assertThat(f.registry.liabilities().get(0).open()).isFalse();
        assertThat(f.registry.obligation(o).orElseThrow().acquitted()).isTrue();
        assertThat(f.registry.issuedBalance(pool)).isEqualTo(600);
        f.assertConsistent();
    }

    @Test
    void aBidIsFilledByDeliveryVersusPaymentAtTheBidPrice() {
        f.issued(village, "330824", 10_000, null);
        f.fund(firm, 3_000);
        f.ok(new CreditCommand.PlaceBid(UUID.randomUUID(), "b1", firm, 4_000, 1_000, f.cash.get(firm), "p1"));
        assertThat(f.run(new CreditCommand.AcceptBid(UUID.randomUUID(), "b1", village, 4_001))
                        .code())
                .isEqualTo(CreditCode.EXCEEDS_BID);
        CreditOutcome tooPoor = f.run(new CreditCommand.AcceptBid(UUID.randomUUID(), "b1", village, 3_500));
        assertThat(tooPoor.code()).isEqualTo(CreditCode.LEDGER_REJECTED);
        assertThat(f.registry.issuedBalance(village)).isEqualTo(9_000);
        f.ok(new CreditCommand.AcceptBid(UUID.randomUUID(), "b1", village, 3_000));
        assertThat(f.registry.issuedBalance(firm)).isEqualTo(3_000);
        assertThat(f.cashOf(village)).isEqualTo(3_000);
        assertThat(f.cashOf(firm)).isZero();
        assertThat(f.registry.bid("b1").orElseThrow().remainingUnits()).isEqualTo(1_000);
        assertThat(f.run(new CreditCommand.WithdrawBid(UUID.randomUUID(), "b1", village))
                        .code())
                .isEqualTo(CreditCode.NOT_BID_BUYER);
        f.ok(new CreditCommand.WithdrawBid(UUID.randomUUID(), "b1", firm));
        assertThat(f.run(new CreditCommand.AcceptBid(UUID.randomUUID(), "b1", village, 1))
                        .code())
                .isEqualTo(CreditCode.BID_CLOSED);
        assertThat(f.registry.register())
                .filteredOn(e -> e.kind() == RegisterEntry.Kind.SALE)
                .singleElement()
                .satisfies(e -> assertThat(e.amountFen()).isEqualTo(3_000));
        f.assertConsistent();
    }
}
