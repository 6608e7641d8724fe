package liangshan.app.divisions.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.GeoJsonGeometry;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Display versions of the boundaries and the serialised GeoJSON map layers built from them. Display
 * geometries are simplified in EPSG:4549 as coverages (the divisions of one level within one county
 * together, so neighbours keep a common border) with a tolerance per level, then unprojected and
 * written with 6 decimals (≈ 0.1 m). Answers are cached per snapshot; an import drops them.
 */
@Component
class MapLayers {

    /** Douglas-Peucker-like tolerances in metres, by level: invisible at the zoom each level is used. */
    private static final Map<DivisionLevel, Double> TOLERANCE_METRES = Map.of(
            DivisionLevel.CITY, 80.0,
            DivisionLevel.COUNTY, 50.0,
            DivisionLevel.TOWN, 30.0,
            DivisionLevel.VILLAGE, 20.0);

    static final int DECIMALS = 6;

    private final DivisionCatalog catalog;

    MapLayers(DivisionCatalog catalog) {
        this.catalog = catalog;
    }

    /** The layer of {@code level} within {@code parent} (null: the whole city) as GeoJSON bytes. */
    byte[] layer(DivisionLevel level, String parent) {
        DivisionCatalog.Snapshot snapshot = catalog.snapshot();
        return snapshot.derive("layer:" + level.key() + ":" + parent, s -> serialise(s, level, parent));
    }

    /** The display geometry (lon/lat, simplified) of one division, or null without boundary. */
    Geometry display(String code) {
        return display(catalog.snapshot(), code);
    }

    private static Geometry display(DivisionCatalog.Snapshot snapshot, String code) {
        Map<String, Geometry> display = snapshot.derive("display", MapLayers::simplifyAll);
        return display.get(code);
    }

    private static Map<String, Geometry> simplifyAll(DivisionCatalog.Snapshot snapshot) {
        Map<String, List<Boundary>> groups = new TreeMap<>();
        for (Boundary boundary : snapshot.boundaries().values()) {
            Division division = snapshot.byCode().get(boundary.code());
            String group = division.level().key() + ":"
                    + boundary.code().substring(0, Math.min(6, boundary.code().length()));
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(boundary);
        }
        Map<String, Geometry> display = new HashMap<>();
        for (List<Boundary> group : groups.values()) {
            DivisionLevel level = snapshot.byCode().get(group.get(0).code()).level();
            Geometry[] simplified = simplify(group, TOLERANCE_METRES.get(level));
            for (int i = 0; i < group.size(); i++) {
                display.put(group.get(i).code(), Cgcs2000.toLonLat(simplified[i]));
            }
        }
        return display;
    }

    private static Geometry[] simplify(List<Boundary> group, double tolerance) {
        Geometry[] geometries = group.stream().map(Boundary::gk120).toArray(Geometry[]::new);
        try {
            Geometry[] simplified = CoverageSimplifier.simplify(geometries, tolerance);
            boolean usable = true;
            for (Geometry g : simplified) {
                usable &= g != null && !g.isEmpty();
            }
            if (usable) {
                return simplified;
            }
        } catch (RuntimeException e) {
            // Imported boundaries need not form a clean coverage; simplify them one by one below.
        }
        Geometry[] oneByOne = new Geometry[geometries.length];
        for (int i = 0; i < geometries.length; i++) {
            oneByOne[i] = TopologyPreservingSimplifier.simplify(geometries[i], tolerance);
        }
        return oneByOne;
    }

    private static byte[] serialise(DivisionCatalog.Snapshot snapshot, DivisionLevel level, String parent) {
        StringBuilder out = new StringBuilder(1 << 20);
        out.append("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (Division division : snapshot.byCode().values()) {
            if (division.level() != level
                    || (parent != null && !division.code().startsWith(parent))
                    || !snapshot.boundaries().containsKey(division.code())) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            feature(division, snapshot.boundaries().get(division.code()), display(snapshot, division.code()), out);
        }
        out.append("]}");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void feature(Division division, Boundary boundary, Geometry display, StringBuilder out) {
        String code = division.code();
        out.append("{\"type\":\"Feature\",\"id\":\"").append(code).append("\",\"properties\":{");
        out.append("\"code\":\"").append(code).append('"');
        out.append(",\"name\":").append(JsonMapper.shared().writeValueAsString(division.name()));
        out.append(",\"level\":\"").append(division.level().key()).append('"');
        out.append(",\"kind\":")
                .append(division.kind() == null ? "null" : '"' + division.kind().key() + '"');
        out.append(",\"parentCode\":").append(quoted(division.parentCode()));
        out.append(",\"townCode\":").append(quoted(code.length() >= 9 ? code.substring(0, 9) : null));
        out.append(",\"countyCode\":").append(quoted(code.length() >= 6 ? code.substring(0, 6) : null));
        out.append(",\"illustrative\":").append(boundary.illustrative());
        out.append("},\"geometry\":");
        GeoJsonGeometry.write(display, DECIMALS, out);
        out.append('}');
    }

    private static String quoted(String code) {
        return code == null ? "null" : '"' + code + '"';
    }
}
