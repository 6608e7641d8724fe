package liangshan.ledger;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

/**
 * An applied transfer: an immutable journal record. Each one debits one account and credits another of
 * the same asset by the same amount, so every record balances by construction (double entry).
 *
 * <p>Fields taken from a referenced transfer are filled in: a post carries the pending transfer's accounts
 * and the amount actually posted; a void carries the amount released; a reversal the mirrored accounts.
 *
 * @param amount smallest units; for {@link TransferFlag#POST_PENDING} the amount posted, for
 *     {@link TransferFlag#VOID_PENDING} the amount released
 * @param expiresAt when a pending transfer expires, null if never or if not pending
 * @param timestamp when the ledger applied it (ledger clock; all transfers of one batch share it)
 */
public record Transfer(
        UUID id,
        UUID debitAccountId,
        UUID creditAccountId,
        long amount,
        Asset asset,
        String code,
        SortedMap<String, String> references,
        Set<TransferFlag> flags,
        UUID pendingId,
        UUID reverses,
        Instant expiresAt,
        Instant timestamp) {

    public Transfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(debitAccountId, "debitAccountId");
        Objects.requireNonNull(creditAccountId, "creditAccountId");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(references, "references");
        Objects.requireNonNull(timestamp, "timestamp");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        if (amount <= 0 || debitAccountId.equals(creditAccountId)) {
            throw new IllegalArgumentException("a transfer moves a positive amount between two accounts: " + id);
        }
    }

    public boolean has(TransferFlag flag) {
        return flags.contains(flag);
    }

    public boolean isPending() {
        return has(TransferFlag.PENDING);
    }

    public boolean isPost() {
        return has(TransferFlag.POST_PENDING);
    }

    public boolean isVoid() {
        return has(TransferFlag.VOID_PENDING);
    }

    /** Plain transfers, reversals and posts change posted balances; only those can be reversed. */
    public boolean movesPostedBalances() {
        return !isPending() && !isVoid();
    }
}
