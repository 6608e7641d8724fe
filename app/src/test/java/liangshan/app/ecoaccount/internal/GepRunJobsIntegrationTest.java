package liangshan.app.ecoaccount.internal;

import static liangshan.app.ecoaccount.internal.GepRunFixtures.BAD;
import static liangshan.app.ecoaccount.internal.GepRunFixtures.BASE;
import static liangshan.app.ecoaccount.internal.GepRunFixtures.COUNTY;
import static liangshan.app.ecoaccount.internal.GepRunFixtures.awaitFinished;
import static liangshan.app.ecoaccount.internal.GepRunFixtures.runToSuccess;
import static liangshan.app.ecoaccount.internal.GepRunFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import liangshan.app.ecoaccount.GepRunSucceeded;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * GEP runs as background jobs against the real database: a run stores one row per village and
 * indicator and its totals add up; bad inputs and cancellation store nothing; a repeated POST
 * with the same idempotency key starts one run; runs left over by an earlier process end as
 * failed at start-up; every start, cancel and end is audited.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GepRunJobsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GepRunJobs jobs;

    @Autowired
    GepRunZones zones;

    @Autowired
    DataSource dataSource;

    private ApiClient admin;

    @BeforeAll
    void inputsAndUsers() {
        GepRunFixtures.writeInputSets(context.getBean(GepSynthLandscapes.class), context.getBean(GepInputSets.class));
        TestAccounts.Account a = TestAccounts.create(context, "gep-admin", Role.CITY_ADMIN, "3308");
        admin = new ApiClient(port).signedIn(a.username(), a.password());
    }

    private long resultRows(String runId) {
        return jdbc.sql("select count(*) from gep_result where run_id = ?")
                .param(runId)
                .query(Long.class)
                .single();
    }

    private long countOnAnotherConnection(String runId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from gep_result where run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long audits(String action, String runId) {
        return jdbc.sql("select count(*) from audit_log where action = ? and entity_id = ?")
                .params(action, runId)
                .query(Long.class)
                .single();
    }

    @Test
    void aRunStoresEveryVillageAndIndicatorAndItsTotalIsTheSumOfTheRows() {
        List<String> seen = new CopyOnWriteArrayList<>();
        ((ConfigurableApplicationContext) context).addApplicationListener((PayloadApplicationEvent<?> e) -> {
            if (e.getPayload() instanceof GepRunSucceeded done && done.year() == 2061) {
                // counted on a separate connection: the rows are committed before the event
                long rows = countOnAnotherConnection(done.runId());
                seen.add(done.runId() + ":" + done.scopeCode() + ":" + rows);
            }
        });
        JsonNode run = runToSuccess(admin, BASE, 2061, COUNTY);
        String id = run.path("id").asString();
        int villages = zones.villages(COUNTY).size();
        assertThat(run.path("villages").asInt()).isEqualTo(villages).isGreaterThan(250);
        assertThat(run.path("percent").asString()).isEqualTo("100.0");
        assertThat(run.path("startedAt").isNull()).isFalse();
        assertThat(resultRows(id)).isEqualTo(villages * 16L);
        BigDecimal sum = jdbc.sql("select sum(value_yuan) from gep_result where run_id = ?")
                .param(id)
                .query(BigDecimal.class)
                .single();
        assertThat(new BigDecimal(run.path("totalYuan").asString())).isEqualByComparingTo(sum);
        assertThat(sum).isPositive();
        assertThat(jdbc.sql("select count(*) from gep_result where run_id = ? and village_code not like ?")
                        .params(id, COUNTY + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select method_edition from gep_run where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("LS-2026.1");
        assertThat(jobs.runDir(id).resolve("out/zones.csv")).exists();
        assertThat(seen).containsExactly(id + ":" + COUNTY + ":" + villages * 16L);
        assertThat(audits("gep.run.started", id)).isEqualTo(1);
        assertThat(audits("gep.run.succeeded", id)).isEqualTo(1);

        JsonNode again = runToSuccess(admin, BASE, 2061, COUNTY);
        String second = again.path("id").asString();
        assertThat(resultRows(id))
                .as("replaced by the later run of the same villages and year")
                .isZero();
        assertThat(resultRows(second)).isEqualTo(villages * 16L);
        assertThat(new BigDecimal(again.path("totalYuan").asString()))
                .as("the same inputs give the same result")
                .isEqualByComparingTo(sum);
    }

    @Test
    void badInputsFailWithEveryProblemInBothLanguagesAndStoreNothing() {
        ApiClient.Response started = start(admin, BAD, 2063, COUNTY);
        assertThat(started.status()).isEqualTo(202);
        String id = started.json().path("id").asString();
        JsonNode run = awaitFinished(admin, id);
        assertThat(run.path("status").asString()).isEqualTo("failed");
        JsonNode problem = run.path("problems").get(0);
        assertThat(problem.path("input").asString()).contains("statistics.csv");
        assertThat(problem.path("messageZh").asString()).isNotBlank();
        assertThat(problem.path("messageEn").asString()).containsIgnoringCase("bogus");
        assertThat(resultRows(id)).isZero();
        assertThat(jdbc.sql("select count(*) from gep_result where year = 2063")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(Files.exists(jobs.runDir(id)))
                .as("the working folder is removed")
                .isFalse();
        assertThat(audits("gep.run.failed", id)).isEqualTo(1);
    }

    @Test
    void cancellingAQueuedAndARunningRunStoresNothing() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        jobs.beforeCompute = id -> {
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            String running = start(admin, BASE, 2064, COUNTY).json().path("id").asString();
            assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
            ApiClient.Response queued = start(admin, BASE, 2065, COUNTY);
            String waiting = queued.json().path("id").asString();
            assertThat(queued.json().path("status").asString()).isEqualTo("queued");
            assertThat(admin.get("/api/v1/gep/runs/" + running)
                            .json()
                            .path("status")
                            .asString())
                    .isEqualTo("running");

            ApiClient.Response c1 = admin.post("/api/v1/gep/runs/" + waiting + "/cancel", "");
            assertThat(c1.status()).as(c1.toString()).isEqualTo(200);
            assertThat(c1.json().path("status").asString()).isEqualTo("cancelled");
            ApiClient.Response c2 = admin.post("/api/v1/gep/runs/" + running + "/cancel", "");
            assertThat(c2.json().path("status").asString()).isEqualTo("cancelling");
            release.countDown();

            assertThat(awaitFinished(admin, running).path("status").asString()).isEqualTo("cancelled");
            assertThat(awaitFinished(admin, waiting).path("status").asString()).isEqualTo("cancelled");
            assertThat(resultRows(running)).isZero();
            assertThat(resultRows(waiting)).isZero();
            assertThat(Files.exists(jobs.runDir(running))).isFalse();
            ApiClient.Response late = admin.post("/api/v1/gep/runs/" + running + "/cancel", "");
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.code()).isEqualTo("gep.run.not-cancellable");
            assertThat(audits("gep.run.cancel-requested", running)).isEqualTo(1);
            assertThat(audits("gep.run.cancelled", running)).isEqualTo(1);
        } finally {
            release.countDown();
            jobs.beforeCompute = id -> {};
        }
    }

    @Test
    void theSameIdempotencyKeyStartsOneRun() {
        String key = TestAccounts.unique("gep-run");
        admin.header("Idempotency-Key", key);
        ApiClient.Response first;
        ApiClient.Response second;
        try {
            first = start(admin, BASE, 2066, COUNTY);
            second = start(admin, BASE, 2066, COUNTY);
        } finally {
            admin.header("Idempotency-Key", null);
        }
        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        String id = first.json().path("id").asString();
        assertThat(second.json().path("id").asString()).isEqualTo(id);
        assertThat(jdbc.sql("select count(*) from gep_run where year = 2066")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(awaitFinished(admin, id).path("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void invalidRequestsAreRejectedWithEveryProblem() {
        ApiClient.Response r = admin.post(
                "/api/v1/gep/runs",
                ApiClient.json(Map.of("inputs", "no-such-set", "year", 1800, "params", "nope", "scope", COUNTY)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("gep.run.invalid");
        assertThat(ApiClient.errorCodes(r))
                .containsExactlyInAnyOrder("gep.run.bad-year", "gep.inputs.not-found", "gep.run.unknown-params");
        ApiClient.Response town = start(admin, BASE, 2067, "330802005");
        assertThat(ApiClient.errorCodes(town)).containsExactly("gep.run.scope-level");
        assertThat(admin.get("/api/v1/gep/runs?status=bogus").status()).isEqualTo(400);
    }

    @Test
    void runsLeftOverByAnEarlierProcessEndAsFailedInterrupted() {
        String id = "01JZZZZZZZZZZZZZZZZZZZZZZ" + (char) ('A' + (int) (System.nanoTime() % 20));
        jdbc.sql("""
                insert into gep_run (id, status, year, params_id, inputs_name, scope_code, created_by, created_at,
                                     started_at, stage)
                values (?, 'running', 2068, 'quzhou-2025-v1', ?, ?, 'someone', now(), now(), 'indicators')
                """).params(id, BASE, COUNTY).update();
        jobs.recoverInterrupted();
        JsonNode run = admin.get("/api/v1/gep/runs/" + id).json();
        assertThat(run.path("status").asString()).isEqualTo("failed");
        assertThat(run.path("problems").get(0).path("code").asString()).isEqualTo("run.interrupted");
        assertThat(run.path("problems").get(0).path("messageEn").asString()).contains("interrupted by restart");
        assertThat(run.path("finishedAt").isNull()).isFalse();
    }

    @Test
    void theListIsNewestFirstAndFiltered() {
        String newest = runToSuccess(admin, BASE, 2069, COUNTY).path("id").asString();
        JsonNode page =
                admin.get("/api/v1/gep/runs?year=2069&status=succeeded&size=5").json();
        assertThat(page.path("items").get(0).path("id").asString()).isEqualTo(newest);
        assertThat(page.path("total").asLong()).isEqualTo(page.path("items").size());
        assertThat(page.path("items").size()).isPositive();
        page.path("items").forEach(r -> {
            assertThat(r.path("year").asInt()).isEqualTo(2069);
            assertThat(r.path("status").asString()).isEqualTo("succeeded");
        });
    }
}
