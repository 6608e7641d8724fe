package liangshan.ledger.credits;

import java.util.Objects;

/**
 * What the county pool owes after selling credits it did not have: {@code outstandingUnits} still to be
 * retired against the obligation once matching credits reach the pool.
 */
public record PoolLiability(
        String id, String county, String obligationId, String beneficiary, long units, long outstandingUnits) {

    public PoolLiability {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(obligationId, "obligationId");
        Objects.requireNonNull(beneficiary, "beneficiary");
        if (units < 1 || outstandingUnits < 0 || outstandingUnits > units) {
            throw new IllegalArgumentException("liability amounts out of range: " + id);
        }
    }

    public boolean open() {
        return outstandingUnits > 0;
    }

    public PoolLiability withOutstanding(long value) {
        return new PoolLiability(id, county, obligationId, beneficiary, units, value);
    }
}
