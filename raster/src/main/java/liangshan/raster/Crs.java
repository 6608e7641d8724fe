package liangshan.raster;

import java.util.Set;

/**
 * CRS identifiers are EPSG codes written {@code "EPSG:<code>"}. The engine computes in the
 * projected CRS of the run (default EPSG:4549, CGCS2000 / 3-degree Gauss-Kruger CM 120E, metres);
 * the few geographic CRSs it can read and write are listed here so that GeoTIFF keys say
 * "geographic" for them and cell areas are refused (degrees are not metres).
 */
public final class Crs {

    /** The default projected CRS of a run (gep-method.md, "Grids and conventions"). */
    public static final String DEFAULT = "EPSG:4549";

    // WGS 84, CGCS2000, Beijing 1954, Xian 1980 (geographic 2D).
    private static final Set<Integer> GEOGRAPHIC = Set.of(4326, 4490, 4214, 4610);

    private Crs() {}

    /** "EPSG:4549" for 4549. */
    public static String epsg(int code) {
        if (code <= 0) {
            throw new IllegalArgumentException("EPSG code must be positive, was " + code);
        }
        return "EPSG:" + code;
    }

    /**
     * The numeric code of "EPSG:4549".
     *
     * @throws IllegalArgumentException if {@code crs} is not of that form
     */
    public static int epsgCode(String crs) {
        if (crs == null || !crs.startsWith("EPSG:")) {
            throw new IllegalArgumentException("CRS must be written EPSG:<code>, was \"" + crs + "\"");
        }
        try {
            int code = Integer.parseInt(crs.substring(5));
            if (code <= 0) {
                throw new NumberFormatException("not positive");
            }
            return code;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CRS must be written EPSG:<code>, was \"" + crs + "\"", e);
        }
    }

    /** True for the supported geographic (degree-based) CRSs. */
    public static boolean isGeographic(String crs) {
        return GEOGRAPHIC.contains(epsgCode(crs));
    }
}
