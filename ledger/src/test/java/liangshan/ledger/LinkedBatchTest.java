package liangshan.ledger;

import static liangshan.ledger.Asset.CNY;
import static liangshan.ledger.Asset.ECO_CREDIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Linked chains apply all or nothing; independent requests of one batch do not affect each other. */
class LinkedBatchTest {

    private final LedgerFixture f = new LedgerFixture();

    private static List<ResultCode> codes(List<LedgerResult> results) {
        return results.stream().map(LedgerResult::code).toList();
    }

    @Test
    void aFailureInsideAChainUndoesTheWholeChainAndOnlyTheChain() {
        UUID source = f.open(CNY);
        UUID village = f.cash(CNY);
        UUID household = f.cash(CNY);
        f.move(source, village, 1_000, CNY);

        List<LedgerResult> results = f.ledger.submit(List.of(
                f.plain(village, household, 600, CNY).linked(),
                f.plain(village, household, 500, CNY).linked(), // 600 + 500 > 1,000: fails
                f.plain(source, household, 1, CNY),
                f.plain(source, village, 7, CNY)));

        assertThat(codes(results))
                .containsExactly(
                        ResultCode.LINKED_EVENT_FAILED,
                        ResultCode.EXCEEDS_CREDITS,
                        ResultCode.LINKED_EVENT_FAILED,
                        ResultCode.OK);
        assertThat(f.balance(village)).isEqualTo(1_007);
        assertThat(f.balance(household)).isZero();
        assertThat(f.ledger.transfer(results.get(0).id())).isEmpty();
        f.assertSound();
    }

    @Test
    void laterMembersOfAChainSeeTheEffectsOfEarlierOnes() {
        UUID source = f.open(CNY);
        UUID cooperative = f.cash(CNY);
        UUID village = f.cash(CNY);
        List<LedgerResult> results = f.ledger.submit(
                List.of(f.plain(source, cooperative, 300, CNY).linked(), f.plain(cooperative, village, 300, CNY)));
        assertThat(codes(results)).containsOnly(ResultCode.OK);
        assertThat(f.balance(cooperative)).isZero();
        assertThat(f.balance(village)).isEqualTo(300);
        f.assertSound();
    }

    /** Delivery versus payment: credits and money move in one chain, so both move or neither does. */
    @Test
    void creditsAndMoneySettleTogetherOrNotAtAll() {
        UUID issuance = f.open(ECO_CREDIT);
        UUID sellerCredits = f.cash(ECO_CREDIT);
        UUID buyerCredits = f.cash(ECO_CREDIT);
        UUID bank = f.open(CNY);
        UUID buyerCash = f.cash(CNY);
        UUID sellerCash = f.cash(CNY);
        f.move(issuance, sellerCredits, 5_000, ECO_CREDIT); // 5 credits
        f.move(bank, buyerCash, 20_000, CNY); // 200.00 元

        // 5 credits for 250.00 元: the buyer has only 200.00, so the credits must not move either.
        List<LedgerResult> failed = f.ledger.submit(List.of(
                f.plain(sellerCredits, buyerCredits, 5_000, ECO_CREDIT).linked(),
                f.plain(buyerCash, sellerCash, 25_000, CNY)));
        assertThat(codes(failed)).containsExactly(ResultCode.LINKED_EVENT_FAILED, ResultCode.EXCEEDS_CREDITS);
        assertThat(f.balance(sellerCredits)).isEqualTo(5_000);
        assertThat(f.balance(buyerCredits)).isZero();

        List<LedgerResult> settled = f.ledger.submit(List.of(
                f.plain(sellerCredits, buyerCredits, 5_000, ECO_CREDIT).linked(),
                f.plain(buyerCash, sellerCash, 20_000, CNY)));
        assertThat(codes(settled)).containsOnly(ResultCode.OK);
        assertThat(f.balance(buyerCredits)).isEqualTo(5_000);
        assertThat(f.balance(sellerCash)).isEqualTo(20_000);
        f.assertSound();
    }

    @Test
    void aStateRejectionInsideAChainIsRememberedButTheOtherMembersMayBeRetried() {
        UUID source = f.open(CNY);
        UUID cash = f.cash(CNY);
        TransferRequest fine = f.plain(source, cash, 10, CNY).linked();
        TransferRequest overdraft = f.plain(cash, source, 50, CNY);
        f.ledger.submit(List.of(fine, overdraft));

        // The same chain again: the overdraft's first answer is replayed even though cash now suffices.
        f.move(source, cash, 100, CNY);
        assertThat(codes(f.ledger.submit(List.of(fine, overdraft))))
                .containsExactly(ResultCode.LINKED_EVENT_FAILED, ResultCode.EXCEEDS_CREDITS);
        // The member that did not fail was not remembered, so it can go into a new chain.
        assertThat(codes(f.ledger.submit(List.of(fine, f.plain(cash, source, 50, CNY)))))
                .containsOnly(ResultCode.OK);
        assertThat(f.balance(cash)).isEqualTo(60);
        f.assertSound();
    }

    @Test
    void aBatchEndingInsideAChainIsRejectedWithoutEffect() {
        UUID a = f.open(CNY);
        UUID b = f.open(CNY);
        List<LedgerResult> results = f.ledger.submit(List.of(
                f.plain(a, b, 1, CNY),
                f.plain(a, b, 2, CNY).linked(),
                f.plain(a, b, 3, CNY).linked()));
        assertThat(codes(results))
                .containsExactly(ResultCode.OK, ResultCode.LINKED_EVENT_FAILED, ResultCode.LINKED_EVENT_CHAIN_OPEN);
        assertThat(f.balance(b)).isEqualTo(1);
    }

    @Test
    void aRetriedChainAnswersExistsForEveryMemberAndMovesNothing() {
        UUID a = f.open(CNY);
        UUID b = f.open(CNY);
        List<TransferRequest> chain = List.of(f.plain(a, b, 1, CNY).linked(), f.plain(a, b, 2, CNY));
        assertThat(codes(f.ledger.submit(chain))).containsOnly(ResultCode.OK);
        assertThat(codes(f.ledger.submit(chain))).containsOnly(ResultCode.EXISTS);
        assertThat(f.balance(b)).isEqualTo(3);
        f.assertSound();
    }

    @Test
    void theSameIdTwiceInOneChainIsAnsweredLikeARetry() {
        UUID a = f.open(CNY);
        UUID b = f.open(CNY);
        TransferRequest t = f.plain(a, b, 4, CNY);
        assertThat(codes(f.ledger.submit(List.of(t.linked(), t))))
                .containsExactly(ResultCode.LINKED_EVENT_FAILED, ResultCode.EXISTS_WITH_DIFFERENT_FIELDS);
        assertThat(codes(f.ledger.submit(List.of(t, t)))).containsExactly(ResultCode.OK, ResultCode.EXISTS);
        assertThat(f.balance(b)).isEqualTo(4);
    }
}
