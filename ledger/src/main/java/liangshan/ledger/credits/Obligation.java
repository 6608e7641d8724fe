package liangshan.ledger.credits;

import java.util.Objects;

/**
 * A development project's no-net-loss obligation (生态占补平衡义务).
 *
 * @param lossFen |Δ regulating value| in fen per year from project-level GEP
 * @param amountUnits the obligation in units: {@link CreditUnits#obligationUnits} of the loss and multiplier
 * @param serviceType the service the loss is in, or null (any service)
 * @param retiredUnits units retired against it so far; acquitted when ≥ amountUnits
 */
public record Obligation(
        String id,
        String developmentProjectId,
        String obligor,
        String county,
        long lossFen,
        String policyVersion,
        String priceSetId,
        String serviceType,
        long amountUnits,
        long retiredUnits) {

    public Obligation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(developmentProjectId, "developmentProjectId");
        Objects.requireNonNull(obligor, "obligor");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(priceSetId, "priceSetId");
        if (amountUnits < 1 || retiredUnits < 0 || retiredUnits > amountUnits) {
            throw new IllegalArgumentException("obligation amounts out of range: " + id);
        }
    }

    public boolean acquitted() {
        return retiredUnits >= amountUnits;
    }

    public long outstanding() {
        return amountUnits - retiredUnits;
    }

    public Obligation withRetired(long units) {
        return new Obligation(
                id,
                developmentProjectId,
                obligor,
                county,
                lossFen,
                policyVersion,
                priceSetId,
                serviceType,
                amountUnits,
                units);
    }
}
