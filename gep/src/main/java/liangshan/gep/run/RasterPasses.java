package liangshan.gep.run;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import liangshan.gep.cell.QualityReport;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.regulating.EmissionCapped;
import liangshan.gep.regulating.EmissionCapped.CapFactors;
import liangshan.gep.regulating.FusedRegulating;
import liangshan.gep.regulating.RegulatingIndicators;
import liangshan.raster.BandSource;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import liangshan.raster.PixelLoop;
import liangshan.raster.geotiff.GeoTiffWriter;
import liangshan.raster.zonal.ZoneIndex;

/**
 * The strip passes over the grid: the emission-capacity pass (§R4, §R5 pass 1) and the
 * indicator pass, which computes all eight regulating indicators per strip in one fused loop
 * ({@link FusedRegulating}: per-cell map values, zone sums and quality tallies over primitive
 * arrays) and hands the strip's eight map buffers to two writer threads (the maps' Deflate runs
 * beside the next strip's reading and computing).
 *
 * <p><b>Memory per strip</b> ({@code s} = strip rows × width cells): LS-free part — the pixel
 * loop's 6 float input buffers (24 B/cell), the int cover, county and zone-slot arrays (12
 * B/cell), {@value #MAP_SETS} sets of 7 float map buffers (56 B/cell) and the 7 map writers'
 * 256-row tile buffers (28 B/cell): ≈ 120·s bytes, 0.39 GB at 256 rows × 12,821 columns;
 * soil-retention part — two sets of 4 input buffers (read-ahead, 32 B/cell), the codes, one
 * byte of no-data bits, two soil map buffers and one writer: ≈ 60·s bytes. Whole grid: the
 * no-data bits handed from the first part to the second ({@link Split}, 0.5 B per grid cell).
 */
final class RasterPasses {

    /** Map buffer sets: one being computed, one being written. */
    static final int MAP_SETS = 2;

    /** Map writer threads. */
    static final int LANES = 2;

    private final GridGeometry grid;
    private final ZoneIndex zones;
    private final int[] countyOfZone;
    private final ParameterSet params;
    private final Cancellation cancel;

    /** Checked once per strip; a cancelled run throws {@link GepRun.CancelledException}. */
    interface Cancellation {
        void check(String stage, int done, int total);
    }

    RasterPasses(GridGeometry grid, ZoneIndex zones, int[] countyOfZone, ParameterSet params, Cancellation cancel) {
        this.grid = grid;
        this.zones = zones;
        this.countyOfZone = countyOfZone;
        this.params = params;
        this.cancel = cancel;
    }

    /** Every per-cell quantity output of the indicator pass, in map (and sum) order. */
    static List<String> outputs() {
        List<String> out = new ArrayList<>();
        FusedRegulating.OUTPUTS.forEach(out::addAll);
        return out;
    }

    /** Reused per-strip arrays (reallocated only for the shorter last strip). */
    private static final class Codes {
        int[] cover = new int[0];
        int[] county = new int[0];
        int[] slot = new int[0];

        void size(int n) {
            if (cover.length != n) {
                cover = new int[n];
                county = new int[n];
                slot = new int[n];
            }
        }
    }

    private FusedRegulating fused(Map<String, CapFactors> factors, float[] floatNoData) {
        return new FusedRegulating(params, grid.cellAreaSquareMetres(), factors, -1, -1, floatNoData);
    }

    /** Pass 1 of §R4/§R5: uncapped capacity per county, then the cap factors. */
    Map<String, CapFactors> capFactors(BandSource landCover, List<EmissionCapped.CountyEmission> emissions) {
        PixelLoop loop = PixelLoop.over(landCover);
        EmissionCapped water = RegulatingIndicators.WATER_PURIFICATION;
        EmissionCapped air = RegulatingIndicators.AIR_PURIFICATION;
        EmissionCapped.CountyCapacity waterSums = water.newCountyCapacity();
        EmissionCapped.CountyCapacity airSums = air.newCountyCapacity();
        float[] noData = new float[FusedRegulating.FLOAT_INPUTS.size()];
        java.util.Arrays.fill(noData, Float.NaN);
        FusedRegulating fused = fused(Map.of(), noData);
        Codes b = new Codes();
        int strips = strips(loop);
        int[] done = {0};
        loop.forEachStrip(strip -> {
            cancel.check("capacity", done[0], strips);
            int n = strip.cellCount();
            b.size(n);
            fillCodes(strip, b);
            fused.capacity(new FusedRegulating.Strip(n, b.cover, b.county, b.slot, null), waterSums, airSums);
            done[0]++;
        });
        Map<String, CapFactors> out = new LinkedHashMap<>();
        out.put(water.spec().id(), water.factors(waterSums, emissions));
        out.put(air.spec().id(), air.factors(airSums, emissions));
        return out;
    }

    /**
     * Cover codes (no-data → −1), county codes (−1 outside) and zone slots of a strip (input 0);
     * returns the land cover's no-data cells.
     */
    private long fillCodes(PixelLoop.Strip strip, Codes b) {
        float[] lc = strip.values(0);
        BandSource band = strip.input(0);
        int n = strip.cellCount();
        int base = (int) strip.gridIndex(0);
        long noData = 0;
        for (int k = 0; k < n; k++) {
            float v = lc[k];
            boolean missing = band.isNoData(v);
            noData += missing ? 1 : 0;
            b.cover[k] = missing ? -1 : (int) v;
            int z = zones.zoneOf(base + k);
            b.slot[k] = z + 1;
            b.county[k] = z < 0 ? -1 : countyOfZone[z];
        }
        return noData;
    }

    private static int strips(PixelLoop loop) {
        return (loop.grid().height() + loop.stripRows() - 1) / loop.stripRows();
    }

    /**
     * What the two parts of a split indicator pass share: the quality histogram, the per-cell
     * no-data bits of the inputs only the first part reads (two cells per byte: 90 MB for the
     * 179 M cells of the city at 10 m) and the land cover's no-data count.
     */
    final class Split {
        private final long[] tally;
        private final byte[] lsFree;
        private long coverNoData;

        Split() {
            tally = fused(Map.of(), new float[FusedRegulating.FLOAT_INPUTS.size()])
                    .newTally();
            lsFree = new byte[(int) (((long) grid.width() * grid.height() + 1) / 2)];
        }

        private void store(PixelLoop.Strip strip, byte[] bits) {
            long base = strip.gridIndex(0);
            for (int k = 0; k < strip.cellCount(); k++) {
                long i = base + k;
                int at = (int) (i >>> 1);
                int shift = (int) (i & 1) * 4;
                lsFree[at] = (byte) ((lsFree[at] & ~(0xF << shift)) | (pack(bits[k]) << shift));
            }
        }

        private void load(PixelLoop.Strip strip, byte[] bits) {
            long base = strip.gridIndex(0);
            for (int k = 0; k < strip.cellCount(); k++) {
                long i = base + k;
                bits[k] = unpack((lsFree[(int) (i >>> 1)] >>> ((int) (i & 1) * 4)) & 0xF);
            }
        }
    }

    // The three no-data bits (precipitation 2, evapotranspiration 4, NPP 32) in a nibble.
    private static int pack(byte bits) {
        return (bits >>> 1) & 0x3 | (bits & 32) >>> 3;
    }

    private static byte unpack(int nibble) {
        return (byte) ((nibble & 0x3) << 1 | (nibble & 0x4) << 3);
    }

    /**
     * One part of the indicator pass ({@link FusedRegulating.Part#WITHOUT_LS}, then {@link
     * FusedRegulating.Part#LS_PART} with the same {@code split}). {@code inputs} holds land cover
     * first, then the float inputs named {@code floatNames}, in {@link
     * FusedRegulating#FLOAT_INPUTS} order: all but LS for the first part; erosivity, erodibility
     * and LS for the second. The part's maps are written to {@code mapsDir/<indicator>.tif}
     * (Float32, NaN no-data where the land cover is no-data). Progress: strips {@code first …} of
     * {@code total}.
     */
    void indicators(
            FusedRegulating.Part part,
            List<BandSource> inputs,
            List<String> floatNames,
            Map<String, CapFactors> factors,
            ZoneTotals totals,
            Split split,
            Path mapsDir,
            int first,
            int total) {
        boolean second = part == FusedRegulating.Part.LS_PART;
        List<String> all = FusedRegulating.FLOAT_INPUTS;
        List<String> expected = second
                ? List.of(all.get(2), all.get(3), all.get(5))
                : List.of(all.get(0), all.get(1), all.get(2), all.get(3), all.get(4));
        if (part == FusedRegulating.Part.ALL || !floatNames.equals(expected)) {
            throw new IllegalArgumentException(part + ": float inputs must be " + expected);
        }
        PixelLoop loop = PixelLoop.over(inputs);
        int[] position = new int[floatNames.size()];
        float[] floatNoData = new float[all.size()];
        java.util.Arrays.fill(floatNoData, Float.NaN);
        for (int i = 0; i < floatNames.size(); i++) {
            position[i] = all.indexOf(floatNames.get(i));
            OptionalDouble nd = inputs.get(i + 1).noData();
            floatNoData[position[i]] = nd.isPresent() ? (float) nd.getAsDouble() : Float.NaN;
        }
        FusedRegulating fused = fused(factors, floatNoData);
        List<String> outputs = outputs();
        double[][] sums = new double[outputs.size()][];
        for (int o = 0; o < sums.length; o++) {
            sums[o] = totals.array(outputs.get(o));
        }
        try (MapWriters maps = new MapWriters(mapsDir, loop.stripRows(), mapsOf(part))) {
            Codes b = new Codes();
            byte[][] bits = {new byte[0]};
            int[] done = {first};
            PixelLoop.StripVisitor visitor = strip -> {
                cancel.check("indicators", done[0], total);
                int n = strip.cellCount();
                b.size(n);
                if (bits[0].length != n) {
                    bits[0] = new byte[n];
                }
                long coverNoData = fillCodes(strip, b);
                float[][] floats = new float[all.size()][];
                for (int i = 0; i < position.length; i++) {
                    floats[position[i]] = strip.values(i + 1);
                }
                if (second) {
                    split.load(strip, bits[0]);
                } else {
                    split.coverNoData += coverNoData;
                }
                float[][] set = maps.take();
                fused.compute(
                        part,
                        new FusedRegulating.Strip(n, b.cover, b.county, b.slot, floats),
                        set,
                        sums,
                        split.tally,
                        bits[0]);
                if (!second) {
                    split.store(strip, bits[0]);
                }
                maps.write(set, strip.rowCount());
                done[0]++;
            };
            if (second) {
                // After the terrain the second core is free but for one map writer: read ahead.
                loop.forEachStripReadAhead(visitor);
            } else {
                loop.forEachStrip(visitor);
            }
            maps.finish();
        }
    }

    /**
     * After both parts: the quality reports by indicator, and the no-data cells of the land cover
     * and of each float input, by the name of {@code named}'s bands (land cover first, then the
     * float inputs in {@link FusedRegulating#FLOAT_INPUTS} order).
     */
    void quality(Split split, List<BandSource> named, Map<String, QualityReport> quality, Map<String, long[]> noData) {
        float[] none = new float[FusedRegulating.FLOAT_INPUTS.size()];
        FusedRegulating fused = fused(Map.of(), none);
        quality.putAll(fused.quality(split.tally, (long) grid.width() * grid.height()));
        noData.get(named.get(0).name())[0] += split.coverNoData;
        long[] floatsNoData = fused.floatNoData(split.tally);
        for (int i = 0; i < floatsNoData.length; i++) {
            noData.get(named.get(i + 1).name())[0] += floatsNoData[i];
        }
    }

    /** Strips of the indicator pass. */
    int strips() {
        return (grid.height() + PixelLoop.DEFAULT_STRIP_ROWS - 1) / PixelLoop.DEFAULT_STRIP_ROWS;
    }

    /** Indices (in {@link FusedRegulating#INDICATORS}) of the maps {@code part} writes. */
    private static int[] mapsOf(FusedRegulating.Part part) {
        return switch (part) {
            case ALL -> throw new IllegalArgumentException("the run computes the pass in two parts");
            case WITHOUT_LS -> new int[] {0, 2, 3, 4, 5, 6, 7};
            case LS_PART -> new int[] {FusedRegulating.SOIL_RETENTION};
        };
    }

    /**
     * The writers of the maps of one pass, fed by up to {@value #LANES} writer threads ("lanes",
     * each owning some maps, so each file is written by one thread in strip order) from a bounded
     * pool of {@value #MAP_SETS} buffer sets; a set returns to the pool when every lane has
     * written it.
     * {@link #close()} stops the threads and closes every file; a failure of a writer thread
     * surfaces at the next {@link #write} or at {@link #finish()}.
     */
    private final class MapWriters implements AutoCloseable {
        /**
         * Lane of each map in {@link FusedRegulating#INDICATORS} order: the maps of continuous
         * values (water conservation, soil retention, carbon, oxygen: most of the Deflate work)
         * spread over the lanes, the class-constant ones likewise; when soil retention is written
         * by a pass of its own, the other three continuous maps are split two and one.
         */
        private static final int[] LANE_OF_MAP = {0, 1, 0, 1, 0, 1, 0, 1};

        /** Writer of each map in {@link FusedRegulating#INDICATORS} order, null if not written. */
        private final GeoTiffWriter[] writers = new GeoTiffWriter[FusedRegulating.INDICATORS.size()];

        private final int lanesUsed;
        private final BlockingQueue<float[][]> free = new ArrayBlockingQueue<>(MAP_SETS);
        private final Deque<Future<?>> pending = new ArrayDeque<>();
        private final List<ExecutorService> lanes = new ArrayList<>();

        MapWriters(Path dir, int stripRows, int[] maps) {
            lanesUsed = Math.min(LANES, maps.length);
            for (int i : maps) {
                writers[i] = GeoTiffWriter.create(
                        dir.resolve(FusedRegulating.INDICATORS.get(i) + ".tif"),
                        grid,
                        CellType.FLOAT32,
                        OptionalDouble.of(Double.NaN));
            }
            for (int s = 0; s < MAP_SETS; s++) {
                float[][] set = new float[writers.length][];
                for (int i : maps) {
                    set[i] = new float[stripRows * grid.width()];
                }
                free.add(set);
            }
            for (int l = 0; l < lanesUsed; l++) {
                String name = "gep-run-maps-" + l;
                lanes.add(Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                }));
            }
        }

        float[][] take() {
            try {
                return free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GepRun.CancelledException("indicators");
            }
        }

        void write(float[][] set, int rows) {
            AtomicInteger lanesLeft = new AtomicInteger(lanesUsed);
            for (int l = 0; l < lanesUsed; l++) {
                int lane = l;
                pending.add(lanes.get(l).submit(() -> {
                    try {
                        for (int i = 0; i < writers.length; i++) {
                            if (writers[i] != null && LANE_OF_MAP[i] % lanesUsed == lane) {
                                writers[i].writeRows(set[i], rows);
                            }
                        }
                    } finally {
                        if (lanesLeft.decrementAndGet() == 0) {
                            free.add(set);
                        }
                    }
                }));
            }
            while (!pending.isEmpty() && pending.peek().isDone()) {
                join(pending.poll());
            }
        }

        /** Waits for every strip to be written. */
        void finish() {
            while (!pending.isEmpty()) {
                join(pending.poll());
            }
        }

        private void join(Future<?> f) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GepRun.CancelledException("indicators");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /**
         * Stops the writer threads, then closes every file. After a failure the maps are
         * incomplete and the run's directory is deleted; a writer refusing to close an incomplete
         * file must not hide the original failure (e.g. cancellation).
         */
        @Override
        public void close() {
            pending.forEach(f -> f.cancel(false));
            lanes.forEach(ExecutorService::shutdown);
            try {
                for (ExecutorService lane : lanes) {
                    lane.awaitTermination(1, TimeUnit.HOURS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            RuntimeException failure = null;
            for (GeoTiffWriter w : writers) {
                if (w == null) {
                    continue;
                }
                try {
                    w.close();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
