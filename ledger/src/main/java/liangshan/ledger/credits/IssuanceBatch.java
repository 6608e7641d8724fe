package liangshan.ledger.credits;

import java.util.List;
import java.util.Objects;

/**
 * One issuance batch: the serial range reserved for a project's ex-ante estimate, with its vintage,
 * county, policy version and price set. Units start PENDING and are released by verified milestones.
 *
 * @param start first serial of the estimate
 * @param end last serial; the estimate is end − start + 1 units
 * @param released units released so far (ISSUED at release, or BUFFER), never beyond milestones met
 * @param cancelledPending pending units cancelled (estimate not achieved)
 */
public record IssuanceBatch(
        String id,
        String projectId,
        String county,
        int vintage,
        String policyVersion,
        String priceSetId,
        long start,
        long end,
        List<Milestone> milestones,
        long released,
        long cancelledPending) {

    public IssuanceBatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(priceSetId, "priceSetId");
        milestones = List.copyOf(milestones);
        if (released < 0 || cancelledPending < 0 || released + cancelledPending > end - start + 1) {
            throw new IllegalArgumentException("batch counters out of range: " + id);
        }
    }

    public long estimated() {
        return end - start + 1;
    }

    public IssuanceBatch withReleased(long value) {
        return new IssuanceBatch(
                id,
                projectId,
                county,
                vintage,
                policyVersion,
                priceSetId,
                start,
                end,
                milestones,
                value,
                cancelledPending);
    }

    public IssuanceBatch withCancelledPending(long value) {
        return new IssuanceBatch(
                id, projectId, county, vintage, policyVersion, priceSetId, start, end, milestones, released, value);
    }

    /** The milestone named {@code code}, or null. */
    public Milestone milestone(String code) {
        return milestones.stream()
                .filter(m -> m.code().equals(code))
                .findFirst()
                .orElse(null);
    }
}
