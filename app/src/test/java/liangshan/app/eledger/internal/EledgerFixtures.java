package liangshan.app.eledger.internal;

import java.util.List;
import java.util.Map;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** Test geometry and villages: rectangles built in EPSG:4549 metres inside a village, sent as lon/lat GeoJSON. */
final class EledgerFixtures {

    private EledgerFixtures() {}

    /** The {@code n}-th village (0-based) of the first town of {@code county}. */
    static String village(Divisions divisions, String county, int n) {
        List<Division> towns = divisions.children(county);
        return divisions.children(towns.get(0).code()).get(n).code();
    }

    /** A point inside the village, in EPSG:4549 metres. */
    static Coordinate inside(Divisions divisions, String village) {
        Point p = divisions.boundary(village).orElseThrow().gk120().getInteriorPoint();
        return p.getCoordinate();
    }

    /** A {@code w × h} m rectangle with its lower-left corner {@code dx, dy} m from the village's interior point. */
    static Geometry rectangle(Divisions divisions, String village, double dx, double dy, double w, double h) {
        Coordinate c = inside(divisions, village);
        double x = Math.round(c.x) + dx;
        double y = Math.round(c.y) + dy;
        return Cgcs2000.gkFactory().createPolygon(new Coordinate[] {
            new Coordinate(x, y),
            new Coordinate(x + w, y),
            new Coordinate(x + w, y + h),
            new Coordinate(x, y + h),
            new Coordinate(x, y)
        });
    }

    /** GeoJSON (lon/lat) of an EPSG:4549 geometry, as a map ready for a request body. */
    static Object geoJson(Geometry gk) {
        return tools.jackson.databind.json.JsonMapper.shared()
                .readValue(GeoJson.write(Cgcs2000.toLonLat(gk)), Map.class);
    }
}
