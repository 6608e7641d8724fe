import java.nio.file.Path;
import java.time.Clock;
import liangshan.gep.run.GepRun;

/**
 * Runs {@link GepRun} directly (no Spring, no embedded PostgreSQL), the same engine call as
 * {@code liangshan gep run}, and prints the elapsed time at each progress stage to stderr, at the
 * end of each stage and after a pause of more than a second (and three times the previous
 * interval) between two reports of a stage (e.g. a pass waiting for another thread).
 * Run with Java's single-file launcher and the application's libraries on the class path:
 * {@code java -cp 'work/lib/*' bench/gep/GepBench.java INPUTS ZONES PARAMS YEAR OUT}.
 */
public final class GepBench {

    private GepBench() {}

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        String[] last = {""};
        long[] previous = {t0, 0};
        GepRun.Progress progress = (stage, done, total) -> {
            long now = System.nanoTime();
            if (!stage.equals(last[0]) || done == total) {
                System.err.printf("[java] %7.1f s  %s %d/%d%n", (now - t0) / 1e9, stage, done, total);
                last[0] = stage;
            } else if (now - previous[0] > 1_000_000_000L && now - previous[0] > 3 * previous[1]) {
                System.err.printf(
                        "[java] %7.1f s  %s %d/%d (after a pause of %.1f s)%n",
                        (now - t0) / 1e9, stage, done, total, (now - previous[0]) / 1e9);
            }
            previous[1] = now - previous[0];
            previous[0] = now;
        };
        GepRun.Request request = new GepRun.Request(
                Path.of(args[0]), Path.of(args[1]), args[2], Integer.parseInt(args[3]), Path.of(args[4]));
        GepRun.Result r = new GepRun(Clock.systemUTC()).run(request, progress, () -> false);
        System.err.printf("[java] %7.1f s  done, %d zones, %d rows%n", (System.nanoTime() - t0) / 1e9, r.zoneCount(),
                r.rows().size());
    }
}
