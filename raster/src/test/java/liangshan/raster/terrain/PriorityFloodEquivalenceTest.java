package liangshan.raster.terrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import liangshan.raster.Band;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packed priority-flood (one {@code long} per cell) and the routing and LS factor read from it,
 * against the previous implementation ({@link PreviousPriorityFlood}: separate closed, filled and
 * reached-from arrays) on seeded random DEMs: smooth float surfaces with pits, whole-metre terrain
 * (many ties), flats with negative values, terraces and plateaus, NaN and declared no-data holes,
 * no-data borders, −0.0, 3 × 3 grids, single rows and columns, and one-cell-wide corridors of
 * data in no-data. Pop order, filled elevations (bit for bit), reached-from links, D8 directions,
 * accumulation and the LS band (lean {@link LsFactor#band} and {@link LsFactor#compute}) must be
 * identical.
 */
class PriorityFloodEquivalenceTest {

    private static final float NO_DATA = -9999f;

    static LongStream seeds() {
        return LongStream.range(0, 160).map(i -> 0x10C6L * 1000 + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void packedFloodRoutingAndLsEqualThePreviousEngine(long seed) {
        System.out.println("PriorityFloodEquivalenceTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        Band dem = dem(random);
        float[] original = dem.values().clone();

        PriorityFlood now = PriorityFlood.fill(dem);
        PreviousPriorityFlood before = PreviousPriorityFlood.fill(dem);
        assertThat(now.popOrder()).as("seed %d pop order", seed).containsExactly(before.popOrder());
        assertThat(bits(now.filled())).as("seed %d filled bits", seed).containsExactly(bits(before.filled()));
        assertThat(now.reachedFrom()).as("seed %d reached-from", seed).containsExactly(before.reachedFrom());

        byte[] direction = before.directions();
        int[] accumulation = before.accumulation(direction);
        FlowRouting routing = FlowRouting.route(now);
        assertThat(routing.direction()).as("seed %d directions", seed).containsExactly(direction);
        assertThat(routing.accumulation()).as("seed %d accumulation", seed).containsExactly(accumulation);
        PriorityFlood.Packed packed = PriorityFlood.packed(dem, () -> false);
        assertThat(FlowRouting.directions(dem.grid(), packed.cells()))
                .as("seed %d directions from the packed cells", seed)
                .containsExactly(direction);

        int w = dem.grid().width();
        int h = dem.grid().height();
        if (w >= 3 && h >= 3) {
            LsFactor full = LsFactor.compute(dem, 122);
            assertThat(full.routing().direction())
                    .as("seed %d compute's directions", seed)
                    .containsExactly(direction);
            assertThat(full.routing().accumulation())
                    .as("seed %d compute's accumulation", seed)
                    .containsExactly(accumulation);
            int[] expected = bits(previousLs(dem, full.slopeAspect(), direction, accumulation));
            assertThat(bits(full.ls().values()))
                    .as("seed %d LS of compute", seed)
                    .containsExactly(expected);
            Band lean = LsFactor.band(dem, 122, () -> false);
            assertThat(bits(lean.values())).as("seed %d LS of band", seed).containsExactly(expected);
        } else {
            assertThatThrownBy(() -> LsFactor.band(dem, 122)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(dem.values()).as("seed %d DEM untouched", seed).containsExactly(original);
    }

    @Test
    void bandStopsDuringTheFloodAndBetweenSteps() {
        SplittableRandom random = new SplittableRandom(7);
        int w = 400;
        int h = 400;
        float[] z = new float[w * h];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) Math.floor(random.nextDouble(0, 20));
        }
        Band dem = new Band("dem", "m", grid(w, h), CellType.FLOAT32, OptionalDouble.of(NO_DATA), z);
        AtomicInteger asked = new AtomicInteger();
        // 160,000 data cells: asked at pops 0, 65,536 and 131,072, then after the flood.
        assertThatThrownBy(() -> LsFactor.band(dem, 122, () -> asked.incrementAndGet() == 3))
                .isInstanceOf(CancellationException.class)
                .hasMessageContaining("131072");
        asked.set(0);
        assertThatThrownBy(() -> LsFactor.band(dem, 122, () -> asked.incrementAndGet() == 5))
                .isInstanceOf(CancellationException.class)
                .hasMessage("LS computation stopped");
        asked.set(0);
        assertThat(LsFactor.band(dem, 122, () -> asked.incrementAndGet() > 100).values())
                .containsExactly(LsFactor.compute(dem, 122).ls().values());
        assertThat(asked).as("3 checks in the flood, 3 between the steps").hasValue(6);
    }

    /** LS as {@link LsFactor#compute} defines it, from the previous engine's routing. */
    private static float[] previousLs(Band dem, SlopeAspect sa, byte[] direction, int[] accumulation) {
        GridGeometry g = dem.grid();
        double d = g.cellWidth();
        double cap = 122 * d;
        float[] ls = new float[direction.length];
        for (int i = 0; i < ls.length; i++) {
            float theta = sa.slopeRadians()[i];
            if (Float.isNaN(theta) || direction[i] == D8.NO_DATA) {
                ls[i] = Float.NaN;
                continue;
            }
            double aIn = Math.min(accumulation[i] * g.cellAreaSquareMetres(), cap);
            ls[i] = (float) (LsFactor.slopeLength(aIn, d, theta, sa.aspectRadians()[i]) * LsFactor.steepness(theta));
        }
        return ls;
    }

    private static GridGeometry grid(int w, int h) {
        return new GridGeometry("EPSG:4549", 0, 0, 10, 10, w, h);
    }

    /** A random DEM of one of the shapes of the class comment. */
    private static Band dem(SplittableRandom r) {
        int shape = r.nextInt(10);
        int w;
        int h;
        switch (shape) {
            case 0 -> {
                w = 3;
                h = 3;
            }
            case 1 -> {
                w = 1 + r.nextInt(40);
                h = 1;
            }
            case 2 -> {
                w = 1;
                h = 1 + r.nextInt(40);
            }
            default -> {
                w = 2 + r.nextInt(60);
                h = 2 + r.nextInt(60);
            }
        }
        float[] z = surface(r, w, h);
        if (shape == 3) {
            corridor(r, z, w, h);
        } else if (shape == 5) {
            int keep = r.nextInt(h); // a straight one-row corridor
            for (int i = 0; i < z.length; i++) {
                if (i / w != keep) {
                    z[i] = NO_DATA;
                }
            }
        } else if (shape == 4) {
            for (int i = 0; i < z.length; i++) {
                int row = i / w;
                int col = i % w;
                if (row == 0 || col == 0 || row == h - 1 || col == w - 1) {
                    z[i] = r.nextBoolean() ? NO_DATA : Float.NaN; // a no-data frame
                }
            }
        }
        return new Band("dem", "m", grid(w, h), CellType.FLOAT32, OptionalDouble.of(NO_DATA), z);
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
        int holeRate = 8 + r.nextInt(40);
        for (int i = 0; i < z.length; i++) {
            int hole = r.nextInt(holeRate);
            if (hole == 0) {
                z[i] = Float.NaN;
            } else if (hole == 1) {
                z[i] = NO_DATA;
            } else if (hole == 2) {
                z[i] = -0.0f;
            } else if (hole == 3) {
                z[i] = 0.0f;
            }
        }
        return z;
    }

    /** Keeps only a one-cell-wide winding path of data (a random walk, rook moves). */
    private static void corridor(SplittableRandom r, float[] z, int w, int h) {
        boolean[] keep = new boolean[z.length];
        int row = r.nextInt(h);
        int col = r.nextInt(w);
        for (int step = 0; step < 3 * (w + h); step++) {
            keep[row * w + col] = true;
            if (r.nextBoolean()) {
                col = Math.max(0, Math.min(w - 1, col + (r.nextBoolean() ? 1 : -1)));
            } else {
                row = Math.max(0, Math.min(h - 1, row + (r.nextBoolean() ? 1 : -1)));
            }
        }
        for (int i = 0; i < z.length; i++) {
            if (!keep[i]) {
                z[i] = NO_DATA;
            }
        }
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }
}
