package liangshan.app.divisions.internal;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * The convex cells of a power diagram, clipped to a rectangle: cell i is the rectangle intersected
 * with the half-planes |x − sᵢ|² − wᵢ ≤ |x − sⱼ|² − wⱼ for every j ≠ i, i.e.
 * 2·x·(sⱼ − sᵢ) ≤ |sⱼ|² − |sᵢ|² − wⱼ + wᵢ (Sutherland–Hodgman clipping, O(n²) per diagram, fine for
 * the tens of sites of one town or county).
 */
final class ConvexCells {

    private ConvexCells() {}

    /**
     * Cells as vertex arrays {x, y} in the sites' local coordinates, one per site (possibly empty),
     * clipped to {@code bounds} (world coordinates) grown by a margin.
     */
    static List<double[][]> cells(PowerSites sites, Envelope bounds) {
        double margin = Math.max(bounds.getWidth(), bounds.getHeight()) * 0.05 + 10;
        double minX = bounds.getMinX() - margin - sites.originX;
        double maxX = bounds.getMaxX() + margin - sites.originX;
        double minY = bounds.getMinY() - margin - sites.originY;
        double maxY = bounds.getMaxY() + margin - sites.originY;
        double[][] box = {{minX, minY}, {maxX, minY}, {maxX, maxY}, {minX, maxY}};
        List<double[][]> cells = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            double[][] cell = box;
            for (int j = 0; j < sites.size() && cell.length > 0; j++) {
                if (j != i) {
                    double a = 2 * (sites.x[j] - sites.x[i]);
                    double b = 2 * (sites.y[j] - sites.y[i]);
                    double c = sites.x[j] * sites.x[j]
                            + sites.y[j] * sites.y[j]
                            - sites.x[i] * sites.x[i]
                            - sites.y[i] * sites.y[i]
                            - sites.w[j]
                            + sites.w[i];
                    cell = clip(cell, a, b, c);
                }
            }
            cells.add(cell);
        }
        return cells;
    }

    /** Keeps the part of a convex polygon where a·x + b·y ≤ c. */
    static double[][] clip(double[][] polygon, double a, double b, double c) {
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < polygon.length; k++) {
            double[] p = polygon[k];
            double[] q = polygon[(k + 1) % polygon.length];
            double fp = a * p[0] + b * p[1] - c;
            double fq = a * q[0] + b * q[1] - c;
            if (fp <= 0) {
                out.add(p);
            }
            if ((fp < 0 && fq > 0) || (fp > 0 && fq < 0)) {
                double t = fp / (fp - fq);
                out.add(new double[] {p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])});
            }
        }
        return out.toArray(double[][]::new);
    }
}
