package liangshan.app.web.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code web_idempotency} table: one row per (actor, key), first claimed as in progress, then
 * completed with the stored answer. Every statement commits on its own (no surrounding
 * transaction), so a claim is visible to concurrent duplicates at once.
 */
class IdempotencyStore {

    /**
     * A stored key.
     *
     * @param done false while the first request is still running
     */
    record Entry(
            String method,
            String path,
            String requestHash,
            boolean done,
            int status,
            String contentType,
            String location,
            byte[] body) {}

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes keys created before {@code cutoff}; they are then unknown again. */
    void purgeExpired(Instant cutoff) {
        jdbc.sql("delete from web_idempotency where created_at < ?")
                .param(utc(cutoff))
                .update();
    }

    /** True when this caller now owns the key; false when another request already holds it. */
    boolean claim(String actor, String key, String method, String path, String hash, Instant now) {
        return jdbc.sql("""
                insert into web_idempotency (actor, idem_key, method, path, request_hash, state, created_at)
                values (?, ?, ?, ?, ?, 'in_progress', ?)
                on conflict (actor, idem_key) do nothing
                """).params(actor, key, method, path, hash, utc(now)).update() == 1;
    }

    void complete(String actor, String key, int status, String contentType, String location, byte[] body, Instant now) {
        jdbc.sql("""
                update web_idempotency
                   set state = 'done', status = ?, content_type = ?, location = ?, body = ?, completed_at = ?
                 where actor = ? and idem_key = ?
                """)
                .params(status, contentType, location, body, utc(now), actor, key)
                .update();
    }

    /** Forgets a claim whose request failed on the server, so the client may retry with the key. */
    void release(String actor, String key) {
        jdbc.sql("delete from web_idempotency where actor = ? and idem_key = ? and state = 'in_progress'")
                .params(actor, key)
                .update();
    }

    Optional<Entry> find(String actor, String key) {
        return jdbc.sql("""
                select method, path, request_hash, state, status, content_type, location, body
                  from web_idempotency where actor = ? and idem_key = ?
                """)
                .params(actor, key)
                .query((rs, n) -> new Entry(
                        rs.getString("method"),
                        rs.getString("path"),
                        rs.getString("request_hash"),
                        rs.getString("state").equals("done"),
                        rs.getInt("status"),
                        rs.getString("content_type"),
                        rs.getString("location"),
                        rs.getBytes("body")))
                .optional();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
