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

    /**
     * A party of the e-ledger: kind household, collective, cooperative, enterprise or person; {@code number}
     * is its stable integer number (a {@code HOUSEHOLD} user's {@code Actor.partyId()}).
     */
    record PartyInfo(String id, String villageCode, String kind, String name, long number) {}

    /** A resource as statements name it: type mountain, water, forest, farmland, lake, grassland, house or mine. */
    record ResourceInfo(String id, String name, String type) {}

    Optional<PackageInfo> find(String packageId);

    /** The parties among {@code ids} that exist, by id. */
    Map<String, PartyInfo> parties(Collection<String> ids);

    /** The packages leased to a cooperative whose village code starts with {@code prefix}, by village code. */
    List<PackageInfo> leased(String prefix);

    /** The household parties of a village, by id. */
    List<PartyInfo> households(String village);

    /** The party with {@code number}, if any. */
    Optional<PartyInfo> partyByNumber(long number);

    /** The resources among {@code ids} that exist, by id. */
    Map<String, ResourceInfo> resources(Collection<String> ids);
}
