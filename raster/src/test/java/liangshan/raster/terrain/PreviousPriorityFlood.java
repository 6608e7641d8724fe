package liangshan.raster.terrain;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import liangshan.raster.Band;
import liangshan.raster.GridGeometry;

/**
 * The priority-flood as it was before the packed layout (a "closed" byte, a float filled and an
 * int reached-from array per cell), with the D8 directions and accumulation of {@link
 * FlowRouting} as they were then: the reference that {@link PriorityFloodEquivalenceTest} compares
 * the engine with, output for output. The queue (4-ary heap and same-level FIFO) and the
 * accumulation are the engine's own: the packed layout did not change them.
 */
record PreviousPriorityFlood(GridGeometry grid, float[] filled, int[] reachedFrom, int[] popOrder) {

    /** Fills {@code dem}. */
    static PreviousPriorityFlood fill(Band dem) {
        return fill(dem, () -> false);
    }

    /**
     * Fills {@code dem}, asking {@code stop} every 65,536 cells whether to give up.
     *
     * @throws CancellationException when {@code stop} returned true
     */
    static PreviousPriorityFlood fill(Band dem, BooleanSupplier stop) {
        GridGeometry g = dem.grid();
        int w = g.width();
        int h = g.height();
        float[] z = dem.values();
        boolean[] valid = DemMask.valid(dem);
        float[] filled = new float[z.length];
        int[] from = new int[z.length];
        Arrays.fill(from, -1);
        // 1 = no-data or already queued: one array read per neighbour instead of two.
        byte[] closed = new byte[z.length];
        PriorityFlood.Heap heap = new PriorityFlood.Heap(2 * (w + h) + 16);
        int dataCells = seed(z, valid, w, h, filled, closed, heap);
        int[] order = new int[dataCells];
        // Neighbour offsets in D8 order (E, SE, S, SW, W, NW, N, NE) for interior cells.
        int[] offset = new int[8];
        for (int d = 0; d < 8; d++) {
            offset[d] = D8.DROW[d] * w + D8.DCOL[d];
        }
        int popped = 0;
        PriorityFlood.IntQueue sameLevel = new PriorityFlood.IntQueue(1024);
        float level = Float.NEGATIVE_INFINITY;
        while (!heap.isEmpty() || !sameLevel.isEmpty()) {
            int cell;
            // Pinned order (elevation, sequence), realised with a FIFO for entries pushed at the
            // current level: heap entries at this level were pushed before the level was reached,
            // so they precede the FIFO, which is itself in sequence order (Barnes 2014, Alg. 2).
            if (!heap.isEmpty() && heap.topKey() == level) {
                cell = heap.pop();
            } else if (!sameLevel.isEmpty()) {
                cell = sameLevel.poll();
            } else {
                level = heap.topKey();
                cell = heap.pop();
            }
            if ((popped & 0xFFFF) == 0 && stop.getAsBoolean()) {
                throw new CancellationException("priority-flood stopped after " + popped + " cells");
            }
            order[popped++] = cell;
            int r = cell / w;
            int c = cell - r * w;
            boolean interior = r > 0 && r < h - 1 && c > 0 && c < w - 1;
            for (int d = 0; d < 8; d++) {
                int n;
                if (interior) {
                    n = cell + offset[d];
                } else {
                    int rr = r + D8.DROW[d];
                    int cc = c + D8.DCOL[d];
                    if (rr < 0 || rr >= h || cc < 0 || cc >= w) {
                        continue;
                    }
                    n = rr * w + cc;
                }
                if (closed[n] != 0) {
                    continue;
                }
                closed[n] = 1;
                float key = Math.max(z[n], level) + 0.0f; // + 0.0f turns −0.0 into 0.0
                filled[n] = key;
                from[n] = cell;
                if (key == level) {
                    sameLevel.add(n);
                } else {
                    heap.push(n, key);
                }
            }
        }
        return new PreviousPriorityFlood(g, filled, from, order);
    }

    /** D8 codes as {@code FlowRouting.directions} computed them from the unpacked arrays. */
    byte[] directions() {
        GridGeometry g = grid;
        int w = g.width();
        int h = g.height();
        float[] z = filled;
        double[] distance = D8.distances(g.cellWidth(), g.cellHeight());
        byte[] direction = new byte[z.length];
        boolean[] valid = new boolean[z.length];
        int[] from = reachedFrom;
        for (int i = 0; i < z.length; i++) {
            valid[i] = !Float.isNaN(z[i]);
        }
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                if (!valid[i]) {
                    direction[i] = D8.NO_DATA;
                } else if (DemMask.isEdge(valid, w, h, r, c)) {
                    direction[i] = D8.OUT;
                } else {
                    direction[i] = steepestDescent(z, i, w, distance);
                    if (direction[i] == D8.OUT) {
                        int parent = from[i];
                        direction[i] = D8.between(r, c, parent / w, parent % w);
                    }
                }
            }
        }
        return direction;
    }

    private static byte steepestDescent(float[] z, int i, int w, double[] distance) {
        byte best = D8.OUT;
        double bestDrop = 0;
        for (byte d = 0; d < 8; d++) {
            int n = i + D8.DROW[d] * w + D8.DCOL[d];
            double drop = ((double) z[i] - z[n]) / distance[d];
            if (drop > bestDrop) {
                bestDrop = drop;
                best = d;
            }
        }
        return best;
    }

    /** Accumulation in reverse pop order ({@link FlowRouting#accumulate}, unchanged by the packed layout). */
    int[] accumulation(byte[] direction) {
        int[] acc = new int[direction.length];
        FlowRouting.accumulate(popOrder, direction, grid.width(), acc);
        return acc;
    }

    /**
     * Step 1: pushes the edge cells in row-major order with their own elevation, marks no-data
     * and pushed cells closed; returns the number of data cells.
     */
    private static int seed(
            float[] z, boolean[] valid, int w, int h, float[] filled, byte[] closed, PriorityFlood.Heap heap) {
        int dataCells = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                if (!valid[i]) {
                    filled[i] = Float.NaN;
                    closed[i] = 1;
                    continue;
                }
                dataCells++;
                if (DemMask.isEdge(valid, w, h, r, c)) {
                    filled[i] = z[i];
                    closed[i] = 1;
                    heap.push(i, z[i] + 0.0f);
                }
            }
        }
        return dataCells;
    }
}
