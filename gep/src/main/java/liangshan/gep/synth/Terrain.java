package liangshan.gep.synth;

import java.util.List;

/**
 * The terrain and land-cover rules of the synthetic landscape, per cell, from grid coordinates in
 * metres (EPSG:4549). Deterministic: every value is a function of the seed and the coordinates.
 * Shapes (illustrative, after Quzhou's geography): the Qu river runs WSW→ENE through the Jinqu
 * basin (60–100 m); mountains rise to ~1,300 m north-west and south of it; built-up land lies
 * around the six county seats; reservoirs are discs at their dam sites.
 */
final class Terrain {

    /** A point feature in grid metres. */
    record Site(String name, double x, double y, double radiusMetres) {}

    private final long seed;
    private final double[] riverX;
    private final double[] riverY;
    private final double[] riverAlong;
    private final List<Site> seats;
    private final List<Site> reservoirs;
    private final double riverHalfWidthMetres;

    Terrain(long seed, double[][] riverAxis, List<Site> seats, List<Site> reservoirs, double cellSizeMetres) {
        this.seed = seed;
        int n = riverAxis.length;
        this.riverX = new double[n];
        this.riverY = new double[n];
        this.riverAlong = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            riverX[i] = riverAxis[i][0];
            riverY[i] = riverAxis[i][1];
            if (i > 0) {
                total += Math.hypot(riverX[i] - riverX[i - 1], riverY[i] - riverY[i - 1]);
            }
            riverAlong[i] = total;
        }
        for (int i = 0; i < n; i++) {
            riverAlong[i] /= total;
        }
        this.seats = List.copyOf(seats);
        this.reservoirs = List.copyOf(reservoirs);
        this.riverHalfWidthMetres = Math.max(160, 0.6 * cellSizeMetres);
    }

    /** Distance to the river axis (m) and the relative position along it (0 west … 1 east). */
    double[] river(double x, double y) {
        double best = Double.MAX_VALUE;
        double along = 0;
        for (int i = 1; i < riverX.length; i++) {
            double ax = riverX[i - 1];
            double ay = riverY[i - 1];
            double dx = riverX[i] - ax;
            double dy = riverY[i] - ay;
            double t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
            double d = Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
            if (d < best) {
                best = d;
                along = riverAlong[i - 1] + t * (riverAlong[i] - riverAlong[i - 1]);
            }
        }
        return new double[] {best, along};
    }

    /** Elevation in metres. */
    float elevation(double x, double y) {
        double[] r = river(x, y);
        double riverElevation = 95 - 50 * r[1];
        if (r[0] <= riverHalfWidthMetres) {
            return (float) riverElevation;
        }
        double basin = 1 - smoothstep(3_000, 28_000, r[0]);
        double n = Noise.fbm(seed, x, y, 14_000, 5);
        double hills = basin * (n * 70 + 20 * smoothstep(riverHalfWidthMetres, 2_000, r[0]));
        double mountains = (1 - basin) * (120 + 1_150 * Math.pow(n, 1.4));
        return (float) (riverElevation + hills + mountains);
    }

    /** The land-cover class (1–14 of quzhou-2025-v1) of a cell inside the city. */
    int landCover(double x, double y, float elevation, double slopeDegrees) {
        for (Site reservoir : reservoirs) {
            if (Math.hypot(x - reservoir.x(), y - reservoir.y()) <= reservoir.radiusMetres()) {
                return 12;
            }
        }
        double[] r = river(x, y);
        if (r[0] <= riverHalfWidthMetres) {
            return 11;
        }
        double u = Noise.value(seed + 7, x / 900, y / 900);
        for (Site seat : seats) {
            double reach = seat.radiusMetres() * (0.75 + 0.5 * Noise.value(seed + 3, x / 1_500, y / 1_500));
            if (Math.hypot(x - seat.x(), y - seat.y()) <= reach) {
                return u < 0.12 ? 6 : 13;
            }
        }
        if (Noise.value(seed + 11, x / 300, y / 300) > 0.997) {
            return 14;
        }
        if (elevation > 1_050) {
            return u < 0.7 ? 5 : 7;
        }
        if (elevation < 260 && slopeDegrees < 6) {
            // scattered hamlets and ponds of the lowlands (Quzhou: ~6 % built-up, ~3 % water)
            double spot = Noise.value(seed + 17, x / 350, y / 350);
            if (spot > 0.80) {
                return 13;
            }
            if (spot < 0.10) {
                return 12;
            }
        }
        if (elevation < 140 && slopeDegrees < 4) {
            if (r[0] < 700 && u > 0.93) {
                return 10;
            }
            return u < 0.62 ? 8 : u < 0.9 ? 9 : 6;
        }
        if (elevation < 260 && slopeDegrees < 9) {
            return u < 0.45 ? 6 : u < 0.7 ? 9 : u < 0.85 ? 4 : 1;
        }
        double v = Noise.value(seed + 13, x / 2_500, y / 2_500);
        if (elevation < 700 && v > 0.72) {
            return 4;
        }
        return v < 0.38 ? 2 : v < 0.62 ? 1 : 3;
    }

    /**
     * True when ({@code x}, {@code y}) lies within {@code extraMetres} of the largest built-up reach
     * of a county seat (1.25 × its radius, see {@link #landCover}).
     */
    boolean nearSeat(double x, double y, double extraMetres) {
        for (Site seat : seats) {
            if (Math.hypot(x - seat.x(), y - seat.y()) <= 1.25 * seat.radiusMetres() + extraMetres) {
                return true;
            }
        }
        return false;
    }

    static double smoothstep(double edge0, double edge1, double x) {
        double t = Math.max(0, Math.min(1, (x - edge0) / (edge1 - edge0)));
        return t * t * (3 - 2 * t);
    }
}
