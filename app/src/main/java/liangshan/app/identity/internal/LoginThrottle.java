package liangshan.app.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import liangshan.app.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed sign-ins for one username from one
 * client address within {@link #WINDOW}, further attempts are refused with 429
 * {@code auth.throttled} and {@code Retry-After} until the oldest of those failures leaves the
 * window. A successful sign-in clears the failures. Kept in PostgreSQL so restarts do not reset it.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Throws 429 when the (username, address) pair is over the limit. */
    void check(String username, String clientIp) {
        Instant now = clock.instant();
        List<Instant> recent = jdbc.sql("""
                select at from identity_login_failure
                 where username = ? and client_ip = ? and at > ? order by at desc limit ?
                """)
                .params(key(username), clientIp, UserRepository.utc(now.minus(WINDOW)), MAX_FAILURES)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list();
        if (recent.size() >= MAX_FAILURES) {
            Instant free = recent.get(MAX_FAILURES - 1).plus(WINDOW);
            long seconds = Math.max(1, Duration.between(now, free).toSeconds() + 1);
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "auth.throttled", (seconds + 59) / 60)
                    .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
    }

    void failed(String username, String clientIp) {
        Instant now = clock.instant();
        jdbc.sql("delete from identity_login_failure where at < ?")
                .param(UserRepository.utc(now.minus(WINDOW)))
                .update();
        jdbc.sql("insert into identity_login_failure (username, client_ip, at) values (?, ?, ?)")
                .params(key(username), clientIp, UserRepository.utc(now))
                .update();
    }

    void succeeded(String username, String clientIp) {
        jdbc.sql("delete from identity_login_failure where username = ? and client_ip = ?")
                .params(key(username), clientIp)
                .update();
    }

    private static String key(String username) {
        String u = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return u.length() > 200 ? u.substring(0, 200) : u;
    }
}
