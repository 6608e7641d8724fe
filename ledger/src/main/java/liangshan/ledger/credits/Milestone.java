package liangshan.ledger.credits;

import java.util.Objects;

/**
 * A stage of a restoration project after which part of its estimate may be released (staged release, as
 * US mitigation-bank schedules). Milestones of a batch have strictly increasing cumulative caps.
 *
 * @param code dotted lower-case, e.g. {@code planting.done}
 * @param cumulativeUnits units that may be released in total once this milestone is verified
 */
public record Milestone(String code, long cumulativeUnits) {

    public Milestone {
        Objects.requireNonNull(code, "code");
        if (cumulativeUnits < 1) {
            throw new IllegalArgumentException("a milestone releases at least one unit: " + code);
        }
    }
}
