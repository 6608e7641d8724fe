package liangshan.app.credits.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import liangshan.app.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retry-safe creation of restoration proposals and development projects, stored in PostgreSQL beside the
 * rows they created (so it outlives the web layer's replay window and any restart): the row keeps the
 * registry request id (from the caller and its {@code Idempotency-Key}) and the SHA-256 of the request
 * body. The same id with the same body answers the stored row's id; with another body 422 {@code
 * idempotency.key-reused}, the code the web layer answers inside its window.
 */
final class CreationKeys {

    private CreationKeys() {}

    /** SHA-256 (hex) of the request as the service received it (records and JSON in declaration order). */
    static String hash(Object input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CommandCodec.encode(input).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /**
     * The id of the row {@code table} created under {@code requestId}; empty when there is none.
     *
     * @throws ApiException 422 {@code idempotency.key-reused} when that row was made from another body
     */
    static Optional<String> earlier(JdbcTemplate jdbc, String table, UUID requestId, String hash) {
        if (!table.equals("credit_project") && !table.equals("credit_development")) {
            throw new IllegalArgumentException(table);
        }
        List<Map<String, Object>> rows =
                jdbc.queryForList("select id, request_hash from " + table + " where request_id = ?", requestId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!hash.equals(rows.get(0).get("request_hash"))) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency.key-reused");
        }
        return Optional.of((String) rows.get(0).get("id"));
    }

    /** As {@link #earlier} inside a registry write: a refusal commits nothing and leaves the registry as is. */
    static Optional<String> earlierInWrite(JdbcTemplate jdbc, String table, UUID requestId, String hash) {
        try {
            return earlier(jdbc, table, requestId, hash);
        } catch (ApiException e) {
            throw new RegistryHost.Rejected(e);
        }
    }
}
