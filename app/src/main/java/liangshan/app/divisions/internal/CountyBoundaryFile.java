package liangshan.app.divisions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.GeoJsonGeometry;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped county boundary file {@code divisions/quzhou-counties.geojson} (lon/lat, quantised to
 * 1/1024°, every ring self-intersecting; decision 0003). Each county is repaired with JTS
 * {@link GeometryFixer} in lon/lat, projected to EPSG:4549, snapped to the 1 cm grid and cleared of
 * the debris the fix leaves; it must be one valid polygon afterwards.
 */
final class CountyBoundaryFile {

    /** Holes smaller than this (1 km²) are artefacts of the repair, not enclaves. */
    static final double DEBRIS_SQUARE_METRES = 1_000_000;

    static final String RESOURCE = "/divisions/quzhou-counties.geojson";

    private CountyBoundaryFile() {}

    /** Repaired county geometries in EPSG:4549 by 6-digit code. */
    static Map<String, Polygon> load() {
        try (InputStream in = CountyBoundaryFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            JsonNode root = JsonMapper.shared().readTree(in);
            Map<String, Polygon> counties = new TreeMap<>();
            for (JsonNode feature : root.path("features")) {
                String code = feature.path("properties").path("code").asString();
                Geometry raw = GeoJsonGeometry.read(feature.path("geometry"), Cgcs2000.lonLatFactory());
                counties.put(code, repair(raw));
            }
            return counties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeoJsonGeometry.Malformed e) {
            throw new IllegalStateException("shipped county file is malformed: " + e.getMessage(), e);
        }
    }

    /** Fixes a lon/lat polygon, projects it to EPSG:4549 on the 1 cm grid and checks validity. */
    static Polygon repair(Geometry lonLat) {
        Geometry fixed = GeometryFixer.fix(lonLat);
        Geometry projected = Cgcs2000.toGk120(fixed);
        Geometry snapped = GeometryPrecisionReducer.reduce(projected, Cgcs2000.CENTIMETRES);
        Polygon cleaned = dropQuantisationDebris(snapped);
        if (!cleaned.isValid() || cleaned.isEmpty()) {
            throw new IllegalStateException("county boundary still invalid after repair");
        }
        return cleaned;
    }

    /**
     * The fix turns each loop of a self-intersecting ring into a separate island or hole of one or a
     * few 1/1024° cells (≈ 0.005–0.2 km²; 0.01–0.6 km² per county, under 0.06 % of its area). No
     * county of Quzhou has exclaves or enclaves, so only the largest part is kept and holes under
     * {@value #DEBRIS_SQUARE_METRES} m² are filled.
     */
    private static Polygon dropQuantisationDebris(Geometry fixed) {
        Polygon largest = null;
        for (int i = 0; i < fixed.getNumGeometries(); i++) {
            if (fixed.getGeometryN(i) instanceof Polygon part
                    && (largest == null || part.getArea() > largest.getArea())) {
                largest = part;
            }
        }
        if (largest == null) {
            throw new IllegalStateException("county boundary has no polygon");
        }
        List<LinearRing> holes = new ArrayList<>();
        for (int h = 0; h < largest.getNumInteriorRing(); h++) {
            LinearRing hole = largest.getInteriorRingN(h);
            if (Area.ofRing(hole.getCoordinateSequence()) >= DEBRIS_SQUARE_METRES) {
                holes.add(hole);
            }
        }
        return largest.getFactory().createPolygon(largest.getExteriorRing(), holes.toArray(LinearRing[]::new));
    }
}
