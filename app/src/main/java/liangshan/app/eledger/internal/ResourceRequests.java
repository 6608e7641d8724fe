package liangshan.app.eledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Request and answer bodies of {@code /api/v1/eledger/…/resources}. */
final class ResourceRequests {

    private ResourceRequests() {}

    /**
     * A new resource or the new state of one.
     *
     * @param geometry GeoJSON Point, Polygon or MultiPolygon in lon/lat
     * @param declaredAreaM2 stated area in m² for a point resource (e.g. a house's floor area); ignored for polygons
     * @param version the version being replaced (updates only; optimistic locking)
     */
    record ResourceInput(
            String name,
            String type,
            String subtype,
            String useStatus,
            String condition,
            List<String> directions,
            JsonNode geometry,
            BigDecimal declaredAreaM2,
            Integer version) {}

    /**
     * One resource. Areas are planar in EPSG:4549 (m² to 2 decimals; 亩 = 10 000/15 m²).
     *
     * @param centroid [lon, lat] of the geometry's centroid
     * @param geometry GeoJSON in lon/lat (only in single-resource answers and the map layer)
     */
    record ResourceView(
            String id,
            String villageCode,
            String name,
            String type,
            String subtype,
            String useStatus,
            String condition,
            List<String> directions,
            String geometryKind,
            BigDecimal areaM2,
            BigDecimal areaMu,
            BigDecimal declaredAreaM2,
            double[] centroid,
            int version,
            String createdBy,
            Instant createdAt,
            Instant updatedAt,
            JsonNode geometry) {}

    /** Filters of the list and the map layer; null means no filter. */
    record Filter(String type, String subtype, String useStatus, String direction, String q, double[] bbox) {}
}
