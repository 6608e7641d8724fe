import java.nio.file.Path;
import java.util.Arrays;
import liangshan.raster.Band;
import liangshan.raster.geotiff.GeoTiff;
import liangshan.raster.terrain.PriorityFlood;

/**
 * Priority-flood lab (not engine code): reads a DEM, runs the engine's {@link PriorityFlood#fill}
 * (packed layout: one long per cell, then unpacked into float[]/int[], the unpack included in the
 * time) and {@code old}, a copy of the engine before the packed layout (closed byte[], z[], float
 * filled[], int from[]: four per-cell arrays touched when a cell is opened), alternately; prints
 * each run's time and a hash of (filled bits, reachedFrom, popOrder) and checks that both give the
 * same outputs bit for bit. Both keep the pinned order exactly: same row-major seeding, same 4-ary
 * (elevation, sequence) heap, same same-level FIFO, same D8 order. (The branch floodlab also had
 * direction-byte variants; see docs/notes/floodlab.md.)
 *
 * Usage (after {@code ./mvnw -q -pl raster -am -DskipTests package}):
 * {@code java -Xmx8g -cp raster/target/classes:kernel/target/classes:TIFF_JAR bench/gep/FloodLab.java DEM [ROUNDS=2] [VARIANTS=old,engine]}
 */
public final class FloodLab {

    private FloodLab() {}

    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    static final int[] DROW = {0, 1, 1, 1, 0, -1, -1, -1};
    static final int[] DCOL = {1, 1, 0, -1, -1, -1, 0, 1};

    record Out(float[] filled, int[] from, int[] order) {}

    public static void main(String[] args) {
        long t = System.nanoTime();
        Band dem = GeoTiff.read(Path.of(args[0]), "m");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String[] variants = (args.length > 2 ? args[2] : "old,engine").split(",");
        System.out.printf("DEM %d x %d read in %.1f s; load %s%n", dem.grid().width(), dem.grid().height(),
                (System.nanoTime() - t) / 1e9, load());
        Out ref = null;
        for (int round = 1; round <= rounds; round++) {
            for (String v : variants) {
                System.gc();
                long t0 = System.nanoTime();
                long c0 = CPU.getCurrentThreadCpuTime();
                Out out;
                switch (v) {
                    case "engine" -> {
                        PriorityFlood p = PriorityFlood.fill(dem);
                        out = new Out(p.filled(), p.reachedFrom(), p.popOrder());
                    }
                    case "old" -> out = fillOld(dem);
                    default -> throw new IllegalArgumentException(v);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
                if (ref == null) {
                    ref = out;
                }
                String same = Arrays.equals(bits(out.filled), bits(ref.filled))
                                && Arrays.equals(out.from, ref.from)
                                && Arrays.equals(out.order, ref.order)
                        ? "identical"
                        : "DIFFERENT";
                System.out.printf("round %d %-6s %6.2f s wall, %6.2f s thread CPU  hash %016x  %s  load %s%n",
                        round, v, s, cpu, hash(out), same, load());
                out = null;
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

    /** The engine before the packed layout: closed byte[], z[], float filled[], int from[]. */
    static Out fillOld(Band dem) {
        int w = dem.grid().width();
        int h = dem.grid().height();
        float[] z = dem.values();
        boolean[] valid = valid(dem);
        float[] filled = new float[z.length];
        int[] from = new int[z.length];
        Arrays.fill(from, -1);
        byte[] closed = new byte[z.length];
        Heap heap = new Heap(2 * (w + h) + 16);
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
                if (isEdge(valid, w, h, r, c)) {
                    filled[i] = z[i];
                    closed[i] = 1;
                    heap.push(i, z[i] + 0.0f);
                }
            }
        }
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
                if (closed[n] != 0) {
                    continue;
                }
                closed[n] = 1;
                float key = Math.max(z[n], level) + 0.0f;
                filled[n] = key;
                from[n] = cell;
                if (key == level) {
                    sameLevel.add(n);
                } else {
                    heap.push(n, key);
                }
            }
        }
        return new Out(filled, from, order);
    }

    /** Copy of the old PriorityFlood.IntQueue. */
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

    /** Copy of the old PriorityFlood.Heap (4-ary, long key = ordered elevation bits | sequence). */
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
