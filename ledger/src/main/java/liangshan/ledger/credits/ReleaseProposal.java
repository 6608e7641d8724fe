package liangshan.ledger.credits;

import java.util.Objects;

/**
 * The maker's half of a release (issuance); the checker approves it (invariant 9).
 *
 * @param checker null until approved
 * @param units the units released on approval (issued + buffer), 0 until approved
 */
public record ReleaseProposal(
        String id, String batchId, String milestoneCode, String maker, String checker, long units) {

    public ReleaseProposal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(milestoneCode, "milestoneCode");
        Objects.requireNonNull(maker, "maker");
        if (checker != null && checker.equals(maker)) {
            throw new IllegalArgumentException("maker and checker must be different people: " + id);
        }
    }

    public boolean approved() {
        return checker != null;
    }
}
