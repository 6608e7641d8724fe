package liangshan.gep.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import liangshan.gep.provenance.Sha256;
import liangshan.gep.regulating.EmissionCapped.CapFactors;
import liangshan.gep.regulating.FusedRegulating;
import liangshan.gep.spec.GepInputs;
import liangshan.raster.Failures;

/**
 * Work that does not need the LS factor, run on one side thread while the (mostly sequential)
 * terrain stage runs on its own: the SHA-256 of every input file for the provenance record, the
 * emission-capacity pass (§R4, §R5 pass 1), then the indicator pass of every indicator but soil
 * retention ({@link FusedRegulating.Part#WITHOUT_LS}: land cover, precipitation, ET and NPP read,
 * seven maps written on this thread, so that only two threads are busy while the flood runs).
 * Everything gives the same result as when run after the terrain; the priority-flood keeps one
 * core busy and the other would be idle.
 *
 * <p>The side thread checks {@code cancelled} once per strip (and once per file) but reports no
 * progress (the progress callback is only called from the run's own thread); {@link #close()}
 * stops it at the next check and waits for the side thread, so a failed or cancelled run leaves
 * nothing running. Memory: the strip buffers of one pass at a time (see {@link RasterPasses}) on
 * top of the terrain's peak.
 */
final class TerrainOverlap implements AutoCloseable {

    private final ExecutorService side = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gep-run-side");
        t.setDaemon(true);
        return t;
    });
    private final Future<Map<Path, String>> digests;
    private final Future<Map<String, CapFactors>> factors;
    private final Future<RasterPasses.Tally> withoutLs;

    private final AtomicBoolean stop = new AtomicBoolean();

    TerrainOverlap(
            GepRun.Request request, GepRun.Validated v, BooleanSupplier cancelled, Path maps, ZoneTotals totals) {
        RasterPasses passes =
                new RasterPasses(v.rasters().grid(), v.index(), v.countyOfZone(), v.params(), (stage, done, total) -> {
                    if (stop.get() || cancelled.getAsBoolean()) {
                        throw new GepRun.CancelledException(stage);
                    }
                });
        List<Path> files = new ArrayList<>(v.rasters().paths().values());
        files.addAll(v.tables().files().values());
        files.add(request.zones());
        digests = side.submit(() -> {
            Map<Path, String> out = new LinkedHashMap<>();
            for (Path p : files) {
                if (stop.get() || cancelled.getAsBoolean()) {
                    throw new GepRun.CancelledException("terrain");
                }
                out.put(p, Sha256.hex(p));
            }
            return out;
        });
        factors = side.submit(() -> passes.capFactors(
                v.rasters().band(GepInputs.LAND_COVER.name()), v.tables().emissions()));
        withoutLs = side.submit(() -> passes.indicators(
                FusedRegulating.Part.WITHOUT_LS,
                v.rasters().band(GepInputs.LAND_COVER.name()),
                GepRun.floatInputs(v, null),
                factors.get(),
                totals,
                maps,
                () -> !v.terrain().isDone()));
    }

    /** SHA-256 (hex) of every input file, by path. */
    Map<Path, String> digests() {
        return join(digests);
    }

    /** The cap factors of the capacity pass. */
    Map<String, CapFactors> capFactors() {
        return join(factors);
    }

    /** What the pass of every indicator but soil retention counted. */
    RasterPasses.Tally withoutLs() {
        return join(withoutLs);
    }

    private static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GepRun.CancelledException("terrain");
        } catch (CancellationException e) {
            throw new GepRun.CancelledException("terrain");
        } catch (ExecutionException e) {
            throw Failures.unchecked(e.getCause());
        }
    }

    /** Cancels what has not started, waits for the side thread to finish. */
    @Override
    public void close() {
        stop.set(true);
        digests.cancel(false);
        factors.cancel(false);
        withoutLs.cancel(false);
        side.shutdown();
        try {
            side.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
