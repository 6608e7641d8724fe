package liangshan.ledger.credits;

import java.util.Objects;

/**
 * Credits offered for sale; its serial blocks are LISTED (escrowed) until bought or delisted.
 *
 * @param remainingUnits units still escrowed
 * @param policyVersion the policy whose revenue-share rule splits the proceeds
 */
public record Listing(
        String id, String seller, long priceFenPerCredit, String policyVersion, long remainingUnits, boolean open) {

    public Listing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(policyVersion, "policyVersion");
        if (remainingUnits < 0 || priceFenPerCredit < 0) {
            throw new IllegalArgumentException("listing amounts are never negative: " + id);
        }
        if (!open && remainingUnits != 0) {
            throw new IllegalArgumentException("a closed listing escrows nothing: " + id);
        }
    }

    public Listing withRemaining(long units) {
        return new Listing(id, seller, priceFenPerCredit, policyVersion, units, units > 0);
    }

    public Listing closed() {
        return new Listing(id, seller, priceFenPerCredit, policyVersion, 0, false);
    }
}
