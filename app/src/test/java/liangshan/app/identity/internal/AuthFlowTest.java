package liangshan.app.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Sign-in, CSRF, bearer tokens, throttling and password rules over real HTTP. */
@IntegrationTest
class AuthFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void loginAnswersMeAndSessionWorksUntilLogout() {
        TestAccounts.Account officer = TestAccounts.create(context, "a-officer", Role.COUNTY_OFFICER, "330802");
        ApiClient client = new ApiClient(port);
        String before = client.csrfToken();
        ApiClient.Response login = client.login(officer.username(), officer.password());
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        JsonNode me = login.json();
        assertThat(me.path("username").asString()).isEqualTo(officer.username());
        assertThat(me.path("roles").get(0).asString()).isEqualTo("COUNTY_OFFICER");
        assertThat(me.path("roleNames").get(0).path("zh").asString()).isEqualTo("县级干部");
        assertThat(me.path("scope").path("code").asString()).isEqualTo("330802");
        assertThat(me.path("scope").path("level").asString()).isEqualTo("county");
        assertThat(me.path("mustChangePassword").asBoolean()).isFalse();
        assertThat(client.cookie("XSRF-TOKEN"))
                .as("CSRF token renewed at sign-in")
                .isNotEqualTo(before);
        assertThat(client.get("/api/v1/me").json().path("id").asLong()).isEqualTo(officer.id());
        assertThat(client.post("/api/v1/auth/logout", "").status()).isEqualTo(204);
        assertThat(client.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void householdUserSignsInActingForItsParty() {
        TestAccounts.Account household = TestAccounts.createHousehold(context, "a-household", "330802005200", 4711);
        ApiClient client = new ApiClient(port);
        ApiClient.Response login = client.login(household.username(), household.password());
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().path("roles").get(0).asString()).isEqualTo("HOUSEHOLD");
        assertThat(login.json().path("roleNames").get(0).path("zh").asString()).isEqualTo("农户");
        assertThat(login.json().path("partyId").asLong()).isEqualTo(4711);
        assertThat(login.json().path("scope").path("level").asString()).isEqualTo("village");
        Actor actor = context.getBean(UserRepository.class)
                .byId(household.id())
                .orElseThrow()
                .actor();
        assertThat(actor.isHousehold(4711)).isTrue();
        assertThat(actor.isHousehold(4712)).isFalse();
    }

    @Test
    void wrongPasswordIs401AndSixthAttemptIsThrottled() {
        TestAccounts.Account user = TestAccounts.create(context, "a-throttle", Role.INVESTOR, "3308");
        ApiClient client = new ApiClient(port);
        for (int i = 1; i <= 5; i++) {
            ApiClient.Response r = client.login(user.username(), "wrong-password-" + i);
            assertThat(r.status()).as("attempt " + i).isEqualTo(401);
            assertThat(r.code()).isEqualTo("auth.bad-credentials");
        }
        ApiClient.Response sixth = client.login(user.username(), user.password());
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.code()).isEqualTo("auth.throttled");
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 15 * 60L + 1);
        TestAccounts.Account other = TestAccounts.create(context, "a-other", Role.INVESTOR, "3308");
        assertThat(client.login(other.username(), other.password()).status())
                .as("other usernames are not throttled")
                .isEqualTo(200);
    }

    @Test
    void unknownUserGetsTheSameAnswerAsWrongPassword() {
        ApiClient.Response r = new ApiClient(port).login("no-such-user-anywhere", "whatever-password");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("auth.bad-credentials");
    }

    @Test
    void sessionPostWithoutCsrfHeaderIs403WithItOk() {
        TestAccounts.Account user = TestAccounts.create(context, "a-csrf", Role.INVESTOR, "3308");
        ApiClient client = new ApiClient(port).signedIn(user.username(), user.password());
        String body = ApiClient.json(Map.of("name", "csrf test"));
        ApiClient.Response without = client.sendCsrf(false).post("/api/v1/me/tokens", body);
        assertThat(without.status()).isEqualTo(403);
        assertThat(without.code()).isEqualTo("auth.csrf-invalid");
        assertThat(client.get("/api/v1/me/tokens").json().size()).isZero();
        client.header("X-XSRF-TOKEN", "forged-token-value");
        assertThat(client.post("/api/v1/me/tokens", body).code()).isEqualTo("auth.csrf-invalid");
        client.header("X-XSRF-TOKEN", null).sendCsrf(true);
        assertThat(client.post("/api/v1/me/tokens", body).status()).isEqualTo(201);
    }

    @Test
    void bearerTokenWorksWithoutCsrfUntilRevoked() {
        TestAccounts.Account admin = TestAccounts.create(context, "a-bearer", Role.CITY_ADMIN, "3308");
        ApiClient session = new ApiClient(port).signedIn(admin.username(), admin.password());
        ApiClient.Response created = session.post("/api/v1/me/tokens", ApiClient.json(Map.of("name", "ci")));
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().path("token").asString();
        long tokenId = created.json().path("id").asLong();
        assertThat(token).startsWith("ls_");

        ApiClient machine = new ApiClient(port).bearer(token);
        assertThat(machine.get("/api/v1/me").json().path("username").asString()).isEqualTo(admin.username());
        String newUser = ApiClient.json(Map.of(
                "username",
                TestAccounts.unique("a-by-token"),
                "roles",
                List.of("INVESTOR"),
                "scope",
                "3308",
                "password",
                "Long-enough-password-1"));
        assertThat(machine.post("/api/v1/users", newUser).status()).isEqualTo(201);
        assertThat(machine.header("Accept", "text/plain")
                        .get("/actuator/prometheus")
                        .status())
                .isEqualTo(200);
        machine.header("Accept", null);

        JsonNode listed = session.get("/api/v1/me/tokens").json();
        assertThat(listed.toString()).doesNotContain(token);
        assertThat(session.delete("/api/v1/me/tokens/" + tokenId).status()).isEqualTo(204);
        ApiClient.Response revoked = machine.get("/api/v1/me");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.code()).isEqualTo("auth.invalid-token");
        String stored = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select token_hash from identity_api_token where id = ?")
                .param(tokenId)
                .query(String.class)
                .single();
        assertThat(stored).isEqualTo(TokenService.sha256(token)).doesNotContain(token);
    }

    @Test
    void newUserMustChangeTheOneTimePasswordFirst() {
        TestAccounts.Account admin = TestAccounts.create(context, "a-admin", Role.CITY_ADMIN, "3308");
        ApiClient adminClient = new ApiClient(port).signedIn(admin.username(), admin.password());
        String username = TestAccounts.unique("a-fresh");
        ApiClient.Response created = adminClient.post(
                "/api/v1/users",
                ApiClient.json(Map.of("username", username, "roles", List.of("INVESTOR"), "scope", "3308")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).contains("no-store");
        String oneTime = created.json().path("oneTimePassword").asString();
        assertThat(oneTime).hasSize(16);

        ApiClient fresh = new ApiClient(port).signedIn(username, oneTime);
        assertThat(fresh.get("/api/v1/me").json().path("mustChangePassword").asBoolean())
                .isTrue();
        ApiClient.Response blocked = fresh.get("/api/v1/users");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.code()).isEqualTo("auth.password-change-required");

        ApiClient.Response weak = fresh.post(
                "/api/v1/me/password", ApiClient.json(Map.of("currentPassword", oneTime, "newPassword", username)));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(weak)).containsExactly("password.equals-username");
        ApiClient.Response tooShort = fresh.post(
                "/api/v1/me/password", ApiClient.json(Map.of("currentPassword", oneTime, "newPassword", "short")));
        assertThat(ApiClient.errorCodes(tooShort)).containsExactly("password.too-short");
        ApiClient.Response wrong = fresh.post(
                "/api/v1/me/password",
                ApiClient.json(Map.of("currentPassword", "not-the-password", "newPassword", "A-much-better-one-9")));
        assertThat(wrong.code()).isEqualTo("auth.wrong-password");
        assertThat(fresh.post(
                                "/api/v1/me/password",
                                ApiClient.json(
                                        Map.of("currentPassword", oneTime, "newPassword", "A-much-better-one-9")))
                        .status())
                .isEqualTo(204);
        assertThat(fresh.get("/api/v1/users").status()).isEqualTo(200);
        assertThat(new ApiClient(port).login(username, oneTime).status()).isEqualTo(401);
        assertThat(new ApiClient(port).login(username, "A-much-better-one-9").status())
                .isEqualTo(200);
    }

    @Test
    void resetPasswordIssuesOneTimePasswordAndDisablingEndsTheSession() {
        TestAccounts.Account admin = TestAccounts.create(context, "a-reset-admin", Role.CITY_ADMIN, "3308");
        TestAccounts.Account user = TestAccounts.create(context, "a-reset-user", Role.BANK_OFFICER, "3308");
        ApiClient adminClient = new ApiClient(port).signedIn(admin.username(), admin.password());
        ApiClient userClient = new ApiClient(port).signedIn(user.username(), user.password());
        ApiClient.Response reset = adminClient.post("/api/v1/users/" + user.id() + "/reset-password", "");
        assertThat(reset.status()).isEqualTo(200);
        String oneTime = reset.json().path("oneTimePassword").asString();
        assertThat(new ApiClient(port).login(user.username(), user.password()).status())
                .isEqualTo(401);
        assertThat(new ApiClient(port)
                        .login(user.username(), oneTime)
                        .json()
                        .path("mustChangePassword")
                        .asBoolean())
                .isTrue();

        assertThat(adminClient
                        .patch("/api/v1/users/" + user.id(), "{\"enabled\":false}")
                        .status())
                .isEqualTo(200);
        assertThat(userClient.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(adminClient
                        .patch("/api/v1/users/" + admin.id(), "{\"enabled\":false}")
                        .code())
                .isEqualTo("users.cannot-change-own-access");
    }
}
