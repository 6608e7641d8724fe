package liangshan.app.eledger.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import liangshan.app.divisions.Cgcs2000;
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
 * Reads and writes the GeoJSON (RFC 7946) geometries of resources: Point, Polygon and MultiPolygon
 * in lon/lat degrees (x = longitude, y = latitude; CGCS2000 ≈ WGS84). A malformed geometry is
 * reported with a problem code suffix, never thrown as a programmer error.
 */
final class GeoJson {

    /** 6 decimals of a degree ≈ 0.1 m. */
    static final int DECIMALS = 6;

    private GeoJson() {}

    /** Why a geometry could not be read; {@code code} is the problem code. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        Malformed(String code) {
            super(code);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /** Reads a lon/lat geometry. */
    static Geometry read(JsonNode geometry) throws Malformed {
        GeometryFactory factory = Cgcs2000.lonLatFactory();
        if (geometry == null || !geometry.isObject()) {
            throw new Malformed("eledger.geometry.missing");
        }
        JsonNode coordinates = geometry.path("coordinates");
        if (!coordinates.isArray()) {
            throw new Malformed("eledger.geometry.malformed");
        }
        return switch (geometry.path("type").asString("")) {
            case "Point" -> factory.createPoint(position(coordinates));
            case "Polygon" -> polygon(coordinates, factory);
            case "MultiPolygon" -> {
                List<Polygon> polygons = new ArrayList<>();
                for (JsonNode polygon : coordinates) {
                    polygons.add(polygon(polygon, factory));
                }
                if (polygons.isEmpty()) {
                    throw new Malformed("eledger.geometry.malformed");
                }
                yield factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
            }
            default -> throw new Malformed("eledger.geometry.unsupported");
        };
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory) throws Malformed {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new Malformed("eledger.geometry.malformed");
        }
        List<LinearRing> parsed = new ArrayList<>();
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4) {
                throw new Malformed("eledger.geometry.malformed");
            }
            Coordinate[] coordinates = new Coordinate[ring.size()];
            for (int i = 0; i < coordinates.length; i++) {
                coordinates[i] = position(ring.get(i));
            }
            if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
                throw new Malformed("eledger.geometry.malformed");
            }
            parsed.add(factory.createLinearRing(coordinates));
        }
        return factory.createPolygon(
                parsed.get(0), parsed.subList(1, parsed.size()).toArray(LinearRing[]::new));
    }

    private static Coordinate position(JsonNode position) throws Malformed {
        if (!position.isArray()
                || position.size() < 2
                || !position.get(0).isNumber()
                || !position.get(1).isNumber()) {
            throw new Malformed("eledger.geometry.malformed");
        }
        double lon = position.get(0).doubleValue();
        double lat = position.get(1).doubleValue();
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new Malformed("eledger.geometry.not-lon-lat");
        }
        return new CoordinateXY(lon, lat);
    }

    /** Appends a lon/lat Point, Polygon or MultiPolygon as a GeoJSON geometry object. */
    static void write(Geometry geometry, StringBuilder out) {
        if (geometry instanceof Point point) {
            out.append("{\"type\":\"Point\",\"coordinates\":");
            xy(point.getX(), point.getY(), out);
        } else if (geometry instanceof Polygon polygon) {
            out.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(polygon, out);
        } else if (geometry instanceof MultiPolygon multi) {
            out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                out.append(i > 0 ? "," : "");
                polygon((Polygon) multi.getGeometryN(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a resource geometry: " + geometry.getGeometryType());
        }
        out.append('}');
    }

    static String write(Geometry geometry) {
        StringBuilder out = new StringBuilder();
        write(geometry, out);
        return out.toString();
    }

    private static void polygon(Polygon polygon, StringBuilder out) {
        out.append('[');
        for (int r = 0; r <= polygon.getNumInteriorRing(); r++) {
            out.append(r > 0 ? "," : "").append('[');
            LinearRing ring = r == 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r - 1);
            var seq = ring.getCoordinateSequence();
            for (int i = 0; i < seq.size(); i++) {
                out.append(i > 0 ? "," : "");
                xy(seq.getX(i), seq.getY(i), out);
            }
            out.append(']');
        }
        out.append(']');
    }

    private static void xy(double x, double y, StringBuilder out) {
        out.append('[').append(round(x)).append(',').append(round(y)).append(']');
    }

    private static String round(double degrees) {
        return BigDecimal.valueOf(degrees)
                .setScale(DECIMALS, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
