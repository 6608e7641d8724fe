package liangshan.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference of the throughput benchmarks ({@code bench/money}, {@code bench/credits}): Debian's
 * {@code pgbench} (postgresql-client; the zonky binaries ship none) against the shared test server, so that
 * a service and TPC-B run on the same PostgreSQL in the same run.
 */
public final class Pgbench {

    private Pgbench() {}

    /** A fresh pgbench database at scale 10 (1,000,000 accounts, 10 branches) on the shared server. */
    public static void init() throws IOException, InterruptedException, SQLException {
        try (var c = SharedTestDatabase.server().getPostgresDatabase().getConnection();
                var s = c.createStatement()) {
            s.execute("drop database if exists pgbench");
            s.execute("create database pgbench");
        }
        exec(List.of("pgbench", "-h", "localhost", "-p", port(), "-U", "postgres", "-i", "-q", "-s", "10", "pgbench"));
    }

    /** Transactions per second of the built-in TPC-B-like script with {@code clients} for {@code seconds}. */
    public static double tpcb(int clients, int seconds) throws IOException, InterruptedException {
        String out = exec(List.of(
                "pgbench",
                "-h",
                "localhost",
                "-p",
                port(),
                "-U",
                "postgres",
                "-n",
                "-c",
                "" + clients,
                "-j",
                "2",
                "-T",
                "" + seconds,
                "pgbench"));
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static String port() {
        return "" + SharedTestDatabase.server().getPort();
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
