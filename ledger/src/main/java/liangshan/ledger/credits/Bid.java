package liangshan.ledger.credits;

import java.util.Objects;
import java.util.UUID;

/**
 * A standing offer to buy credits at a price. Nothing is escrowed: when a seller accepts, the credit and
 * CNY legs settle in one linked ledger batch, and the ledger rejects the whole trade if the buyer's cash
 * account cannot pay.
 */
public record Bid(
        String id,
        String buyer,
        long priceFenPerCredit,
        UUID cashAccount,
        String policyVersion,
        long remainingUnits,
        boolean open) {

    public Bid {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(cashAccount, "cashAccount");
        Objects.requireNonNull(policyVersion, "policyVersion");
        if (remainingUnits < 0 || priceFenPerCredit < 0) {
            throw new IllegalArgumentException("bid amounts are never negative: " + id);
        }
        if (!open && remainingUnits != 0) {
            throw new IllegalArgumentException("a closed bid asks for nothing: " + id);
        }
    }

    public Bid withRemaining(long units) {
        return new Bid(id, buyer, priceFenPerCredit, cashAccount, policyVersion, units, units > 0);
    }

    public Bid closed() {
        return new Bid(id, buyer, priceFenPerCredit, cashAccount, policyVersion, 0, false);
    }
}
