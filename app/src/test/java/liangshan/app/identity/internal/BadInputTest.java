package liangshan.app.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liangshan.app.identity.Role;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whatever a client sends, a bad request is a 4xx problem+json with a stable code and every field
 * problem listed, and it changes nothing: user and audit counts are the same before and after.
 */
@IntegrationTest
class BadInputTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private ApiClient admin;
    private TestAccounts.Account adminAccount;
    private long usersBefore;
    private long auditBefore;

    @BeforeEach
    void signIn() {
        adminAccount = TestAccounts.create(context, "b-admin", Role.CITY_ADMIN, "3308");
        admin = new ApiClient(port).signedIn(adminAccount.username(), adminAccount.password());
        usersBefore = count("identity_user");
        auditBefore = count("audit_log");
    }

    @AfterEach
    void nothingChanged() {
        assertThat(count("identity_user")).as("users").isEqualTo(usersBefore);
        assertThat(count("audit_log")).as("audit records").isEqualTo(auditBefore);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static void assertProblem(ApiClient.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.json().path("messageZh").asString()).isNotBlank().isNotEqualTo(code);
        assertThat(r.json().path("messageEn").asString()).isNotBlank().isNotEqualTo(code);
    }

    @Test
    void malformedJson() {
        assertProblem(admin.post("/api/v1/users", "{\"username\": "), 400, "request.malformed-json");
        assertProblem(admin.post("/api/v1/users", "[1,2"), 400, "request.malformed-json");
    }

    @Test
    void emptyBody() {
        assertProblem(admin.post("/api/v1/users", ""), 400, "request.body-missing");
    }

    @Test
    void unknownFieldIsRejectedNotIgnored() {
        ApiClient.Response r = admin.post(
                "/api/v1/users",
                ApiClient.json(Map.of(
                        "username",
                        TestAccounts.unique("b-unknown"),
                        "roles",
                        List.of("INVESTOR"),
                        "scope",
                        "3308",
                        "password",
                        "Long-enough-password-1",
                        "isAdmin",
                        true)));
        assertProblem(r, 400, "request.unknown-field");
        assertThat(ApiClient.errorFields(r)).containsExactly("isAdmin");
    }

    @Test
    void wrongTypes() {
        ApiClient.Response role = admin.post(
                "/api/v1/users",
                "{\"username\":\"b-type\",\"roles\":[\"EMPEROR\"],\"scope\":\"3308\",\"password\":\"Long-enough-1\"}");
        assertProblem(role, 400, "request.wrong-type");
        assertThat(ApiClient.errorFields(role)).containsExactly("roles[0]");
        ApiClient.Response flag = admin.patch("/api/v1/users/" + adminAccount.id(), "{\"enabled\":{\"a\":1}}");
        assertProblem(flag, 400, "request.wrong-type");
        assertThat(ApiClient.errorFields(flag)).containsExactly("enabled");
        ApiClient.Response id = admin.get("/api/v1/users/not-a-number");
        assertProblem(id, 400, "request.wrong-type");
        ApiClient.Response page = admin.get("/api/v1/users?page=abc");
        assertProblem(page, 400, "request.wrong-type");
        assertThat(ApiClient.errorFields(page)).containsExactly("page");
    }

    @Test
    void everyMissingRequiredFieldIsListed() {
        ApiClient.Response r = admin.post("/api/v1/users", "{}");
        assertProblem(r, 400, "request.invalid");
        assertThat(ApiClient.errorFields(r)).containsExactlyInAnyOrder("username", "roles", "scope");
        assertThat(ApiClient.errorCodes(r)).containsOnly("validation.required");
    }

    @Test
    void everySemanticProblemIsListed() {
        ApiClient.Response r = admin.post(
                "/api/v1/users",
                ApiClient.json(Map.of(
                        "username", "Bad Name!",
                        "roles", List.of("PUBLIC", "COUNTY_OFFICER"),
                        "scope", "12",
                        "password", "short")));
        assertProblem(r, 400, "request.invalid");
        assertThat(ApiClient.errorCodes(r))
                .containsExactlyInAnyOrder(
                        "users.username-format", "users.role-public", "users.scope-format", "password.too-short");
        ApiClient.Response mismatch = admin.post(
                "/api/v1/users",
                ApiClient.json(Map.of(
                        "username",
                        TestAccounts.unique("b-mismatch"),
                        "roles",
                        List.of("VILLAGE_ACCOUNTANT"),
                        "scope",
                        "330802",
                        "password",
                        "Long-enough-password-1")));
        assertProblem(mismatch, 400, "request.invalid");
        assertThat(ApiClient.errorCodes(mismatch)).containsExactly("users.role-scope-mismatch");
    }

    @Test
    void householdUsersActForExactlyOneParty() {
        String village = "330802005200";
        assertThat(createRejected(List.of("HOUSEHOLD", "VILLAGE_ACCOUNTANT"), village, null))
                .containsExactlyInAnyOrder("users.household-only-role", "users.household-party-required");
        assertThat(createRejected(List.of("VILLAGE_ACCOUNTANT"), village, 7L))
                .containsExactly("users.party-without-household");
        assertThat(createRejected(List.of("HOUSEHOLD"), "330802", 7L)).containsExactly("users.role-scope-mismatch");
    }

    /** Posts a new user that must be refused with 400 and answers the field problems' codes. */
    private List<String> createRejected(List<String> roles, String scope, Long partyId) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "username",
                TestAccounts.unique("b-hh"),
                "roles",
                roles,
                "scope",
                scope,
                "password",
                "Long-enough-password-1"));
        if (partyId != null) {
            body.put("partyId", partyId);
        }
        ApiClient.Response r = admin.post("/api/v1/users", ApiClient.json(body));
        assertProblem(r, 400, "request.invalid");
        return ApiClient.errorCodes(r);
    }

    @Test
    void pagingLimits() {
        ApiClient.Response r = admin.get("/api/v1/users?page=-1&size=501");
        assertProblem(r, 400, "request.invalid-paging");
        assertThat(ApiClient.errorFields(r)).containsExactlyInAnyOrder("page", "size");
        assertThat(admin.get("/api/v1/users?size=500").status()).isEqualTo(200);
    }

    @Test
    void unsupportedMediaType() {
        assertProblem(
                admin.send("POST", "/api/v1/users", "username=x", "text/plain"), 415, "http.unsupported-media-type");
    }

    @Test
    void oversizedBodyWithContentLength() {
        assertProblem(admin.send("POST", "/api/v1/users", hugeJson(), "application/json"), 413, "request.too-large");
    }

    @Test
    void oversizedChunkedBody() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/users"))
                .header("Content-Type", "application/json")
                .header("Cookie", "JSESSIONID=" + admin.cookie("JSESSIONID") + "; XSRF-TOKEN=" + admin.csrfToken())
                .header("X-XSRF-TOKEN", admin.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(hugeJson())))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"request.too-large\"");
    }

    /** 11 MiB of valid JSON: one long display name. */
    private static byte[] hugeJson() {
        char[] filler = new char[11 * 1024 * 1024];
        Arrays.fill(filler, 'x');
        return ("{\"username\":\"b-huge\",\"roles\":[\"INVESTOR\"],\"scope\":\"3308\",\"displayName\":\""
                        + new String(filler) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
