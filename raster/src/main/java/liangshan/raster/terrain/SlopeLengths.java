package liangshan.raster.terrain;

/**
 * {@link LsFactor#slopeLength} for the float slopes and aspects of a grid with cell size {@code
 * d}, bit for bit, with less work per cell: the slope class comes from three float thresholds
 * instead of {@code tan θ}, and {@code D^(m+2)} and {@code 22.13^m} are computed once per class.
 * The thresholds are exact: {@code Math.tan} is semi-monotonic, so "tan θ × 100 &lt; p" holds for
 * every float below the first float at which it fails, and that float is found by bisection over
 * the float bit patterns of [0, π/2].
 */
final class SlopeLengths {

    /** m by slope class, the same literals as {@link LsFactor#exponent}. */
    private static final double[] M = {0.2, 0.3, 0.4, 0.5};

    /** The smallest float slopes (radians) of classes 1, 2 and 3 (tan θ × 100 ≥ 1, 3, 5). */
    static final float[] CLASS_START = {classStart(1), classStart(3), classStart(5)};

    private final double d;
    private final double[] powD = new double[M.length];
    private final double[] pow22 = new double[M.length];

    SlopeLengths(double d) {
        this.d = d;
        for (int k = 0; k < M.length; k++) {
            powD[k] = Math.pow(d, M[k] + 2);
            pow22[k] = Math.pow(22.13, M[k]);
        }
    }

    /** Slope class 0..3 of {@code theta}: the index of {@link LsFactor#exponent}'s m (NaN → 3, as there). */
    static int slopeClass(float theta) {
        if (theta < CLASS_START[0]) {
            return 0;
        }
        if (theta < CLASS_START[1]) {
            return 1;
        }
        return theta < CLASS_START[2] ? 2 : 3;
    }

    /** {@code LsFactor.slopeLength(aIn, d, theta, aspect)}, the same double. */
    double of(double aIn, float theta, float aspect) {
        int k = slopeClass(theta);
        double m = M[k];
        double x = theta == 0 || Float.isNaN(aspect) ? 1 : Math.abs(Math.sin(aspect)) + Math.abs(Math.cos(aspect));
        return (Math.pow(aIn + d * d, m + 1) - Math.pow(aIn, m + 1)) / (powD[k] * Math.pow(x, m) * pow22[k]);
    }

    /** The first non-negative float θ with {@code !(Math.tan(θ) * 100 < percent)}. */
    private static float classStart(double percent) {
        int lo = 0;
        int hi = Float.floatToIntBits((float) (Math.PI / 2));
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Math.tan(Float.intBitsToFloat(mid)) * 100 < percent) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Float.intBitsToFloat(lo);
    }
}
