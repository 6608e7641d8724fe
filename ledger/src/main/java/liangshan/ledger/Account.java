package liangshan.ledger;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An account with its four balances, each a non-negative count of the asset's smallest unit that only
 * changes by transfers (TigerBeetle's account layout). A pending amount is reserved, a posted one moved.
 * Values are immutable: the ledger stores a new value after each change.
 *
 * @param timestamp when the account was opened (ledger clock)
 */
public record Account(
        UUID id,
        Asset asset,
        String owner,
        String purpose,
        Set<AccountFlag> flags,
        long debitsPending,
        long debitsPosted,
        long creditsPending,
        long creditsPosted,
        Instant timestamp) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(timestamp, "timestamp");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        if (debitsPending < 0 || debitsPosted < 0 || creditsPending < 0 || creditsPosted < 0) {
            throw new IllegalArgumentException("balances are never negative: " + id);
        }
    }

    static Account open(NewAccount request, Instant timestamp) {
        return new Account(
                request.id(),
                request.asset(),
                request.owner(),
                request.purpose(),
                request.flags(),
                0,
                0,
                0,
                0,
                timestamp);
    }

    public boolean has(AccountFlag flag) {
        return flags.contains(flag);
    }

    public boolean isClosed() {
        return has(AccountFlag.CLOSED);
    }

    /** credits_posted − debits_posted; throws {@link ArithmeticException} if it does not fit a long. */
    public long creditBalancePosted() {
        return Math.subtractExact(creditsPosted, debitsPosted);
    }

    /** debits_posted − credits_posted; throws {@link ArithmeticException} if it does not fit a long. */
    public long debitBalancePosted() {
        return Math.subtractExact(debitsPosted, creditsPosted);
    }

    /**
     * What can still be debited from an account that may not be overdrawn: credits_posted − debits_posted −
     * debits_pending.
     */
    public long available() {
        return Math.subtractExact(creditBalancePosted(), debitsPending);
    }

    /** Whether {@code request} describes this account (same fields; CLOSED is ignored, it comes later). */
    boolean sameDefinitionAs(NewAccount request) {
        Set<AccountFlag> defined = new HashSet<>(flags);
        defined.remove(AccountFlag.CLOSED);
        return asset.equals(request.asset())
                && owner.equals(request.owner())
                && purpose.equals(request.purpose())
                && defined.equals(request.flags());
    }

    Account withBalances(long newDebitsPending, long newDebitsPosted, long newCreditsPending, long newCreditsPosted) {
        return new Account(
                id,
                asset,
                owner,
                purpose,
                flags,
                newDebitsPending,
                newDebitsPosted,
                newCreditsPending,
                newCreditsPosted,
                timestamp);
    }

    Account closed() {
        Set<AccountFlag> newFlags = EnumSet.of(AccountFlag.CLOSED);
        newFlags.addAll(flags);
        return new Account(
                id,
                asset,
                owner,
                purpose,
                newFlags,
                debitsPending,
                debitsPosted,
                creditsPending,
                creditsPosted,
                timestamp);
    }
}
