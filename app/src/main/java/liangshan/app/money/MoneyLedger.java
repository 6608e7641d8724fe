package liangshan.app.money;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import liangshan.ledger.Account;
import liangshan.ledger.LedgerResult;
import liangshan.ledger.NewAccount;
import liangshan.ledger.Transfer;
import liangshan.ledger.TransferRequest;

/**
 * The money ledger for other modules (distribution, later credits): open accounts for an owner and
 * purpose, submit linked batches, read balances and history. Every call joins the caller's transaction
 * when there is one, so a module's own rows, its audit record and the money it moves commit together or
 * not at all; without one, each call is its own transaction (retried on conflicts by the ledger).
 *
 * <p>This API neither checks data scope nor audits: the calling module does both for the business action
 * it performs (e.g. posting a distribution run). Amounts are CNY fen.
 */
public interface MoneyLedger {

    /**
     * An account to open: CNY, owned by {@code owner} for {@code purpose}, belonging to a division (its data
     * scope) and shown as {@code name}.
     *
     * @param noOverdraft true for accounts that may not go below zero (cash, households); false for
     *     external sources such as a bank account outside the platform
     */
    record AccountSpec(UUID id, String owner, String purpose, String divisionCode, String name, boolean noOverdraft) {
        public AccountSpec {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(divisionCode, "divisionCode");
            Objects.requireNonNull(name, "name");
        }

        /** The spec with the id {@link #accountId}{@code (purpose, owner)}. */
        public static AccountSpec of(
                String owner, String purpose, String divisionCode, String name, boolean noOverdraft) {
            return new AccountSpec(accountId(purpose, owner), owner, purpose, divisionCode, name, noOverdraft);
        }
    }

    /** Posted balance of an account in fen: credits posted − debits posted (pending not counted). */
    record Balance(UUID accountId, long creditsPostedFen, long debitsPostedFen, long pendingDebitsFen) {
        public long postedFen() {
            return creditsPostedFen - debitsPostedFen;
        }
    }

    /** The deterministic id of the account of {@code owner} for {@code purpose} (a name-based UUID). */
    static UUID accountId(String purpose, String owner) {
        return UUID.nameUUIDFromBytes(
                ("liangshan.money.account:" + purpose + ":" + owner).getBytes(StandardCharsets.UTF_8));
    }

    /** A deterministic transfer id from business keys, e.g. {@code ("run", runId, "line", "17")}. */
    static UUID transferId(String... keys) {
        return UUID.nameUUIDFromBytes(
                ("liangshan.money.transfer:" + String.join("\u001f", keys)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Opens the accounts that do not exist yet; an existing account with the same definition is kept
     * (idempotent); one with a different definition is a programmer error ({@link IllegalStateException}).
     */
    void open(List<AccountSpec> accounts);

    /**
     * Opens ledger accounts of any asset (e.g. {@code ECO_CREDIT} for the credit registry) in {@code
     * divisionCode}, each independently, named by their purpose; one result per request, in order (an
     * existing account answers {@code EXISTS}). Joins the caller's transaction.
     */
    List<LedgerResult> createAccounts(List<NewAccount> accounts, String divisionCode);

    /** The ledger account (any asset) with its balances, if it exists. */
    Optional<Account> account(UUID id);

    /** Applies a batch in order (linked chains all-or-nothing); one result per request, in order. */
    List<LedgerResult> submit(List<TransferRequest> requests);

    /** Balances of the existing accounts among {@code accountIds}. */
    Map<UUID, Balance> balances(Collection<UUID> accountIds);

    /** Applied transfers touching an account, newest first. */
    List<Transfer> history(UUID accountId, int limit, long offset);

    /** Applied transfers by id (absent ids are left out). */
    Map<UUID, Transfer> transfers(Collection<UUID> transferIds);
}
