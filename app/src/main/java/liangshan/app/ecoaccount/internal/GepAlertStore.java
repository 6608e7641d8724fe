package liangshan.app.ecoaccount.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The table {@code gep_alert} (one row per rule, village and year). */
@Component
class GepAlertStore {

    private static final String SELECT = """
            select a.id, a.rule_id, r.name_zh, r.name_en, r.kind, a.severity, a.village_code, a.county_code, a.year,
                   a.measure, a.value, a.reference, a.reference_year, a.change_pct, a.run_id, a.status, a.created_at,
                   a.acknowledged_by, a.acknowledged_at, a.resolved_by, a.resolved_at, a.note
            from gep_alert a join gep_warning_rule r on r.id = a.rule_id
            """;

    private final JdbcClient jdbc;

    GepAlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new alert's values. */
    record NewAlert(
            long ruleId,
            String villageCode,
            int year,
            String severity,
            String measure,
            BigDecimal value,
            BigDecimal reference,
            int referenceYear,
            BigDecimal changePct,
            String runId) {}

    /** Inserts unless the (rule, village, year) alert exists; the new id, or empty when it existed. */
    Optional<Long> insertIfAbsent(NewAlert a, Instant at) {
        return jdbc.sql("""
                        insert into gep_alert (rule_id, village_code, county_code, year, severity, measure, value,
                            reference, reference_year, change_pct, run_id, status, created_at)
                        values (:rule, :village, :county, :year, :severity, :measure, :value, :reference, :refYear,
                            :change, :run, 'open', :at)
                        on conflict (rule_id, village_code, year) do nothing
                        returning id""")
                .param("rule", a.ruleId())
                .param("village", a.villageCode())
                .param("county", a.villageCode().substring(0, 6))
                .param("year", a.year())
                .param("severity", a.severity())
                .param("measure", a.measure())
                .param("value", a.value())
                .param("reference", a.reference())
                .param("refYear", a.referenceYear())
                .param("change", a.changePct())
                .param("run", a.runId())
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .optional();
    }

    Optional<GepAlert> find(long id, boolean lock) {
        return jdbc.sql(SELECT + " where a.id = :id" + (lock ? " for update of a" : ""))
                .param("id", id)
                .query(GepAlertStore::row)
                .optional();
    }

    /** Filters of the alert list; null fields do not filter. */
    record Filter(String scopeCode, String status, String countyCode, Integer year) {}

    List<GepAlert> page(Filter f, int limit, long offset) {
        Where w = where(f);
        return jdbc.sql(SELECT + w.sql
                        + " order by a.year desc, a.created_at desc, a.id desc limit :limit offset :offset")
                .params(w.params)
                .param("limit", limit)
                .param("offset", offset)
                .query(GepAlertStore::row)
                .list();
    }

    long count(Filter f) {
        Where w = where(f);
        return jdbc.sql("select count(*) from gep_alert a" + w.sql)
                .params(w.params)
                .query(Long.class)
                .single();
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(Filter f) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        clauses.add("a.village_code like :scope || '%'");
        params.put("scope", f.scopeCode());
        if (f.status() != null) {
            clauses.add("a.status = :status");
            params.put("status", f.status());
        }
        if (f.countyCode() != null) {
            clauses.add("a.county_code = :county");
            params.put("county", f.countyCode());
        }
        if (f.year() != null) {
            clauses.add("a.year = :year");
            params.put("year", f.year());
        }
        return new Where(" where " + String.join(" and ", clauses), params);
    }

    void acknowledge(long id, String user, Instant at, String note) {
        jdbc.sql("update gep_alert set status = 'acknowledged', acknowledged_by = :user, acknowledged_at = :at,"
                        + " note = coalesce(:note, note) where id = :id")
                .param("user", user)
                .param("at", Timestamp.from(at))
                .param("note", note)
                .param("id", id)
                .update();
    }

    void resolve(long id, String user, Instant at, String note) {
        jdbc.sql("update gep_alert set status = 'resolved', resolved_by = :user, resolved_at = :at, note = :note"
                        + " where id = :id")
                .param("user", user)
                .param("at", Timestamp.from(at))
                .param("note", note)
                .param("id", id)
                .update();
    }

    private static GepAlert row(ResultSet rs, int n) throws SQLException {
        return new GepAlert(
                rs.getLong("id"),
                rs.getLong("rule_id"),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                rs.getString("kind"),
                rs.getString("severity"),
                rs.getString("village_code"),
                null,
                rs.getString("county_code"),
                rs.getInt("year"),
                rs.getString("measure"),
                rs.getBigDecimal("value").toPlainString(),
                rs.getBigDecimal("reference").toPlainString(),
                rs.getInt("reference_year"),
                GepWarningRule.pct(rs.getBigDecimal("change_pct")),
                rs.getString("run_id"),
                rs.getString("status"),
                instant(rs, "created_at"),
                rs.getString("acknowledged_by"),
                instant(rs, "acknowledged_at"),
                rs.getString("resolved_by"),
                instant(rs, "resolved_at"),
                rs.getString("note"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
