package liangshan.ledger;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A request to open an account. The id is chosen by the client and is the idempotency key: the same
 * request again answers {@link ResultCode#EXISTS}.
 *
 * @param id client-chosen, not the nil UUID
 * @param asset what the account holds
 * @param owner the party that owns it, e.g. a village collective's or cooperative's party id
 * @param purpose dotted lower-case code of what the account is for, e.g. {@code village.collective.cash}
 * @param flags balance limits; {@link AccountFlag#CLOSED} is not allowed here
 */
public record NewAccount(UUID id, Asset asset, String owner, String purpose, Set<AccountFlag> flags) {

    public NewAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(purpose, "purpose");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** An account that may not be overdrawn (debits ≤ credits): cash, bank, credit holdings. */
    public static NewAccount noOverdraft(UUID id, Asset asset, String owner, String purpose) {
        return new NewAccount(id, asset, owner, purpose, Set.of(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS));
    }

    /** An account without limits, e.g. an external source of money or issuance of credits. */
    public static NewAccount unlimited(UUID id, Asset asset, String owner, String purpose) {
        return new NewAccount(id, asset, owner, purpose, Set.of());
    }
}
