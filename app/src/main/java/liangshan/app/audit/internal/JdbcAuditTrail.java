package liangshan.app.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import liangshan.app.audit.AuditActor;
import liangshan.app.audit.AuditActorSource;
import liangshan.app.audit.AuditTrail;
import liangshan.app.web.RequestIds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends audit records in the caller's transaction. Appends are serialised by locking the chain
 * head row until the transaction ends, so sequence numbers have no gaps and each record links to
 * the one committed before it; a rolled-back change rolls back its record and the head with it.
 */
@Component
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ObjectProvider<AuditActorSource> actors;

    JdbcAuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock, ObjectProvider<AuditActorSource> actors) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.actors = actors;
    }

    @Override
    @Transactional
    public void record(
            String action, String entityType, String entityId, String divisionCode, Object before, Object after) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(divisionCode, "divisionCode");
        AuditActorSource source = actors.getIfAvailable();
        AuditActor actor = source == null ? AuditActor.SYSTEM : source.current();
        Head head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
        String[] canonical = canonicalJson(before, after);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditHash.Fields fields = new AuditHash.Fields(
                head.lastSeq() + 1,
                at,
                actor.userId(),
                actor.username(),
                String.join(",", actor.roles()),
                action,
                entityType,
                entityId,
                divisionCode,
                canonical[0],
                canonical[1],
                RequestIds.current(),
                head.lastHash());
        String hash = AuditHash.of(fields, json);
        jdbc.sql("""
                insert into audit_log (seq, at, actor_id, actor, roles, action, entity_type, entity_id, division_code,
                                       before_json, after_json, request_id, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?)
                """)
                .params(
                        fields.seq(),
                        at.atOffset(ZoneOffset.UTC),
                        fields.actorId(),
                        fields.actor(),
                        fields.roles(),
                        action,
                        entityType,
                        entityId,
                        divisionCode,
                        fields.beforeJson(),
                        fields.afterJson(),
                        fields.requestId(),
                        fields.prevHash(),
                        hash)
                .update();
        jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1")
                .params(fields.seq(), hash)
                .update();
    }

    /** PostgreSQL's {@code jsonb::text} of before and after (null stays null). */
    private String[] canonicalJson(Object before, Object after) {
        String b = before == null ? null : json.writeValueAsString(before);
        String a = after == null ? null : json.writeValueAsString(after);
        return jdbc.sql("select cast(cast(? as jsonb) as text), cast(cast(? as jsonb) as text)")
                .params(b, a)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
    }

    private record Head(long lastSeq, String lastHash) {}
}
