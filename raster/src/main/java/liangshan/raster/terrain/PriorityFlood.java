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
 * <p>Layout: the flood keeps one {@code long} per grid cell ({@link Packed}): the high half holds
 * the float bits of the cell's elevation, replaced by its filled elevation when the cell is
 * queued; the low half is {@link #OPEN} for a data cell not yet queued, −1 for edge and no-data
 * cells, else the index of the cell that reached it. Opening a cell (closed test, elevation read,
 * both writes) touches one array element instead of four arrays. Memory during the flood: the
 * DEM's float[] (read only while seeding), 8 B per grid cell for the packed cells, 4 B per data
 * cell for the pop order, and the queue (12 B per entry of the flooding front); the data mask (1 B
 * per cell) is dropped before the pop order is allocated. This record unpacks the cells into
 * {@code filled} and {@code reachedFrom} (+8 B per cell; for tests and small grids — the LS factor
 * of whole-city runs reads the packed cells directly, see {@link LsFactor#band}).
 *
 * @param grid the DEM's grid
 * @param filled filled elevations (NaN for no-data), row-major
 * @param reachedFrom index of the cell from which each cell was reached, −1 for edge cells and
 *     no-data
 * @param popOrder data cells in the order they left the queue
 */
public record PriorityFlood(GridGeometry grid, float[] filled, int[] reachedFrom, int[] popOrder) {

    /** Low half of a packed data cell that has not been queued yet. */
    static final int OPEN = -2;

    /** Low half of a packed edge or no-data cell (nothing reached it). */
    static final int NONE = -1;

    /** A packed no-data cell: NaN filled elevation, reached from nothing. */
    private static final long NO_DATA_CELL = pack(Float.NaN, NONE);

    /**
     * The flood's output before unpacking.
     *
     * @param grid the DEM's grid
     * @param cells per grid cell, row-major: {@code filled} float bits in the high half ({@link
     *     #filled(long)}), the reached-from cell index or −1 in the low half ({@link
     *     #reachedFrom(long)})
     * @param popOrder data cells in the order they left the queue
     */
    record Packed(GridGeometry grid, long[] cells, int[] popOrder) {

        /** The filled elevation of a packed cell (NaN for no-data). */
        static float filled(long cell) {
            return Float.intBitsToFloat((int) (cell >>> 32));
        }

        /** The cell that reached a packed cell, −1 for edge and no-data cells. */
        static int reachedFrom(long cell) {
            return (int) cell;
        }

        /** Packs an unpacked flood (for small grids: 8 B more per cell while both exist). */
        static Packed of(PriorityFlood flood) {
            float[] filled = flood.filled();
            int[] from = flood.reachedFrom();
            long[] cells = new long[filled.length];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = pack(filled[i], from[i]);
            }
            return new Packed(flood.grid(), cells, flood.popOrder());
        }

        /** The unpacked record (8 B more per cell while both exist). */
        PriorityFlood unpack() {
            float[] filled = new float[cells.length];
            int[] from = new int[cells.length];
            for (int i = 0; i < cells.length; i++) {
                long cell = cells[i];
                filled[i] = filled(cell);
                from[i] = reachedFrom(cell);
            }
            return new PriorityFlood(grid, filled, from, popOrder);
        }
    }

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
        return packed(dem, stop).unpack();
    }

    /**
     * The flood itself, asking {@code stop} every 65,536 cells whether to give up. Memory besides
     * the caller's DEM (4 B per grid cell): while seeding, the data mask 1 + cells 8 = 9 B per grid
     * cell; then the cells 8 B per grid cell + the pop order 4 B per data cell (≈ 10 B per grid
     * cell for the city at 10 m, where about half of the grid is data), plus the queue.
     *
     * @throws CancellationException when {@code stop} returned true
     */
    static Packed packed(Band dem, BooleanSupplier stop) {
        GridGeometry g = dem.grid();
        int w = g.width();
        int h = g.height();
        boolean[] valid = DemMask.valid(dem);
        long[] cells = new long[w * h];
        Heap heap = new Heap(2 * (w + h) + 16);
        int dataCells = seed(dem.values(), valid, w, h, cells, heap);
        valid = null; // the packed cells say which are data: drop the mask before the pop order
        int[] order = new int[dataCells];
        flood(cells, w, h, heap, order, stop);
        return new Packed(g, cells, order);
    }

    static long pack(float filled, int reachedFrom) {
        return ((long) Float.floatToRawIntBits(filled) << 32) | (reachedFrom & 0xFFFF_FFFFL);
    }

    /** Steps 2 and 3: pops every data cell into {@code order}, opening its neighbours. */
    private static void flood(long[] cells, int w, int h, Heap heap, int[] order, BooleanSupplier stop) {
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
                long v = cells[n];
                if ((int) v != OPEN) {
                    continue; // no-data, edge, or already queued
                }
                // The high half is still the cell's own elevation; + 0.0f turns −0.0 into 0.0.
                float key = Math.max(Packed.filled(v), level) + 0.0f;
                cells[n] = pack(key, cell);
                if (key == level) {
                    sameLevel.add(n);
                } else {
                    heap.push(n, key);
                }
            }
        }
    }

    /**
     * Step 1: packs every cell (no-data: NaN and −1; edge cells: own elevation and −1, pushed in
     * row-major order; other data cells: own elevation and {@link #OPEN}); returns the number of
     * data cells.
     */
    private static int seed(float[] z, boolean[] valid, int w, int h, long[] cells, Heap heap) {
        int dataCells = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                if (!valid[i]) {
                    cells[i] = NO_DATA_CELL;
                    continue;
                }
                dataCells++;
                if (DemMask.isEdge(valid, w, h, r, c)) {
                    cells[i] = pack(z[i], NONE);
                    heap.push(i, z[i] + 0.0f);
                } else {
                    cells[i] = pack(z[i], OPEN);
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
