package liangshan.app.eledger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to eco asset packages and parties for other modules (distribution). No data-scope check:
 * the caller checks the scope of the village it acts on.
 */
public interface AssetPackages {

    /**
     * A package as the cooperative leases it.
     *
     * @param status draft, title_checked, offered or leased
     * @param lesseePartyId the cooperative party it is leased to, or null
     * @param lesseeKind the lessee party's kind (cooperative …), or null
     */
    record PackageInfo(
            String id,
            String villageCode,
            String name,
            LocalDate termFrom,
            LocalDate termTo,
            String status,
            String lesseePartyId,
            String lesseeKind,
            List<String> resourceIds) {}

    /** A party of the e-ledger: kind household, collective, cooperative, enterprise or person. */
    record PartyInfo(String id, String villageCode, String kind, String name) {}

    Optional<PackageInfo> find(String packageId);

    /** The parties among {@code ids} that exist, by id. */
    Map<String, PartyInfo> parties(Collection<String> ids);
}
