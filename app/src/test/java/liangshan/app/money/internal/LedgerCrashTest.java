package liangshan.app.money.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import liangshan.app.support.IntegrationTest;
import liangshan.app.support.SharedTestDatabase;
import liangshan.ledger.Asset;
import liangshan.ledger.LedgerInvariants;
import liangshan.ledger.NewAccount;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Kill -9 in the middle of a batch: a child JVM ({@link CrashChild}) submits linked batches of
 * {@value CrashChild#LEGS} legs against the real PostgreSQL and is killed (SIGKILL, no shutdown hooks)
 * while a batch is under way. Afterwards every batch is stored entirely or not at all; a second child then
 * re-runs every batch under the same transfer ids, and each leg exists exactly once with the right balances.
 * (The Spring context only migrates the shared database; the children are plain JVMs.)
 */
@IntegrationTest
class LedgerCrashTest {

    @Test
    void aBatchKilledMidwayIsAllOrNothingAndARerunPostsNothingTwice() throws Exception {
        String url = SharedTestDatabase.server().getJdbcUrl("postgres", "postgres");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser("postgres");
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        PgLedger ledger = new PgLedger(jdbc, new DataSourceTransactionManager(ds), java.time.Clock.systemUTC());
        UUID source = UUID.randomUUID();
        List<UUID> sinks = new ArrayList<>();
        List<NewAccount> accounts = new ArrayList<>();
        accounts.add(NewAccount.unlimited(source, Asset.CNY, "crash-bank", "crash.source"));
        for (int i = 0; i < 7; i++) {
            UUID sink = UUID.randomUUID();
            sinks.add(sink);
            accounts.add(NewAccount.noOverdraft(sink, Asset.CNY, "crash-village", "crash.cash"));
        }
        ledger.createAccounts(accounts);
        String run = "crash-" + UUID.randomUUID();
        int batches = 40;

        Process first = child(url, run, source, sinks, 0, batches - 1);
        List<String> lines = killDuringFourthBatch(first);
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        System.out.println("crash child output before the kill: " + lines);

        int complete = 0;
        for (int k = 0; k < batches; k++) {
            long stored = storedLegs(jdbc, run, k);
            assertThat(stored).as("batch %d is all or nothing", k).isIn(0L, (long) CrashChild.LEGS);
            if (stored == CrashChild.LEGS) {
                complete++;
            }
        }
        assertThat(complete)
                .as("the kill came after some batches and before the last")
                .isBetween(1, batches - 1);
        // Nothing in the database is left half-done: no open transaction of the child survives it.
        assertThat(LedgerInvariants.check(
                        ledger.snapshotOf(accounts.stream().map(NewAccount::id).toList())))
                .isEmpty();

        Process second = child(url, run, source, sinks, 0, batches - 1);
        String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(output).isZero();
        assertThat(output).contains("done 0 EXISTS").contains("done " + (batches - 1) + " OK");
        for (int k = 0; k < batches; k++) {
            assertThat(storedLegs(jdbc, run, k)).as("batch %d", k).isEqualTo(CrashChild.LEGS);
        }
        for (int s = 0; s < sinks.size(); s++) {
            long expected = 0;
            for (int i = s; i < CrashChild.LEGS; i += sinks.size()) {
                expected += CrashChild.amount(i);
            }
            assertThat(ledger.account(sinks.get(s)).orElseThrow().creditsPosted())
                    .as("sink %d got every leg of every batch once", s)
                    .isEqualTo(expected * batches);
        }
        assertThat(LedgerInvariants.check(
                        ledger.snapshotOf(accounts.stream().map(NewAccount::id).toList())))
                .isEmpty();
    }

    /** Reads the child's lines until it begins its 4th batch, then kills it with SIGKILL a moment later. */
    private static List<String> killDuringFourthBatch(Process first) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int begun = 0;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("begin ") && ++begun == 4) {
                    Thread.sleep(40 + (System.nanoTime() % 60));
                    first.destroyForcibly(); // SIGKILL
                    break;
                }
            }
        }
        return lines;
    }

    private static long storedLegs(JdbcTemplate jdbc, String run, int k) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < CrashChild.LEGS; i++) {
            ids.add(CrashChild.legId(run, k, i));
        }
        return jdbc.queryForObject(
                "select count(*) from ledger_transfer where result = 'OK' and id = any(cast(? as uuid[]))",
                Long.class,
                PgLedgerState.uuidArray(ids));
    }

    private static Process child(String url, String run, UUID source, List<UUID> sinks, int from, int to)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashChild.class.getName());
        command.add(url);
        command.add(run);
        command.add(source.toString());
        sinks.forEach(s -> command.add(s.toString()));
        command.add(Integer.toString(from));
        command.add(Integer.toString(to));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }
}
