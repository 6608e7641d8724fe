package liangshan.ledger.credits;

import java.util.Objects;

/**
 * A restoration project that earns credits (储备库 entry), or with {@code carbonSink} a carbon-sink project
 * registered only so that its land claim is checked against credit projects (invariant 7).
 *
 * @param footprintId the project-level GEP footprint the estimate comes from
 * @param owner the party whose account receives the credits (for GOVERNMENT: the county pool party)
 * @param serviceType the regulating service it restores, e.g. {@code water_retention}, or null
 * @param policyVersion the policy in force when the project was registered
 */
public record CreditProject(
        String id,
        ProjectKind kind,
        String county,
        String owner,
        String footprintId,
        LandClaim land,
        String serviceType,
        String policyVersion,
        boolean carbonSink) {

    public CreditProject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(footprintId, "footprintId");
        Objects.requireNonNull(land, "land");
        Objects.requireNonNull(policyVersion, "policyVersion");
    }
}
