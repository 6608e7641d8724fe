package liangshan.app.eledger.internal;

import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.GeoJsonGeometry;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

/**
 * The GeoJSON (RFC 7946) geometries of resources: Point, Polygon and MultiPolygon in lon/lat
 * degrees (x = longitude, y = latitude; CGCS2000 ≈ WGS84), read and written by the divisions
 * module's {@link GeoJsonGeometry}; this class maps its problems to the e-ledger's problem codes
 * and refuses positions that are not longitude/latitude.
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
        Geometry lonLat;
        try {
            lonLat = GeoJsonGeometry.readPointOrPolygon(geometry, Cgcs2000.lonLatFactory());
        } catch (GeoJsonGeometry.Malformed e) {
            throw new Malformed(
                    switch (e.code()) {
                        case "missing-geometry" -> "eledger.geometry.missing";
                        case "unsupported-geometry" -> "eledger.geometry.unsupported";
                        default -> "eledger.geometry.malformed";
                    });
        }
        for (Coordinate c : lonLat.getCoordinates()) {
            if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
                throw new Malformed("eledger.geometry.not-lon-lat");
            }
        }
        return lonLat;
    }

    /** The lon/lat Point, Polygon or MultiPolygon as a GeoJSON geometry object. */
    static String write(Geometry geometry) {
        StringBuilder out = new StringBuilder();
        GeoJsonGeometry.write(geometry, DECIMALS, out);
        return out.toString();
    }
}
