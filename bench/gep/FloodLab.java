import java.nio.file.Path;
import java.util.Arrays;
import liangshan.raster.Band;
import liangshan.raster.geotiff.GeoTiff;
import liangshan.raster.terrain.PriorityFlood;

/**
 * Memory-layout lab for the priority-flood (time-boxed experiment, not engine code). Reads a DEM,
 * runs the engine's {@link PriorityFlood#fill} and layout variants alternately, prints each run's
 * time and a hash of (filled bits, reachedFrom as cell indices, popOrder), and checks every
 * variant's outputs equal the engine's bit for bit. Variants keep the pinned order exactly: same
 * row-major seeding, same 4-ary (elevation, sequence) heap, same same-level FIFO, same D8 order.
 *
 * <ul>
 *   <li>{@code cur}: {@code PriorityFlood.fill} as in the engine (byte closed[], z[], float
 *       filled[], int from[]: four per-cell arrays touched when a cell is opened).
 *   <li>{@code dir}: reached-from as a direction byte (0 unvisited, 1–8 = D8 direction + 1, 9
 *       edge, 10 no-data), which is also the closed test; z[] read, filled[] written; int from[]
 *       rebuilt by a streaming pass at the end (timed separately).
 *   <li>{@code dirz}: as {@code dir}, but filled[] starts as a copy of z[] and is raised in place,
 *       so an opened cell touches two arrays (dir byte, filled float) instead of four.
 *   <li>{@code long}: one long per cell, z/filled bits in the high half and reached-from in the low
 *       half (UNVISITED sentinel is the closed test); one array touched; unpacked at the end.
 * </ul>
 *
 * Usage (after {@code ./mvnw -q -pl raster -am -DskipTests package}):
 * {@code java -Xmx8g -cp raster/target/classes:kernel/target/classes:TIFF_JAR bench/gep/FloodLab.java DEM [ROUNDS=2] [VARIANTS=cur,dir,dirz,long]}
 */
public final class FloodLab {

    private FloodLab() {}

    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    static final int[] DROW = {0, 1, 1, 1, 0, -1, -1, -1};
    static final int[] DCOL = {1, 1, 0, -1, -1, -1, 0, 1};

    /** convSeconds: time of the final unpacking into float[]/int[] (included in the total). */
    record Out(float[] filled, int[] from, int[] order, double convSeconds) {}

    public static void main(String[] args) {
        long t = System.nanoTime();
        Band dem = GeoTiff.read(Path.of(args[0]), "m");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String[] variants = (args.length > 2 ? args[2] : "cur,dir,dirz,long").split(",");
        System.out.printf("DEM %d x %d read in %.1f s; load %s%n", dem.grid().width(), dem.grid().height(),
                (System.nanoTime() - t) / 1e9, load());
        PriorityFlood ref = null;
        for (int round = 1; round <= rounds; round++) {
            for (String v : variants) {
                System.gc();
                long t0 = System.nanoTime();
                long c0 = CPU.getCurrentThreadCpuTime();
                Out out;
                switch (v) {
                    case "cur" -> {
                        PriorityFlood p = PriorityFlood.fill(dem);
                        out = new Out(p.filled(), p.reachedFrom(), p.popOrder(), Double.NaN);
                        if (ref == null) {
                            ref = p;
                        }
                    }
                    case "dir" -> out = fillDir(dem, false);
                    case "dirz" -> out = fillDir(dem, true);
                    case "long" -> out = fillLong(dem);
                    default -> throw new IllegalArgumentException(v);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
                if (ref == null) {
                    ref = PriorityFlood.fill(dem);
                }
                String same = Arrays.equals(bits(out.filled), bits(ref.filled()))
                                && Arrays.equals(out.from, ref.reachedFrom())
                                && Arrays.equals(out.order, ref.popOrder())
                        ? "identical"
                        : "DIFFERENT";
                System.out.printf("round %d %-5s %6.2f s wall, %6.2f s thread CPU (of which unpack %s)  hash %016x  %s  load %s%n", round, v, s, cpu,
                        Double.isNaN(out.convSeconds) ? "-" : String.format("%.2f s", out.convSeconds),
                        hash(out), same, load());
            }
        }
    }

    static String load() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).substring(0, 14);
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static int[] bits(float[] f) {
        int[] b = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            b[i] = Float.floatToRawIntBits(f[i]);
        }
        return b;
    }

    static long hash(Out o) {
        long h = 1469598103934665603L;
        for (float f : o.filled) {
            h = (h ^ Float.floatToRawIntBits(f)) * 1099511628211L;
        }
        for (int x : o.from) {
            h = (h ^ x) * 1099511628211L;
        }
        for (int x : o.order) {
            h = (h ^ x) * 1099511628211L;
        }
        return h;
    }

    static boolean[] valid(Band dem) {
        float[] z = dem.values();
        boolean[] valid = new boolean[z.length];
        for (int i = 0; i < z.length; i++) {
            valid[i] = !dem.isNoData(z[i]);
        }
        return valid;
    }

    static boolean isEdge(boolean[] valid, int w, int h, int r, int c) {
        if (r == 0 || c == 0 || r == h - 1 || c == w - 1) {
            return true;
        }
        for (int d = 0; d < 8; d++) {
            if (!valid[(r + DROW[d]) * w + c + DCOL[d]]) {
                return true;
            }
        }
        return false;
    }

    static final byte EDGE = 9;
    static final byte NODATA = 10;

    /** Direction-byte layout; {@code inPlace}: filled[] is a copy of z[] raised in place. */
    static Out fillDir(Band dem, boolean inPlace) {
        int w = dem.grid().width();
        int h = dem.grid().height();
        float[] z = dem.values();
        boolean[] valid = valid(dem);
        float[] filled = inPlace ? z.clone() : new float[z.length];
        float[] src = inPlace ? filled : z;
        byte[] dir = new byte[z.length]; // 0 = unvisited
        Heap heap = new Heap(2 * (w + h) + 16);
        int dataCells = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                if (!valid[i]) {
                    filled[i] = Float.NaN;
                    dir[i] = NODATA;
                    continue;
                }
                dataCells++;
                if (isEdge(valid, w, h, r, c)) {
                    filled[i] = z[i];
                    dir[i] = EDGE;
                    heap.push(i, z[i] + 0.0f);
                }
            }
        }
        valid = null;
        int[] order = new int[dataCells];
        int[] offset = new int[8];
        for (int d = 0; d < 8; d++) {
            offset[d] = DROW[d] * w + DCOL[d];
        }
        int popped = 0;
        IntQueue sameLevel = new IntQueue(1024);
        float level = Float.NEGATIVE_INFINITY;
        while (!heap.isEmpty() || !sameLevel.isEmpty()) {
            int cell;
            if (!heap.isEmpty() && heap.topKey() == level) {
                cell = heap.pop();
            } else if (!sameLevel.isEmpty()) {
                cell = sameLevel.poll();
            } else {
                level = heap.topKey();
                cell = heap.pop();
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
                    int rr = r + DROW[d];
                    int cc = c + DCOL[d];
                    if (rr < 0 || rr >= h || cc < 0 || cc >= w) {
                        continue;
                    }
                    n = rr * w + cc;
                }
                if (dir[n] != 0) {
                    continue;
                }
                dir[n] = (byte) (d + 1);
                float key = Math.max(src[n], level) + 0.0f;
                filled[n] = key;
                if (key == level) {
                    sameLevel.add(n);
                } else {
                    heap.push(n, key);
                }
            }
        }
        long tc = System.nanoTime();
        int[] from = new int[z.length];
        for (int r = 0; r < h; r++) {
            int base = r * w;
            for (int c = 0; c < w; c++) {
                int code = dir[base + c];
                if (code >= 1 && code <= 8) {
                    from[base + c] = base + c - offset[code - 1]; // exact also on the border: r,c−D are in the grid
                } else {
                    from[base + c] = -1;
                }
            }
        }
        return new Out(filled, from, order, (System.nanoTime() - tc) / 1e9);
    }

    static final int UNVISITED = -2;

    /** One long per cell: float bits (z, then filled) high, reached-from low (UNVISITED = open). */
    static Out fillLong(Band dem) {
        int w = dem.grid().width();
        int h = dem.grid().height();
        float[] z = dem.values();
        boolean[] valid = valid(dem);
        long[] cellw = new long[z.length];
        Heap heap = new Heap(2 * (w + h) + 16);
        int dataCells = 0;
        long nanOpen = ((long) Float.floatToRawIntBits(Float.NaN) << 32) | (-1 & 0xFFFF_FFFFL);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int i = r * w + c;
                if (!valid[i]) {
                    cellw[i] = nanOpen;
                    continue;
                }
                dataCells++;
                if (isEdge(valid, w, h, r, c)) {
                    cellw[i] = ((long) Float.floatToRawIntBits(z[i]) << 32) | 0xFFFF_FFFFL; // from = −1
                    heap.push(i, z[i] + 0.0f);
                } else {
                    cellw[i] = ((long) Float.floatToRawIntBits(z[i]) << 32) | (UNVISITED & 0xFFFF_FFFFL);
                }
            }
        }
        valid = null;
        int[] order = new int[dataCells];
        int[] offset = new int[8];
        for (int d = 0; d < 8; d++) {
            offset[d] = DROW[d] * w + DCOL[d];
        }
        int popped = 0;
        IntQueue sameLevel = new IntQueue(1024);
        float level = Float.NEGATIVE_INFINITY;
        while (!heap.isEmpty() || !sameLevel.isEmpty()) {
            int cell;
            if (!heap.isEmpty() && heap.topKey() == level) {
                cell = heap.pop();
            } else if (!sameLevel.isEmpty()) {
                cell = sameLevel.poll();
            } else {
                level = heap.topKey();
                cell = heap.pop();
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
                    int rr = r + DROW[d];
                    int cc = c + DCOL[d];
                    if (rr < 0 || rr >= h || cc < 0 || cc >= w) {
                        continue;
                    }
                    n = rr * w + cc;
                }
                long v = cellw[n];
                if ((int) v != UNVISITED) {
                    continue;
                }
                float key = Math.max(Float.intBitsToFloat((int) (v >>> 32)), level) + 0.0f;
                cellw[n] = ((long) Float.floatToRawIntBits(key) << 32) | (cell & 0xFFFF_FFFFL);
                if (key == level) {
                    sameLevel.add(n);
                } else {
                    heap.push(n, key);
                }
            }
        }
        long tc = System.nanoTime();
        float[] filled = new float[z.length];
        int[] from = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            long v = cellw[i];
            filled[i] = Float.intBitsToFloat((int) (v >>> 32));
            from[i] = (int) v;
        }
        return new Out(filled, from, order, (System.nanoTime() - tc) / 1e9);
    }

    /** Copy of PriorityFlood.IntQueue. */
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

    /** Copy of PriorityFlood.Heap (4-ary, long key = ordered elevation bits | sequence). */
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
