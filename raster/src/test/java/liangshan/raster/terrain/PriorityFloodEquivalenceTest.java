package liangshan.raster.terrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import liangshan.raster.Band;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The current priority-flood (reached-from links as the "closed" mark, the popped cell replaced
 * by its first pushed neighbour) against the previous implementation ({@link
 * PreviousPriorityFlood}) on random DEMs: smooth float surfaces with pits, whole-metre terrain
 * (many ties), plateaus and flats, NaN and declared no-data holes, negative elevations and
 * −0.0. Pop order, filled elevations (bit for bit) and reached-from links must be identical.
 */
class PriorityFloodEquivalenceTest {

    private static final float NO_DATA = -9999f;

    static LongStream seeds() {
        return LongStream.range(0, 120).map(i -> 0x6E10L * 1000 + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void samePopsFilledAndLinksAsThePreviousHeap(long seed) {
        System.out.println("PriorityFloodEquivalenceTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        int w = 1 + random.nextInt(70);
        int h = 1 + random.nextInt(70);
        float[] z = surface(random, w, h);
        float[] original = z.clone();
        GridGeometry grid = new GridGeometry("EPSG:4549", 0, 0, 10, 10, w, h);
        Band dem = new Band("dem", "m", grid, CellType.FLOAT32, OptionalDouble.of(NO_DATA), z);

        PriorityFlood now = PriorityFlood.fill(dem);
        PreviousPriorityFlood before = PreviousPriorityFlood.fill(dem, () -> false);

        assertThat(now.popOrder()).as("seed %d pop order", seed).containsExactly(before.popOrder());
        assertThat(bits(now.filled())).as("seed %d filled", seed).containsExactly(bits(before.filled()));
        assertThat(now.reachedFrom()).as("seed %d reached-from", seed).containsExactly(before.reachedFrom());
        assertThat(z).as("seed %d DEM untouched", seed).containsExactly(original);
    }

    private static float[] surface(SplittableRandom r, int w, int h) {
        int kind = r.nextInt(4);
        float[] z = new float[w * h];
        double tiltRow = r.nextDouble(-2, 2);
        double tiltCol = r.nextDouble(-2, 2);
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                double v = tiltRow * row + tiltCol * col + 5 * Math.sin(row * 0.3) * Math.cos(col * 0.2);
                z[row * w + col] = switch (kind) {
                    case 0 -> (float) (v + r.nextDouble(-3, 3)); // smooth with pits
                    case 1 -> (float) Math.floor(v + r.nextDouble(-3, 3)); // whole metres: many ties
                    case 2 -> r.nextInt(6) - 2; // very flat, negative values
                    default -> (float) (Math.floor(v / 4) * 4); // terraces and plateaus
                };
            }
        }
        int plateaus = r.nextInt(4);
        for (int p = 0; p < plateaus; p++) {
            int r0 = r.nextInt(h);
            int c0 = r.nextInt(w);
            float level = z[r0 * w + c0];
            for (int row = r0; row < Math.min(h, r0 + 1 + r.nextInt(12)); row++) {
                for (int col = c0; col < Math.min(w, c0 + 1 + r.nextInt(12)); col++) {
                    z[row * w + col] = level;
                }
            }
        }
        for (int i = 0; i < z.length; i++) {
            int hole = r.nextInt(30);
            if (hole == 0) {
                z[i] = Float.NaN;
            } else if (hole == 1) {
                z[i] = NO_DATA;
            } else if (hole == 2) {
                z[i] = -0.0f;
            }
        }
        return z;
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }
}
