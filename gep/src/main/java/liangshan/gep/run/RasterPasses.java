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
import java.util.function.BooleanSupplier;
import liangshan.gep.cell.QualityReport;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.regulating.EmissionCapped;
import liangshan.gep.regulating.EmissionCapped.CapFactors;
import liangshan.gep.regulating.FusedRegulating;
import liangshan.gep.regulating.RegulatingIndicators;
import liangshan.raster.BandSource;
import liangshan.raster.CellType;
import liangshan.raster.Failures;
import liangshan.raster.GridGeometry;
import liangshan.raster.PixelLoop;
import liangshan.raster.geotiff.GeoTiffWriter;
import liangshan.raster.zonal.ZoneIndex;

/**
 * The strip passes over the grid: the emission-capacity pass (§R4, §R5 pass 1) and the
 * indicator passes, which compute the regulating indicators per strip in one fused loop ({@link
 * FusedRegulating}: per-cell map values, zone sums and quality tallies over primitive arrays). A
 * run makes two indicator passes ({@link FusedRegulating.Part}): the seven indicators without LS
 * on one thread beside the priority-flood (maps written on that thread), then soil retention once
 * LS is ready (next strip read on a reader thread, the map written on a writer thread).
 *
 * <p><b>Memory per strip</b> ({@code s} = strip rows × width cells): the pixel loop's float input
 * buffers (land cover and three inputs, 16 B/cell; twice that with read-ahead), the int cover,
 * county and zone-slot arrays (12 B/cell) and one set of map buffers per map (4 B/cell each; {@value
 * #MAP_SETS} sets with writer threads), plus each map writer's 256-row tile buffer (4 B/cell): 7
 * maps without LS ≈ 84·s bytes (276 MB for 256-row strips of the 12,821-column grid at 10 m), soil
 * retention ≈ 72·s bytes.
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

    /** What one indicator pass counted: its quality histogram and the land cover's no-data cells. */
    record Tally(long[] histogram, long coverNoData) {}

    /**
     * One indicator pass over {@code part}'s indicators. {@code landCover} gives the class codes,
     * {@code floats} the float inputs the part reads, by name ({@link FusedRegulating#FLOAT_INPUTS});
     * the part's outputs are added to {@code totals} and its maps written to {@code
     * mapsDir/<indicator>.tif} (Float32, NaN no-data where the land cover is no-data). While {@code
     * besideFlood} answers true everything happens on the calling thread (the pass that runs beside
     * the priority-flood: no third busy thread on two cores); from the first strip on which it
     * answers false the maps are written by up to {@value #LANES} writer threads while the calling
     * thread computes, and if it is false at the start the next strip is also read ahead on a
     * reader thread ({@link PixelLoop#forEachStripReadAhead}).
     */
    Tally indicators(
            FusedRegulating.Part part,
            BandSource landCover,
            Map<String, BandSource> floats,
            Map<String, CapFactors> factors,
            ZoneTotals totals,
            Path mapsDir,
            BooleanSupplier besideFlood) {
        List<String> names = FusedRegulating.FLOAT_INPUTS;
        List<BandSource> inputs = new ArrayList<>();
        inputs.add(landCover);
        int[] column = new int[names.size()];
        float[] floatNoData = new float[names.size()];
        java.util.Arrays.fill(floatNoData, Float.NaN);
        for (int i = 0; i < names.size(); i++) {
            column[i] = -1;
            if (!part.reads(i)) {
                continue;
            }
            BandSource band = floats.get(names.get(i));
            if (band == null) {
                throw new IllegalArgumentException(part + " needs input " + names.get(i));
            }
            column[i] = inputs.size();
            inputs.add(band);
            OptionalDouble nd = band.noData();
            floatNoData[i] = nd.isPresent() ? (float) nd.getAsDouble() : Float.NaN;
        }
        PixelLoop loop = PixelLoop.over(inputs);
        FusedRegulating fused = fused(factors, floatNoData);
        List<String> outputs = outputs();
        double[][] sums = new double[outputs.size()][];
        for (int o = 0; o < sums.length; o++) {
            sums[o] = totals.array(outputs.get(o));
        }
        long[] tally = fused.newTally();
        long[] coverNoData = {0};
        int computed = (int) java.util.stream.IntStream.range(0, FusedRegulating.INDICATORS.size())
                .filter(part::computes)
                .count();
        boolean alone = besideFlood.getAsBoolean();
        try (MapWriters maps =
                new MapWriters(part, mapsDir, loop.stripRows(), Math.min(LANES, computed), besideFlood)) {
            Codes b = new Codes();
            int strips = strips(loop);
            int[] done = {0};
            PixelLoop.StripVisitor visitor = strip -> {
                cancel.check("indicators", done[0], strips);
                int n = strip.cellCount();
                b.size(n);
                coverNoData[0] += fillCodes(strip, b);
                float[][] values = new float[names.size()][];
                for (int i = 0; i < values.length; i++) {
                    values[i] = column[i] < 0 ? null : strip.values(column[i]);
                }
                float[][] set = maps.take();
                fused.compute(part, new FusedRegulating.Strip(n, b.cover, b.county, b.slot, values), set, sums, tally);
                maps.write(set, strip.rowCount());
                done[0]++;
            };
            if (alone) {
                loop.forEachStrip(visitor);
            } else {
                loop.forEachStripReadAhead(visitor);
            }
            maps.finish();
        }
        return new Tally(tally, coverNoData[0]);
    }

    /**
     * The quality reports (by indicator) and each input's no-data cells (by band name: land cover,
     * then the float inputs in {@link FusedRegulating#FLOAT_INPUTS} order) of a run from its two
     * passes.
     */
    void quality(
            Tally withoutLs,
            Tally soilRetention,
            BandSource landCover,
            Map<String, BandSource> floats,
            Map<String, QualityReport> quality,
            Map<String, Long> noDataByInput) {
        FusedRegulating fused = fused(Map.of(), new float[FusedRegulating.FLOAT_INPUTS.size()]);
        quality.putAll(
                fused.quality(withoutLs.histogram(), soilRetention.histogram(), (long) grid.width() * grid.height()));
        noDataByInput.put(landCover.name(), withoutLs.coverNoData());
        long[] floatsNoData = fused.floatNoData(withoutLs.histogram(), soilRetention.histogram());
        for (int i = 0; i < floatsNoData.length; i++) {
            noDataByInput.put(floats.get(FusedRegulating.FLOAT_INPUTS.get(i)).name(), floatsNoData[i]);
        }
    }

    /**
     * The map writers of one pass (one per indicator the part computes). While {@code inline}
     * answers true, {@link #write} writes on the calling thread from a single buffer set; from then
     * on {@code laneCount} writer threads ("lanes", each owning a fixed subset of the maps, so each
     * file is still written by one thread at a time in strip order) are fed from a pool of {@value
     * #MAP_SETS} buffer sets; a set returns to the pool when every lane has written it. {@link
     * #close()} stops the threads and closes every file; a failure of a writer thread surfaces at
     * the next {@link #write} or at {@link #finish()}.
     */
    private final class MapWriters implements AutoCloseable {
        /**
         * Lane of each map in {@link FusedRegulating#INDICATORS} order (modulo the lane count): the
         * four maps of continuous values (water conservation, soil retention, carbon, oxygen: most
         * of the Deflate work) two per lane, the four class-constant ones likewise.
         */
        private static final int[] LANE_OF_MAP = {0, 1, 0, 0, 1, 1, 0, 1};

        /** Writer of each map in {@link FusedRegulating#INDICATORS} order, null if not computed. */
        private final GeoTiffWriter[] writers = new GeoTiffWriter[FusedRegulating.INDICATORS.size()];

        private final BlockingQueue<float[][]> free = new ArrayBlockingQueue<>(MAP_SETS);
        private final Deque<Future<?>> pending = new ArrayDeque<>();
        private final List<ExecutorService> lanes = new ArrayList<>();
        private final int laneCount;
        private final int setCells;
        private BooleanSupplier inline;

        MapWriters(FusedRegulating.Part part, Path dir, int stripRows, int laneCount, BooleanSupplier inline) {
            this.laneCount = laneCount;
            this.setCells = stripRows * grid.width();
            this.inline = inline;
            try {
                for (int i = 0; i < writers.length; i++) {
                    if (part.computes(i)) {
                        writers[i] = GeoTiffWriter.create(
                                dir.resolve(FusedRegulating.INDICATORS.get(i) + ".tif"),
                                grid,
                                CellType.FLOAT32,
                                OptionalDouble.of(Double.NaN));
                    }
                }
            } catch (RuntimeException e) {
                closeWriters();
                throw e;
            }
            free.add(newSet());
        }

        private float[][] newSet() {
            float[][] set = new float[writers.length][];
            for (int i = 0; i < set.length; i++) {
                set[i] = writers[i] == null ? null : new float[setCells];
            }
            return set;
        }

        /** Starts the lanes and adds the pool's other buffer sets, once {@code inline} answered false. */
        private void startLanes() {
            inline = () -> false;
            for (int l = 0; l < laneCount; l++) {
                String name = "gep-run-maps-" + l;
                lanes.add(Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                }));
            }
            for (int k = 1; k < MAP_SETS; k++) {
                free.add(newSet());
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
            if (lanes.isEmpty()) {
                if (inline.getAsBoolean()) {
                    writeLane(set, rows, -1);
                    free.add(set);
                    return;
                }
                startLanes();
            }
            AtomicInteger lanesLeft = new AtomicInteger(lanes.size());
            for (int l = 0; l < lanes.size(); l++) {
                int lane = l;
                pending.add(lanes.get(l).submit(() -> {
                    try {
                        writeLane(set, rows, lane);
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

        /** Writes the maps of {@code lane} (every map for −1). */
        private void writeLane(float[][] set, int rows, int lane) {
            for (int i = 0; i < writers.length; i++) {
                if (writers[i] != null && (lane < 0 || LANE_OF_MAP[i] % lanes.size() == lane)) {
                    writers[i].writeRows(set[i], rows);
                }
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
                throw Failures.unchecked(e.getCause());
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
            closeWriters();
        }

        private void closeWriters() {
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
