package liangshan.ledger.credits;

import java.time.Instant;
import java.util.Objects;

/**
 * A verification record (验收/核查) of one milestone of a batch. Only a completed one allows a release.
 *
 * @param recordRef reference of the signed report, e.g. a document id
 */
public record Verification(
        String id,
        String batchId,
        String milestoneCode,
        String verifier,
        String recordRef,
        boolean completed,
        Instant at) {

    public Verification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(milestoneCode, "milestoneCode");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(recordRef, "recordRef");
        Objects.requireNonNull(at, "at");
    }
}
