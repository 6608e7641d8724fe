package liangshan.app.divisions;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes GeoJSON (RFC 7946) geometries of the platform: polygons for boundaries and
 * footprints, points for point-like resources. Positions are [x, y] = [longitude, latitude]; extra
 * ordinates are ignored. Shared by every module that takes geometries from users.
 */
public final class GeoJsonGeometry {

    private GeoJsonGeometry() {}

    /** Why a geometry member could not be read; {@code code} is a problem code suffix. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        Malformed(String code, String detail) {
            super(detail);
            this.code = code;
        }

        /** {@code missing-geometry}, {@code bad-coordinates}, {@code invalid-geometry} or {@code unsupported-geometry}. */
        public String code() {
            return code;
        }
    }

    /** Reads a Polygon or MultiPolygon; rings need at least 4 positions and must be closed. */
    public static Geometry read(JsonNode geometry, GeometryFactory factory) throws Malformed {
        return read(geometry, factory, false);
    }

    /** Reads a Point, Polygon or MultiPolygon. */
    public static Geometry readPointOrPolygon(JsonNode geometry, GeometryFactory factory) throws Malformed {
        return read(geometry, factory, true);
    }

    private static Geometry read(JsonNode geometry, GeometryFactory factory, boolean points) throws Malformed {
        if (geometry == null || !geometry.isObject()) {
            throw new Malformed("missing-geometry", "feature has no geometry object");
        }
        String type = geometry.path("type").asString("");
        JsonNode coordinates = geometry.path("coordinates");
        if (!coordinates.isArray()) {
            throw new Malformed("bad-coordinates", "geometry has no coordinates array");
        }
        if (points && type.equals("Point")) {
            return factory.createPoint(position(coordinates, 0));
        }
        return switch (type) {
            case "Polygon" -> polygon(coordinates, factory);
            case "MultiPolygon" -> {
                List<Polygon> polygons = new ArrayList<>();
                for (JsonNode polygon : coordinates) {
                    polygons.add(polygon(polygon, factory));
                }
                if (polygons.isEmpty()) {
                    throw new Malformed("bad-coordinates", "MultiPolygon without polygons");
                }
                yield factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
            }
            default -> throw new Malformed("unsupported-geometry", "geometry type '" + type + "' is not a polygon");
        };
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory) throws Malformed {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new Malformed("bad-coordinates", "polygon without rings");
        }
        List<LinearRing> parsed = new ArrayList<>();
        for (JsonNode ring : rings) {
            parsed.add(ring(ring, factory));
        }
        return factory.createPolygon(
                parsed.get(0), parsed.subList(1, parsed.size()).toArray(LinearRing[]::new));
    }

    private static LinearRing ring(JsonNode positions, GeometryFactory factory) throws Malformed {
        if (!positions.isArray()) {
            throw new Malformed("bad-coordinates", "ring is not an array of positions");
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = position(positions.get(i), i);
        }
        if (coordinates.length < 4) {
            throw new Malformed("invalid-geometry", "ring with fewer than 4 positions");
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new Malformed("invalid-geometry", "ring is not closed");
        }
        return factory.createLinearRing(coordinates);
    }

    private static Coordinate position(JsonNode position, int i) throws Malformed {
        if (!position.isArray()
                || position.size() < 2
                || !position.get(0).isNumber()
                || !position.get(1).isNumber()) {
            throw new Malformed("bad-coordinates", "position " + i + " is not [x, y]");
        }
        double x = position.get(0).doubleValue();
        double y = position.get(1).doubleValue();
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new Malformed("bad-coordinates", "position " + i + " is not finite");
        }
        return new CoordinateXY(x, y);
    }

    /**
     * Appends a point or polygonal geometry as a GeoJSON geometry object, coordinates rounded to
     * {@code decimals} decimals (6 decimals of a degree ≈ 0.1 m).
     */
    public static void write(Geometry geometry, int decimals, StringBuilder out) {
        double scale = Math.pow(10, decimals);
        if (geometry instanceof Point point) {
            out.append("{\"type\":\"Point\",\"coordinates\":[");
            number(point.getX(), scale, out);
            out.append(',');
            number(point.getY(), scale, out);
            out.append(']');
        } else if (geometry instanceof Polygon polygon) {
            out.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(polygon, scale, out);
        } else if (geometry instanceof MultiPolygon multi) {
            out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                polygon((Polygon) multi.getGeometryN(i), scale, out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a point or polygon: " + geometry.getGeometryType());
        }
        out.append('}');
    }

    private static void polygon(Polygon polygon, double scale, StringBuilder out) {
        out.append('[');
        ring(polygon.getExteriorRing(), scale, out);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            out.append(',');
            ring(polygon.getInteriorRingN(i), scale, out);
        }
        out.append(']');
    }

    private static void ring(LinearRing ring, double scale, StringBuilder out) {
        out.append('[');
        var seq = ring.getCoordinateSequence();
        for (int i = 0; i < seq.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('[');
            number(seq.getX(i), scale, out);
            out.append(',');
            number(seq.getY(i), scale, out);
            out.append(']');
        }
        out.append(']');
    }

    private static void number(double value, double scale, StringBuilder out) {
        out.append(java.math.BigDecimal.valueOf(Math.round(value * scale) / scale)
                .stripTrailingZeros()
                .toPlainString());
    }
}
