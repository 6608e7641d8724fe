package liangshan.raster.terrain;

import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import liangshan.raster.Band;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;

/**
 * The RUSLE slope-length and steepness factor LS from a DEM, as pinned in gep-method.md (soil
 * retention). Slope and aspect come from the original DEM ({@link SlopeAspect}), flow from the
 * priority-flood-filled DEM ({@link PriorityFlood}, {@link FlowRouting}). Per data cell:
 *
 * <ul>
 *   <li>{@code A_in = min(accumulation × a, L_max × D)} (m²), a = cell area, D = cell size;
 *   <li>{@code x = |sin α| + |cos α|} with α the aspect, and x = 1 where the slope is zero;
 *   <li>m = 0.2 / 0.3 / 0.4 / 0.5 for slope (tan θ × 100 %) &lt; 1 / &lt; 3 / &lt; 5 / ≥ 5;
 *   <li>L (Desmet &amp; Govers 1996) {@code = ((A_in + D²)^(m+1) − A_in^(m+1)) / (D^(m+2) ·
 *       x^m · 22.13^m)};
 *   <li>S (Liu Baoyuan et al. 1994) = 10.8 sin θ + 0.03 for θ &lt; 5.14°, 16.8 sin θ − 0.5 for
 *       5.14° ≤ θ &lt; 10°, 21.91 sin θ − 0.96 for θ ≥ 10°;
 *   <li>LS = L × S (dimensionless); NaN for no-data cells.
 * </ul>
 *
 * Cells must be square (D is a single cell size) and the CRS projected in metres.
 *
 * @param slopeAspect slope and aspect of the original DEM
 * @param flood the filled DEM
 * @param routing D8 directions and accumulation
 * @param ls the LS band (Float32, no-data NaN)
 */
public record LsFactor(SlopeAspect slopeAspect, PriorityFlood flood, FlowRouting routing, Band ls) {

    /** L_max of gep-method.md, metres. */
    public static final double DEFAULT_MAX_SLOPE_LENGTH_METRES = 122;

    /** Computes LS with L_max = 122 m. */
    public static LsFactor compute(Band dem) {
        return compute(dem, DEFAULT_MAX_SLOPE_LENGTH_METRES);
    }

    /**
     * Computes LS with the given L_max (metres).
     *
     * @throws IllegalArgumentException if the cells are not square or L_max is not positive
     */
    public static LsFactor compute(Band dem, double maxSlopeLengthMetres) {
        GridGeometry g = dem.grid();
        if (g.cellWidth() != g.cellHeight()) {
            throw new IllegalArgumentException(
                    dem.name() + ": LS needs square cells, got " + g.cellWidth() + " × " + g.cellHeight());
        }
        if (!(maxSlopeLengthMetres > 0)) {
            throw new IllegalArgumentException("L_max must be positive, was " + maxSlopeLengthMetres);
        }
        SlopeAspect sa = SlopeAspect.horn(dem);
        PriorityFlood.Packed packed = PriorityFlood.packed(dem, () -> false);
        PriorityFlood flood = packed.unpack();
        FlowRouting routing = FlowRouting.route(packed);
        double d = g.cellWidth();
        double area = g.cellAreaSquareMetres();
        double cap = maxSlopeLengthMetres * d;
        float[] ls = new float[sa.slopeRadians().length];
        for (int i = 0; i < ls.length; i++) {
            float theta = sa.slopeRadians()[i];
            if (Float.isNaN(theta) || routing.direction()[i] == D8.NO_DATA) {
                ls[i] = Float.NaN;
                continue;
            }
            double aIn = Math.min(routing.accumulation()[i] * area, cap);
            ls[i] = (float) (slopeLength(aIn, d, theta, sa.aspectRadians()[i]) * steepness(theta));
        }
        Band band = new Band("LS", "1", g, CellType.FLOAT32, OptionalDouble.of(Double.NaN), ls);
        return new LsFactor(sa, flood, routing, band);
    }

    /**
     * The LS band only, equal cell for cell to {@code compute(dem, maxSlopeLengthMetres).ls()}, with
     * a lower peak memory (for whole-city grids at 10 m): the priority-flood keeps one packed {@code
     * long} per cell, the D8 directions are read straight from it, and Horn's slope and aspect are
     * computed per cell inside the LS loop instead of being kept as grids. Memory per grid cell by
     * step, with the caller's DEM (4 B) and the pop order counted at 4 B per data cell (≈ 2 B per
     * grid cell for the city at 10 m, ≤ 4 B in general):
     *
     * <ol>
     *   <li>flood seeding: DEM 4 + data mask 1 + packed cells 8 = 13 B;
     *   <li>flood: DEM 4 + packed cells 8 + pop order ≈ 2 = 14 B, plus the queue;
     *   <li>directions: the flood's 14 B + directions 1 = 15 B (peak);
     *   <li>accumulation, once the packed cells are dropped: DEM 4 + pop order ≈ 2 + directions 1
     *       + accumulation 4 = 11 B;
     *   <li>LS, once the pop order is dropped: DEM 4 + directions 1 + accumulation 4 + data mask 1 +
     *       LS 4 = 14 B.
     * </ol>
     *
     * Against ≈ 35 B at the peak of {@link #compute}.
     *
     * @throws IllegalArgumentException if the cells are not square, L_max is not positive or the
     *     DEM is smaller than 3 × 3
     */
    public static Band band(Band dem, double maxSlopeLengthMetres) {
        return band(dem, maxSlopeLengthMetres, () -> false);
    }

    /**
     * {@link #band(Band, double)}, asking {@code stop} between the steps and during the
     * priority-flood whether to give up (a run that is cancelled, or whose validation failed while
     * the terrain was being computed beside it).
     *
     * @throws java.util.concurrent.CancellationException when {@code stop} returned true
     */
    public static Band band(Band dem, double maxSlopeLengthMetres, BooleanSupplier stop) {
        GridGeometry g = dem.grid();
        int w = g.width();
        int h = g.height();
        if (g.cellWidth() != g.cellHeight()) {
            throw new IllegalArgumentException(
                    dem.name() + ": LS needs square cells, got " + g.cellWidth() + " × " + g.cellHeight());
        }
        if (!(maxSlopeLengthMetres > 0)) {
            throw new IllegalArgumentException("L_max must be positive, was " + maxSlopeLengthMetres);
        }
        if (w < 3 || h < 3) {
            throw new IllegalArgumentException(
                    dem.name() + ": Horn's method needs at least 3 × 3 cells, got " + w + " × " + h);
        }
        PriorityFlood.Packed flood = PriorityFlood.packed(dem, stop);
        stopIf(stop);
        int[] order = flood.popOrder();
        byte[] direction = FlowRouting.directions(g, flood.cells());
        flood = null; // drops the packed cells (8 B per grid cell) before the accumulation and LS
        stopIf(stop);
        int[] acc = new int[w * h];
        FlowRouting.accumulate(order, direction, w, acc);
        order = null;
        stopIf(stop);
        float[] z = dem.values();
        boolean[] valid = DemMask.valid(dem);
        float[] ls = new float[w * h];
        double d = g.cellWidth();
        double area = g.cellAreaSquareMetres();
        double cap = maxSlopeLengthMetres * d;
        // Rows are independent (each writes only its own LS cells; the DEM, mask, directions and
        // accumulation are only read): two threads, same result.
        RowBlocks.forEach(h, (r0, r1) -> lsRows(r0, r1, z, valid, direction, acc, ls, w, h, d, area, cap));
        return new Band("LS", "1", g, CellType.FLOAT32, OptionalDouble.of(Double.NaN), ls);
    }

    private static void stopIf(BooleanSupplier stop) {
        if (stop.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("LS computation stopped");
        }
    }

    /** The LS loop of {@link #band} for rows {@code [r0, r1)}. */
    private static void lsRows(
            int r0,
            int r1,
            float[] z,
            boolean[] valid,
            byte[] direction,
            int[] acc,
            float[] ls,
            int w,
            int h,
            double d,
            double area,
            double cap) {
        double eight = 8 * d;
        SlopeLengths lengths = new SlopeLengths(d);
        for (int r = r0; r < r1; r++) {
            int sr = Math.min(Math.max(r, 1), h - 2);
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                int source = sr * w + Math.min(Math.max(c, 1), w - 2);
                if (!valid[i] || !valid[source] || direction[i] == D8.NO_DATA) {
                    ls[i] = Float.NaN;
                    continue;
                }
                long sa = SlopeAspect.at(z, valid, w, source, eight, eight);
                float theta = Float.intBitsToFloat((int) (sa >>> 32));
                float aspect = Float.intBitsToFloat((int) sa);
                double aIn = Math.min(acc[i] * area, cap);
                ls[i] = (float) (lengths.of(aIn, theta, aspect) * steepness(theta));
            }
        }
    }

    /** Desmet &amp; Govers L for contributing area {@code aIn} (m²), cell size {@code d} (m). */
    public static double slopeLength(double aIn, double d, double thetaRadians, double aspectRadians) {
        double m = exponent(thetaRadians);
        double x = thetaRadians == 0 || Double.isNaN(aspectRadians)
                ? 1
                : Math.abs(Math.sin(aspectRadians)) + Math.abs(Math.cos(aspectRadians));
        return (Math.pow(aIn + d * d, m + 1) - Math.pow(aIn, m + 1))
                / (Math.pow(d, m + 2) * Math.pow(x, m) * Math.pow(22.13, m));
    }

    /** The slope-length exponent m by slope class (percent = tan θ × 100). */
    public static double exponent(double thetaRadians) {
        double percent = Math.tan(thetaRadians) * 100;
        if (percent < 1) {
            return 0.2;
        }
        if (percent < 3) {
            return 0.3;
        }
        return percent < 5 ? 0.4 : 0.5;
    }

    /** Liu Baoyuan et al. (1994) S for slope θ. */
    public static double steepness(double thetaRadians) {
        double degrees = Math.toDegrees(thetaRadians);
        double sin = Math.sin(thetaRadians);
        if (degrees < 5.14) {
            return 10.8 * sin + 0.03;
        }
        return degrees < 10 ? 16.8 * sin - 0.5 : 21.91 * sin - 0.96;
    }
}
