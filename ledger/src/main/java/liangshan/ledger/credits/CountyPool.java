package liangshan.ledger.credits;

import java.util.Objects;
import java.util.UUID;

/**
 * A county's reserve pool (县级储备池): the party holding government credits, its published price and the
 * CNY account that receives pool sales.
 */
public record CountyPool(String county, String party, long priceFenPerCredit, UUID cashAccount) {

    public CountyPool {
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(cashAccount, "cashAccount");
        if (priceFenPerCredit < 0) {
            throw new IllegalArgumentException("pool price is never negative");
        }
    }
}
