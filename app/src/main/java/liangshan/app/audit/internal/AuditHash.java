package liangshan.app.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hash of one audit record: SHA-256 (FIPS 180-4), hex, over the canonical serialisation — a
 * JSON array of the record's fields in a fixed order, ending with the previous record's hash. JSON
 * string escaping makes the serialisation unambiguous; {@code before}/{@code after} enter as
 * PostgreSQL's own {@code jsonb::text} rendering, which is what verification reads back.
 */
final class AuditHash {

    /** The "previous hash" of the first record. */
    static final String GENESIS = "0".repeat(64);

    private AuditHash() {}

    /** One stored record, as hashed. {@code at} has microsecond precision (PostgreSQL timestamptz). */
    record Fields(
            long seq,
            Instant at,
            long actorId,
            String actor,
            String roles,
            String action,
            String entityType,
            String entityId,
            String divisionCode,
            String beforeJson,
            String afterJson,
            String requestId,
            String prevHash) {}

    static String of(Fields f, JsonMapper json) {
        String canonical = json.writeValueAsString(Arrays.asList(
                f.seq(),
                f.at().toString(),
                f.actorId(),
                f.actor(),
                f.roles(),
                f.action(),
                f.entityType(),
                f.entityId(),
                f.divisionCode(),
                f.beforeJson(),
                f.afterJson(),
                f.requestId(),
                f.prevHash()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
