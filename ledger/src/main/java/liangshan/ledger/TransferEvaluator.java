package liangshan.ledger;

import static liangshan.ledger.ResultCode.ACCOUNT_CLOSED;
import static liangshan.ledger.ResultCode.ACCOUNT_NOT_FOUND;
import static liangshan.ledger.ResultCode.ALREADY_REVERSED;
import static liangshan.ledger.ResultCode.ASSETS_MUST_MATCH;
import static liangshan.ledger.ResultCode.DIFFERENT_FROM_PENDING;
import static liangshan.ledger.ResultCode.DIFFERENT_FROM_REVERSED;
import static liangshan.ledger.ResultCode.EXCEEDS_CREDITS;
import static liangshan.ledger.ResultCode.EXCEEDS_DEBITS;
import static liangshan.ledger.ResultCode.EXCEEDS_PENDING_AMOUNT;
import static liangshan.ledger.ResultCode.EXISTS_WITH_DIFFERENT_FIELDS;
import static liangshan.ledger.ResultCode.NOT_A_PENDING_TRANSFER;
import static liangshan.ledger.ResultCode.NOT_REVERSIBLE;
import static liangshan.ledger.ResultCode.OK;
import static liangshan.ledger.ResultCode.OVERFLOWS_CREDITS;
import static liangshan.ledger.ResultCode.OVERFLOWS_CREDITS_PENDING;
import static liangshan.ledger.ResultCode.OVERFLOWS_CREDITS_POSTED;
import static liangshan.ledger.ResultCode.OVERFLOWS_DEBITS;
import static liangshan.ledger.ResultCode.OVERFLOWS_DEBITS_PENDING;
import static liangshan.ledger.ResultCode.OVERFLOWS_DEBITS_POSTED;
import static liangshan.ledger.ResultCode.PENDING_ALREADY_POSTED;
import static liangshan.ledger.ResultCode.PENDING_ALREADY_VOIDED;
import static liangshan.ledger.ResultCode.PENDING_EXPIRED;
import static liangshan.ledger.ResultCode.PENDING_NOT_FOUND;
import static liangshan.ledger.ResultCode.TRANSFER_TO_REVERSE_NOT_FOUND;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides one transfer request against the tentative state of its chain and, if it is accepted, stages
 * its effect. Checks run in the order of {@link ResultCode}'s constants; the first failing one answers.
 */
final class TransferEvaluator {

    private final Staging staging;
    private final Instant now;

    TransferEvaluator(Staging staging, Instant now) {
        this.staging = staging;
        this.now = now;
    }

    ResultCode evaluate(TransferRequest request) {
        ResultCode invalid = TransferChecks.check(request);
        if (invalid != OK) {
            return invalid;
        }
        Optional<TransferOutcome> earlier = staging.outcome(request.id());
        if (earlier.isPresent()) {
            return earlier.get().request().equals(request) ? earlier.get().replay() : EXISTS_WITH_DIFFERENT_FIELDS;
        }
        ResultCode code;
        if (request.resolvesPending()) {
            code = resolvePending(request);
        } else if (request.isReversal()) {
            code = reverse(request);
        } else {
            code = move(
                    request,
                    request.debitAccountId(),
                    request.creditAccountId(),
                    request.amount(),
                    request.asset(),
                    request.code());
        }
        if (code.kind() == ResultCode.Kind.STATE) {
            staging.rejected(TransferOutcome.rejected(request, code));
        }
        return code;
    }

    /** A plain, pending or reversing transfer: checks the accounts and their limits, then stages. */
    private ResultCode move(
            TransferRequest request,
            java.util.UUID debitId,
            java.util.UUID creditId,
            long amount,
            Asset asset,
            String code) {
        Optional<Account> maybeDebit = staging.account(debitId);
        Optional<Account> maybeCredit = staging.account(creditId);
        if (maybeDebit.isEmpty() || maybeCredit.isEmpty()) {
            return ACCOUNT_NOT_FOUND;
        }
        Account debit = maybeDebit.get();
        Account credit = maybeCredit.get();
        if (!debit.asset().equals(asset) || !credit.asset().equals(asset)) {
            return ASSETS_MUST_MATCH;
        }
        if (debit.isClosed() || credit.isClosed()) {
            return ACCOUNT_CLOSED;
        }
        boolean pending = request.has(TransferFlag.PENDING);
        ResultCode overflow = overflow(debit, credit, amount, pending);
        if (overflow != OK) {
            return overflow;
        }
        // TigerBeetle's limit rule: pending debits count as spent, pending credits do not count as received.
        if (debit.has(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)
                && debit.debitsPending() + debit.debitsPosted() + amount > debit.creditsPosted()) {
            return EXCEEDS_CREDITS;
        }
        if (credit.has(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)
                && credit.creditsPending() + credit.creditsPosted() + amount > credit.debitsPosted()) {
            return EXCEEDS_DEBITS;
        }
        Instant expiresAt = pending && request.timeout() != null ? now.plus(request.timeout()) : null;
        Transfer transfer = new Transfer(
                request.id(),
                debitId,
                creditId,
                amount,
                asset,
                code,
                request.references(),
                request.flags(),
                null,
                request.reverses(),
                expiresAt,
                now);
        if (pending) {
            staging.put(debit.withBalances(
                    debit.debitsPending() + amount,
                    debit.debitsPosted(),
                    debit.creditsPending(),
                    debit.creditsPosted()));
            staging.put(credit.withBalances(
                    credit.debitsPending(),
                    credit.debitsPosted(),
                    credit.creditsPending() + amount,
                    credit.creditsPosted()));
            staging.pendingStatus(request.id(), PendingStatus.PENDING);
        } else {
            staging.put(debit.withBalances(
                    debit.debitsPending(),
                    debit.debitsPosted() + amount,
                    debit.creditsPending(),
                    debit.creditsPosted()));
            staging.put(credit.withBalances(
                    credit.debitsPending(),
                    credit.debitsPosted(),
                    credit.creditsPending(),
                    credit.creditsPosted() + amount));
        }
        staging.applied(TransferOutcome.applied(request, transfer));
        return OK;
    }

    /**
     * Every balance and the sum pending + posted on each side must stay within a signed 64-bit integer; the
     * sums are what the limit checks add up, so they must not wrap either.
     */
    private static ResultCode overflow(Account debit, Account credit, long amount, boolean pending) {
        if (pending && debit.debitsPending() > Long.MAX_VALUE - amount) {
            return OVERFLOWS_DEBITS_PENDING;
        }
        if (pending && credit.creditsPending() > Long.MAX_VALUE - amount) {
            return OVERFLOWS_CREDITS_PENDING;
        }
        if (!pending && debit.debitsPosted() > Long.MAX_VALUE - amount) {
            return OVERFLOWS_DEBITS_POSTED;
        }
        if (!pending && credit.creditsPosted() > Long.MAX_VALUE - amount) {
            return OVERFLOWS_CREDITS_POSTED;
        }
        if (debit.debitsPending() > Long.MAX_VALUE - debit.debitsPosted() - amount) {
            return OVERFLOWS_DEBITS;
        }
        if (credit.creditsPending() > Long.MAX_VALUE - credit.creditsPosted() - amount) {
            return OVERFLOWS_CREDITS;
        }
        return OK;
    }

    /** Post or void of a pending transfer. */
    private ResultCode resolvePending(TransferRequest request) {
        Optional<Transfer> maybePending = staging.transfer(request.pendingId());
        if (maybePending.isEmpty()) {
            return PENDING_NOT_FOUND;
        }
        Transfer pending = maybePending.get();
        if (!pending.isPending()) {
            return NOT_A_PENDING_TRANSFER;
        }
        boolean post = request.has(TransferFlag.POST_PENDING);
        if (!matches(request.debitAccountId(), pending.debitAccountId())
                || !matches(request.creditAccountId(), pending.creditAccountId())
                || !matches(request.asset(), pending.asset())
                || !matches(request.code(), pending.code())
                || (!post && request.amount() != 0 && request.amount() != pending.amount())) {
            return DIFFERENT_FROM_PENDING;
        }
        PendingStatus status = staging.pendingStatus(pending.id()).orElseThrow();
        if (status == PendingStatus.POSTED) {
            return PENDING_ALREADY_POSTED;
        }
        if (status == PendingStatus.VOIDED) {
            return PENDING_ALREADY_VOIDED;
        }
        if (status == PendingStatus.EXPIRED || (pending.expiresAt() != null && !now.isBefore(pending.expiresAt()))) {
            return PENDING_EXPIRED;
        }
        long amount = post && request.amount() != 0 ? request.amount() : pending.amount();
        if (amount > pending.amount()) {
            return EXCEEDS_PENDING_AMOUNT;
        }
        Account debit = staging.account(pending.debitAccountId()).orElseThrow();
        Account credit = staging.account(pending.creditAccountId()).orElseThrow();
        long posted = post ? amount : 0;
        if (debit.debitsPosted() > Long.MAX_VALUE - posted) {
            return OVERFLOWS_DEBITS_POSTED;
        }
        if (credit.creditsPosted() > Long.MAX_VALUE - posted) {
            return OVERFLOWS_CREDITS_POSTED;
        }
        staging.put(debit.withBalances(
                debit.debitsPending() - pending.amount(),
                debit.debitsPosted() + posted,
                debit.creditsPending(),
                debit.creditsPosted()));
        staging.put(credit.withBalances(
                credit.debitsPending(),
                credit.debitsPosted(),
                credit.creditsPending() - pending.amount(),
                credit.creditsPosted() + posted));
        staging.pendingStatus(pending.id(), post ? PendingStatus.POSTED : PendingStatus.VOIDED);
        Transfer transfer = new Transfer(
                request.id(),
                pending.debitAccountId(),
                pending.creditAccountId(),
                amount,
                pending.asset(),
                request.code() != null ? request.code() : pending.code(),
                request.references(),
                request.flags(),
                pending.id(),
                null,
                null,
                now);
        staging.applied(TransferOutcome.applied(request, transfer));
        return OK;
    }

    /** The mirror image of a posted transfer, by the same amount, at most once. */
    private ResultCode reverse(TransferRequest request) {
        Optional<Transfer> maybeOriginal = staging.transfer(request.reverses());
        if (maybeOriginal.isEmpty()) {
            return TRANSFER_TO_REVERSE_NOT_FOUND;
        }
        Transfer original = maybeOriginal.get();
        if (!original.movesPostedBalances()) {
            return NOT_REVERSIBLE;
        }
        if (staging.reversedBy(original.id()).isPresent()) {
            return ALREADY_REVERSED;
        }
        if (!matches(request.debitAccountId(), original.creditAccountId())
                || !matches(request.creditAccountId(), original.debitAccountId())
                || !matches(request.asset(), original.asset())
                || (request.amount() != 0 && request.amount() != original.amount())) {
            return DIFFERENT_FROM_REVERSED;
        }
        String code = request.code() != null ? request.code() : original.code();
        ResultCode moved = move(
                request,
                original.creditAccountId(),
                original.debitAccountId(),
                original.amount(),
                original.asset(),
                code);
        if (moved == OK) {
            staging.reversed(original.id(), request.id());
        }
        return moved;
    }

    /** A field left out (null) is taken from the referenced transfer; a field given must equal it. */
    private static boolean matches(Object given, Object referenced) {
        return given == null || Objects.equals(given, referenced);
    }
}
