package liangshan.app.divisions.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.VillageKind;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Generates illustrative (示意) town and village boundaries inside the real county boundaries
 * (decision 0002): each county is split into its towns, then each town into its village-level units,
 * with {@link PowerPartition}. Target areas: an administrative village counts 1, an urban community
 * {@value #COMMUNITY_WEIGHT} (communities are compact built-up areas), a town the sum of its units.
 * Town boundaries are the union of their villages. The seed is fixed, so every run gives the same
 * boundaries.
 */
final class IllustrativeBoundaries {

    /** Fixed seed of the generation; changing it changes every generated boundary. */
    static final long SEED = 2023_06_30L;

    static final double COMMUNITY_WEIGHT = 0.25;

    private IllustrativeBoundaries() {}

    /**
     * Town and village polygons (EPSG:4549, 1 cm grid) by code.
     *
     * @param counties county polygons by 6-digit code
     * @param divisions all divisions (towns and villages of those counties are used)
     */
    static Map<String, Polygon> generate(Map<String, Polygon> counties, List<Division> divisions) {
        Map<String, List<Division>> children = new TreeMap<>();
        for (Division division : divisions) {
            if (division.parentCode() == null) {
                continue;
            }
            children.computeIfAbsent(division.parentCode(), k -> new ArrayList<>())
                    .add(division);
        }
        Map<String, Polygon> result = new TreeMap<>();
        for (Map.Entry<String, Polygon> county : counties.entrySet()) {
            result.putAll(generateCounty(county.getKey(), county.getValue(), children));
        }
        return result;
    }

    private static Map<String, Polygon> generateCounty(
            String countyCode, Polygon county, Map<String, List<Division>> children) {
        long seed = SEED * 1_000_003L + Long.parseLong(countyCode);
        List<Division> towns = children.getOrDefault(countyCode, List.of());
        List<PowerPartition.Site> townSites = new ArrayList<>();
        for (Division town : towns) {
            townSites.add(new PowerPartition.Site(town.code(), weight(children.get(town.code()))));
        }
        Map<String, Polygon> townRegions =
                PowerPartition.split(List.of(new PowerPartition.Parent(countyCode, county, townSites)), seed);
        List<PowerPartition.Parent> parents = new ArrayList<>();
        for (Division town : towns) {
            List<PowerPartition.Site> villageSites = new ArrayList<>();
            for (Division village : children.getOrDefault(town.code(), List.of())) {
                villageSites.add(new PowerPartition.Site(village.code(), weight(village)));
            }
            if (villageSites.isEmpty()) {
                throw new IllegalStateException("town " + town.code() + " has no village-level units");
            }
            parents.add(new PowerPartition.Parent(town.code(), townRegions.get(town.code()), villageSites));
        }
        Map<String, Polygon> villages = PowerPartition.split(parents, seed + 1);
        Map<String, Polygon> result = new LinkedHashMap<>(villages);
        for (PowerPartition.Parent town : parents) {
            Geometry[] pieces =
                    town.sites().stream().map(site -> villages.get(site.code())).toArray(Geometry[]::new);
            Geometry union = CoverageUnion.union(pieces);
            if (!(union instanceof Polygon polygon)) {
                throw new IllegalStateException("town " + town.code() + " is not contiguous");
            }
            polygon.normalize();
            result.put(town.code(), polygon);
        }
        return result;
    }

    private static double weight(List<Division> villages) {
        if (villages == null || villages.isEmpty()) {
            throw new IllegalStateException("town without village-level units");
        }
        return villages.stream().mapToDouble(IllustrativeBoundaries::weight).sum();
    }

    private static double weight(Division village) {
        if (village.level() != DivisionLevel.VILLAGE) {
            throw new IllegalArgumentException("not a village-level unit: " + village.code());
        }
        return village.kind() == VillageKind.COMMUNITY ? COMMUNITY_WEIGHT : 1.0;
    }
}
