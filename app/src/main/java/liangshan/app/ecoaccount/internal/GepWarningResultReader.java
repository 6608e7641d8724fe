package liangshan.app.ecoaccount.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the stored GEP results ({@code gep_result}) per village for the warning rules. */
@Component
class GepWarningResultReader {

    private final JdbcClient jdbc;

    GepWarningResultReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The results of {@code year} of every village whose code starts with {@code prefix}, by village. */
    Map<String, GepWarningMeasure.VillageYear> year(int year, String prefix) {
        return collect(jdbc.sql("""
                        select village_code, year, indicator, service_class, value_yuan, run_id from gep_result
                        where year = :year and village_code like :prefix || '%'""").param("year", year).param("prefix", prefix));
    }

    /**
     * For every village under {@code prefix}: its results of the latest year before {@code year}
     * that has any (years without results are skipped, per village).
     */
    Map<String, GepWarningMeasure.VillageYear> previous(int year, String prefix) {
        return collect(jdbc.sql("""
                        select r.village_code, r.year, r.indicator, r.service_class, r.value_yuan, r.run_id
                        from gep_result r
                        join (select village_code, max(year) as y from gep_result
                              where year < :year and village_code like :prefix || '%' group by village_code) p
                          on p.village_code = r.village_code and p.y = r.year""").param("year", year).param("prefix", prefix));
    }

    private static Map<String, GepWarningMeasure.VillageYear> collect(JdbcClient.StatementSpec statement) {
        Map<String, Acc> acc = new LinkedHashMap<>();
        statement.query(rs -> {
            Acc a = acc.computeIfAbsent(rs.getString("village_code"), k -> new Acc());
            try {
                a.year = rs.getInt("year");
                String run = rs.getString("run_id");
                a.runId = a.runId == null || run.compareTo(a.runId) > 0 ? run : a.runId;
                BigDecimal value = rs.getBigDecimal("value_yuan");
                a.byIndicator.put(rs.getString("indicator"), value);
                a.total = a.total.add(value);
                if ("regulating".equals(rs.getString("service_class"))) {
                    a.regulating = a.regulating.add(value);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, GepWarningMeasure.VillageYear> out = new LinkedHashMap<>();
        acc.forEach((code, a) -> out.put(
                code, new GepWarningMeasure.VillageYear(code, a.year, a.runId, a.byIndicator, a.regulating, a.total)));
        return out;
    }

    private static final class Acc {
        int year;
        String runId;
        final Map<String, BigDecimal> byIndicator = new HashMap<>();
        BigDecimal regulating = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
    }
}
