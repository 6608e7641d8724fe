package liangshan.app.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test HTTP client that behaves like the browser UI: keeps cookies, and on every mutation sends
 * the CSRF token from the {@code XSRF-TOKEN} cookie (fetching it from {@code /api/v1/auth/csrf}
 * first when there is none). With {@link #bearer} it behaves like a machine client instead.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String bearer;
    private boolean sendCsrf = true;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** One answer. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            return body.isEmpty() ? null : JSON.readTree(body);
        }

        public String code() {
            return json().path("code").asString();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** The {@code code} of every entry of a problem's {@code errors}. */
    public static java.util.List<String> errorCodes(Response problem) {
        java.util.List<String> codes = new java.util.ArrayList<>();
        problem.json().path("errors").forEach(e -> codes.add(e.path("code").asString()));
        return codes;
    }

    /** The {@code field} of every entry of a problem's {@code errors}. */
    public static java.util.List<String> errorFields(Response problem) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        problem.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    public ApiClient bearer(String token) {
        this.bearer = token;
        return this;
    }

    /** Whether mutations carry the CSRF header (true by default, like the UI). */
    public ApiClient sendCsrf(boolean send) {
        this.sendCsrf = send;
        return this;
    }

    /** Adds a header to every following request (null value removes it). */
    public ApiClient header(String name, String value) {
        if (value == null) {
            extraHeaders.remove(name);
        } else {
            extraHeaders.put(name, value);
        }
        return this;
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public Response login(String username, String password) {
        return post("/api/v1/auth/login", json(Map.of("username", username, "password", password)));
    }

    /** Signs in and fails the test when that does not work. */
    public ApiClient signedIn(String username, String password) {
        Response r = login(username, password);
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r);
        }
        return this;
    }

    public Response get(String path) {
        return send("GET", path, (byte[]) null, "application/json");
    }

    public Response post(String path, String body) {
        return send("POST", path, body, "application/json");
    }

    public Response patch(String path, String body) {
        return send("PATCH", path, body, "application/json");
    }

    public Response delete(String path) {
        return send("DELETE", path, (byte[]) null, "application/json");
    }

    public Response send(String method, String path, String body, String contentType) {
        return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    public Response send(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (!extraHeaders.containsKey("Accept")) {
            request.header("Accept", "application/json, application/problem+json");
        }
        extraHeaders.forEach(request::header);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (sendCsrf && bearer == null && !method.equals("GET") && !method.equals("HEAD")) {
            request.header("X-XSRF-TOKEN", csrfToken());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The token from the XSRF-TOKEN cookie, fetched from the server when the cookie is absent. */
    public String csrfToken() {
        String cookie = cookie("XSRF-TOKEN");
        if (cookie == null) {
            get("/api/v1/auth/csrf");
            cookie = cookie("XSRF-TOKEN");
        }
        return cookie;
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .filter(v -> !v.isEmpty())
                .findFirst()
                .orElse(null);
    }
}
