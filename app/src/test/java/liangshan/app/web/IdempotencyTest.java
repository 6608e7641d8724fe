package liangshan.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code Idempotency-Key}: one effect per key, identical replays, refused reuse. */
@IntegrationTest
class IdempotencyTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private TestAccounts.Account admin;

    @BeforeEach
    void createAdmin() {
        admin = TestAccounts.create(context, "i-admin", Role.CITY_ADMIN, "3308");
    }

    private ApiClient client(String key) {
        return new ApiClient(port).signedIn(admin.username(), admin.password()).header("Idempotency-Key", key);
    }

    private static String newUser(String username) {
        return ApiClient.json(Map.of(
                "username",
                username,
                "roles",
                List.of("INVESTOR"),
                "scope",
                "3308",
                "password",
                "Long-enough-password-1"));
    }

    private long users(String username) {
        return jdbc.sql("select count(*) from identity_user where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    @Test
    void replayReturnsTheStoredAnswerWithoutRunningAgain() {
        String username = TestAccounts.unique("i-user");
        ApiClient client = client(TestAccounts.unique("key"));
        ApiClient.Response first = client.post("/api/v1/users", newUser(username));
        ApiClient.Response second = client.post("/api/v1/users", newUser(username));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(users(username)).isEqualTo(1);
        long audited = jdbc.sql(
                        "select count(*) from audit_log where action = 'identity.user.created' and entity_id = ?")
                .param(first.json().path("user").path("id").asString())
                .query(Long.class)
                .single();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void withoutKeyTheSecondPostIsAConflict() {
        String username = TestAccounts.unique("i-nokey");
        ApiClient client = new ApiClient(port).signedIn(admin.username(), admin.password());
        assertThat(client.post("/api/v1/users", newUser(username)).status()).isEqualTo(201);
        ApiClient.Response again = client.post("/api/v1/users", newUser(username));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("users.username-taken");
    }

    @Test
    void sameKeyWithAnotherBodyIs422() {
        ApiClient client = client(TestAccounts.unique("key"));
        assertThat(client.post("/api/v1/users", newUser(TestAccounts.unique("i-a")))
                        .status())
                .isEqualTo(201);
        String other = TestAccounts.unique("i-b");
        ApiClient.Response reused = client.post("/api/v1/users", newUser(other));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("idempotency.key-reused");
        assertThat(users(other)).isZero();
    }

    @Test
    void concurrentDuplicatesHaveOneEffect() throws Exception {
        String username = TestAccounts.unique("i-race");
        String key = TestAccounts.unique("key");
        int threads = 6;
        List<ApiClient> clients = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            clients.add(client(key));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (ApiClient c : clients) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.post("/api/v1/users", newUser(username));
                }));
            }
            start.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> f : futures) {
                responses.add(f.get());
            }
            assertThat(users(username)).isEqualTo(1);
            long executed = responses.stream()
                    .filter(r -> r.status() == 201 && r.header("Idempotent-Replayed") == null)
                    .count();
            assertThat(executed).isEqualTo(1);
            assertThat(responses)
                    .allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 409));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void answersWithOneTimeSecretsAreNotReplayed() {
        String username = TestAccounts.unique("i-secret");
        ApiClient client = client(TestAccounts.unique("key"));
        String body = ApiClient.json(Map.of("username", username, "roles", List.of("INVESTOR"), "scope", "3308"));
        ApiClient.Response first = client.post("/api/v1/users", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("oneTimePassword").asString()).isNotBlank();
        ApiClient.Response second = client.post("/api/v1/users", body);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("idempotency.secret-not-replayed");
        assertThat(second.body())
                .doesNotContain(first.json().path("oneTimePassword").asString());
        assertThat(users(username)).isEqualTo(1);
        long keptWithoutBody = jdbc.sql("select count(*) from web_idempotency where actor = ? and body is null")
                .param(admin.username())
                .query(Long.class)
                .single();
        assertThat(keptWithoutBody).isEqualTo(1);
    }

    @Test
    void malformedKeyIs400() {
        ApiClient.Response r = client("x".repeat(201)).post("/api/v1/users", newUser(TestAccounts.unique("i-k")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("idempotency.key-invalid");
    }
}
