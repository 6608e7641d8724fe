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
 * the engine with, output for output.
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
        Heap heap = new Heap(2 * (w + h) + 16);
        int dataCells = seed(z, valid, w, h, filled, closed, heap);
        int[] order = new int[dataCells];
        // Neighbour offsets in D8 order (E, SE, S, SW, W, NW, N, NE) for interior cells.
        int[] offset = new int[8];
        for (int d = 0; d < 8; d++) {
            offset[d] = D8.DROW[d] * w + D8.DCOL[d];
        }
        int popped = 0;
        IntQueue sameLevel = new IntQueue(1024);
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

    /** Accumulation in reverse pop order, as {@code FlowRouting.accumulate} computed it. */
    int[] accumulation(byte[] direction) {
        int w = grid.width();
        int[] acc = new int[direction.length];
        for (int k = popOrder.length - 1; k >= 0; k--) {
            int i = popOrder[k];
            byte d = direction[i];
            if (d >= 0) {
                int receiver = i + D8.DROW[d] * w + D8.DCOL[d];
                acc[receiver] += acc[i] + 1;
            }
        }
        return acc;
    }

    /**
     * Step 1: pushes the edge cells in row-major order with their own elevation, marks no-data
     * and pushed cells closed; returns the number of data cells.
     */
    private static int seed(float[] z, boolean[] valid, int w, int h, float[] filled, byte[] closed, Heap heap) {
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

    /** Growable FIFO ring buffer of ints. */
    static final class IntQueue {
        private int[] items;
        private int head;
        private int size;

        IntQueue(int capacity) {
            items = new int[capacity];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void add(int value) {
            if (size == items.length) {
                int[] grown = new int[items.length * 2];
                for (int k = 0; k < size; k++) {
                    grown[k] = items[(head + k) % items.length];
                }
                items = grown;
                head = 0;
            }
            items[(head + size) % items.length] = value;
            size++;
        }

        int poll() {
            int value = items[head];
            head = (head + 1) % items.length;
            size--;
            return value;
        }
    }

    /**
     * 4-ary min-heap of cells keyed by (elevation, insertion sequence), packed into one long per
     * entry (4 children per node: half the levels of a binary heap, the children of a node on one
     * cache line): the elevation's order-preserving int bits in the high half, the sequence in the low
     * half. The sequence makes the order total, so equal elevations leave first-in first-out.
     */
    static final class Heap {
        private int[] cells;
        private long[] keys;
        private int size;
        private int nextSequence;

        Heap(int capacity) {
            cells = new int[capacity];
            keys = new long[capacity];
        }

        boolean isEmpty() {
            return size == 0;
        }

        float topKey() {
            int bits = (int) (keys[0] >> 32);
            return Float.intBitsToFloat(bits >= 0 ? bits : bits ^ 0x7FFF_FFFF);
        }

        void push(int cell, float elevation) {
            if (size == cells.length) {
                int grown = Math.max(16, cells.length + (cells.length >> 1));
                cells = Arrays.copyOf(cells, grown);
                keys = Arrays.copyOf(keys, grown);
            }
            int bits = Float.floatToIntBits(elevation);
            long key = ((long) (bits >= 0 ? bits : bits ^ 0x7FFF_FFFF) << 32) | nextSequence++;
            int k = size++;
            while (k > 0) {
                int parent = (k - 1) >>> 2;
                if (keys[parent] <= key) {
                    break;
                }
                cells[k] = cells[parent];
                keys[k] = keys[parent];
                k = parent;
            }
            cells[k] = cell;
            keys[k] = key;
        }

        int pop() {
            int top = cells[0];
            size--;
            if (size > 0) {
                int cell = cells[size];
                long key = keys[size];
                int k = 0;
                int first;
                while ((first = 4 * k + 1) < size) {
                    int child = first;
                    int last = Math.min(first + 4, size);
                    for (int j = first + 1; j < last; j++) {
                        if (keys[j] < keys[child]) {
                            child = j;
                        }
                    }
                    if (keys[child] >= key) {
                        break;
                    }
                    cells[k] = cells[child];
                    keys[k] = keys[child];
                    k = child;
                }
                cells[k] = cell;
                keys[k] = key;
            }
            return top;
        }
    }
}
