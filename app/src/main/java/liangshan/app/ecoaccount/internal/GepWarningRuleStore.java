package liangshan.app.ecoaccount.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The table {@code gep_warning_rule}. Rows are never deleted. */
@Component
class GepWarningRuleStore {

    private static final String COLUMNS =
            "id, county_code, kind, measure, threshold_pct, percentile, severity, enabled, version, name_zh, name_en";

    private final JdbcClient jdbc;

    GepWarningRuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A rule's editable fields. */
    record Fields(
            String countyCode,
            String kind,
            String measure,
            BigDecimal thresholdPct,
            Integer percentile,
            String severity,
            boolean enabled,
            String nameZh,
            String nameEn) {}

    /**
     * Rules whose county overlaps {@code scopeCode} (the county lies in the scope or contains it) plus
     * the city-wide rules, ordered by id.
     */
    List<GepWarningRule> visible(String scopeCode, boolean enabledOnly) {
        return jdbc.sql("select " + COLUMNS + " from gep_warning_rule"
                        + " where (county_code is null or county_code like :scope || '%' or :scope like county_code || '%')"
                        + (enabledOnly ? " and enabled" : "")
                        + " order by id")
                .param("scope", scopeCode)
                .query(GepWarningRuleStore::row)
                .list();
    }

    Optional<GepWarningRule> find(long id, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from gep_warning_rule where id = :id" + (lock ? " for update" : ""))
                .param("id", id)
                .query(GepWarningRuleStore::row)
                .optional();
    }

    long insert(Fields f, String user, Instant at) {
        return jdbc.sql("""
                        insert into gep_warning_rule (county_code, kind, measure, threshold_pct, percentile, severity,
                            enabled, name_zh, name_en, created_by, created_at, updated_by, updated_at)
                        values (:county, :kind, :measure, :threshold, :percentile, :severity, :enabled, :nameZh,
                            :nameEn, :user, :at, :user, :at)
                        returning id""")
                .params(params(f))
                .param("user", user)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    /** Updates when the stored version is {@code version}; false when it is not (stale). */
    boolean update(long id, int version, Fields f, String user, Instant at) {
        return jdbc.sql("""
                        update gep_warning_rule set county_code = :county, kind = :kind, measure = :measure,
                            threshold_pct = :threshold, percentile = :percentile, severity = :severity,
                            enabled = :enabled, name_zh = :nameZh, name_en = :nameEn, version = version + 1,
                            updated_by = :user, updated_at = :at
                        where id = :id and version = :version""")
                        .params(params(f))
                        .param("user", user)
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    private static java.util.Map<String, Object> params(Fields f) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("county", f.countyCode());
        p.put("kind", f.kind());
        p.put("measure", f.measure());
        p.put("threshold", f.thresholdPct());
        p.put("percentile", f.percentile());
        p.put("severity", f.severity());
        p.put("enabled", f.enabled());
        p.put("nameZh", f.nameZh());
        p.put("nameEn", f.nameEn());
        return p;
    }

    private static GepWarningRule row(ResultSet rs, int n) throws SQLException {
        int p = rs.getInt("percentile");
        Integer percentile = rs.wasNull() ? null : p;
        return new GepWarningRule(
                rs.getLong("id"),
                rs.getString("county_code"),
                rs.getString("kind"),
                rs.getString("measure"),
                GepWarningRule.pct(rs.getBigDecimal("threshold_pct")),
                percentile,
                rs.getString("severity"),
                rs.getBoolean("enabled"),
                rs.getInt("version"),
                rs.getString("name_zh"),
                rs.getString("name_en"));
    }
}
