package liangshan.app.credits.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Divisions;
import liangshan.app.divisions.GeoJsonGeometry;
import liangshan.app.web.ApiException;
import liangshan.gep.project.LandCoverChange;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Footprints of restoration and development projects: GeoJSON (EPSG:4490 lon/lat) read with JTS, projected
 * to EPSG:4549 metres (decision 0003) for areas and the overlap check, stored as WKB with its bounding box
 * (there is no PostGIS: the database prefilters by box, JTS decides).
 */
final class Footprints {

    /** Two footprints overlap when their intersection exceeds this area (m²): shared edges are not overlaps. */
    static final double OVERLAP_TOLERANCE_M2 = 1.0;

    private Footprints() {}

    /** A footprint in metres. */
    record Footprint(Geometry gk, byte[] wkb, Envelope box, BigDecimal areaM2) {}

    /** The footprint, or null when {@code geoJson} is not a valid Polygon/MultiPolygon with area. */
    static Footprint read(JsonNode geoJson) {
        if (geoJson == null) {
            return null;
        }
        JsonNode geometry = geoJson.has("geometry") ? geoJson.get("geometry") : geoJson;
        try {
            Geometry lonLat = GeoJsonGeometry.read(geometry, Cgcs2000.lonLatFactory());
            if (!lonLat.isValid() || lonLat.isEmpty()) {
                return null;
            }
            Envelope e = lonLat.getEnvelopeInternal();
            if (e.getMinX() < 117 || e.getMaxX() > 120 || e.getMinY() < 27.5 || e.getMaxY() > 30) {
                return null; // not around Quzhou: most likely swapped axes or projected coordinates
            }
            Geometry gk = Cgcs2000.toGk120(lonLat);
            if (gk.getArea() <= 0) {
                return null;
            }
            return new Footprint(
                    gk,
                    new WKBWriter().write(gk),
                    gk.getEnvelopeInternal(),
                    BigDecimal.valueOf(gk.getArea()).setScale(2, RoundingMode.HALF_UP));
        } catch (GeoJsonGeometry.Malformed | RuntimeException e) {
            return null;
        }
    }

    static Geometry fromWkb(byte[] wkb) {
        try {
            return new WKBReader(Cgcs2000.gkFactory()).read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("stored footprint is not WKB", e);
        }
    }

    static boolean overlaps(Geometry a, Geometry b) {
        return a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())
                && a.intersection(b).getArea() > OVERLAP_TOLERANCE_M2;
    }

    /**
     * The area (m², EPSG:4549) of {@code footprint} that lies outside {@code county}: 0 when the county
     * covers it. A footprint crossing the border has a positive remainder.
     */
    static double outsideM2(Geometry footprint, Geometry county) {
        if (county.covers(footprint)) {
            return 0;
        }
        return footprint.difference(county).getArea();
    }

    /**
     * Refuses a footprint that does not lie inside the named county's boundary (more than {@value
     * #OVERLAP_TOLERANCE_M2} m² outside, the same tolerance as the overlap check): 422 {@code
     * credits.footprint.outside-county} naming the county in Chinese and English and the area outside.
     */
    static void requireInside(Geometry footprint, String countyCode, Divisions divisions, CountyNames names) {
        Boundary county = divisions
                .boundary(countyCode)
                .orElseThrow(() -> new IllegalStateException("no stored boundary of county " + countyCode));
        double outside = outsideM2(footprint, county.gk120());
        if (outside > OVERLAP_TOLERANCE_M2) {
            throw new ApiException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "credits.footprint.outside-county",
                    names.zh(countyCode),
                    names.en(countyCode),
                    BigDecimal.valueOf(outside)
                            .setScale(0, RoundingMode.HALF_UP)
                            .toPlainString());
        }
    }

    /** {@code {"toClass": C}} or {@code {"mapping": {"from": to}}}, or null when malformed. */
    static LandCoverChange change(JsonNode c) {
        if (c == null || !c.isObject() || c.size() != 1) {
            return null;
        }
        if (c.has("toClass")) {
            JsonNode v = c.get("toClass");
            return v.isIntegralNumber() && v.canConvertToInt() ? new LandCoverChange.ToClass(v.asInt()) : null;
        }
        JsonNode m = c.get("mapping");
        if (m == null || !m.isObject() || m.isEmpty()) {
            return null;
        }
        Map<Integer, Integer> fromTo = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : m.properties()) {
            if (!e.getKey().matches("\\d{1,3}")
                    || !e.getValue().isIntegralNumber()
                    || !e.getValue().canConvertToInt()) {
                return null;
            }
            fromTo.put(Integer.parseInt(e.getKey()), e.getValue().asInt());
        }
        return new LandCoverChange.Mapping(fromTo);
    }
}
