package liangshan.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** Problem+json for framework errors, request ids, the SPA fallback and the OpenAPI document. */
@IntegrationTest
@TestPropertySource(
        properties = {
            "spring.web.resources.static-locations=classpath:/spa-test/",
            "spring.servlet.multipart.max-file-size=1MB",
            "spring.servlet.multipart.max-request-size=1MB"
        })
class WebConventionsTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void anonymousApiCallIs401ProblemNotRedirect() {
        ApiClient.Response r = new ApiClient(port).get("/api/v1/me");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("auth.required");
        assertThat(r.json().path("type").asString()).isEqualTo("https://liangshan.quzhou/problems/auth.required");
        assertThat(r.json().path("messageZh").asString()).isEqualTo("请先登录。");
        assertThat(r.json().path("messageEn").asString()).isEqualTo("Please sign in.");
        assertThat(r.json().path("detail").asString()).isEqualTo("请先登录。");
        assertThat(r.json().path("requestId").asString()).isEqualTo(r.header("X-Request-Id"));
    }

    @Test
    void detailFollowsAcceptLanguage() {
        ApiClient client = new ApiClient(port).header("Accept-Language", "en-GB,en;q=0.9,zh;q=0.5");
        ApiClient.Response r = client.get("/api/v1/me");
        assertThat(r.json().path("detail").asString()).isEqualTo("Please sign in.");
        assertThat(r.json().path("title").asString()).isEqualTo("Sign-in required");
    }

    @Test
    void clientRequestIdIsEchoedAndUnsafeOnesReplaced() {
        ApiClient client = new ApiClient(port).header("X-Request-Id", "trace-42.a");
        assertThat(client.get("/api/v1/me").header("X-Request-Id")).isEqualTo("trace-42.a");
        client.header("X-Request-Id", "bad id\twith spaces");
        assertThat(client.get("/api/v1/me").header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void unknownApiPathIs404Problem() {
        ApiClient.Response r = new ApiClient(port).get("/api/v1/auth/no-such-thing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("http.not-found");
    }

    @Test
    void wrongMethodIs405ProblemWithAllow() {
        ApiClient.Response r = new ApiClient(port).send("PUT", "/api/v1/auth/csrf", "{}", "application/json");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.code()).isEqualTo("http.method-not-allowed");
        assertThat(r.header("Allow")).contains("GET");
    }

    @Test
    void oversizedMultipartUploadIs413Problem() {
        TestAccounts.Account user = TestAccounts.create(context, "w-upload", Role.INVESTOR, "3308");
        ApiClient client = new ApiClient(port).signedIn(user.username(), user.password());
        String boundary = "liangshan-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 2 * 1024 * 1024 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        ApiClient.Response r =
                client.send("POST", "/api/v1/me/tokens", body, "multipart/form-data; boundary=" + boundary);
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.code()).isEqualTo("request.upload-too-large");
    }

    @Test
    void csrfEndpointAnswersTokenAndSetsCookie() {
        ApiClient client = new ApiClient(port);
        ApiClient.Response r = client.get("/api/v1/auth/csrf");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("headerName").asString()).isEqualTo("X-XSRF-TOKEN");
        assertThat(r.json().path("token").asString()).isEqualTo(client.cookie("XSRF-TOKEN"));
    }

    @Test
    void securityHeadersAreSet() {
        ApiClient.Response r = new ApiClient(port).get("/api/v1/auth/csrf");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(r.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void uiRoutesServeIndexHtml() {
        ApiClient client = new ApiClient(port);
        ApiClient.Response route = client.get("/village/330802001001");
        assertThat(route.status()).isEqualTo(200);
        assertThat(route.body()).contains("spa fallback test page");
        assertThat(client.get("/").body()).contains("spa fallback test page");
        assertThat(client.get("/assets/missing-file.js").status()).isEqualTo(404);
        assertThat(client.get("/api/v1/no-such-route").status()).isIn(401, 404);
    }

    @Test
    void openApiDocumentDescribesApiV1() {
        ApiClient client = new ApiClient(port);
        ApiClient.Response r = client.get("/api/docs/openapi.json");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("info").path("title").asString()).isEqualTo("两山 Liangshan API");
        assertThat(r.json().path("paths").has("/api/v1/users")).isTrue();
        assertThat(r.json().path("components").path("securitySchemes").has("bearer"))
                .isTrue();
        assertThat(client.get("/api/docs/openapi.json/v1").status()).isEqualTo(200);
        ApiClient.Response ui = client.get("/api/docs");
        assertThat(ui.status()).isIn(200, 302);
    }

    @Test
    void actuatorHealthIsPublicPrometheusIsNot() {
        ApiClient client = new ApiClient(port);
        assertThat(client.get("/actuator/health").status()).isEqualTo(200);
        ApiClient.Response prometheus = client.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(401);
        assertThat(prometheus.code()).isEqualTo("auth.required");
    }
}
