package liangshan.app.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads audit records inside a data scope, newest first. */
@Component
class AuditQuery {

    /**
     * Filters; null fields do not filter.
     *
     * @param scopeCode only records whose division code starts with this
     * @param from inclusive
     * @param to exclusive
     */
    record Filter(String scopeCode, String entityType, String entityId, String action, Instant from, Instant to) {}

    /** One record as answered by the API. */
    record Entry(
            long seq,
            Instant at,
            long actorId,
            String actor,
            List<String> roles,
            String action,
            String entityType,
            String entityId,
            String divisionCode,
            JsonNode before,
            JsonNode after,
            String requestId,
            String hash) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditQuery(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Page<Entry> find(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" where division_code like ?");
        List<Object> params = new ArrayList<>();
        params.add(filter.scopeCode() + "%");
        condition(where, params, "entity_type = ?", filter.entityType());
        condition(where, params, "entity_id = ?", filter.entityId());
        condition(where, params, "action = ?", filter.action());
        condition(
                where,
                params,
                "at >= ?",
                filter.from() == null ? null : filter.from().atOffset(ZoneOffset.UTC));
        condition(
                where,
                params,
                "at < ?",
                filter.to() == null ? null : filter.to().atOffset(ZoneOffset.UTC));
        long total = jdbc.sql("select count(*) from audit_log" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<Entry> items = jdbc.sql("""
                select seq, at, actor_id, actor, roles, action, entity_type, entity_id, division_code,
                       before_json::text as before_text, after_json::text as after_text, request_id, hash
                  from audit_log""" + where + " order by seq desc limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> new Entry(
                        rs.getLong("seq"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getLong("actor_id"),
                        rs.getString("actor"),
                        rs.getString("roles").isEmpty()
                                ? List.of()
                                : List.of(rs.getString("roles").split(",")),
                        rs.getString("action"),
                        rs.getString("entity_type"),
                        rs.getString("entity_id"),
                        rs.getString("division_code"),
                        parse(rs.getString("before_text")),
                        parse(rs.getString("after_text")),
                        rs.getString("request_id"),
                        rs.getString("hash")))
                .list();
        return page.toPage(items, total);
    }

    private JsonNode parse(String text) {
        return text == null ? null : json.readTree(text);
    }

    private static void condition(StringBuilder where, List<Object> params, String sql, Object value) {
        if (value != null) {
            where.append(" and ").append(sql);
            params.add(value);
        }
    }
}
