package liangshan.gep.synth;

/**
 * The climate, soil and vegetation bands of one cell from its class and elevation. Orders of
 * magnitude for Quzhou (illustrative): precipitation 1,600–2,100 mm/a rising with elevation;
 * actual ET 450–1,000 mm/a by class (open water = evaporation); rainfall erosivity R ≈ 3.1 × P
 * (≈ 5,000–6,500 MJ·mm·hm⁻²·h⁻¹·a⁻¹, the range reported for Zhejiang); erodibility K 0.025–0.045
 * for red soils; NPP by class, forests 600–760 g C·m⁻²·a⁻¹.
 */
final class CellValues {

    /** Mean actual evapotranspiration by class 0–14, mm·a⁻¹. */
    private static final float[] ET = {0, 860, 840, 850, 870, 700, 780, 650, 820, 720, 950, 1000, 1000, 450, 350};

    /** Mean NPP by class 0–14, g C·m⁻²·a⁻¹. */
    private static final float[] NPP = {0, 720, 620, 680, 760, 430, 520, 380, 470, 420, 450, 0, 0, 60, 20};

    private CellValues() {}

    /**
     * Writes the seven bands (land cover, DEM, precipitation, ET, R, K, NPP) of one cell at
     * {@code at} in the strips; outside the city (class 0) every band is no-data. Precipitation is
     * multiplied by {@code precipitationFactor} (a wetter or drier year).
     */
    static void fill(
            float[][] strips,
            int at,
            byte cover,
            float elevation,
            long seed,
            double x,
            double y,
            double precipitationFactor) {
        if (cover == 0) {
            strips[0][at] = 0;
            for (int b = 1; b < strips.length; b++) {
                strips[b][at] = SyntheticLandscape.NO_DATA;
            }
            return;
        }
        double n = Noise.value(seed + 101, x / 5_000, y / 5_000);
        double height = Math.max(0, Math.min(1, (elevation - 50) / 1_200.0));
        float precip = (float) ((1_600 + 480 * height + 40 * (n - 0.5)) * precipitationFactor);
        strips[0][at] = cover;
        strips[1][at] = elevation;
        strips[2][at] = precip;
        strips[3][at] = (float) (ET[cover] * (1 - 0.12 * height) + 20 * (n - 0.5));
        strips[4][at] = (float) (3.1 * precip + 150 * (n - 0.5));
        strips[5][at] =
                (float) (0.028 + 0.012 * Noise.value(seed + 103, x / 3_000, y / 3_000) + (elevation < 200 ? 0.004 : 0));
        strips[6][at] = (float) (NPP[cover] * (0.9 + 0.2 * n));
    }
}
