package liangshan.raster.terrain;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import liangshan.raster.Band;
import liangshan.raster.GridGeometry;

/**
 * Depression filling by priority-flood (Barnes, Lehman &amp; Mulla 2014, Algorithm 1), exactly as
 * pinned in gep-method.md so that an independent implementation reproduces every cell:
 *
 * <ol>
 *   <li>All edge cells ({@link DemMask}: grid border, or next to no-data) are pushed in row-major
 *       order with their own elevation.
 *   <li>The queue pops the entry with the smallest (filled elevation, insertion sequence).
 *   <li>Each not-yet-queued data neighbour of the popped cell, visited in the D8 order E, SE, S,
 *       SW, W, NW, N, NE, gets {@code filled = max(own elevation, popped cell's filled
 *       elevation)}, records the popped cell as the cell that reached it, and is pushed with the
 *       next sequence number.
 * </ol>
 *
 * No epsilon is added, so filled depressions are exactly flat; flow across them follows the
 * "reached from" links ({@link FlowRouting}). Because popped elevations never decrease, the pop
 * order is a topological order for flow: every cell's receiver was popped before it.
 *
 * <p>Memory: the DEM's float[] plus, per cell, a float (filled; none when filling in place), an
 * int (reached from, which also marks the cells already queued) and an int per data cell (pop
 * order); the data mask (a boolean per cell) while seeding; the heap grows with the flooding
 * front (12 bytes per entry).
 *
 * @param grid the DEM's grid
 * @param filled filled elevations (NaN for no-data), row-major
 * @param reachedFrom index of the cell from which each cell was reached, −1 for edge cells and
 *     no-data
 * @param popOrder data cells in the order they left the queue
 */
public record PriorityFlood(GridGeometry grid, float[] filled, int[] reachedFrom, int[] popOrder) {

    /** Fills {@code dem}. */
    public static PriorityFlood fill(Band dem) {
        return fill(dem, () -> false);
    }

    /**
     * Fills {@code dem}, asking {@code stop} every 65,536 cells whether to give up.
     *
     * @throws CancellationException when {@code stop} returned true
     */
    public static PriorityFlood fill(Band dem, BooleanSupplier stop) {
        float[] z = dem.values();
        float[] filled = new float[z.length];
        boolean[] valid = DemMask.valid(dem);
        for (int i = 0; i < z.length; i++) {
            if (!valid[i]) {
                filled[i] = Float.NaN;
            }
        }
        Links links = flood(dem.grid(), z, valid, filled, null, stop);
        return new PriorityFlood(dem.grid(), filled, links.reachedFrom(), links.popOrder());
    }

    /**
     * The reached-from links and pop order of a fill, and the data cells whose DEM value the fill
     * changed, with that value.
     */
    record Links(int[] reachedFrom, int[] popOrder, Raised raised) {}

    /**
     * Fills {@code z} in place (for the lean LS of {@link LsFactor#band}: no second grid of
     * floats): afterwards {@code z} holds the filled elevation of every data cell (no-data cells
     * keep their value, {@code valid} tells them apart) and {@link Links#raised()} the original
     * value of every data cell that changed, for {@link Raised#restore}. Same filled values, links
     * and pops as {@link #fill(Band, BooleanSupplier)}.
     *
     * @throws CancellationException when {@code stop} returned true; the cells changed so far are
     *     restored first
     */
    static Links fillInPlace(GridGeometry g, float[] z, boolean[] valid, BooleanSupplier stop) {
        Raised raised = new Raised();
        try {
            return flood(g, z, valid, z, raised, stop);
        } catch (RuntimeException | Error e) {
            raised.restore(z);
            throw e;
        }
    }

    /**
     * The priority-flood over {@code z} into {@code filled} (the same array when filling in
     * place, then every changed cell is recorded in {@code raised}).
     */
    private static Links flood(
            GridGeometry g, float[] z, boolean[] valid, float[] filled, Raised raised, BooleanSupplier stop) {
        int w = g.width();
        int h = g.height();
        // Reached-from link, or UNVISITED for a data cell not queued yet: the one array read per
        // neighbour that says whether it is closed (no-data and edge cells hold −1).
        int[] from = new int[z.length];
        Heap heap = new Heap(2 * (w + h) + 16);
        int dataCells = seed(z, valid, w, h, filled, from, heap);
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
            // A cell taken from the heap stays at its root until its first pushed neighbour
            // replaces it (one sift-down instead of a pop and a push) or the neighbours are done.
            boolean atRoot;
            if (!heap.isEmpty() && heap.topKey() == level) {
                cell = heap.topCell();
                atRoot = true;
            } else if (!sameLevel.isEmpty()) {
                cell = sameLevel.poll();
                atRoot = false;
            } else {
                level = heap.topKey();
                cell = heap.topCell();
                atRoot = true;
            }
            if ((popped & 0xFFFF) == 0 && stop.getAsBoolean()) {
                throw new CancellationException("priority-flood stopped after " + popped + " cells");
            }
            order[popped++] = cell;
            // Every cell on the grid's border is an edge cell (reached from −1), so a cell reached
            // from another one is interior: no division for the row and column.
            boolean interior = from[cell] >= 0 || isInterior(cell, w, h);
            for (int d = 0; d < 8; d++) {
                int n;
                if (interior) {
                    n = cell + offset[d];
                } else {
                    n = neighbour(cell, d, w, h);
                    if (n < 0) {
                        continue;
                    }
                }
                if (from[n] != UNVISITED) {
                    continue;
                }
                float own = z[n];
                float key = Math.max(own, level) + 0.0f; // + 0.0f turns −0.0 into 0.0
                if (raised != null && Float.floatToRawIntBits(key) != Float.floatToRawIntBits(own)) {
                    raised.add(n, own);
                }
                filled[n] = key;
                from[n] = cell;
                if (key == level) {
                    sameLevel.add(n);
                } else if (atRoot) {
                    heap.replaceTop(n, key);
                    atRoot = false;
                } else {
                    heap.push(n, key);
                }
            }
            if (atRoot) {
                heap.pop();
            }
        }
        return new Links(from, order, raised);
    }

    /** Marks a data cell that has not been queued yet in the reached-from array during the fill. */
    private static final int UNVISITED = -2;

    private static boolean isInterior(int cell, int w, int h) {
        int r = cell / w;
        int c = cell - r * w;
        return r > 0 && r < h - 1 && c > 0 && c < w - 1;
    }

    /** The neighbour of {@code cell} in direction {@code d}, or −1 outside the grid. */
    private static int neighbour(int cell, int d, int w, int h) {
        int r = cell / w;
        int c = cell - r * w;
        int rr = r + D8.DROW[d];
        int cc = c + D8.DCOL[d];
        return rr < 0 || rr >= h || cc < 0 || cc >= w ? -1 : rr * w + cc;
    }

    /**
     * Step 1: pushes the edge cells in row-major order with their own elevation; no-data and edge
     * cells get reached-from −1, the other data cells {@link #UNVISITED}; edge cells keep their
     * elevation as filled elevation; returns the number of data cells.
     */
    private static int seed(float[] z, boolean[] valid, int w, int h, float[] filled, int[] from, Heap heap) {
        int dataCells = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                if (!valid[i]) {
                    from[i] = -1;
                    continue;
                }
                dataCells++;
                if (DemMask.isEdge(valid, w, h, r, c)) {
                    filled[i] = z[i];
                    from[i] = -1;
                    heap.push(i, z[i] + 0.0f);
                } else {
                    from[i] = UNVISITED;
                }
            }
        }
        return dataCells;
    }

    /** Data cells changed by an in-place fill, with their DEM values (growable arrays). */
    static final class Raised {
        private int[] cells = new int[1024];
        private float[] values = new float[1024];
        private int size;

        void add(int cell, float value) {
            if (size == cells.length) {
                int grown = cells.length + (cells.length >> 1);
                cells = Arrays.copyOf(cells, grown);
                values = Arrays.copyOf(values, grown);
            }
            cells[size] = cell;
            values[size] = value;
            size++;
        }

        int size() {
            return size;
        }

        /** Puts the DEM values back into {@code z}. */
        void restore(float[] z) {
            for (int k = 0; k < size; k++) {
                z[cells[k]] = values[k];
            }
        }
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
            long key = key(elevation);
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

        int topCell() {
            return cells[0];
        }

        int pop() {
            int top = cells[0];
            size--;
            if (size > 0) {
                siftDown(cells[size], keys[size]);
            }
            return top;
        }

        /** Removes the root and pushes {@code cell}: one sift-down. */
        void replaceTop(int cell, float elevation) {
            siftDown(cell, key(elevation));
        }

        private long key(float elevation) {
            int bits = Float.floatToIntBits(elevation);
            return ((long) (bits >= 0 ? bits : bits ^ 0x7FFF_FFFF) << 32) | nextSequence++;
        }

        /** Puts {@code cell} with {@code key} at the root's place and sifts it down. */
        private void siftDown(int cell, long key) {
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
    }
}
