package liangshan.ledger;

import static liangshan.ledger.Asset.CNY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every command may be retried; corrections are reversing transfers, at most one per transfer. */
class IdempotencyAndReversalTest {

    private final LedgerFixture f = new LedgerFixture();
    private final UUID source = f.open(CNY);
    private final UUID village = f.cash(CNY);

    @Test
    void aRetriedTransferMovesNothingAndAnswersExists() {
        TransferRequest rent = f.plain(source, village, 12_345, CNY).withReferences(Map.of("contract", "HT-2026-017"));
        assertThat(f.submit(rent)).isEqualTo(ResultCode.OK);
        assertThat(f.submit(rent)).isEqualTo(ResultCode.EXISTS);
        assertThat(f.ledger.submit(List.of(rent, rent, rent)))
                .extracting(LedgerResult::code)
                .containsOnly(ResultCode.EXISTS);
        assertThat(f.balance(village)).isEqualTo(12_345);
        assertThat(f.ledger.transfer(rent.id()).orElseThrow().references()).containsEntry("contract", "HT-2026-017");
    }

    @Test
    void theSameIdWithOtherFieldsIsRejected() {
        TransferRequest rent = f.plain(source, village, 100, CNY);
        f.submit(rent);
        TransferRequest otherReference = rent.withReferences(Map.of("contract", "HT-2"));
        assertThat(f.submit(otherReference)).isEqualTo(ResultCode.EXISTS_WITH_DIFFERENT_FIELDS);
        assertThat(f.balance(village)).isEqualTo(100);
    }

    @Test
    void aRejectionThatDependsOnTheLedgerIsReplayedOnRetry() {
        TransferRequest overdraft = f.plain(village, source, 100, CNY);
        assertThat(f.submit(overdraft)).isEqualTo(ResultCode.EXCEEDS_CREDITS);
        f.move(source, village, 500, CNY);
        assertThat(f.submit(overdraft))
                .as("a late success would surprise the caller")
                .isEqualTo(ResultCode.EXCEEDS_CREDITS);
        assertThat(f.balance(village)).isEqualTo(500);
    }

    @Test
    void aRejectionOfTheRequestAloneIsNotRememberedSoACorrectedRequestMayReuseTheId() {
        UUID id = f.freshId();
        assertThat(f.submit(TransferRequest.transfer(id, source, village, 0, CNY, "rent.payment")))
                .isEqualTo(ResultCode.AMOUNT_MUST_NOT_BE_ZERO);
        assertThat(f.submit(TransferRequest.transfer(id, source, village, 10, CNY, "rent.payment")))
                .isEqualTo(ResultCode.OK);
    }

    @Test
    void accountCreationIsIdempotent() {
        UUID id = f.freshId();
        NewAccount account = NewAccount.noOverdraft(id, CNY, "village-330802001", "village.collective.cash");
        assertThat(f.ledger.createAccounts(List.of(account, account)))
                .extracting(LedgerResult::code)
                .containsExactly(ResultCode.OK, ResultCode.EXISTS);
        NewAccount other = new NewAccount(id, CNY, "village-330802001", "village.collective.cash", Set.of());
        assertThat(f.ledger.createAccounts(List.of(other)).get(0).code())
                .isEqualTo(ResultCode.EXISTS_WITH_DIFFERENT_FIELDS);
        f.ledger.closeAccount(id);
        assertThat(f.ledger.createAccounts(List.of(account)).get(0).code()).isEqualTo(ResultCode.EXISTS);
    }

    @Test
    void aReversalMirrorsTheOriginalAndPointsToIt() {
        UUID original = f.move(source, village, 700, CNY);
        UUID reversal = f.freshId();
        assertThat(f.ledger.reverse(original, reversal).code()).isEqualTo(ResultCode.OK);
        Transfer r = f.ledger.transfer(reversal).orElseThrow();
        assertThat(r.debitAccountId()).isEqualTo(village);
        assertThat(r.creditAccountId()).isEqualTo(source);
        assertThat(r.amount()).isEqualTo(700);
        assertThat(r.reverses()).isEqualTo(original);
        assertThat(r.code()).isEqualTo("test.move");
        assertThat(f.balance(village)).isZero();
        assertThat(f.account(village).debitsPosted())
                .as("history is kept, not erased")
                .isEqualTo(700);
        assertThat(f.ledger.reverse(original, reversal).code()).as("retry").isEqualTo(ResultCode.EXISTS);
        assertThat(f.ledger.reverse(original, f.freshId()).code()).isEqualTo(ResultCode.ALREADY_REVERSED);
        f.assertSound();
    }

    @Test
    void aReversalRespectsLimitsLikeAnyTransfer() {
        UUID household = f.cash(CNY);
        UUID paid = f.move(source, village, 700, CNY);
        f.move(village, household, 500, CNY);
        assertThat(f.ledger.reverse(paid, f.freshId()).code()).isEqualTo(ResultCode.EXCEEDS_CREDITS);
        f.assertSound();
    }

    @Test
    void aPostCanBeReversedAndAReversalCanItselfBeReversedOnce() {
        UUID hold = f.freshId();
        f.submit(TransferRequest.pending(hold, source, village, 300, CNY, "rent.deposit", null));
        UUID post = f.freshId();
        f.submit(TransferRequest.post(post, hold, 200));
        UUID reversal = f.freshId();
        assertThat(f.ledger.reverse(post, reversal).code()).isEqualTo(ResultCode.OK);
        assertThat(f.balance(village)).isZero();
        assertThat(f.ledger.reverse(reversal, f.freshId()).code()).isEqualTo(ResultCode.OK);
        assertThat(f.balance(village)).isEqualTo(200);
        f.assertSound();
    }
}
