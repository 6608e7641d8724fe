package liangshan.app.audit.internal;

import java.util.List;
import liangshan.app.audit.AuditVerification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks the whole audit chain in sequence order and reports the first break: a recomputed hash
 * that differs from the stored one (edited record), a missing sequence number (deleted record), a
 * {@code prev_hash} that is not the predecessor's hash (broken link), or a last record that does
 * not match the chain head (records deleted at the end).
 */
@Component
public class AuditVerifier {

    private static final int BATCH = 2000;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditVerifier(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Verifies the chain up to the head as it is when verification starts; records appended while
     * it runs are left for the next run.
     */
    public AuditVerification verify() {
        Head head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
        long expectedSeq = 1;
        String prevHash = AuditHash.GENESIS;
        long checked = 0;
        while (true) {
            List<Stored> batch = jdbc.sql("""
                    select seq, at, actor_id, actor, roles, action, entity_type, entity_id, division_code,
                           before_json::text as before_text, after_json::text as after_text, request_id,
                           prev_hash, hash
                      from audit_log where seq >= ? and seq <= ? order by seq limit ?
                    """)
                    .params(expectedSeq, head.lastSeq(), BATCH)
                    .query((rs, n) -> new Stored(
                            new AuditHash.Fields(
                                    rs.getLong("seq"),
                                    rs.getObject("at", java.time.OffsetDateTime.class)
                                            .toInstant(),
                                    rs.getLong("actor_id"),
                                    rs.getString("actor"),
                                    rs.getString("roles"),
                                    rs.getString("action"),
                                    rs.getString("entity_type"),
                                    rs.getString("entity_id"),
                                    rs.getString("division_code"),
                                    rs.getString("before_text"),
                                    rs.getString("after_text"),
                                    rs.getString("request_id"),
                                    rs.getString("prev_hash")),
                            rs.getString("hash")))
                    .list();
            for (Stored record : batch) {
                long seq = record.fields().seq();
                if (seq != expectedSeq) {
                    return AuditVerification.broken(checked, expectedSeq, "gap");
                }
                if (!record.fields().prevHash().equals(prevHash)) {
                    return AuditVerification.broken(checked, seq, "broken-link");
                }
                if (!AuditHash.of(record.fields(), json).equals(record.hash())) {
                    return AuditVerification.broken(checked, seq, "hash-mismatch");
                }
                checked++;
                expectedSeq = seq + 1;
                prevHash = record.hash();
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        boolean headMatches =
                head.lastSeq() == expectedSeq - 1 && head.lastHash().equals(prevHash);
        return headMatches
                ? AuditVerification.ok(checked)
                : AuditVerification.broken(checked, expectedSeq, "head-mismatch");
    }

    private record Head(long lastSeq, String lastHash) {}

    private record Stored(AuditHash.Fields fields, String hash) {}
}
