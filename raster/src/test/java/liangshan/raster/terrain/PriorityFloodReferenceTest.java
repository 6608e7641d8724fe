package liangshan.raster.terrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import liangshan.raster.Band;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the optimised fill and routing with a literal transcription of gep-method.md (one
 * java.util.PriorityQueue ordered by (filled elevation, insertion sequence); accumulation by
 * walking every cell's flow path) on random DEMs quantised to whole metres, so that flats,
 * ties and depressions are frequent. Includes no-data holes.
 */
class PriorityFloodReferenceTest {

    static LongStream seeds() {
        return LongStream.range(0, 60).map(i -> 0xD8L * 1000 + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void matchesTheLiteralDefinition(long seed) {
        System.out.println("PriorityFloodReferenceTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        int w = 3 + random.nextInt(25);
        int h = 3 + random.nextInt(25);
        float[] z = new float[w * h];
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextInt(12) == 0 ? -9999 : random.nextInt(6);
        }
        GridGeometry grid = new GridGeometry("EPSG:4549", 0, 0, 5, 5, w, h);
        Band dem = new Band("dem", "m", grid, CellType.FLOAT32, OptionalDouble.of(-9999), z);

        PriorityFlood flood = PriorityFlood.fill(dem);
        FlowRouting routing = FlowRouting.route(flood);
        Reference ref = new Reference(z, w, h);

        assertThat(flood.filled()).as("seed %d filled", seed).containsExactly(ref.filled);
        assertThat(flood.reachedFrom()).as("seed %d reached-from", seed).containsExactly(ref.from);
        assertThat(routing.accumulation()).as("seed %d accumulation", seed).containsExactly(ref.accumulation(routing));
        for (int i = 0; i < z.length; i++) {
            int to = routing.receiver(i);
            if (to >= 0) {
                assertThat(flood.filled()[to])
                        .as("seed %d never flows uphill", seed)
                        .isLessThanOrEqualTo(flood.filled()[i]);
            }
        }
    }

    /** The pinned algorithm, transcribed without optimisation. */
    static final class Reference {
        final float[] filled;
        final int[] from;
        final int w;
        final int h;

        Reference(float[] z, int w, int h) {
            this.w = w;
            this.h = h;
            filled = new float[z.length];
            from = new int[z.length];
            Arrays.fill(from, -1);
            boolean[] valid = new boolean[z.length];
            for (int i = 0; i < z.length; i++) {
                valid[i] = z[i] != -9999;
                filled[i] = valid[i] ? z[i] : Float.NaN;
            }
            boolean[] queued = new boolean[z.length];
            // Entry: {elevation, sequence, cell}.
            PriorityQueue<double[]> queue = new PriorityQueue<>(
                    (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
            long sequence = 0;
            for (int i = 0; i < z.length; i++) {
                if (valid[i] && DemMask.isEdge(valid, w, h, i / w, i % w)) {
                    queued[i] = true;
                    queue.add(new double[] {z[i], sequence++, i});
                }
            }
            while (!queue.isEmpty()) {
                int cell = (int) queue.poll()[2];
                for (int d = 0; d < 8; d++) {
                    int rr = cell / w + D8.DROW[d];
                    int cc = cell % w + D8.DCOL[d];
                    int n = rr * w + cc;
                    if (rr >= 0 && rr < h && cc >= 0 && cc < w && valid[n] && !queued[n]) {
                        queued[n] = true;
                        filled[n] = Math.max(z[n], filled[cell]);
                        from[n] = cell;
                        queue.add(new double[] {filled[n], sequence++, n});
                    }
                }
            }
        }

        int[] accumulation(FlowRouting routing) {
            int[] acc = new int[filled.length];
            for (int i = 0; i < filled.length; i++) {
                int steps = 0;
                for (int j = routing.receiver(i); j >= 0; j = routing.receiver(j)) {
                    acc[j]++;
                    if (++steps > filled.length) {
                        throw new AssertionError("flow cycle through cell " + i);
                    }
                }
            }
            return acc;
        }
    }
}
