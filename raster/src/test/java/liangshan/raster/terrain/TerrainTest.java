package liangshan.raster.terrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import liangshan.raster.Band;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import org.junit.jupiter.api.Test;

class TerrainTest {

    static final double D = 10;

    static Band dem(int width, int height, float[] z) {
        GridGeometry grid = new GridGeometry("EPSG:4549", 500_000, 3_200_000, D, D, width, height);
        return new Band("dem", "m", grid, CellType.FLOAT32, OptionalDouble.of(-9999), z);
    }

    interface Surface {
        double z(int row, int col);
    }

    static Band surface(int width, int height, Surface s) {
        float[] z = new float[width * height];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                z[r * width + c] = (float) s.z(r, c);
            }
        }
        return dem(width, height, z);
    }

    @Test
    void inclinedPlaneDrainsDownslopeAndAccumulatesItsColumn() {
        int w = 7;
        int h = 20;
        Band plane = surface(w, h, (r, c) -> 100 - 2 * r); // falls 2 m per 10 m row to the south
        LsFactor ls = LsFactor.compute(plane);
        FlowRouting flow = ls.routing();
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                boolean edge = r == 0 || c == 0 || r == h - 1 || c == w - 1;
                assertThat(flow.direction()[i]).as("(%d, %d)", c, r).isEqualTo(edge ? D8.OUT : 2);
                // Interior cells of rows 1..r−1 of the same column drain into this one; row 0 drains out.
                int expected = (c == 0 || c == w - 1 || r == 0) ? 0 : r - 1;
                assertThat(flow.accumulation()[i])
                        .as("accumulation (%d, %d)", c, r)
                        .isEqualTo(expected);
                assertThat(ls.flood().filled()[i]).isEqualTo(plane.values()[i]);
            }
        }
        double theta = Math.atan(0.2);
        assertThat(ls.slopeAspect().slopeRadians()[3 * w + 3]).isCloseTo((float) theta, within(1e-6f));
        assertThat(ls.slopeAspect().slopeRadians()[0]).as("replicated corner").isCloseTo((float) theta, within(1e-6f));
        assertThat(ls.slopeAspect().aspectRadians()[3 * w + 3])
                .as("faces south")
                .isCloseTo((float) Math.PI, within(1e-6f));

        // 20 % slope: m = 0.5, θ = 11.31° ≥ 10°: S = 21.91 sin θ − 0.96; x = |sin π| + |cos π| = 1.
        double s = 21.91 * Math.sin(theta) - 0.96;
        double aIn = 2 * D * D; // cell (3, 3): two interior cells upslope
        double l = (Math.pow(aIn + D * D, 1.5) - Math.pow(aIn, 1.5)) / (Math.pow(D, 2.5) * Math.sqrt(22.13));
        assertThat(ls.ls().get(3, 3)).isCloseTo((float) (l * s), within(1e-4f));
        // Cell (3, 18) has 17 cells upslope: 1,700 m² capped at 122 m × 10 m = 1,220 m².
        double capped = 1220;
        double lCapped =
                (Math.pow(capped + D * D, 1.5) - Math.pow(capped, 1.5)) / (Math.pow(D, 2.5) * Math.sqrt(22.13));
        assertThat(ls.ls().get(3, 18)).isCloseTo((float) (lCapped * s), within(1e-4f));
        assertThat(ls.ls().get(3, 17)).isEqualTo(ls.ls().get(3, 18));
    }

    @Test
    void diagonalPlaneDrainsSouthEast() {
        Band plane = surface(9, 9, (r, c) -> 50 - r - c);
        FlowRouting flow = FlowRouting.route(PriorityFlood.fill(plane));
        for (int r = 1; r < 8; r++) {
            for (int c = 1; c < 8; c++) {
                assertThat(flow.direction()[r * 9 + c]).isEqualTo((byte) 1);
                // Upslope chain on the diagonal: interior cells (r−k, c−k) for k ≥ 1 while both ≥ 1.
                assertThat(flow.accumulation()[r * 9 + c]).isEqualTo(Math.min(r, c) - 1);
            }
        }
    }

    @Test
    void equalDropsAreBrokenInTheOrderESESSWWNWNNE() {
        // Edge cells at 0 around four interior cells; each interior cell has two equal steepest
        // drops to the edge (10, 9, 9, 9.5 m over one cell width).
        float[] z = new float[16];
        z[5] = 10; // (1, 1): W and N tie -> W comes first
        z[6] = 9; // (2, 1): E and N tie -> E
        z[9] = 9; // (1, 2): S and W tie -> S
        z[10] = 9.5f; // (2, 2): E and S tie -> E
        FlowRouting flow = FlowRouting.route(PriorityFlood.fill(dem(4, 4, z)));
        assertThat(D8.NAMES[flow.direction()[5]]).isEqualTo("W");
        assertThat(D8.NAMES[flow.direction()[6]]).isEqualTo("E");
        assertThat(D8.NAMES[flow.direction()[9]]).isEqualTo("S");
        assertThat(D8.NAMES[flow.direction()[10]]).isEqualTo("E");
    }

    @Test
    void coneDrainsRadiallyWithSymmetricAccumulation() {
        int n = 21;
        int centre = 10;
        Band cone = surface(n, n, (r, c) -> 100 - Math.sqrt((r - centre) * (r - centre) + (c - centre) * (c - centre)));
        FlowRouting flow = FlowRouting.route(PriorityFlood.fill(cone));
        boolean[] belowPeak = new boolean[n * n];
        for (int i = flow.receiver(centre * n + centre); i >= 0; i = flow.receiver(i)) {
            belowPeak[i] = true;
        }
        long drainedOut = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int i = r * n + c;
                int to = flow.receiver(i);
                if (to < 0) {
                    assertThat(r == 0 || c == 0 || r == n - 1 || c == n - 1)
                            .as("only the rim drains out")
                            .isTrue();
                    drainedOut += flow.accumulation()[i] + 1;
                } else if (i != centre * n + centre) {
                    assertThat(radius(to, n, centre))
                            .as("(%d, %d) drains away from the peak", c, r)
                            .isGreaterThan(radius(i, n, centre));
                }
                int mirrored = c * n + r; // transpose
                int flipped = r * n + (n - 1 - c); // west-east mirror
                if (!belowPeak[i] && !belowPeak[mirrored] && !belowPeak[flipped]) {
                    assertThat(flow.accumulation()[mirrored]).isEqualTo(flow.accumulation()[i]);
                    assertThat(flow.accumulation()[flipped]).isEqualTo(flow.accumulation()[i]);
                }
            }
        }
        assertThat(drainedOut).as("every cell reaches the rim exactly once").isEqualTo((long) n * n);
    }

    private static double radius(int index, int n, int centre) {
        int r = index / n;
        int c = index % n;
        return Math.hypot(r - centre, c - centre);
    }

    @Test
    void pitIsFilledToItsSpillLevelAndDrainsOverTheSpill() {
        // 5 × 5: rim at 10 with a spill notch of 7 at (column 2, row 0); a 3 × 3 pit at 2.
        float[] z = new float[25];
        for (int i = 0; i < 25; i++) {
            int r = i / 5;
            int c = i % 5;
            z[i] = (r == 0 || c == 0 || r == 4 || c == 4) ? 10 : 2;
        }
        z[2] = 7;
        PriorityFlood flood = PriorityFlood.fill(dem(5, 5, z));
        FlowRouting flow = FlowRouting.route(flood);
        for (int r = 1; r < 4; r++) {
            for (int c = 1; c < 4; c++) {
                assertThat(flood.filled()[r * 5 + c]).isEqualTo(7f);
            }
        }
        assertThat(flood.filled()[0]).isEqualTo(10f);
        assertThat(D8.NAMES[flow.direction()[7]])
                .as("(2, 1) drains over the notch")
                .isEqualTo("N");
        assertThat(flow.accumulation()[2])
                .as("the notch receives the whole pit")
                .isEqualTo(9);
        for (int i : new int[] {0, 1, 3, 4, 5, 9, 10, 14, 15, 19, 20, 21, 22, 23, 24}) {
            assertThat(flow.accumulation()[i]).isZero();
        }
    }

    @Test
    void flatDrainsAlongThePriorityFloodLinks() {
        // Seeds pop in row-major order (equal elevation, so by sequence); each interior cell is
        // reached by the first popped neighbour, visiting neighbours in the order E, SE, S, ...
        FlowRouting flow = FlowRouting.route(PriorityFlood.fill(surface(5, 5, (r, c) -> 3)));
        // expected[row − 1][column − 1]; "(r, c) from (r', c')" names the cell that reached it.
        String[][] expected = {
            {"NW", "NW", "NW"}, // (1,1) from (0,0); (1,2) from (0,1); (1,3) from (0,2)
            {"NW", "NW", "NE"}, // (2,1) from (1,0); (2,2) from (1,1); (2,3) from (1,4)
            {"NW", "SW", "NE"} // (3,1) from (2,0); (3,2) from (4,1); (3,3) from (2,4)
        };
        for (int r = 1; r < 4; r++) {
            for (int c = 1; c < 4; c++) {
                String actual = D8.NAMES[flow.direction()[r * 5 + c]];
                assertThat(actual).as("row %d, column %d", r, c).isEqualTo(expected[r - 1][c - 1]);
            }
        }
        assertThat(flow.accumulation()[0]).isEqualTo(2); // (1,1) and (2,2) behind it
    }

    @Test
    void noDataIsOutsideTheGrid() {
        Band plane = surface(8, 8, (r, c) -> 100 - 2 * r);
        plane.values()[3 * 8 + 4] = -9999;
        LsFactor ls = LsFactor.compute(plane);
        assertThat(ls.routing().direction()[3 * 8 + 4]).isEqualTo(D8.NO_DATA);
        assertThat(ls.routing().direction()[2 * 8 + 4])
                .as("next to no-data: an edge cell")
                .isEqualTo(D8.OUT);
        assertThat(ls.routing().direction()[4 * 8 + 4]).isEqualTo(D8.OUT);
        assertThat(ls.routing().direction()[5 * 8 + 4]).isEqualTo((byte) 2);
        assertThat(ls.ls().get(4, 3)).isNaN();
        assertThat(ls.ls().isNoData(ls.ls().get(4, 3))).isTrue();
        assertThat(ls.slopeAspect().slopeRadians()[4 * 8 + 4]).isFinite();
    }

    @Test
    void refusesNonSquareCellsAndTinyDems() {
        GridGeometry grid = new GridGeometry("EPSG:4549", 0, 0, 10, 20, 5, 5);
        Band oblong = Band.filled("dem.tif", "m", grid, CellType.FLOAT32, OptionalDouble.empty(), 1);
        assertThatThrownBy(() -> LsFactor.compute(oblong))
                .hasMessageContaining("dem.tif")
                .hasMessageContaining("square");
        Band tiny = dem(2, 5, new float[10]);
        assertThatThrownBy(() -> SlopeAspect.horn(tiny)).hasMessageContaining("3 × 3");
    }

    @Test
    void slopeClassesAndSteepnessBranches() {
        assertThat(LsFactor.exponent(Math.atan(0.009))).isEqualTo(0.2);
        assertThat(LsFactor.exponent(Math.atan(0.02))).isEqualTo(0.3);
        assertThat(LsFactor.exponent(Math.atan(0.04))).isEqualTo(0.4);
        assertThat(LsFactor.exponent(Math.atan(0.05))).isEqualTo(0.5);
        double t5 = Math.toRadians(5);
        double t7 = Math.toRadians(7);
        double t15 = Math.toRadians(15);
        assertThat(LsFactor.steepness(t5)).isCloseTo(10.8 * Math.sin(t5) + 0.03, within(1e-12));
        assertThat(LsFactor.steepness(t7)).isCloseTo(16.8 * Math.sin(t7) - 0.5, within(1e-12));
        assertThat(LsFactor.steepness(t15)).isCloseTo(21.91 * Math.sin(t15) - 0.96, within(1e-12));
        // Flat cell: x = 1, m = 0.2, no upslope area: L = D^1.2 / (D^2.2 · 22.13^0.2) · D^... = (D²)^1.2 / (D^2.2 ·
        // 22.13^0.2).
        assertThat(LsFactor.slopeLength(0, 10, 0, Double.NaN))
                .isCloseTo(Math.pow(100, 1.2) / (Math.pow(10, 2.2) * Math.pow(22.13, 0.2)), within(1e-12));
        // Aspect 45°: x = √2.
        assertThat(LsFactor.slopeLength(0, 10, Math.atan(0.1), Math.PI / 4))
                .isCloseTo(
                        Math.pow(100, 1.5) / (Math.pow(10, 2.5) * Math.pow(Math.sqrt(2), 0.5) * Math.pow(22.13, 0.5)),
                        within(1e-9));
    }

    @Test
    void leanBandEqualsComputeCellForCell() {
        // Rough terrain with integer elevations (flats and pits), a no-data hole, a no-data
        // corner and a no-data cell next to the border (its border neighbour has no slope).
        int w = 41;
        int h = 29;
        long seed = 20261129L;
        float[] z = new float[w * h];
        for (int i = 0; i < z.length; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int r = i / w;
            int c = i % w;
            z[i] = (float) Math.floor(50 + 0.8 * r + 0.3 * c + ((seed >>> 33) % 7));
        }
        for (int r = 10; r < 14; r++) {
            for (int c = 15; c < 20; c++) {
                z[r * w + c] = -9999;
            }
        }
        z[0] = -9999;
        z[w + 1] = -9999;
        z[(h - 2) * w + (w - 2)] = Float.NaN;
        Band dem = dem(w, h, z);
        float[] expected = LsFactor.compute(dem, 122).ls().values();
        Band lean = LsFactor.band(dem, 122);
        assertThat(lean.values()).containsExactly(expected);
        assertThat(Float.isNaN(lean.values()[1])).isTrue(); // border cell whose source (1, 1) is no-data
        assertThat(lean.values()[20 * w + 30]).isPositive();
        assertThatThrownBy(() -> LsFactor.band(dem, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
