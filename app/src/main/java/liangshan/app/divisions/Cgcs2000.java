package liangshan.app.divisions;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The two coordinate reference systems of the platform (decision 0003): lon/lat on CGCS2000
 * (EPSG:4490, axis order x = longitude, y = latitude, degrees) on the web, and the CGCS2000
 * 3-degree Gauss-Krüger zone with central meridian 120°E (EPSG:4549, x = easting, y = northing,
 * metres, false easting 500 000 m) for areas and geometry work. Both use the GRS80 ellipsoid, so the
 * transformation is a pure projection without datum shift. WGS84 (EPSG:4326) lon/lat is treated as
 * CGCS2000: they differ by centimetres, far below the accuracy of any boundary we handle.
 */
public final class Cgcs2000 {

    /** EPSG code of CGCS2000 geographic lon/lat. */
    public static final int LON_LAT = 4490;
    /** EPSG code of CGCS2000 / 3-degree Gauss-Kruger CM 120E. */
    public static final int GK_120 = 4549;

    /** Geometries in EPSG:4549 are kept on a 1 cm grid (coordinates in metres, scale 100 per metre). */
    public static final PrecisionModel CENTIMETRES = new PrecisionModel(100);

    private static final GeometryFactory GK_FACTORY = new GeometryFactory(CENTIMETRES, GK_120);
    private static final GeometryFactory LON_LAT_FACTORY = new GeometryFactory(new PrecisionModel(), LON_LAT);
    private static final CoordinateReferenceSystem GEOGRAPHIC;
    private static final CoordinateReferenceSystem PROJECTED;

    static {
        CRSFactory crs = new CRSFactory();
        GEOGRAPHIC = crs.createFromName("EPSG:" + LON_LAT);
        PROJECTED = crs.createFromName("EPSG:" + GK_120);
    }

    private Cgcs2000() {}

    /** A geometry factory for EPSG:4549 geometries (1 cm precision model). */
    public static GeometryFactory gkFactory() {
        return GK_FACTORY;
    }

    /** A geometry factory for lon/lat geometries (floating precision). */
    public static GeometryFactory lonLatFactory() {
        return LON_LAT_FACTORY;
    }

    /** Projects a lon/lat geometry to EPSG:4549 metres (coordinates are not rounded here). */
    public static Geometry toGk120(Geometry lonLat) {
        return transform(lonLat, GEOGRAPHIC, PROJECTED, GK_FACTORY);
    }

    /** Unprojects an EPSG:4549 geometry to lon/lat degrees. */
    public static Geometry toLonLat(Geometry gk) {
        return transform(gk, PROJECTED, GEOGRAPHIC, LON_LAT_FACTORY);
    }

    /** Projects one lon/lat point; returns {easting, northing} in metres. */
    public static double[] toGk120(double lon, double lat) {
        ProjCoordinate out = new ProjCoordinate();
        new CoordinateTransformFactory()
                .createTransform(GEOGRAPHIC, PROJECTED)
                .transform(new ProjCoordinate(lon, lat), out);
        return new double[] {out.x, out.y};
    }

    private static Geometry transform(
            Geometry source, CoordinateReferenceSystem from, CoordinateReferenceSystem to, GeometryFactory factory) {
        // proj4j transforms are not thread-safe; one per call is cheap.
        CoordinateTransform transform = new CoordinateTransformFactory().createTransform(from, to);
        Geometry copy = factory.createGeometry(source);
        copy.apply(new CoordinateSequenceFilter() {
            private final ProjCoordinate in = new ProjCoordinate();
            private final ProjCoordinate out = new ProjCoordinate();

            @Override
            public void filter(CoordinateSequence seq, int i) {
                in.x = seq.getX(i);
                in.y = seq.getY(i);
                transform.transform(in, out);
                seq.setOrdinate(i, Coordinate.X, out.x);
                seq.setOrdinate(i, Coordinate.Y, out.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }
}
