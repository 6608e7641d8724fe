package liangshan.app.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /api/v1/money} end to end: accounts, a rent split as a linked batch, pending post and void,
 * reversal, history; Idempotency-Key on every write; roles and county scope (柯城区 330802 vs 衢江区
 * 330803); one audit record per change; every rejection with its stable code and zh/en message.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoneyApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private TestAccounts.Account admin;
    private TestAccounts.Account coop;
    private TestAccounts.Account auditor;
    private TestAccounts.Account accountant;

    @BeforeAll
    void users() {
        admin = TestAccounts.create(context, "money-admin", Role.CITY_ADMIN, "3308");
        coop = TestAccounts.create(context, "money-coop", Role.COOPERATIVE_OPERATOR, "330802");
        auditor = TestAccounts.create(context, "money-auditor", Role.AUDITOR, "3308");
        accountant = TestAccounts.create(context, "money-village", Role.VILLAGE_ACCOUNTANT, "330802005200");
    }

    private ApiClient as(TestAccounts.Account user) {
        return new ApiClient(port).signedIn(user.username(), user.password());
    }

    private static ApiClient.Response write(ApiClient client, String path, Object body) {
        client.header("Idempotency-Key", UUID.randomUUID().toString());
        return client.post(path, ApiClient.json(body));
    }

    private static Map<String, Object> account(UUID id, String division, boolean noOverdraft) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("asset", "CNY");
        body.put("owner", "party-" + division);
        body.put("purpose", noOverdraft ? "village.collective.cash" : "cooperative.rent.source");
        body.put("divisionCode", division);
        body.put("name", "测试账户 " + division);
        body.put("flags", noOverdraft ? List.of("DEBITS_MUST_NOT_EXCEED_CREDITS") : List.of());
        return body;
    }

    private static Map<String, Object> transfer(UUID id, UUID debit, UUID credit, long amount, String... flags) {
        Map<String, Object> t = new HashMap<>();
        t.put("id", id);
        t.put("debitAccountId", debit);
        t.put("creditAccountId", credit);
        t.put("amount", amount);
        t.put("asset", "CNY");
        t.put("code", "rent.payment");
        t.put("references", Map.of("contract", "HT-2026-001"));
        t.put("flags", List.of(flags));
        return t;
    }

    private long balance(ApiClient client, UUID id) {
        return client.get("/api/v1/money/accounts/" + id)
                .json()
                .get("creditBalancePosted")
                .asLong();
    }

    @Test
    void rentSplitPendingAndReversalThroughTheApi() {
        ApiClient c = as(coop);
        UUID coopSource = UUID.randomUUID();
        UUID village = UUID.randomUUID();
        UUID household = UUID.randomUUID();
        assertThat(write(c, "/api/v1/money/accounts", account(coopSource, "330802", false))
                        .status())
                .isEqualTo(201);
        assertThat(write(c, "/api/v1/money/accounts", account(village, "330802005203", true))
                        .status())
                .isEqualTo(201);
        assertThat(write(c, "/api/v1/money/accounts", account(household, "330802005203", true))
                        .status())
                .isEqualTo(201);

        // Rent 10,000.00 元 split 70/30 as one linked batch.
        UUID rentToVillage = UUID.randomUUID();
        UUID rentToHousehold = UUID.randomUUID();
        ApiClient.Response batch = write(
                c,
                "/api/v1/money/transfers",
                Map.of(
                        "transfers",
                        List.of(
                                transfer(rentToVillage, coopSource, village, 700_000, "LINKED"),
                                transfer(rentToHousehold, coopSource, household, 300_000))));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        assertThat(batch.json().get("results").findValuesAsString("code")).containsExactly("OK", "OK");
        assertThat(balance(c, village)).isEqualTo(700_000);

        // A failing linked batch moves nothing and says why, in both languages.
        ApiClient.Response failed = write(
                c,
                "/api/v1/money/transfers",
                Map.of(
                        "transfers",
                        List.of(
                                transfer(UUID.randomUUID(), village, household, 100, "LINKED"),
                                transfer(UUID.randomUUID(), village, household, 9_999_999))));
        assertThat(failed.json().get("results").findValuesAsString("code"))
                .containsExactly("LINKED_EVENT_FAILED", "EXCEEDS_CREDITS");
        assertThat(failed.json().get("results").get(1).get("messageEn").asString())
                .isNotBlank();
        assertThat(failed.json().get("results").get(1).get("messageZh").asString())
                .isNotBlank();
        assertThat(balance(c, household)).isEqualTo(300_000);

        reserveAndPostPart(c, village, household);
        reverseAndAudit(c, village, household, rentToVillage, rentToHousehold);
    }

    /** Reserve 500 元, post 200 of it (the rest is released), then a void of it is refused. */
    private void reserveAndPostPart(ApiClient c, UUID village, UUID household) {
        UUID hold = UUID.randomUUID();
        Map<String, Object> pending = transfer(hold, village, household, 50_000, "PENDING");
        pending.put("timeoutSeconds", 3600);
        assertThat(write(c, "/api/v1/money/transfers", Map.of("transfers", List.of(pending)))
                        .json()
                        .get("results")
                        .get(0)
                        .get("code")
                        .asString())
                .isEqualTo("OK");
        ApiClient.Response post = write(
                c, "/api/v1/money/transfers/" + hold + "/post", Map.of("id", UUID.randomUUID(), "amount", 20_000));
        assertThat(post.status()).as(post.toString()).isEqualTo(200);
        ApiClient.Response again =
                write(c, "/api/v1/money/transfers/" + hold + "/void", Map.of("id", UUID.randomUUID()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ledger.pending-already-posted");
        assertThat(balance(c, household)).isEqualTo(320_000);
    }

    private void reverseAndAudit(ApiClient c, UUID village, UUID household, UUID rentToVillage, UUID rentToHousehold) {
        // The village's rent cannot be reversed: 200 元 of it is spent, and the account may not go negative.
        assertThat(write(c, "/api/v1/money/transfers/" + rentToVillage + "/reverse", Map.of("id", UUID.randomUUID()))
                        .code())
                .isEqualTo("ledger.exceeds-credits");
        // The household's can: a new transfer mirrors it; a second reversal is refused.
        ApiClient.Response reversal =
                write(c, "/api/v1/money/transfers/" + rentToHousehold + "/reverse", Map.of("id", UUID.randomUUID()));
        assertThat(reversal.status()).as(reversal.toString()).isEqualTo(200);
        assertThat(write(c, "/api/v1/money/transfers/" + rentToHousehold + "/reverse", Map.of("id", UUID.randomUUID()))
                        .code())
                .isEqualTo("ledger.already-reversed");
        assertThat(balance(c, household)).isEqualTo(20_000);
        assertThat(balance(c, village)).isEqualTo(680_000);

        ApiClient.Response history = as(auditor).get("/api/v1/money/accounts/" + household + "/transfers?size=2");
        assertThat(history.json().get("total").asLong()).isEqualTo(4);
        assertThat(history.json().get("items").size()).isEqualTo(2);
        assertThat(history.json().get("items").get(0).get("reverses").asString())
                .isEqualTo(rentToHousehold.toString());
        assertThat(jdbc.sql(
                                "select count(*) from audit_log where action like 'money.%' and division_code like '330802%'"
                                        + " and after_json::text like ?")
                        .param("%" + rentToHousehold + "%")
                        .query(Long.class)
                        .single())
                .as("the batch, its reversal and the refused second reversal (a remembered rejection) are audited")
                .isEqualTo(3);
    }

    @Test
    void everyWriteNeedsAnIdempotencyKeyAndAReplayMovesNothing() {
        ApiClient c = as(admin);
        UUID source = UUID.randomUUID();
        UUID cash = UUID.randomUUID();
        write(c, "/api/v1/money/accounts", account(source, "330803", false));
        write(c, "/api/v1/money/accounts", account(cash, "330803001003", true));
        String body = ApiClient.json(Map.of("transfers", List.of(transfer(UUID.randomUUID(), source, cash, 1234))));
        c.header("Idempotency-Key", null);
        ApiClient.Response noKey = c.post("/api/v1/money/transfers", body);
        assertThat(noKey.status()).isEqualTo(428);
        assertThat(noKey.code()).isEqualTo("money.idempotency-key-required");
        c.header("Idempotency-Key", "pay-" + UUID.randomUUID());
        assertThat(c.post("/api/v1/money/transfers", body).status()).isEqualTo(200);
        ApiClient.Response replay = c.post("/api/v1/money/transfers", body);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        // Another key, same transfer id: the ledger itself answers EXISTS and moves nothing.
        c.header("Idempotency-Key", "pay-" + UUID.randomUUID());
        assertThat(c.post("/api/v1/money/transfers", body)
                        .json()
                        .get("results")
                        .get(0)
                        .get("code")
                        .asString())
                .isEqualTo("EXISTS");
        assertThat(balance(c, cash)).isEqualTo(1234);
    }

    @Test
    void rolesAndCountyScope() {
        ApiClient a = as(admin);
        UUID other = UUID.randomUUID();
        UUID own = UUID.randomUUID();
        write(a, "/api/v1/money/accounts", account(other, "330803", false));
        write(a, "/api/v1/money/accounts", account(own, "330802005203", true));

        ApiClient c = as(coop);
        assertThat(write(c, "/api/v1/money/accounts", account(UUID.randomUUID(), "330803", true))
                        .code())
                .isEqualTo("money.out-of-scope");
        ApiClient.Response cross = write(
                c,
                "/api/v1/money/transfers",
                Map.of("transfers", List.of(transfer(UUID.randomUUID(), other, own, 100))));
        assertThat(cross.status()).isEqualTo(403);
        assertThat(cross.code()).isEqualTo("money.out-of-scope");
        assertThat(c.get("/api/v1/money/accounts/" + other).status()).isEqualTo(404);
        assertThat(c.get("/api/v1/money/accounts/" + own).status()).isEqualTo(200);
        assertThat(c.get("/api/v1/money/accounts?division=330802").json().findValuesAsString("divisionCode"))
                .allMatch(d -> d.startsWith("330802"));

        ApiClient audit = as(auditor);
        assertThat(audit.get("/api/v1/money/accounts/" + other).status()).isEqualTo(200);
        assertThat(write(audit, "/api/v1/money/accounts", account(UUID.randomUUID(), "330803", true))
                        .status())
                .isEqualTo(403);
        ApiClient village = as(accountant);
        assertThat(village.get("/api/v1/money/accounts/" + own).status()).isEqualTo(403);
        assertThat(new ApiClient(port).get("/api/v1/money/accounts/" + own).status())
                .isEqualTo(401);
    }

    @Test
    void invalidInputIsReportedPerField() {
        ApiClient c = as(admin);
        Map<String, Object> bad = account(null, "33", true);
        bad.put("asset", "USD");
        ApiClient.Response r = write(c, "/api/v1/money/accounts", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(r))
                .contains("money.id-required", "money.asset-unknown", "money.division-invalid");
        Map<String, Object> zero = transfer(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 0);
        ApiClient.Response z = write(c, "/api/v1/money/transfers", Map.of("transfers", List.of(zero)));
        assertThat(z.json().get("results").get(0).get("code").asString()).isEqualTo("AMOUNT_MUST_NOT_BE_ZERO");
    }
}
