package liangshan.ledger.credits;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A version of the configurable credit rules (credits-design.md: "makes them configurable policy"). Every
 * project, batch and obligation names the version it was made under.
 *
 * @param multiplier obligation = |Δ regulating value| × multiplier (default 1.0)
 * @param sameCounty matching rule: only credits issued in the obligation's county acquit it
 * @param matchServiceType matching rule: when the obligation names a service type, only credits of
 *     projects restoring that service acquit it
 * @param bufferBasisPoints share of each release withheld into BUFFER, floor-rounded, 0..10000
 */
public record CreditPolicy(
        String version,
        BigDecimal multiplier,
        boolean sameCounty,
        boolean matchServiceType,
        StackingRule stacking,
        int bufferBasisPoints,
        RevenueShareRule revenueRule) {

    public CreditPolicy {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(stacking, "stacking");
        Objects.requireNonNull(revenueRule, "revenueRule");
        if (multiplier.signum() <= 0) {
            throw new IllegalArgumentException("multiplier must be > 0");
        }
        if (bufferBasisPoints < 0 || bufferBasisPoints > RevenueShareRule.TOTAL_BASIS_POINTS) {
            throw new IllegalArgumentException("buffer must be 0..10000 bp: " + bufferBasisPoints);
        }
    }

    /** Units of a release of {@code units} that go to BUFFER: ⌊units × bp / 10000⌋. */
    public long bufferOf(long units) {
        return Math.multiplyExact(units, (long) bufferBasisPoints) / RevenueShareRule.TOTAL_BASIS_POINTS;
    }
}
