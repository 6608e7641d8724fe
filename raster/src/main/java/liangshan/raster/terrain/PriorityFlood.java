package liangshan.raster.terrain;

import java.util.Arrays;
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
 * <p>Memory: the DEM's float[] plus, per cell, a float (filled), an int (reached from), an int
 * (pop order) and a boolean; the heap grows with the flooding front (12 bytes per entry).
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
        GridGeometry g = dem.grid();
        int w = g.width();
        int h = g.height();
        float[] z = dem.values();
        boolean[] valid = DemMask.valid(dem);
        float[] filled = new float[z.length];
        int[] from = new int[z.length];
        Arrays.fill(from, -1);
        boolean[] queued = new boolean[z.length];
        int dataCells = 0;
        Heap heap = new Heap(2 * (w + h) + 16);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                if (!valid[i]) {
                    filled[i] = Float.NaN;
                    continue;
                }
                dataCells++;
                if (DemMask.isEdge(valid, w, h, r, c)) {
                    filled[i] = z[i];
                    queued[i] = true;
                    heap.push(i, z[i]);
                }
            }
        }
        int[] order = new int[dataCells];
        int popped = 0;
        while (!heap.isEmpty()) {
            int cell = heap.pop();
            order[popped++] = cell;
            int r = cell / w;
            int c = cell - r * w;
            float level = filled[cell];
            for (int d = 0; d < 8; d++) {
                int rr = r + D8.DROW[d];
                int cc = c + D8.DCOL[d];
                if (rr < 0 || rr >= h || cc < 0 || cc >= w) {
                    continue;
                }
                int n = rr * w + cc;
                if (!valid[n] || queued[n]) {
                    continue;
                }
                queued[n] = true;
                filled[n] = Math.max(z[n], level);
                from[n] = cell;
                heap.push(n, filled[n]);
            }
        }
        return new PriorityFlood(g, filled, from, order);
    }

    /**
     * Binary min-heap of cells keyed by (elevation, insertion sequence), in primitive arrays.
     * The sequence makes the order total, so equal elevations leave first-in first-out.
     */
    static final class Heap {
        private int[] cells;
        private float[] keys;
        private int[] sequence;
        private int size;
        private int nextSequence;

        Heap(int capacity) {
            cells = new int[capacity];
            keys = new float[capacity];
            sequence = new int[capacity];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(int cell, float key) {
            if (size == cells.length) {
                int grown = Math.max(16, cells.length + (cells.length >> 1));
                cells = Arrays.copyOf(cells, grown);
                keys = Arrays.copyOf(keys, grown);
                sequence = Arrays.copyOf(sequence, grown);
            }
            int seq = nextSequence++;
            int k = size++;
            while (k > 0) {
                int parent = (k - 1) >>> 1;
                if (!less(key, seq, keys[parent], sequence[parent])) {
                    break;
                }
                move(parent, k);
                k = parent;
            }
            set(k, cell, key, seq);
        }

        int pop() {
            int top = cells[0];
            size--;
            if (size > 0) {
                int cell = cells[size];
                float key = keys[size];
                int seq = sequence[size];
                int k = 0;
                while (true) {
                    int child = 2 * k + 1;
                    if (child >= size) {
                        break;
                    }
                    if (child + 1 < size && less(keys[child + 1], sequence[child + 1], keys[child], sequence[child])) {
                        child++;
                    }
                    if (!less(keys[child], sequence[child], key, seq)) {
                        break;
                    }
                    move(child, k);
                    k = child;
                }
                set(k, cell, key, seq);
            }
            return top;
        }

        private static boolean less(float key, int seq, float otherKey, int otherSeq) {
            return key < otherKey || (key == otherKey && seq < otherSeq);
        }

        private void move(int from, int to) {
            cells[to] = cells[from];
            keys[to] = keys[from];
            sequence[to] = sequence[from];
        }

        private void set(int k, int cell, float key, int seq) {
            cells[k] = cell;
            keys[k] = key;
            sequence[k] = seq;
        }
    }
}
