package liangshan.gep.project;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liangshan.gep.cell.InputProblem;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.provenance.Sha256;
import liangshan.raster.Crs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A project footprint: a GeoJSON Polygon or MultiPolygon (bare, as a Feature, or a
 * FeatureCollection whose features are all polygonal), in lon/lat (EPSG:4490; EPSG:4326 treated
 * as CGCS2000, as for zone files) unless its {@code crs} member names the grid's CRS. Projected to
 * the grid with proj4j.
 *
 * @param geometry polygonal geometry in the grid's CRS (SRID = grid EPSG)
 * @param areaSquareMetres planar area in the grid's CRS, m²
 * @param sha256 SHA-256 of the GeoJSON text as given (UTF-8)
 */
public record Footprint(Geometry geometry, double areaSquareMetres, String sha256) {

    /** Largest footprint accepted, m² (100 km²): a project, not a county. */
    public static final double MAX_AREA_SQUARE_METRES = 100e6;

    static final String INPUT = "footprint";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.concurrent.ConcurrentMap<String, CoordinateReferenceSystem> CRS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern EPSG = Pattern.compile("(?i)EPSG:+(\\d+)$");

    /**
     * Parses and projects {@code geoJson}.
     *
     * @throws InvalidInputException ({@code project.footprint_*}) on bad JSON, a non-polygonal or
     *     invalid geometry, an empty one, or one larger than {@link #MAX_AREA_SQUARE_METRES}
     */
    public static Footprint parse(String geoJson, String gridCrs) {
        JsonNode root;
        try {
            root = JSON.readTree(geoJson);
        } catch (JacksonException e) {
            throw fail(
                    "project.footprint_bad_json",
                    "足迹不是有效的 JSON：" + e.getOriginalMessage(),
                    "the footprint is not valid JSON: " + e.getOriginalMessage());
        }
        int gridEpsg = Crs.epsgCode(gridCrs);
        int declared = declaredEpsg(root);
        if (declared != gridEpsg && declared != 4490 && declared != 4326) {
            throw fail(
                    "project.footprint_crs",
                    "足迹坐标系 EPSG:" + declared + " 既不是经纬度（EPSG:4490/4326），也不是栅格的 " + gridCrs,
                    "footprint CRS EPSG:" + declared + " is neither lon/lat (EPSG:4490/4326) nor the grid's "
                            + gridCrs);
        }
        CoordinateTransform toGrid = declared == gridEpsg
                ? null
                : new CoordinateTransformFactory().createTransform(crs("EPSG:4490"), crs("EPSG:" + gridEpsg));
        GeometryFactory factory = new GeometryFactory(new PrecisionModel(), gridEpsg);
        List<Polygon> polygons = new ArrayList<>();
        try {
            collect(root, factory, toGrid, polygons);
        } catch (IllegalArgumentException | ClassCastException | IndexOutOfBoundsException e) {
            throw fail(
                    "project.footprint_bad_geometry",
                    "足迹几何无效：" + e.getMessage(),
                    "invalid footprint geometry: " + e.getMessage());
        }
        Geometry g =
                polygons.size() == 1 ? polygons.get(0) : factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
        IsValidOp valid = new IsValidOp(g);
        if (!valid.isValid()) {
            String why = valid.getValidationError().toString();
            throw fail(
                    "project.footprint_invalid",
                    "足迹多边形无效（如自相交）：" + why,
                    "the footprint polygon is invalid (e.g. self-intersecting): " + why);
        }
        double area = g.getArea();
        if (g.isEmpty() || !(area > 0)) {
            throw fail("project.footprint_empty", "足迹面积为零", "the footprint has no area");
        }
        if (area > MAX_AREA_SQUARE_METRES) {
            throw fail(
                    "project.footprint_too_large",
                    String.format(Locale.ROOT, "足迹面积 %.2f km² 超过上限 %.0f km²", area / 1e6, MAX_AREA_SQUARE_METRES / 1e6),
                    String.format(
                            Locale.ROOT,
                            "the footprint's %.2f km² exceed the limit of %.0f km²",
                            area / 1e6,
                            MAX_AREA_SQUARE_METRES / 1e6));
        }
        return new Footprint(g, area, Sha256.hex(geoJson.getBytes(StandardCharsets.UTF_8)));
    }

    /** proj4j parses its EPSG file on every {@code createFromName}: keep the parsed systems. */
    private static CoordinateReferenceSystem crs(String name) {
        return CRS.computeIfAbsent(name, n -> new CRSFactory().createFromName(n));
    }

    private static void collect(JsonNode n, GeometryFactory f, CoordinateTransform t, List<Polygon> out) {
        String type = n.path("type").asString("");
        switch (type) {
            case "FeatureCollection" -> {
                if (!n.path("features").isArray() || n.path("features").isEmpty()) {
                    throw new IllegalArgumentException("a FeatureCollection without features");
                }
                for (JsonNode feature : n.path("features")) {
                    collect(feature, f, t, out);
                }
            }
            case "Feature" -> collect(n.path("geometry"), f, t, out);
            case "Polygon" -> out.add(polygon(n.path("coordinates"), f, t));
            case "MultiPolygon" -> {
                for (JsonNode p : n.path("coordinates")) {
                    out.add(polygon(p, f, t));
                }
                if (n.path("coordinates").isEmpty()) {
                    throw new IllegalArgumentException("a MultiPolygon without polygons");
                }
            }
            default -> throw new IllegalArgumentException("must be a Polygon or MultiPolygon, was '" + type + "'");
        }
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory f, CoordinateTransform t) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon needs at least one ring");
        }
        LinearRing shell = ring(rings.get(0), f, t);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int h = 1; h < rings.size(); h++) {
            holes[h - 1] = ring(rings.get(h), f, t);
        }
        return f.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points, GeometryFactory f, CoordinateTransform t) {
        Coordinate[] c = new Coordinate[points.size()];
        ProjCoordinate out = new ProjCoordinate();
        for (int k = 0; k < c.length; k++) {
            JsonNode xy = points.get(k);
            if (!xy.isArray()
                    || xy.size() < 2
                    || !xy.get(0).isNumber()
                    || !xy.get(1).isNumber()) {
                throw new IllegalArgumentException("position #" + k + " is not [x, y]");
            }
            double x = xy.get(0).asDouble();
            double y = xy.get(1).asDouble();
            if (t == null) {
                c[k] = new Coordinate(x, y);
            } else {
                if (Math.abs(x) > 180 || Math.abs(y) > 90) {
                    throw new IllegalArgumentException("position #" + k + " [" + x + ", " + y + "] is not lon/lat");
                }
                t.transform(new ProjCoordinate(x, y), out);
                c[k] = new Coordinate(out.x, out.y);
            }
        }
        return f.createLinearRing(c);
    }

    private static int declaredEpsg(JsonNode root) {
        String name = root.path("crs").path("properties").path("name").asString("");
        if (name.endsWith("CRS84")) {
            return 4326;
        }
        Matcher m = EPSG.matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) : 4490;
    }

    static InvalidInputException fail(String code, String zh, String en) {
        return new InvalidInputException(List.of(new InputProblem(code, INPUT, zh, en)));
    }
}
