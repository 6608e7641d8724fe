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

/**
 * The SHA-256 of every input file for the provenance record, computed on one side thread while
 * the terrain thread fills the DEM and the run's thread computes the LS-free indicators (same
 * result as computing them at the end). The side thread checks {@code cancelled} once per file;
 * {@link #close()} stops it at the next check and waits for it, so a failed or cancelled run
 * leaves nothing running.
 */
final class TerrainOverlap implements AutoCloseable {

    private final ExecutorService side = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gep-run-side");
        t.setDaemon(true);
        return t;
    });
    private final Future<Map<Path, String>> digests;

    private final AtomicBoolean stop = new AtomicBoolean();

    TerrainOverlap(GepRun.Request request, GepRun.Validated v, BooleanSupplier cancelled) {
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
    }

    /** SHA-256 (hex) of every input file, by path. */
    Map<Path, String> digests() {
        return join(digests);
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
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Cancels what has not started, waits for the side thread to finish. */
    @Override
    public void close() {
        stop.set(true);
        digests.cancel(false);
        side.shutdown();
        try {
            side.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
