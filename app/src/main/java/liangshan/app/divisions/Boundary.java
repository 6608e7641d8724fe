package liangshan.app.divisions;

import org.locationtech.jts.geom.Geometry;

/**
 * The stored boundary of one division.
 *
 * @param code the division's code
 * @param gk120 polygonal geometry in EPSG:4549 metres (1 cm grid)
 * @param areaSquareMetres planar area of {@code gk120} in m² (EPSG:4549 scale factor at Quzhou ≤ 1.0003)
 * @param source generated or imported
 * @param illustrative true when the boundary is generated and must be shown as 示意
 */
public record Boundary(
        String code, Geometry gk120, double areaSquareMetres, BoundarySource source, boolean illustrative) {

    /** The same boundary in lon/lat degrees (EPSG:4490). */
    public Geometry lonLat() {
        return Cgcs2000.toLonLat(gk120);
    }
}
