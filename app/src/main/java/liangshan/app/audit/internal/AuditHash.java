package liangshan.app.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hash of one audit record: SHA-256 (FIPS 180-4), hex, over the canonical serialisation — a
 * JSON array of the record's fields in a fixed order, ending with the previous record's hash. JSON
 * string escaping makes the serialisation unambiguous; {@code before}/{@code after} enter as
 * PostgreSQL's own {@code jsonb::text} rendering, which is what verification reads back.
 *
 * <p>Two formats: records written when there was one chain (chain and prevSeq null) hash the fields
 * above; records of the parallel chains (docs/decisions/audit-chains.md) also hash their chain number
 * and their predecessor's seq just before the previous hash, so a record cannot be moved to another
 * chain or relinked without its hash changing.
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
            Integer chain,
            Long prevSeq,
            String prevHash) {

        /** A record of the single chain that existed before the parallel chains (first format). */
        Fields(
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
                String prevHash) {
            this(
                    seq,
                    at,
                    actorId,
                    actor,
                    roles,
                    action,
                    entityType,
                    entityId,
                    divisionCode,
                    beforeJson,
                    afterJson,
                    requestId,
                    null,
                    null,
                    prevHash);
        }

        /** The chain the record belongs to: records of the first format are chain 1. */
        int chainOrFirst() {
            return chain == null ? 1 : chain;
        }

        /** The seq of the record before this one in its chain (0 for the first). */
        long predecessor() {
            return prevSeq == null ? seq - 1 : prevSeq;
        }
    }

    static String of(Fields f, JsonMapper json) {
        List<Object> values = new ArrayList<>(Arrays.asList(
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
                f.requestId()));
        if (f.chain() != null) {
            values.add(f.chain());
            values.add(f.prevSeq());
        }
        values.add(f.prevHash());
        String canonical = json.writeValueAsString(values);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
