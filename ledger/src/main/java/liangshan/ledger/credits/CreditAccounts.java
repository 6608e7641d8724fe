package liangshan.ledger.credits;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import liangshan.ledger.Asset;
import liangshan.ledger.NewAccount;

/**
 * The {@link Asset#ECO_CREDIT} ledger accounts of one registry. Where a block's units sit in the ledger
 * follows from its state and holder alone ({@link #of(SerialBlock)}), so every block change is one double
 * entry between two of these accounts:
 *
 * <ul>
 *   <li>{@code issuance} (may go negative: its debit balance is every unit ever estimated);
 *   <li>per party {@code pending} (PENDING) and {@code holding} (ISSUED);
 *   <li>{@code escrow} (LISTED), {@code retired}, {@code cancelled}, {@code buffer}.
 * </ul>
 *
 * Ids are name-based UUIDs under the registry's namespace, so they are the same after a restart.
 */
public final class CreditAccounts {

    private final String namespace;

    public CreditAccounts(String namespace) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    private UUID id(String name) {
        return UUID.nameUUIDFromBytes(("liangshan.credits:" + namespace + ":" + name).getBytes(StandardCharsets.UTF_8));
    }

    public UUID issuance() {
        return id("issuance");
    }

    public UUID escrow() {
        return id("escrow");
    }

    public UUID retired() {
        return id("retired");
    }

    public UUID cancelled() {
        return id("cancelled");
    }

    public UUID buffer() {
        return id("buffer");
    }

    public UUID holding(String party) {
        return id("holding:" + party);
    }

    public UUID pending(String party) {
        return id("pending:" + party);
    }

    /** The account that holds {@code block}'s units. */
    public UUID of(SerialBlock block) {
        switch (block.state()) {
            case PENDING:
                return pending(block.holder());
            case ISSUED:
                return holding(block.holder());
            case LISTED:
                return escrow();
            case RETIRED:
                return retired();
            case CANCELLED:
                return cancelled();
            case BUFFER:
                return buffer();
            default:
                throw new IllegalStateException("unknown state " + block.state());
        }
    }

    /** The id of the {@code index}-th ledger leg of a command: a retry submits the same ids. */
    public UUID leg(UUID requestId, int index) {
        return id("leg:" + requestId + ":" + index);
    }

    List<NewAccount> system() {
        return List.of(
                NewAccount.unlimited(issuance(), Asset.ECO_CREDIT, "credits.registry", "credits.issuance"),
                NewAccount.noOverdraft(escrow(), Asset.ECO_CREDIT, "credits.registry", "credits.escrow"),
                NewAccount.noOverdraft(retired(), Asset.ECO_CREDIT, "credits.registry", "credits.retired"),
                NewAccount.noOverdraft(cancelled(), Asset.ECO_CREDIT, "credits.registry", "credits.cancelled"),
                NewAccount.noOverdraft(buffer(), Asset.ECO_CREDIT, "credits.registry", "credits.buffer"));
    }

    List<NewAccount> of(String party) {
        return List.of(
                NewAccount.noOverdraft(holding(party), Asset.ECO_CREDIT, party, "credits.holding"),
                NewAccount.noOverdraft(pending(party), Asset.ECO_CREDIT, party, "credits.pending"));
    }
}
