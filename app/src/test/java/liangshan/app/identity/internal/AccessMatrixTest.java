package liangshan.app.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import liangshan.app.identity.Role;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Who may read and write users and the audit log: every role against a user in the own county (A,
 * 柯城区 330802) and one in another county (B, 衢江区 330803), with the expected HTTP status written
 * out per cell.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final Map<String, TestAccounts.Account> accounts = new HashMap<>();
    private TestAccounts.Account targetA;
    private TestAccounts.Account targetB;

    @BeforeAll
    void createAccounts() {
        accounts.put("city-admin", TestAccounts.create(context, "m-city", Role.CITY_ADMIN, "3308"));
        accounts.put("county-officer", TestAccounts.create(context, "m-county", Role.COUNTY_OFFICER, "330802"));
        accounts.put("coop-operator", TestAccounts.create(context, "m-coop", Role.COOPERATIVE_OPERATOR, "330802"));
        accounts.put(
                "village-accountant",
                TestAccounts.create(context, "m-village", Role.VILLAGE_ACCOUNTANT, "330802005200"));
        accounts.put("bank-officer", TestAccounts.create(context, "m-bank", Role.BANK_OFFICER, "3308"));
        accounts.put("investor", TestAccounts.create(context, "m-investor", Role.INVESTOR, "3308"));
        accounts.put("auditor", TestAccounts.create(context, "m-auditor", Role.AUDITOR, "3308"));
        targetA = TestAccounts.create(context, "m-target-a", Role.VILLAGE_ACCOUNTANT, "330802005203");
        targetB = TestAccounts.create(context, "m-target-b", Role.VILLAGE_ACCOUNTANT, "330803001003");
    }

    /**
     * Expected statuses: read A, read B, write A, write B, create in A, create in B, audit list,
     * audit verify. 404 means "not visible" (existence is not revealed).
     */
    static Stream<Arguments> matrix() {
        return Stream.of(
                row("city-admin", 200, 200, 200, 200, 201, 201, 200, 200),
                row("county-officer", 200, 404, 200, 404, 201, 403, 200, 403),
                row("coop-operator", 404, 404, 404, 404, 403, 403, 403, 403),
                row("village-accountant", 404, 404, 404, 404, 403, 403, 403, 403),
                row("bank-officer", 404, 404, 404, 404, 403, 403, 403, 403),
                row("investor", 404, 404, 404, 404, 403, 403, 403, 403),
                row("auditor", 404, 404, 403, 403, 403, 403, 200, 200),
                row("anonymous", 401, 401, 401, 401, 401, 401, 401, 401));
    }

    private static Arguments row(String who, int... expected) {
        return Arguments.of(who, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void accessMatrix(String who, int[] expected) {
        ApiClient client = client(who);
        List<Integer> actual = new ArrayList<>();
        actual.add(client.get("/api/v1/users/" + targetA.id()).status());
        actual.add(client.get("/api/v1/users/" + targetB.id()).status());
        actual.add(client.patch("/api/v1/users/" + targetA.id(), rename(who)).status());
        actual.add(client.patch("/api/v1/users/" + targetB.id(), rename(who)).status());
        actual.add(client.post("/api/v1/users", newUser("330802005204")).status());
        actual.add(client.post("/api/v1/users", newUser("330803001001")).status());
        actual.add(client.get("/api/v1/audit").status());
        actual.add(client.get("/api/v1/audit/verify").status());
        assertThat(actual).as(who).containsExactly(box(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void listShowsOnlyUsersInScope(String who, int[] expected) {
        if (who.equals("anonymous")) {
            assertThat(client(who).get("/api/v1/users").status()).isEqualTo(401);
            return;
        }
        List<String> names = usernames(client(who).get("/api/v1/users?size=500").json());
        String self = accounts.get(who).username();
        assertThat(names).contains(self);
        switch (who) {
            case "city-admin" -> assertThat(names).contains(targetA.username(), targetB.username());
            case "county-officer" ->
                assertThat(names)
                        .contains(targetA.username())
                        .doesNotContain(
                                targetB.username(), accounts.get("city-admin").username());
            default -> assertThat(names).containsExactly(self);
        }
    }

    @Test
    void villageAccountantNeverSeesAnotherVillagesUsers() {
        TestAccounts.Account neighbour =
                TestAccounts.create(context, "m-neighbour", Role.VILLAGE_ACCOUNTANT, "330802005202");
        ApiClient village = client("village-accountant");
        assertThat(usernames(village.get("/api/v1/users").json())).doesNotContain(neighbour.username());
        assertThat(village.get("/api/v1/users/" + neighbour.id()).status()).isEqualTo(404);
    }

    @Test
    void countyOfficerCannotGrantCityAdminNorMoveUsersOutOfTheCounty() {
        ApiClient county = client("county-officer");
        String body = ApiClient.json(Map.of(
                "username",
                TestAccounts.unique("m-escalate"),
                "roles",
                List.of("CITY_ADMIN"),
                "scope",
                "3308",
                "password",
                "Long-enough-password-1"));
        ApiClient.Response escalate = county.post("/api/v1/users", body);
        assertThat(escalate.status()).isEqualTo(403);
        ApiClient.Response move = county.patch("/api/v1/users/" + targetA.id(), "{\"scope\":\"330803001003\"}");
        assertThat(move.status()).isEqualTo(403);
        assertThat(move.code()).isEqualTo("users.outside-scope");
    }

    @Test
    void countyOfficerSeesOnlyOwnCountysAuditRecords() {
        JsonNode a = client("county-officer")
                .get("/api/v1/audit?entityType=user&entityId=" + targetA.id())
                .json();
        JsonNode b = client("county-officer")
                .get("/api/v1/audit?entityType=user&entityId=" + targetB.id())
                .json();
        assertThat(a.path("total").asLong()).isPositive();
        assertThat(b.path("total").asLong()).isZero();
        JsonNode all = client("county-officer").get("/api/v1/audit?size=500").json();
        all.path("items").forEach(item -> assertThat(item.path("divisionCode").asString())
                .startsWith("330802"));
        JsonNode city = client("city-admin")
                .get("/api/v1/audit?entityType=user&entityId=" + targetB.id())
                .json();
        assertThat(city.path("total").asLong()).isPositive();
    }

    private ApiClient client(String who) {
        ApiClient client = new ApiClient(port);
        if (!who.equals("anonymous")) {
            TestAccounts.Account account = accounts.get(who);
            client.signedIn(account.username(), account.password());
        }
        return client;
    }

    private static String rename(String who) {
        return ApiClient.json(Map.of("displayName", "renamed by " + who));
    }

    private static String newUser(String village) {
        return ApiClient.json(Map.of(
                "username",
                TestAccounts.unique("m-new"),
                "roles",
                List.of("VILLAGE_ACCOUNTANT"),
                "scope",
                village,
                "password",
                "Long-enough-password-1"));
    }

    private static List<String> usernames(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("items").forEach(u -> names.add(u.path("username").asString()));
        return names;
    }

    private static Integer[] box(int[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Integer[]::new);
    }
}
