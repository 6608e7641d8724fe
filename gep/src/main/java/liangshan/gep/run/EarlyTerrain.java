package liangshan.gep.run;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import liangshan.raster.Band;
import liangshan.raster.Failures;
import liangshan.raster.geotiff.GeoTiff;
import liangshan.raster.terrain.LsFactor;

/**
 * The terrain stage (DEM read, priority-flood, D8, accumulation, LS), started on its own thread
 * as soon as the rasters are open and the parameter set is known, so that the (mostly
 * sequential) priority-flood runs while the caller's thread validates the rest (zone file,
 * zone rasterisation, land-cover scan, tables). The result is the same as computing it after
 * validation. {@link #close()} stops the computation at its next check (every 65,536 flooded
 * cells and between steps: a failed validation or a cancelled run does not leave it running) and
 * waits for the thread.
 *
 * <p>Memory: the terrain's peak (see {@link GepRun}) now overlaps validation, whose own arrays
 * are the zone index (kept for the run anyway) and one land-cover strip.
 */
final class EarlyTerrain implements AutoCloseable {

    /** The LS band and the DEM's no-data cell count. */
    record Result(Band ls, long demNoData) {}

    private static final long POLL_MILLIS = 200;

    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gep-run-terrain");
        t.setDaemon(true);
        return t;
    });
    private final Future<Result> result;

    EarlyTerrain(Path dem, double maxSlopeLengthMetres) {
        result = thread.submit(() -> {
            Band band = GeoTiff.read(dem, "m", 2);
            long noData = countNoData(band);
            Band ls = LsFactor.band(band, maxSlopeLengthMetres, stop::get);
            return new Result(ls, noData);
        });
    }

    /**
     * Waits for the LS band, asking {@code cancelled} every {@value #POLL_MILLIS} ms (on the
     * caller's thread, like every other cancellation check of a run).
     */
    Result join(BooleanSupplier cancelled) {
        try {
            while (true) {
                try {
                    return result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (cancelled.getAsBoolean()) {
                        stop.set(true);
                        throw new GepRun.CancelledException("terrain");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GepRun.CancelledException("terrain");
        } catch (CancellationException e) {
            throw new GepRun.CancelledException("terrain");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException) {
                throw new GepRun.CancelledException("terrain");
            }
            throw Failures.unchecked(e.getCause());
        }
    }

    private static long countNoData(Band band) {
        long n = 0;
        for (float f : band.values()) {
            if (band.isNoData(f)) {
                n++;
            }
        }
        return n;
    }

    /** Whether the terrain stage has ended (with its result, a failure or a cancellation). */
    boolean isDone() {
        return result.isDone();
    }

    /** Stops the computation if it still runs and waits for the thread. */
    @Override
    public void close() {
        stop.set(true);
        thread.shutdown();
        try {
            thread.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
