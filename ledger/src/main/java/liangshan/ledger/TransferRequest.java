package liangshan.ledger;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A command to move (or reserve, post, void, reverse) an amount between two accounts, exactly as a client
 * sent it. The id is chosen by the client and is the idempotency key: a request is compared field by
 * field with the first one under the same id.
 *
 * <p>Four shapes, chosen by {@link #flags} and {@link #reverses}:
 *
 * <ul>
 *   <li>plain or {@link TransferFlag#PENDING}: debit and credit account, asset, code and an amount &gt; 0
 *       are required; a pending one may carry a timeout after which it expires;
 *   <li>{@link TransferFlag#POST_PENDING}: names the pending transfer; amount 0 means the full pending
 *       amount, otherwise 1 ≤ amount ≤ pending amount (partial post) and the remainder is released;
 *   <li>{@link TransferFlag#VOID_PENDING}: names the pending transfer; amount 0 or the pending amount;
 *   <li>reversal ({@link #reverses} set, no pending flags): the opposite of a posted transfer, same amount.
 * </ul>
 *
 * For the last three, accounts, asset and code may be left null (amount 0) and are taken from the
 * referenced transfer; when given they must equal it.
 *
 * @param amount in the asset's smallest unit
 * @param code dotted lower-case reason, e.g. {@code rent.payment}
 * @param references free business references (contract, project, period …): keys are dotted lower-case
 *     codes, values non-blank and at most 200 characters
 * @param timeout for {@link TransferFlag#PENDING} only: the reservation expires this long after the
 *     transfer's timestamp; null means it never expires
 */
public record TransferRequest(
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
        Duration timeout) {

    public TransferRequest {
        Objects.requireNonNull(id, "id");
        references = references == null || references.isEmpty()
                ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(references));
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** A plain transfer: debit one account, credit the other, now. */
    public static TransferRequest transfer(
            UUID id, UUID debitAccountId, UUID creditAccountId, long amount, Asset asset, String code) {
        return new TransferRequest(
                id, debitAccountId, creditAccountId, amount, asset, code, null, null, null, null, null);
    }

    /** A reservation that is posted or voided later; {@code timeout} null means no expiry. */
    public static TransferRequest pending(
            UUID id,
            UUID debitAccountId,
            UUID creditAccountId,
            long amount,
            Asset asset,
            String code,
            Duration timeout) {
        return new TransferRequest(
                id,
                debitAccountId,
                creditAccountId,
                amount,
                asset,
                code,
                null,
                Set.of(TransferFlag.PENDING),
                null,
                null,
                timeout);
    }

    /** Posts {@code amount} of a pending transfer (0 = all of it) and releases the rest. */
    public static TransferRequest post(UUID id, UUID pendingId, long amount) {
        return new TransferRequest(
                id, null, null, amount, null, null, null, Set.of(TransferFlag.POST_PENDING), pendingId, null, null);
    }

    /** Releases a pending transfer. */
    public static TransferRequest voidPending(UUID id, UUID pendingId) {
        return new TransferRequest(
                id, null, null, 0, null, null, null, Set.of(TransferFlag.VOID_PENDING), pendingId, null, null);
    }

    /**
     * The correcting transfer for {@code originalId}: credit what it debited and debit what it credited, by
     * the same amount, with a reference to it. A transfer is reversed at most once.
     */
    public static TransferRequest reversal(UUID id, UUID originalId) {
        return new TransferRequest(id, null, null, 0, null, null, null, null, null, originalId, null);
    }

    /** This request with {@link TransferFlag#LINKED} added: it succeeds or fails with the next one. */
    public TransferRequest linked() {
        return withFlags(TransferFlag.LINKED);
    }

    /** This request without {@link TransferFlag#LINKED}. */
    public TransferRequest unlinked() {
        if (!isLinked()) {
            return this;
        }
        Set<TransferFlag> newFlags = EnumSet.copyOf(flags);
        newFlags.remove(TransferFlag.LINKED);
        return new TransferRequest(
                id,
                debitAccountId,
                creditAccountId,
                amount,
                asset,
                code,
                references,
                newFlags,
                pendingId,
                reverses,
                timeout);
    }

    /** This request with {@code more} references added (replacing equal keys). */
    public TransferRequest withReferences(Map<String, String> more) {
        SortedMap<String, String> merged = new TreeMap<>(references);
        merged.putAll(more);
        return new TransferRequest(
                id, debitAccountId, creditAccountId, amount, asset, code, merged, flags, pendingId, reverses, timeout);
    }

    private TransferRequest withFlags(TransferFlag flag) {
        Set<TransferFlag> newFlags = EnumSet.of(flag);
        newFlags.addAll(flags);
        return new TransferRequest(
                id,
                debitAccountId,
                creditAccountId,
                amount,
                asset,
                code,
                references,
                newFlags,
                pendingId,
                reverses,
                timeout);
    }

    public boolean has(TransferFlag flag) {
        return flags.contains(flag);
    }

    public boolean isLinked() {
        return has(TransferFlag.LINKED);
    }

    /** Post or void: resolves an earlier pending transfer. */
    boolean resolvesPending() {
        return has(TransferFlag.POST_PENDING) || has(TransferFlag.VOID_PENDING);
    }

    boolean isReversal() {
        return reverses != null;
    }
}
