package liangshan.ledger.credits;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An eco-credit account holder (village collective, cooperative, enterprise, county pool).
 *
 * @param proceeds the CNY ledger account that receives each share of this party's sales (the same account
 *     may receive several shares)
 */
public record CreditParty(String id, String county, ProjectKind kind, Map<RevenueShare, UUID> proceeds) {

    public CreditParty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(kind, "kind");
        EnumMap<RevenueShare, UUID> copy = new EnumMap<>(RevenueShare.class);
        for (RevenueShare share : RevenueShare.values()) {
            copy.put(share, Objects.requireNonNull(proceeds.get(share), "proceeds account for " + share));
        }
        // An EnumMap keeps share order, so toString (part of the history hash) is the same in every JVM.
        proceeds = java.util.Collections.unmodifiableMap(copy);
    }

    /** A party whose sales all go to one CNY account. */
    public static CreditParty single(String id, String county, ProjectKind kind, UUID cashAccount) {
        EnumMap<RevenueShare, UUID> all = new EnumMap<>(RevenueShare.class);
        for (RevenueShare share : RevenueShare.values()) {
            all.put(share, cashAccount);
        }
        return new CreditParty(id, county, kind, all);
    }
}
