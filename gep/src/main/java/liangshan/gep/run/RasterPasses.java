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
 * <p><b>Memory per strip</b> ({@code s} = strip rows × width cells): the pixel loop's 7 float
 * input buffers (land cover, five inputs, LS; 28 B/cell), the int cover, county and zone-slot
 * arrays (12 B/cell) and {@value #MAP_SETS} sets of 8 float map buffers (64 B/cell): 104·s
 * bytes, 250 MB for 256-row strips of a 9,400-column grid; plus each of the 8 map writers'
 * 256-row tile buffer (4 B/cell, 77 MB together at that width).
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
     * The indicator pass. {@code inputs} holds land cover first, then the float inputs named
     * {@code floatNames} in {@link FusedRegulating#FLOAT_INPUTS} order; maps are written to
     * {@code mapsDir/<indicator>.tif} (Float32, NaN no-data where the land cover is no-data).
     * Fills {@code quality} (by indicator) and adds each input's no-data cells to {@code
     * noDataByInput} (by band name).
     */
    void indicators(
            List<BandSource> inputs,
            List<String> floatNames,
            Map<String, CapFactors> factors,
            ZoneTotals totals,
            Map<String, QualityReport> quality,
            Map<String, long[]> noDataByInput,
            Path mapsDir) {
        if (!floatNames.equals(FusedRegulating.FLOAT_INPUTS)) {
            throw new IllegalArgumentException("float inputs must be " + FusedRegulating.FLOAT_INPUTS);
        }
        PixelLoop loop = PixelLoop.over(inputs);
        float[] floatNoData = new float[floatNames.size()];
        for (int i = 0; i < floatNoData.length; i++) {
            OptionalDouble nd = inputs.get(i + 1).noData();
            floatNoData[i] = nd.isPresent() ? (float) nd.getAsDouble() : Float.NaN;
        }
        FusedRegulating fused = fused(factors, floatNoData);
        List<String> outputs = outputs();
        double[][] sums = new double[outputs.size()][];
        for (int o = 0; o < sums.length; o++) {
            sums[o] = totals.array(outputs.get(o));
        }
        long[] tally = fused.newTally();
        long[] coverNoData = {0};
        try (MapWriters maps = new MapWriters(mapsDir, loop.stripRows())) {
            Codes b = new Codes();
            int strips = strips(loop);
            int[] done = {0};
            loop.forEachStrip(strip -> {
                cancel.check("indicators", done[0], strips);
                int n = strip.cellCount();
                b.size(n);
                coverNoData[0] += fillCodes(strip, b);
                float[][] floats = new float[floatNames.size()][];
                for (int i = 0; i < floats.length; i++) {
                    floats[i] = strip.values(i + 1);
                }
                float[][] set = maps.take();
                fused.compute(new FusedRegulating.Strip(n, b.cover, b.county, b.slot, floats), set, sums, tally);
                maps.write(set, strip.rowCount());
                done[0]++;
            });
            maps.finish();
        }
        quality.putAll(fused.quality(tally, (long) grid.width() * grid.height()));
        noDataByInput.get(inputs.get(0).name())[0] += coverNoData[0];
        long[] floatsNoData = fused.floatNoData(tally);
        for (int i = 0; i < floatsNoData.length; i++) {
            noDataByInput.get(inputs.get(i + 1).name())[0] += floatsNoData[i];
        }
    }

    /**
     * The eight map writers, fed by {@value #LANES} writer threads ("lanes", each owning four
     * maps, so each file is written by one thread in strip order) from a bounded pool of
     * {@value #MAP_SETS} buffer sets; a set returns to the pool when every lane has written it.
     * {@link #close()} stops the threads and closes every file; a failure of a writer thread
     * surfaces at the next {@link #write} or at {@link #finish()}.
     */
    private final class MapWriters implements AutoCloseable {
        /**
         * Lane of each map in {@link FusedRegulating#INDICATORS} order: the four maps of
         * continuous values (water conservation, soil retention, carbon, oxygen: most of the
         * Deflate work) two per lane, the four class-constant ones likewise.
         */
        private static final int[] LANE_OF_MAP = {0, 1, 0, 0, 1, 1, 0, 1};

        private final List<GeoTiffWriter> writers = new ArrayList<>();
        private final BlockingQueue<float[][]> free = new ArrayBlockingQueue<>(MAP_SETS);
        private final Deque<Future<?>> pending = new ArrayDeque<>();
        private final List<ExecutorService> lanes = new ArrayList<>();

        MapWriters(Path dir, int stripRows) {
            for (String id : FusedRegulating.INDICATORS) {
                writers.add(GeoTiffWriter.create(
                        dir.resolve(id + ".tif"), grid, CellType.FLOAT32, OptionalDouble.of(Double.NaN)));
            }
            for (int s = 0; s < MAP_SETS; s++) {
                free.add(new float[writers.size()][stripRows * grid.width()]);
            }
            for (int l = 0; l < LANES; l++) {
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
            AtomicInteger lanesLeft = new AtomicInteger(LANES);
            for (int l = 0; l < LANES; l++) {
                int lane = l;
                pending.add(lanes.get(l).submit(() -> {
                    try {
                        for (int i = 0; i < writers.size(); i++) {
                            if (LANE_OF_MAP[i] == lane) {
                                writers.get(i).writeRows(set[i], rows);
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
