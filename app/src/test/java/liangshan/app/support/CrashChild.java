package liangshan.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * kill -9 tests: runs a class's {@code main} in a child JVM (this test's JDK and class path, the shared test
 * database's JDBC URL as the first argument), reads its standard output line by line and kills it with SIGKILL
 * a short, varying time after it printed a marker line — mid-transaction, as a power cut would.
 */
public final class CrashChild {

    private CrashChild() {}

    /**
     * Starts {@code main} with {@code args} after the JDBC URL, kills it {@code minDelayMs} + [0, {@code
     * spreadMs}) ms after it printed {@code marker}, checks that it died by SIGKILL (exit code 137) and answers
     * the lines it printed before the kill (also printed, to read in the test log).
     */
    public static List<String> killAfter(Class<?> main, String marker, long minDelayMs, long spreadMs, String... args)
            throws IOException, InterruptedException {
        Process child = start(main, args);
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.equals(marker)) {
                    Thread.sleep(minDelayMs + (System.nanoTime() % spreadMs));
                    child.destroyForcibly(); // SIGKILL
                    break;
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL: %s", lines).isEqualTo(137);
        System.out.println(main.getSimpleName() + " output before the kill: " + lines);
        return lines;
    }

    private static Process start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.add(SharedTestDatabase.server().getJdbcUrl("postgres", "postgres"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
