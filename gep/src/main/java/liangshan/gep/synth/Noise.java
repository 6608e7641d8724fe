package liangshan.gep.synth;

/**
 * Seeded value noise: a hash of integer lattice points, smoothly interpolated, summed over octaves
 * (fractional Brownian motion). Pure functions of (seed, x, y), so any cell can be computed alone
 * and every run gives the same landscape.
 */
final class Noise {

    private Noise() {}

    /** A value in [0, 1) at lattice-space coordinates (u, v). */
    static double value(long seed, double u, double v) {
        long iu = (long) Math.floor(u);
        long iv = (long) Math.floor(v);
        double fu = fade(u - iu);
        double fv = fade(v - iv);
        double a = lattice(seed, iu, iv);
        double b = lattice(seed, iu + 1, iv);
        double c = lattice(seed, iu, iv + 1);
        double d = lattice(seed, iu + 1, iv + 1);
        return (a + (b - a) * fu) * (1 - fv) + (c + (d - c) * fu) * fv;
    }

    /** Octaves of {@link #value} with halving wavelength and amplitude, normalised to [0, 1). */
    static double fbm(long seed, double x, double y, double wavelengthMetres, int octaves) {
        double sum = 0;
        double norm = 0;
        double amplitude = 1;
        double wavelength = wavelengthMetres;
        for (int o = 0; o < octaves; o++) {
            sum += amplitude * value(seed + 31L * o, x / wavelength, y / wavelength);
            norm += amplitude;
            amplitude *= 0.5;
            wavelength *= 0.5;
        }
        return sum / norm;
    }

    private static double fade(double t) {
        return t * t * (3 - 2 * t);
    }

    /** SplitMix64 finaliser over the lattice point and seed, mapped to [0, 1). */
    private static double lattice(long seed, long iu, long iv) {
        long z = seed * 0x9E3779B97F4A7C15L + iu * 0xC2B2AE3D27D4EB4FL + iv * 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
