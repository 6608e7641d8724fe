package liangshan.gep.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liangshan.gep.cell.InputProblem;
import liangshan.raster.Crs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The zone polygons of a run (format in {@code package-info.java}), in the grid's CRS, and the
 * lon/lat → grid projection used for them and for the dam and lake points of the tables. lon/lat
 * is CGCS2000 (EPSG:4490); WGS84 (EPSG:4326) is treated as CGCS2000 — they differ by
 * centimetres, far below a cell.
 */
public final class ZonesFile {

    /** One zone: 12-digit code and polygon in the grid's CRS. */
    public record Zone(String code, Geometry geometry) {}

    private static final Pattern CODE = Pattern.compile("\\d{12}");
    private static final Pattern EPSG = Pattern.compile("(?i)EPSG:+(\\d+)$");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final List<Zone> zones;
    private final CoordinateTransform lonLatToGrid;
    private final GeometryFactory factory;

    private ZonesFile(List<Zone> zones, CoordinateTransform lonLatToGrid, GeometryFactory factory) {
        this.zones = zones;
        this.lonLatToGrid = lonLatToGrid;
        this.factory = factory;
    }

    public List<Zone> zones() {
        return zones;
    }

    /** Projects a lon/lat point (degrees) to the grid's CRS. */
    Point project(double lon, double lat) {
        ProjCoordinate out = new ProjCoordinate();
        lonLatToGrid.transform(new ProjCoordinate(lon, lat), out);
        return factory.createPoint(new Coordinate(out.x, out.y));
    }

    /** Code of the first zone covering {@code p} (boundary included), or {@code null}. */
    String zoneContaining(Point p) {
        for (Zone z : zones) {
            if (z.geometry().covers(p)) {
                return z.code();
            }
        }
        return null;
    }

    /** Reads {@code file}; returns {@code null} after adding problems. */
    @SuppressWarnings("unchecked")
    public static ZonesFile read(Path file, String gridCrs, List<InputProblem> problems) {
        String label = String.valueOf(file.getFileName());
        Map<String, Object> root;
        try {
            root = MAPPER.readValue(Files.readAllBytes(file), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            problems.add(Csv.problem(label, "zones.unreadable", "无法读取：" + e.getMessage(), "cannot be read"));
            return null;
        } catch (JacksonException e) {
            problems.add(Csv.problem(
                    label,
                    "zones.bad_json",
                    "不是有效的 JSON：" + e.getOriginalMessage(),
                    "is not valid JSON: " + e.getOriginalMessage()));
            return null;
        }
        if (!"FeatureCollection".equals(root.get("type")) || !(root.get("features") instanceof List<?>)) {
            problems.add(Csv.problem(
                    label,
                    "zones.not_feature_collection",
                    "应为 GeoJSON FeatureCollection",
                    "must be a GeoJSON FeatureCollection"));
            return null;
        }
        int epsg = Crs.epsgCode(gridCrs);
        int fileEpsg = declaredEpsg(root);
        CRSFactory crs = new CRSFactory();
        CoordinateTransform toGrid = new CoordinateTransformFactory()
                .createTransform(crs.createFromName("EPSG:4490"), crs.createFromName("EPSG:" + epsg));
        boolean projected = fileEpsg == epsg;
        if (!projected && fileEpsg != 4490 && fileEpsg != 4326) {
            problems.add(Csv.problem(
                    label,
                    "zones.crs",
                    "坐标系 EPSG:" + fileEpsg + " 既不是经纬度（EPSG:4490/4326），也不是栅格的 " + gridCrs,
                    "CRS EPSG:" + fileEpsg + " is neither lon/lat (EPSG:4490/4326) nor the grid's " + gridCrs));
            return null;
        }
        GeometryFactory factory = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), epsg);
        ZonesFile zf = new ZonesFile(new ArrayList<>(), toGrid, factory);
        List<Object> features = (List<Object>) root.get("features");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            Zone z = zf.feature(label, i, features.get(i), projected, problems);
            if (z != null && !seen.add(z.code())) {
                problems.add(Csv.problem(
                        label + " #" + i,
                        "zones.duplicate_code",
                        "区划代码 " + z.code() + " 重复",
                        "duplicate code " + z.code()));
            } else if (z != null) {
                zf.zones.add(z);
            }
        }
        if (features.isEmpty()) {
            problems.add(Csv.problem(label, "zones.empty", "没有任何区域", "has no features"));
        }
        return zf;
    }

    private static int declaredEpsg(Map<String, Object> root) {
        if (root.get("crs") instanceof Map<?, ?> crs && crs.get("properties") instanceof Map<?, ?> props) {
            Object name = props.get("name");
            if (name != null) {
                String text = name.toString();
                if (text.endsWith("CRS84")) {
                    return 4326;
                }
                Matcher m = EPSG.matcher(text);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return 4490;
    }

    @SuppressWarnings("unchecked")
    private Zone feature(String label, int i, Object feature, boolean projected, List<InputProblem> problems) {
        String where = label + " #" + i;
        if (!(feature instanceof Map<?, ?> f) || !(f.get("geometry") instanceof Map<?, ?> g)) {
            problems.add(Csv.problem(where, "zones.bad_feature", "要素缺少几何", "feature has no geometry"));
            return null;
        }
        Object code = f.get("properties") instanceof Map<?, ?> p ? p.get("code") : null;
        if (code == null || !CODE.matcher(code.toString()).matches()) {
            problems.add(Csv.problem(
                    where,
                    "zones.bad_code",
                    "属性 code 应为 12 位区划代码，实为 " + code,
                    "property code must be 12 digits, was " + code));
            return null;
        }
        try {
            Object coords = g.get("coordinates");
            Geometry geometry;
            if ("Polygon".equals(g.get("type"))) {
                geometry = polygon((List<Object>) coords, projected);
            } else if ("MultiPolygon".equals(g.get("type"))) {
                List<Object> parts = (List<Object>) coords;
                Polygon[] polys = new Polygon[parts.size()];
                for (int k = 0; k < polys.length; k++) {
                    polys[k] = polygon((List<Object>) parts.get(k), projected);
                }
                geometry = factory.createMultiPolygon(polys);
            } else {
                problems.add(Csv.problem(
                        where,
                        "zones.bad_geometry",
                        "几何应为 Polygon 或 MultiPolygon",
                        "geometry must be Polygon or MultiPolygon"));
                return null;
            }
            return new Zone(code.toString(), geometry);
        } catch (RuntimeException e) {
            problems.add(Csv.problem(
                    where, "zones.bad_geometry", "几何坐标无效：" + e.getMessage(), "invalid coordinates: " + e.getMessage()));
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private Polygon polygon(List<Object> rings, boolean projected) {
        LinearRing shell = ring((List<Object>) rings.get(0), projected);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int h = 1; h < rings.size(); h++) {
            holes[h - 1] = ring((List<Object>) rings.get(h), projected);
        }
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(List<Object> points, boolean projected) {
        Coordinate[] c = new Coordinate[points.size()];
        ProjCoordinate out = new ProjCoordinate();
        for (int k = 0; k < c.length; k++) {
            List<?> xy = (List<?>) points.get(k);
            double x = ((Number) xy.get(0)).doubleValue();
            double y = ((Number) xy.get(1)).doubleValue();
            if (projected) {
                c[k] = new Coordinate(x, y);
            } else {
                lonLatToGrid.transform(new ProjCoordinate(x, y), out);
                c[k] = new Coordinate(out.x, out.y);
            }
        }
        return factory.createLinearRing(c);
    }
}
