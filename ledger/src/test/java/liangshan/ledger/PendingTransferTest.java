package liangshan.ledger;

import static liangshan.ledger.Asset.CNY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reservations: pending, then exactly one of post (full or partial), void or expiry. */
class PendingTransferTest {

    private final LedgerFixture f = new LedgerFixture();
    private final UUID source = f.open(CNY);
    private final UUID payer = f.cash(CNY);
    private final UUID payee = f.cash(CNY);

    PendingTransferTest() {
        f.move(source, payer, 1_000, CNY);
    }

    private UUID hold(long amount, Duration timeout) {
        UUID id = f.freshId();
        assertThat(f.submit(TransferRequest.pending(id, payer, payee, amount, CNY, "rent.deposit", timeout)))
                .isEqualTo(ResultCode.OK);
        return id;
    }

    @Test
    void aReservationCountsAsSpentButNotAsReceived() {
        hold(800, null);
        assertThat(f.account(payer).available()).isEqualTo(200);
        assertThat(f.account(payee).creditsPending()).isEqualTo(800);
        assertThat(f.submit(f.plain(payer, source, 201, CNY))).isEqualTo(ResultCode.EXCEEDS_CREDITS);
        assertThat(f.submit(f.plain(payee, source, 1, CNY))).isEqualTo(ResultCode.EXCEEDS_CREDITS);
        f.assertSound();
    }

    @Test
    void aPartialPostMovesThePostedAmountAndReleasesTheRest() {
        UUID hold = hold(800, null);
        UUID post = f.freshId();
        assertThat(f.submit(TransferRequest.post(post, hold, 300))).isEqualTo(ResultCode.OK);
        assertThat(f.balance(payer)).isEqualTo(700);
        assertThat(f.balance(payee)).isEqualTo(300);
        assertThat(f.account(payer).debitsPending()).isZero();
        assertThat(f.ledger.pendingStatus(hold)).contains(PendingStatus.POSTED);
        Transfer posted = f.ledger.transfer(post).orElseThrow();
        assertThat(posted.amount()).isEqualTo(300);
        assertThat(posted.debitAccountId()).isEqualTo(payer);
        assertThat(posted.code()).isEqualTo("rent.deposit");
        f.assertSound();
    }

    @Test
    void postingAmountZeroPostsTheFullReservation() {
        UUID hold = hold(800, null);
        assertThat(f.submit(TransferRequest.post(f.freshId(), hold, 0))).isEqualTo(ResultCode.OK);
        assertThat(f.balance(payee)).isEqualTo(800);
        f.assertSound();
    }

    @Test
    void voidReleasesEverything() {
        UUID hold = hold(800, null);
        assertThat(f.submit(TransferRequest.voidPending(f.freshId(), hold))).isEqualTo(ResultCode.OK);
        assertThat(f.account(payer).available()).isEqualTo(1_000);
        assertThat(f.account(payee).creditsPending()).isZero();
        assertThat(f.ledger.pendingStatus(hold)).contains(PendingStatus.VOIDED);
        f.assertSound();
    }

    @Test
    void anExpiredReservationIsReleasedAndCanNoLongerBePosted() {
        UUID hold = hold(800, Duration.ofHours(2));
        f.clock.advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(f.ledger.expirePending()).isZero();
        assertThat(f.account(payer).available()).isEqualTo(200);

        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.submit(TransferRequest.post(f.freshId(), hold, 0))).isEqualTo(ResultCode.PENDING_EXPIRED);
        assertThat(f.ledger.pendingStatus(hold)).contains(PendingStatus.EXPIRED);
        assertThat(f.account(payer).available()).isEqualTo(1_000);
        assertThat(f.submit(TransferRequest.voidPending(f.freshId(), hold))).isEqualTo(ResultCode.PENDING_EXPIRED);
        f.assertSound();
    }

    @Test
    void aReservationIsPostableUntilJustBeforeItsExpiry() {
        UUID hold = hold(800, Duration.ofMinutes(10));
        f.clock.advance(Duration.ofMinutes(10).minusNanos(1));
        assertThat(f.submit(TransferRequest.post(f.freshId(), hold, 0))).isEqualTo(ResultCode.OK);
        f.clock.advance(Duration.ofDays(1));
        assertThat(f.ledger.expirePending()).isZero();
        assertThat(f.balance(payee)).isEqualTo(800);
        f.assertSound();
    }

    @Test
    void fieldsGivenOnAPostMustMatchTheReservation() {
        UUID hold = hold(800, null);
        TransferRequest wrongPayee = new TransferRequest(
                f.freshId(),
                payer,
                source,
                0,
                null,
                null,
                null,
                java.util.Set.of(TransferFlag.POST_PENDING),
                hold,
                null,
                null);
        assertThat(f.submit(wrongPayee)).isEqualTo(ResultCode.DIFFERENT_FROM_PENDING);
        TransferRequest rightPayee = new TransferRequest(
                f.freshId(),
                payer,
                payee,
                0,
                CNY,
                "rent.deposit",
                null,
                java.util.Set.of(TransferFlag.POST_PENDING),
                hold,
                null,
                null);
        assertThat(f.submit(rightPayee)).isEqualTo(ResultCode.OK);
    }

    @Test
    void anAccountWithPendingTransfersCannotBeClosedUntilTheyResolve() {
        UUID hold = hold(800, null);
        assertThat(f.ledger.closeAccount(payee)).isEqualTo(ResultCode.ACCOUNT_HAS_PENDING_TRANSFERS);
        f.submit(TransferRequest.voidPending(f.freshId(), hold));
        assertThat(f.ledger.closeAccount(payee)).isEqualTo(ResultCode.OK);
        assertThat(f.submit(f.plain(payer, payee, 1, CNY))).isEqualTo(ResultCode.ACCOUNT_CLOSED);
        assertThat(f.submit(f.plain(payee, source, 1, CNY))).isEqualTo(ResultCode.ACCOUNT_CLOSED);
        f.assertSound();
    }
}
