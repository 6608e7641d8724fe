package liangshan.app.ecoaccount.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import liangshan.gep.run.ZoneRow;
import liangshan.gep.spec.IndicatorSpecs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code gep_result} table: value (and quantity) per village, year and indicator. Roll-ups to
 * towns, counties and the city are sums over the villages whose code starts with the division's
 * code (codes nest: 4 → 6 → 9 → 12 digits).
 */
@Component
class GepResultStore {

    /**
     * The sums of one indicator over a set of villages.
     *
     * @param quantity sum of quantities when every village row has one in the same unit, else null
     * @param unit the common unit, or null
     */
    record IndicatorSum(
            String indicator, String serviceClass, BigDecimal valueYuan, BigDecimal quantity, String unit) {}

    /** Totals of one division (any level) for one year: all value, and regulating value. */
    record DivisionTotal(String code, int year, BigDecimal totalYuan, BigDecimal regulatingYuan) {}

    /** The run whose rows make up (part of) a roll-up. */
    record RunRef(
            String id,
            String params,
            String methodEdition,
            java.time.Instant finishedAt,
            boolean illustrative,
            String provenanceJson) {}

    private final JdbcClient jdbc;

    GepResultStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces the rows of the villages in {@code rows} for {@code year} by {@code rows} (call in the
     * transaction that marks the run succeeded). Rows of zone {@code outside} are not stored.
     */
    void replace(String runId, int year, List<ZoneRow> rows) {
        List<ZoneRow> villageRows =
                rows.stream().filter(r -> r.zoneCode().length() == 12).toList();
        String[] villages =
                villageRows.stream().map(ZoneRow::zoneCode).distinct().toArray(String[]::new);
        jdbc.sql("delete from gep_result where year = ? and village_code = any(?)")
                .params(year, villages)
                .update();
        int n = villageRows.size();
        String[] codes = new String[n];
        String[] indicators = new String[n];
        String[] classes = new String[n];
        String[] quantities = new String[n];
        String[] units = new String[n];
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            ZoneRow r = villageRows.get(i);
            codes[i] = r.zoneCode();
            indicators[i] = r.indicator();
            classes[i] = IndicatorSpecs.byId(r.indicator()).serviceClass().nameEn();
            quantities[i] = r.quantity() == null ? null : r.quantity().toPlainString();
            units[i] = r.quantity() == null || r.unit().isEmpty() ? null : r.unit();
            values[i] = r.valueYuan().toPlainString();
        }
        jdbc.sql("""
                insert into gep_result (village_code, year, indicator, run_id, service_class, quantity, unit, value_yuan)
                select v, ?, i, ?, c, cast(q as numeric), u, cast(y as numeric)
                from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                            cast(? as text[]), cast(? as text[])) as t(v, i, c, q, u, y)
                """)
                .params(year, runId, codes, indicators, classes, quantities, units, values)
                .update();
    }

    /** Years with results inside {@code prefix}, ascending. */
    List<Integer> years(String prefix) {
        return jdbc.sql("select distinct year from gep_result where village_code like ? order by year")
                .param(prefix + "%")
                .query(Integer.class)
                .list();
    }

    /** The latest year with results inside {@code prefix} that is before {@code year} (any year when null). */
    Optional<Integer> latestYear(String prefix, Integer before) {
        int y = jdbc.sql("select coalesce(max(year), -1) from gep_result where village_code like ? and year < ?")
                .params(prefix + "%", before == null ? Integer.MAX_VALUE : before)
                .query(Integer.class)
                .single();
        return y < 0 ? Optional.empty() : Optional.of(y);
    }

    /** Per-indicator sums of {@code prefix}'s villages for {@code year}, in spec order. */
    List<IndicatorSum> indicators(String prefix, int year) {
        List<IndicatorSum> sums = jdbc.sql("""
                select indicator, min(service_class) as service_class, sum(value_yuan) as value_yuan,
                       case when count(*) = count(quantity) and count(distinct unit) = 1 and count(unit) = count(*)
                            then sum(quantity) end as quantity,
                       case when count(distinct unit) = 1 and count(unit) = count(*) then min(unit) end as unit
                from gep_result where village_code like ? and year = ?
                group by indicator
                """)
                .params(prefix + "%", year)
                .query((rs, n) -> new IndicatorSum(
                        rs.getString("indicator"),
                        rs.getString("service_class"),
                        rs.getBigDecimal("value_yuan"),
                        rs.getBigDecimal("quantity"),
                        rs.getString("unit")))
                .list();
        List<String> order = IndicatorSpecs.all().stream().map(s -> s.id()).toList();
        List<IndicatorSum> sorted = new ArrayList<>(sums);
        sorted.sort(java.util.Comparator.comparingInt(s -> order.indexOf(s.indicator())));
        return sorted;
    }

    /** Villages with results inside {@code prefix} for {@code year}. */
    int villageCount(String prefix, int year) {
        return jdbc.sql("select count(distinct village_code) from gep_result where village_code like ? and year = ?")
                .params(prefix + "%", year)
                .query(Integer.class)
                .single();
    }

    /**
     * Totals per division of {@code codeLength} digits inside {@code prefix}, for every year up to
     * {@code upToYear}.
     */
    List<DivisionTotal> totalsBy(String prefix, int codeLength, int upToYear) {
        return jdbc.sql("""
                select substr(village_code, 1, ?) as code, year, sum(value_yuan) as total,
                       coalesce(sum(value_yuan) filter (where service_class = 'regulating'), 0) as regulating
                from gep_result where village_code like ? and year <= ?
                group by 1, 2 order by 1, 2
                """)
                .params(codeLength, prefix + "%", upToYear)
                .query((rs, n) -> new DivisionTotal(
                        rs.getString("code"),
                        rs.getInt("year"),
                        rs.getBigDecimal("total"),
                        rs.getBigDecimal("regulating")))
                .list();
    }

    /** The runs whose rows make up {@code prefix}'s results for {@code year}, latest finished first. */
    List<RunRef> runs(String prefix, int year) {
        return jdbc.sql("""
                select r.id, r.params_id, r.method_edition, r.finished_at, r.illustrative, r.provenance
                from gep_run r
                where r.id in (select distinct run_id from gep_result where village_code like ? and year = ?)
                order by r.finished_at desc, r.id desc
                """)
                .params(prefix + "%", year)
                .query((rs, n) -> new RunRef(
                        rs.getString("id"),
                        rs.getString("params_id"),
                        rs.getString("method_edition"),
                        rs.getObject("finished_at", java.time.OffsetDateTime.class)
                                .toInstant(),
                        rs.getBoolean("illustrative"),
                        rs.getString("provenance")))
                .list();
    }

    /** True when a result of {@code year} exists (the demo data never overwrites real results). */
    boolean anyOfYear(int year) {
        return jdbc.sql("select exists (select 1 from gep_result where year = ?)")
                .param(year)
                .query(Boolean.class)
                .single();
    }
}
