package liangshan.app.money.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import liangshan.ledger.Account;
import liangshan.ledger.AccountFlag;
import liangshan.ledger.LedgerResult;
import liangshan.ledger.Transfer;

/** Request and answer bodies of the money API. Amounts are integer counts of the asset's smallest unit. */
final class MoneyViews {

    private MoneyViews() {}

    /**
     * Opens an account. {@code id} is chosen by the client (a retry with the same body answers the same).
     *
     * @param asset {@code CNY} (fen) or {@code ECO_CREDIT} (thousandths)
     * @param flags {@code DEBITS_MUST_NOT_EXCEED_CREDITS} and/or {@code CREDITS_MUST_NOT_EXCEED_DEBITS}
     */
    record NewAccountBody(
            UUID id,
            String asset,
            String owner,
            String purpose,
            String divisionCode,
            String name,
            List<String> flags) {}

    /** One transfer of a batch; see {@link liangshan.ledger.TransferRequest} for the four shapes. */
    record TransferBody(
            UUID id,
            UUID debitAccountId,
            UUID creditAccountId,
            Long amount,
            String asset,
            String code,
            Map<String, String> references,
            List<String> flags,
            UUID pendingId,
            UUID reverses,
            Long timeoutSeconds) {}

    record BatchBody(List<TransferBody> transfers) {}

    /** Posts {@code amount} of a pending transfer (0 or absent = all of it). */
    record PostBody(UUID id, Long amount) {}

    /** Voids a pending transfer, or reverses a posted one, under the new transfer id {@code id}. */
    record IdBody(UUID id) {}

    record AccountView(
            UUID id,
            String asset,
            int scale,
            String owner,
            String purpose,
            String divisionCode,
            String name,
            List<String> flags,
            boolean closed,
            long debitsPending,
            long debitsPosted,
            long creditsPending,
            long creditsPosted,
            long creditBalancePosted,
            Instant openedAt) {

        static AccountView of(Account a, String divisionCode, String name) {
            return new AccountView(
                    a.id(),
                    a.asset().code(),
                    a.asset().scale(),
                    a.owner(),
                    a.purpose(),
                    divisionCode,
                    name,
                    a.flags().stream()
                            .filter(f -> f != AccountFlag.CLOSED)
                            .map(Enum::name)
                            .sorted()
                            .toList(),
                    a.isClosed(),
                    a.debitsPending(),
                    a.debitsPosted(),
                    a.creditsPending(),
                    a.creditsPosted(),
                    a.creditBalancePosted(),
                    a.timestamp());
        }
    }

    record TransferView(
            UUID id,
            UUID debitAccountId,
            UUID creditAccountId,
            long amount,
            String asset,
            String code,
            Map<String, String> references,
            List<String> flags,
            UUID pendingId,
            UUID reverses,
            Instant expiresAt,
            Instant timestamp,
            String pendingStatus) {

        static TransferView of(Transfer t, String pendingStatus) {
            return new TransferView(
                    t.id(),
                    t.debitAccountId(),
                    t.creditAccountId(),
                    t.amount(),
                    t.asset().code(),
                    t.code(),
                    t.references(),
                    t.flags().stream().map(Enum::name).sorted().toList(),
                    t.pendingId(),
                    t.reverses(),
                    t.expiresAt(),
                    t.timestamp(),
                    pendingStatus);
        }
    }

    /** The answer to one transfer of a batch: its stable code and the code's message in both languages. */
    record ResultView(UUID id, String code, boolean success, String messageZh, String messageEn) {

        static ResultView of(LedgerResult r) {
            return new ResultView(
                    r.id(),
                    r.code().name(),
                    r.isSuccess(),
                    r.code().message(Locale.CHINESE),
                    r.code().message(Locale.ENGLISH));
        }
    }

    record BatchResult(List<ResultView> results) {}
}
