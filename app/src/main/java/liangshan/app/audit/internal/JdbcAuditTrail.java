package liangshan.app.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Appends audit records in the caller's transaction, to one of {@value #CHAINS} parallel hash chains
 * (docs/decisions/audit-chains.md). A writer locks a chain head that no other transaction holds
 * ({@code FOR UPDATE SKIP LOCKED}, preferring its thread's own chain so that one thread's records stay
 * in one chain) until its transaction ends; so each chain stays linear and gapless, up to {@value
 * #CHAINS} transactions append at once, and a rolled-back change rolls back its record and the head
 * with it. Two round trips per record: head, seq and canonical JSON in one; record and head in one.
 */
@Component
class JdbcAuditTrail implements AuditTrail {

    /** Number of chains; the migration creates exactly these heads and verification expects them. */
    static final int CHAINS = 16;

    private static final AtomicInteger NEXT_CHAIN = new AtomicInteger();
    private static final ThreadLocal<Integer> PREFERRED =
            ThreadLocal.withInitial(() -> 1 + Math.floorMod(NEXT_CHAIN.getAndIncrement(), CHAINS));

    private static final String HEAD = """
            select h.id, h.last_seq, h.last_hash, nextval('audit_log_seq') as seq,
                   cast(cast(? as jsonb) as text) as before_text, cast(cast(? as jsonb) as text) as after_text
              from (select id, last_seq, last_hash from audit_chain_head %s) h
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ObjectProvider<AuditActorSource> actors;

    /** The actor source once found (a singleton; looking it up costs more than the rest of a record). */
    private volatile AuditActorSource source;

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
        if (source == null) {
            source = actors.getIfAvailable();
        }
        AuditActor actor = source == null ? AuditActor.SYSTEM : source.current();
        Head head = lockHead(
                before == null ? null : json.writeValueAsString(before),
                after == null ? null : json.writeValueAsString(after));
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditHash.Fields fields = new AuditHash.Fields(
                head.seq(),
                at,
                actor.userId(),
                actor.username(),
                String.join(",", actor.roles()),
                action,
                entityType,
                entityId,
                divisionCode,
                head.beforeText(),
                head.afterText(),
                RequestIds.current(),
                head.chain(),
                head.lastSeq(),
                head.lastHash());
        String hash = AuditHash.of(fields, json);
        int moved = jdbc.sql("""
                with r as (
                    insert into audit_log (seq, at, actor_id, actor, roles, action, entity_type, entity_id,
                                           division_code, before_json, after_json, request_id, chain, prev_seq,
                                           prev_hash, hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?)
                    returning chain, seq, hash)
                update audit_chain_head h set last_seq = r.seq, last_hash = r.hash, records = h.records + 1
                  from r where h.id = r.chain
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
                        fields.chain(),
                        fields.prevSeq(),
                        fields.prevHash(),
                        hash)
                .update();
        if (moved != 1) {
            throw new IllegalStateException("audit chain head " + head.chain() + " did not advance");
        }
    }

    /**
     * Locks a chain head no other transaction holds — this thread's chain if free, else the lowest free
     * one; only when all are taken it waits for this thread's chain — and takes the next seq while
     * holding it (so seq increases along each chain). The same statement renders {@code before} and
     * {@code after} as PostgreSQL's {@code jsonb::text}, the form that is hashed and read back.
     */
    private Head lockHead(String before, String after) {
        int preferred = PREFERRED.get();
        return jdbc.sql(HEAD.formatted("order by id = ? desc, id limit 1 for update skip locked"))
                .params(before, after, preferred)
                .query(JdbcAuditTrail::head)
                .optional()
                .orElseGet(() -> jdbc.sql(HEAD.formatted("where id = ? for update"))
                        .params(before, after, preferred)
                        .query(JdbcAuditTrail::head)
                        .single());
    }

    private static Head head(ResultSet rs, int row) throws SQLException {
        return new Head(
                rs.getInt("id"),
                rs.getLong("last_seq"),
                rs.getString("last_hash"),
                rs.getLong("seq"),
                rs.getString("before_text"),
                rs.getString("after_text"));
    }

    private record Head(int chain, long lastSeq, String lastHash, long seq, String beforeText, String afterText) {}
}
