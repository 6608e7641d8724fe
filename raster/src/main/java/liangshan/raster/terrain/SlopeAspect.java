package liangshan.raster.terrain;

import liangshan.raster.Band;
import liangshan.raster.GridGeometry;

/**
 * Slope and aspect by Horn's (1981) 3 × 3 method on the original (unfilled) DEM.
 *
 * <p>With the window {@code a b c / d e f / g h i} (row above = north):
 * {@code ∂z/∂x = ((c + 2f + i) − (a + 2d + g)) / (8 · cellWidth)} (eastward),
 * {@code ∂z/∂y = ((a + 2b + c) − (g + 2h + i)) / (8 · cellHeight)} (northward),
 * slope {@code θ = atan(√((∂z/∂x)² + (∂z/∂y)²))}, and aspect = the downslope direction,
 * clockwise from north, {@code atan2(−∂z/∂x, −∂z/∂y)} in [0, 2π); NaN where the slope is zero.
 *
 * <p><b>Edges</b> (gep-method.md: "edge cells use the nearest interior values (replicate
 * padding)"): Horn's window is evaluated on interior cells only, and each border cell takes the
 * slope and aspect of the nearest interior cell (row and column clamped to 1 .. n−2). Inside a
 * clipped DEM, a missing (no-data) neighbour in the window is replaced by the centre cell's
 * elevation. The DEM must be at least 3 × 3. No-data cells get NaN, and so does a border cell
 * whose nearest interior cell is no-data.
 *
 * @param grid the DEM's grid
 * @param slopeRadians θ per cell, radians, row-major
 * @param aspectRadians aspect per cell, radians clockwise from north, NaN when flat or no-data
 */
public record SlopeAspect(GridGeometry grid, float[] slopeRadians, float[] aspectRadians) {

    /** Computes slope and aspect of {@code dem} (elevations in the CRS's linear unit, metres). */
    public static SlopeAspect horn(Band dem) {
        GridGeometry g = dem.grid();
        int w = g.width();
        int h = g.height();
        if (w < 3 || h < 3) {
            throw new IllegalArgumentException(
                    dem.name() + ": Horn's method needs at least 3 × 3 cells, got " + w + " × " + h);
        }
        float[] z = dem.values();
        boolean[] valid = DemMask.valid(dem);
        float[] slope = new float[z.length];
        float[] aspect = new float[z.length];
        double eightDx = 8 * g.cellWidth();
        double eightDy = 8 * g.cellHeight();
        for (int r = 1; r < h - 1; r++) {
            for (int c = 1; c < w - 1; c++) {
                int i = r * w + c;
                if (!valid[i]) {
                    slope[i] = Float.NaN;
                    aspect[i] = Float.NaN;
                    continue;
                }
                long sa = at(z, valid, w, i, eightDx, eightDy);
                slope[i] = Float.intBitsToFloat((int) (sa >>> 32));
                aspect[i] = Float.intBitsToFloat((int) sa);
            }
        }
        replicateBorder(slope, aspect, valid, w, h);
        return new SlopeAspect(g, slope, aspect);
    }

    /**
     * Horn's slope and aspect of the interior data cell {@code i}, packed as the float bits of
     * the slope (high half) and of the aspect (low half).
     */
    static long at(float[] z, boolean[] valid, int w, int i, double eightDx, double eightDy) {
        float e = z[i];
        double a = at(z, valid, i - w - 1, e);
        double b = at(z, valid, i - w, e);
        double cc = at(z, valid, i - w + 1, e);
        double d = at(z, valid, i - 1, e);
        double f = at(z, valid, i + 1, e);
        double gg = at(z, valid, i + w - 1, e);
        double hh = at(z, valid, i + w, e);
        double ii = at(z, valid, i + w + 1, e);
        double dzdx = ((cc + 2 * f + ii) - (a + 2 * d + gg)) / eightDx;
        double dzdy = ((a + 2 * b + cc) - (gg + 2 * hh + ii)) / eightDy;
        float slope = (float) Math.atan(Math.sqrt(dzdx * dzdx + dzdy * dzdy));
        float aspect = dzdx == 0 && dzdy == 0 ? Float.NaN : (float) downslopeAzimuth(dzdx, dzdy);
        return ((long) Float.floatToRawIntBits(slope) << 32) | (Float.floatToRawIntBits(aspect) & 0xFFFF_FFFFL);
    }

    private static double at(float[] z, boolean[] valid, int i, float centre) {
        return valid[i] ? z[i] : centre;
    }

    private static double downslopeAzimuth(double dzdx, double dzdy) {
        double azimuth = Math.atan2(-dzdx, -dzdy);
        return azimuth < 0 ? azimuth + 2 * Math.PI : azimuth;
    }

    private static void replicateBorder(float[] slope, float[] aspect, boolean[] valid, int w, int h) {
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                if (r > 0 && r < h - 1 && c > 0 && c < w - 1) {
                    continue;
                }
                int i = r * w + c;
                if (!valid[i]) {
                    slope[i] = Float.NaN;
                    aspect[i] = Float.NaN;
                    continue;
                }
                int source = Math.min(Math.max(r, 1), h - 2) * w + Math.min(Math.max(c, 1), w - 2);
                slope[i] = slope[source];
                aspect[i] = aspect[source];
            }
        }
    }

    /** Slope in degrees at row-major index {@code i}. */
    public double slopeDegrees(int i) {
        return Math.toDegrees(slopeRadians[i]);
    }
}
