package liangshan.app.ecoaccount.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import liangshan.app.audit.AuditTrail;
import liangshan.app.ecoaccount.GepRunSucceeded;
import liangshan.app.platform.DataDirectory;
import liangshan.app.web.ApiException;
import liangshan.gep.cell.InputProblem;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.run.GepRun;
import liangshan.gep.run.ZoneRow;
import liangshan.raster.RasterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs GEP runs in the background, one at a time (the pipeline uses the whole machine); the rest
 * wait in a queue. A run computes into {@code <data-dir>/gep/runs/<id>/out/} (kept after success:
 * {@code zones.csv}, {@code maps/<indicator>.tif}, {@code provenance.json}, {@code report.html},
 * {@code report.pdf}; removed after failure or cancellation), then stores every village row and
 * marks the run succeeded in one transaction, and publishes {@link GepRunSucceeded} after that
 * transaction committed. Cancellation is checked between strips of the pipeline and once more
 * under the run's row lock before storing, so a cancelled run never stores rows.
 */
@Component
class GepRunJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GepRunJobs.class);
    /** Progress is written at most this often (plus at every change of stage). */
    private static final long PROGRESS_MILLIS = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GepRunStore runs;
    private final GepResultStore results;
    private final GepRunZones zones;
    private final GepInputSets inputSets;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final DataDirectory dataDirectory;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gep-run");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicBoolean> cancelFlags = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    /** For tests: called with the run id after the run is marked running, before it computes. */
    volatile Consumer<String> beforeCompute = id -> {};

    GepRunJobs(
            GepRunStore runs,
            GepResultStore results,
            GepRunZones zones,
            GepInputSets inputSets,
            AuditTrail audit,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            DataDirectory dataDirectory,
            Clock clock) {
        this.runs = runs;
        this.results = results;
        this.zones = zones;
        this.inputSets = inputSets;
        this.audit = audit;
        this.tx = tx;
        this.events = events;
        this.dataDirectory = dataDirectory;
        this.clock = clock;
    }

    /** Queues the (committed, queued) run {@code id}. */
    void submit(String id) {
        cancelFlags.put(id, new AtomicBoolean());
        executor.execute(() -> execute(id));
    }

    /** Asks the running run {@code id} to stop at its next check. */
    void cancel(String id) {
        AtomicBoolean flag = cancelFlags.get(id);
        if (flag != null) {
            flag.set(true);
        }
    }

    /** Where run {@code id} computes. */
    Path runDir(String id) {
        return dataDirectory.resolve("gep/runs").resolve(id);
    }

    void execute(String id) {
        try {
            GepRunView run = shuttingDown ? null : runs.find(id).orElse(null);
            if (run == null || !run.status().equals("queued") || !runs.markRunning(id, clock.instant())) {
                return;
            }
            beforeCompute.accept(id);
            compute(run);
        } catch (RuntimeException | Error e) {
            log.error("GEP run {} failed unexpectedly", id, e);
            fail(id, List.of(problem("run.failed", "run", "核算失败：" + e, "the run failed: " + e)));
        } finally {
            cancelFlags.remove(id);
        }
    }

    private void compute(GepRunView run) {
        String id = run.id();
        Path dir = runDir(id);
        AtomicBoolean flag = cancelFlags.computeIfAbsent(id, k -> new AtomicBoolean());
        boolean stored = false;
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir);
            Path zoneFile = dir.resolve("zones.geojson");
            zones.write(run.scope(), zoneFile);
            GepInputSets.InputSet inputs = inputSets.get(run.inputs());
            GepRun.Result result = new GepRun(clock)
                    .run(
                            new GepRun.Request(inputs.dir(), zoneFile, run.params(), run.year(), dir.resolve("out")),
                            throttled(id),
                            () -> flag.get() || shuttingDown);
            String provenance = Files.readString(dir.resolve("out/provenance.json"), StandardCharsets.UTF_8);
            stored = store(run, result.rows(), provenance);
            if (stored) {
                publish(new GepRunSucceeded(id, run.year(), run.scope()));
            }
        } catch (InvalidInputException e) {
            fail(id, e.problems().stream().map(GepRunJobs::problem).toList());
        } catch (GepRun.CancelledException e) {
            if (shuttingDown) {
                fail(id, List.of(interrupted()));
            } else {
                finish(id, "cancelled", List.of());
            }
        } catch (ApiException e) {
            fail(
                    id,
                    List.of(problem(
                            e.code(), run.inputs(), "找不到输入数据集 " + run.inputs(), "no input set " + run.inputs())));
        } catch (IOException | UncheckedIOException | RasterException e) {
            fail(
                    id,
                    List.of(problem(
                            "run.io", "run", "读写失败：" + e.getMessage(), "input/output failed: " + e.getMessage())));
        } finally {
            if (!stored) {
                deleteRecursively(dir);
            }
        }
    }

    /**
     * Publishes after the results committed, inside a fresh transaction of its own: plain {@code
     * @EventListener}s run in it (and see the committed rows), transactional ones ({@code
     * @TransactionalEventListener}, {@code @ApplicationModuleListener}) after it commits. A failing
     * listener is logged; the run stays succeeded.
     */
    private void publish(GepRunSucceeded event) {
        try {
            tx.executeWithoutResult(s -> events.publishEvent(event));
        } catch (RuntimeException e) {
            log.error("a listener of {} failed", event, e);
        }
    }

    /** Stores the rows and marks the run succeeded in one transaction; false when it was cancelled meanwhile. */
    private boolean store(GepRunView run, List<ZoneRow> rows, String provenanceJson) {
        runs.progress(run.id(), "store", 0, 1);
        Boolean ok = tx.execute(status -> {
            String now = runs.lockStatus(run.id()).orElse("");
            if (now.equals("cancelling")) {
                runs.finishUnsuccessful(run.id(), "cancelled", clock.instant(), List.of());
                audit.record(
                        "gep.run.cancelled",
                        "gep_run",
                        run.id(),
                        run.scope(),
                        Map.of("status", now),
                        Map.of("status", "cancelled"));
                return false;
            }
            if (!now.equals("running")) {
                return false;
            }
            results.replace(run.id(), run.year(), rows);
            List<ZoneRow> villageRows =
                    rows.stream().filter(r -> r.zoneCode().length() == 12).toList();
            int villages =
                    (int) villageRows.stream().map(ZoneRow::zoneCode).distinct().count();
            BigDecimal total = villageRows.stream().map(ZoneRow::valueYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
            String edition = readEdition(provenanceJson);
            runs.markSucceeded(run.id(), clock.instant(), villages, total, edition, provenanceJson);
            audit.record(
                    "gep.run.succeeded",
                    "gep_run",
                    run.id(),
                    run.scope(),
                    Map.of("status", "running"),
                    Map.of(
                            "status", "succeeded",
                            "year", run.year(),
                            "villages", villages,
                            "totalYuan", total.toPlainString(),
                            "createdBy", run.createdBy()));
            return true;
        });
        return Boolean.TRUE.equals(ok);
    }

    private static String readEdition(String provenanceJson) {
        JsonNode edition = JSON.readTree(provenanceJson).path("methodEdition");
        return edition.isString() ? edition.asString() : null;
    }

    private GepRun.Progress throttled(String id) {
        long[] last = {Long.MIN_VALUE};
        String[] lastStage = {null};
        return (stage, done, total) -> {
            long now = clock.millis();
            if (!stage.equals(lastStage[0]) || now - last[0] >= PROGRESS_MILLIS || done == total) {
                runs.progress(id, stage, done, total);
                last[0] = now;
                lastStage[0] = stage;
            }
        };
    }

    private void fail(String id, List<GepRunView.Problem> problems) {
        finish(id, "failed", problems);
    }

    private void finish(String id, String status, List<GepRunView.Problem> problems) {
        tx.executeWithoutResult(s -> {
            GepRunView run = runs.find(id).orElse(null);
            if (run != null && runs.finishUnsuccessful(id, status, clock.instant(), problems)) {
                audit.record(
                        "gep.run." + status,
                        "gep_run",
                        id,
                        run.scope(),
                        Map.of("status", run.status()),
                        Map.of("status", status, "problems", problems.size(), "createdBy", run.createdBy()));
            }
        });
    }

    /**
     * Marks the runs an earlier process left queued or running as failed ("interrupted by
     * restart") and removes their working folders; called once at start-up, before this process
     * accepts new runs.
     */
    void recoverInterrupted() {
        for (String id : runs.unfinished()) {
            finish(id, "failed", List.of(interrupted()));
            deleteRecursively(runDir(id));
        }
    }

    static GepRunView.Problem interrupted() {
        return problem(
                "run.interrupted",
                "run",
                "核算因服务重启或停止而中断，未保存任何结果；请重新提交",
                "interrupted by restart: the run stored nothing; submit it again");
    }

    static GepRunView.Problem problem(String code, String input, String zh, String en) {
        return new GepRunView.Problem(code, input, zh, en);
    }

    static GepRunView.Problem problem(InputProblem p) {
        return new GepRunView.Problem(p.code(), p.input(), p.messageZh(), p.messageEn());
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("cannot delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", dir, e.getMessage());
        }
    }

    /** Stops the running run (it ends as failed, interrupted) and drops the queue. */
    @Override
    public void destroy() throws InterruptedException {
        shuttingDown = true;
        executor.shutdown();
        if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
