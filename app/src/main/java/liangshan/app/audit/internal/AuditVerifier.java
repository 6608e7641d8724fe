package liangshan.app.audit.internal;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liangshan.app.audit.AuditVerification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks every audit chain (docs/decisions/audit-chains.md) in sequence order and reports the first
 * break: a recomputed hash that differs from the stored one (edited record), a predecessor that is
 * missing (deleted record: {@code gap}), a {@code prev_hash} or {@code prev_seq} that is not the chain's
 * previous record (broken link), or a chain whose last record or record count does not match its head
 * (records deleted at the end, or the head edited). Every chain head the migration created must exist.
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
     * Verifies each chain up to its head as it is when verification starts; records appended while it
     * runs are left for the next run (a chain's records up to its head were all committed before).
     */
    public AuditVerification verify() {
        Map<Integer, Head> heads = new HashMap<>();
        jdbc.sql("select id, last_seq, last_hash, records from audit_chain_head")
                .query(rs -> {
                    heads.put(rs.getInt(1), new Head(rs.getLong(2), rs.getString(3), rs.getLong(4)));
                });
        Map<Integer, Walk> walks = new HashMap<>();
        for (int chain = 1; chain <= JdbcAuditTrail.CHAINS; chain++) {
            if (!heads.containsKey(chain)) {
                return AuditVerification.broken(0, 0, "head-mismatch");
            }
            walks.put(chain, new Walk());
        }
        long maxSeq = heads.values().stream().mapToLong(Head::lastSeq).max().orElse(0);
        long after = 0;
        long checked = 0;
        while (true) {
            List<Stored> batch = batch(after, maxSeq);
            for (Stored record : batch) {
                after = record.fields().seq();
                int chain = record.fields().chainOrFirst();
                Walk walk = walks.get(chain);
                if (walk == null) {
                    return AuditVerification.broken(checked, after, "broken-link");
                }
                if (after > heads.get(chain).lastSeq()) {
                    continue; // appended after verification started
                }
                String broken = walk.check(record, json);
                if (broken != null) {
                    long at = "gap".equals(broken) ? walk.missing(record) : after;
                    return AuditVerification.broken(checked, at, broken);
                }
                checked++;
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        Long firstMismatch = null;
        for (var entry : heads.entrySet()) {
            Head head = entry.getValue();
            Walk walk = walks.get(entry.getKey());
            if (walk == null) {
                continue;
            }
            boolean matches = head.lastSeq() == walk.lastSeq
                    && head.lastHash().equals(walk.lastHash)
                    && head.records() == walk.records;
            if (!matches) {
                long at = Math.max(head.lastSeq(), walk.lastSeq + 1);
                firstMismatch = firstMismatch == null ? at : Math.min(firstMismatch, at);
            }
        }
        return firstMismatch == null
                ? AuditVerification.ok(checked)
                : AuditVerification.broken(checked, firstMismatch, "head-mismatch");
    }

    private List<Stored> batch(long after, long maxSeq) {
        return jdbc.sql("""
                select seq, at, actor_id, actor, roles, action, entity_type, entity_id, division_code,
                       before_json::text as before_text, after_json::text as after_text, request_id,
                       chain, prev_seq, prev_hash, hash
                  from audit_log where seq > ? and seq <= ? order by seq limit ?
                """)
                .params(after, maxSeq, BATCH)
                .query((rs, n) -> new Stored(
                        new AuditHash.Fields(
                                rs.getLong("seq"),
                                rs.getObject("at", OffsetDateTime.class).toInstant(),
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
                                rs.getObject("chain", Integer.class),
                                rs.getObject("prev_seq", Long.class),
                                rs.getString("prev_hash")),
                        rs.getString("hash")))
                .list();
    }

    /** Where one chain's walk stands: its last record seen and how many it has seen. */
    private static final class Walk {
        long lastSeq;
        String lastHash = AuditHash.GENESIS;
        long records;

        /** Checks {@code record} as the chain's next one and advances; answers the kind of break or null. */
        String check(Stored record, JsonMapper json) {
            AuditHash.Fields f = record.fields();
            long predecessor = f.predecessor();
            if (predecessor > lastSeq) {
                return "gap";
            }
            if (predecessor != lastSeq || !f.prevHash().equals(lastHash)) {
                return "broken-link";
            }
            if (!AuditHash.of(f, json).equals(record.hash())) {
                return "hash-mismatch";
            }
            lastSeq = f.seq();
            lastHash = record.hash();
            records++;
            return null;
        }

        /**
         * The seq of the first missing record before {@code record}: in the first format seqs are
         * consecutive, so the one after the last seen; in a parallel chain the predecessor it names.
         */
        long missing(Stored record) {
            return record.fields().prevSeq() == null
                    ? lastSeq + 1
                    : record.fields().prevSeq();
        }
    }

    private record Head(long lastSeq, String lastHash, long records) {}

    private record Stored(AuditHash.Fields fields, String hash) {}
}
