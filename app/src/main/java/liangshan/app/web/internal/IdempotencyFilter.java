package liangshan.app.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import liangshan.app.web.ApiException;
import liangshan.app.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for mutating {@code /api/v1} calls (IETF draft
 * "The Idempotency-Key HTTP Header Field"). The first request with a key runs and its answer
 * (status, content type, location, body; not cookies) is stored per signed-in actor; a replay with
 * the same method, path and body gets the stored answer with {@code Idempotent-Replayed: true} and
 * runs nothing; the same key with another request is 422 {@code idempotency.key-reused}; a
 * duplicate arriving while the first still runs waits for it, then replays, or after
 * {@link WebProperties#idempotencyWait()} gets 409 {@code idempotency.in-progress}. Server errors
 * (5xx) are not stored, so the client may retry. Answers marked {@code Cache-Control: no-store} (a
 * one-time password or token) are not stored either: a replay then gets 409
 * {@code idempotency.secret-not-replayed} and nothing runs again. Runs after Spring Security, so the actor is known
 * and CSRF has been checked.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final long POLL_MILLIS = 50;

    private final IdempotencyStore store;
    private final Problems problems;
    private final Clock clock;
    private final WebProperties properties;

    IdempotencyFilter(IdempotencyStore store, Problems problems, Clock clock, WebProperties properties) {
        this.store = store;
        this.problems = problems;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getHeader(HEADER) == null
                || !MUTATING.contains(request.getMethod())
                || !path.startsWith("/api/v1/")
                || path.startsWith("/api/v1/auth/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            problems.write(request, response, new ApiException(HttpStatus.BAD_REQUEST, "idempotency.key-invalid"));
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String actor = auth.getName();
        CachedBody cached;
        try {
            cached = new CachedBody(request, request.getInputStream().readAllBytes());
        } catch (BodySizeFilter.BodyTooLargeException e) {
            problems.write(
                    request,
                    response,
                    BodySizeFilter.tooLarge(properties.maxJsonBody().toBytes()));
            return;
        }
        String path = request.getRequestURI();
        String hash = hash(request, cached.body);
        Instant now = clock.instant();
        store.purgeExpired(now.minus(properties.idempotencyTtl()));
        long deadline = System.nanoTime() + properties.idempotencyWait().toNanos();
        while (true) {
            if (store.claim(actor, key, request.getMethod(), path, hash, now)) {
                runAndStore(cached, response, chain, actor, key);
                return;
            }
            Optional<IdempotencyStore.Entry> entry = store.find(actor, key);
            if (entry.isPresent() && !sameRequest(entry.get(), request.getMethod(), path, hash)) {
                problems.write(
                        request,
                        response,
                        new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency.key-reused"));
                return;
            }
            if (entry.isPresent() && entry.get().done() && entry.get().body() == null) {
                problems.write(
                        request, response, new ApiException(HttpStatus.CONFLICT, "idempotency.secret-not-replayed"));
                return;
            }
            if (entry.isPresent() && entry.get().done()) {
                replay(entry.get(), response);
                return;
            }
            if (System.nanoTime() > deadline) {
                problems.write(request, response, new ApiException(HttpStatus.CONFLICT, "idempotency.in-progress"));
                return;
            }
            sleep();
        }
    }

    private void runAndStore(
            CachedBody request, HttpServletResponse response, FilterChain chain, String actor, String key)
            throws IOException, ServletException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, wrapper);
            int status = wrapper.getStatus();
            if (status < 500) {
                // Answers with a one-time secret (Cache-Control: no-store) are not kept: a replay is refused.
                String cacheControl = wrapper.getHeader(HttpHeaders.CACHE_CONTROL);
                boolean secret = cacheControl != null && cacheControl.contains("no-store");
                store.complete(
                        actor,
                        key,
                        status,
                        wrapper.getContentType(),
                        wrapper.getHeader(HttpHeaders.LOCATION),
                        secret ? null : wrapper.getContentAsByteArray(),
                        clock.instant());
                stored = true;
            }
        } finally {
            if (!stored) {
                store.release(actor, key);
            }
            wrapper.copyBodyToResponse();
        }
    }

    private static boolean sameRequest(IdempotencyStore.Entry entry, String method, String path, String hash) {
        return entry.method().equals(method)
                && entry.path().equals(path)
                && entry.requestHash().equals(hash);
    }

    private static void replay(IdempotencyStore.Entry entry, HttpServletResponse response) throws IOException {
        response.setStatus(entry.status());
        if (entry.contentType() != null) {
            response.setContentType(entry.contentType());
        }
        if (entry.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, entry.location());
        }
        response.setHeader(REPLAYED, "true");
        byte[] body = entry.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** SHA-256 over method, path, query, content type and body: "the same request". */
    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String head = request.getMethod()
                    + ' '
                    + request.getRequestURI()
                    + '?'
                    + (request.getQueryString() == null ? "" : request.getQueryString())
                    + '\n'
                    + (request.getContentType() == null ? "" : request.getContentType())
                    + '\n';
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a duplicate request", e);
        }
    }

    /** The request with its body already read, so it can be hashed and then read again. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous body");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(
                    getInputStream(),
                    getCharacterEncoding() == null
                            ? StandardCharsets.UTF_8
                            : java.nio.charset.Charset.forName(getCharacterEncoding())));
        }
    }
}
