package liangshan.app.ecoaccount.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.Divisions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hand-made GEP runs and results for the warning and map tests (written directly, independent of
 * the run jobs). Results are given per hm²: the stored 元 value is {@code perHm2 × area (hm²)}
 * rounded to the fen, which the evaluator's division rounds back to exactly {@code perHm2} for any
 * village larger than 1 hm².
 */
final class GepWarningTestData {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN =
            Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();

    private final JdbcClient jdbc;
    private final Divisions divisions;

    GepWarningTestData(JdbcClient jdbc, Divisions divisions) {
        this.jdbc = jdbc;
        this.divisions = divisions;
    }

    /** The first {@code n} villages of the county by code. */
    List<String> villages(String countyCode, int n) {
        List<String> out = new ArrayList<>();
        for (Division town : divisions.children(countyCode)) {
            for (Division v : divisions.children(town.code())) {
                if (v.level() == DivisionLevel.VILLAGE && out.size() < n) {
                    out.add(v.code());
                }
            }
        }
        return out;
    }

    /** Inserts a succeeded run and returns its id. */
    String run(int year, String scopeCode, Instant finishedAt) {
        String id = "01TEST" + RUN + "X" + SEQ.incrementAndGet();
        jdbc.sql("""
                        insert into gep_run (id, status, year, params_id, inputs_name, scope_code, created_by,
                            created_at, started_at, finished_at, villages, method_edition)
                        values (:id, 'succeeded', :year, 'quzhou-2025-v1', 'test', :scope, 'test', :at, :at, :at, 0,
                            'LS-2026.1')""")
                .param("id", id)
                .param("year", year)
                .param("scope", scopeCode)
                .param("at", Timestamp.from(finishedAt))
                .update();
        return id;
    }

    /**
     * Stores one village's results of {@code year}: water conservation (regulating) at {@code
     * regulatingPerHm2} and agriculture (provisioning) at {@code provisioningPerHm2}, both 元/hm².
     */
    void result(String runId, String village, int year, String regulatingPerHm2, String provisioningPerHm2) {
        row(runId, village, year, "water_conservation", "regulating", regulatingPerHm2);
        row(runId, village, year, "agriculture", "provisioning", provisioningPerHm2);
    }

    private void row(String runId, String village, int year, String indicator, String serviceClass, String perHm2) {
        jdbc.sql("""
                        insert into gep_result (village_code, year, indicator, run_id, service_class, quantity, unit,
                            value_yuan)
                        values (:v, :y, :i, :run, :cls, null, null, :value)
                        on conflict (village_code, year, indicator) do update set value_yuan = excluded.value_yuan,
                            run_id = excluded.run_id""")
                .param("v", village)
                .param("y", year)
                .param("i", indicator)
                .param("run", runId)
                .param("cls", serviceClass)
                .param("value", yuan(village, perHm2))
                .update();
    }

    /** {@code perHm2 × area} in 元, 2 decimals. */
    BigDecimal yuan(String village, String perHm2) {
        double areaM2 =
                divisions.boundary(village).map(Boundary::areaSquareMetres).orElseThrow();
        BigDecimal hm2 = BigDecimal.valueOf(areaM2).divide(BigDecimal.valueOf(10_000));
        return new BigDecimal(perHm2).multiply(hm2).setScale(2, RoundingMode.HALF_EVEN);
    }
}
