package liangshan.app.ecoaccount.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import liangshan.app.divisions.Divisions;
import liangshan.app.ecoaccount.GepRunSucceeded;
import liangshan.app.identity.Actor;
import liangshan.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The warning rules over hand-made results. Years 2003–2009 are used by this class only.
 *
 * <p>County A (柯城区 330802), 20 villages v1…v20; regulating value = water conservation, 元/hm²:
 *
 * <pre>
 *            2007   2009   yoy (reg.)   total 2007 → 2009 (reg. + agriculture)
 *   v1       1000    900   −10.0 %  exactly the threshold: no alert
 *   v2       1000 899.99   −10.001 % → −10.0 %, alert
 *   v3       1000    500   −50.0 %      1100 → 600 = −45.5 %
 *   v4…v18   1000   1000 + 50·i (1200 … 1900), agriculture 100 (v5: 80 → −20.0 %)
 *   v19         0    300   no base (previous value 0): no yoy judgement
 *   v20         –   1500   no earlier year: no yoy judgement
 * </pre>
 *
 * Sorted 2009 values: 300, 500, 899.99, 900, 1200, …; n = 20, nearest rank k = ⌈P·20/100⌉: P5 → k 1
 * → 300 (none below), P10 → k 2 → 500 (v19 below), P15 → k 3 → 899.99 (v19, v3), P20 → k 4 → 900
 * (v19, v3, v2; v1 at 900 is not below). County B (常山县 330822): 5 villages at 100 in 2009 only;
 * its percentiles are its own (pooled with A, P10 would be k 3 → 300 and v19 would not be below).
 */
@IntegrationTest
class GepWarningEvaluationTest {

    private static final String A = "330802";
    private static final String B = "330822";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Divisions divisions;

    @Autowired
    GepWarningEvaluator evaluator;

    @Autowired
    GepWarningRules rules;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private GepWarningRule rule(String county, String kind, String measure, String threshold, Integer p) {
        return rules.create(
                Actor.SYSTEM,
                new GepWarningRules.Request(
                        null,
                        county,
                        kind,
                        measure,
                        threshold == null ? null : new BigDecimal(threshold),
                        p,
                        "info",
                        true,
                        null,
                        "测试 " + kind,
                        "test " + kind));
    }

    private long defaultRule(String kind) {
        return jdbc.sql("select min(id) from gep_warning_rule where created_by = 'system' and kind = :k"
                        + " and county_code is null")
                .param("k", kind)
                .query(Long.class)
                .single();
    }

    /** village → "value/reference/referenceYear/changePct" of the rule's alerts of {@code year}. */
    private Map<String, String> alerts(long ruleId, int year) {
        Map<String, String> out = new TreeMap<>();
        jdbc.sql("select village_code, value, reference, reference_year, change_pct from gep_alert"
                        + " where rule_id = :r and year = :y")
                .param("r", ruleId)
                .param("y", year)
                .query(rs -> {
                    BigDecimal change = rs.getBigDecimal("change_pct");
                    out.put(
                            rs.getString("village_code"),
                            rs.getBigDecimal("value").toPlainString() + "/"
                                    + rs.getBigDecimal("reference").toPlainString() + "/"
                                    + rs.getInt("reference_year") + "/"
                                    + (change == null ? "-" : change.toPlainString()));
                });
        return out;
    }

    /** Stores the table of the class comment; returns the id of the 2009 run. */
    private String handMadeResults(List<String> a, List<String> b) {
        GepWarningTestData data = new GepWarningTestData(jdbc, divisions);
        String run2087 = data.run(2007, A, Instant.parse("2007-06-01T00:00:00Z"));
        String run2089 = data.run(2009, "3308", Instant.parse("2009-06-01T00:00:00Z"));
        for (int i = 0; i < 19; i++) {
            data.result(run2087, a.get(i), 2007, i == 18 ? "0.00" : "1000.00", "100.00");
        }
        String[] reg2089 = new String[20];
        reg2089[0] = "900.00";
        reg2089[1] = "899.99";
        reg2089[2] = "500.00";
        for (int i = 3; i < 18; i++) {
            reg2089[i] = (1000 + 50 * (i + 1)) + ".00";
        }
        reg2089[18] = "300.00";
        reg2089[19] = "1500.00";
        for (int i = 0; i < 20; i++) {
            data.result(run2089, a.get(i), 2009, reg2089[i], i == 4 ? "80.00" : "100.00");
        }
        b.forEach(v -> data.result(run2089, v, 2009, "100.00", "100.00"));
        return run2089;
    }

    @Test
    void hand_made_results_raise_the_expected_alerts_once() {
        GepWarningTestData data = new GepWarningTestData(jdbc, divisions);
        List<String> a = data.villages(A, 20);
        List<String> b = data.villages(B, 5);
        String run2089 = handMadeResults(a, b);
        GepWarningRule p5 = rule(A, "below-percentile", "regulatingPerHm2", null, 5);
        GepWarningRule p15 = rule(A, "below-percentile", "regulatingPerHm2", null, 15);
        GepWarningRule p20 = rule(A, "below-percentile", "regulatingPerHm2", null, 20);
        GepWarningRule total40 = rule(A, "yoy-drop", "totalPerHm2", "40.0", null);
        GepWarningRule agri5 = rule(A, "yoy-drop", "indicator:agriculture", "5.0", null);
        GepWarningRule bP50 = rule(B, "below-percentile", "regulatingPerHm2", null, 50);

        // County B alone: its 5 villages, nothing raised there, nothing for county A either.
        GepWarningEvaluator.Summary onlyB = evaluator.evaluate(2009, B);
        assertThat(onlyB.villages()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from gep_alert where year = 2009 and county_code = :a")
                        .param("a", A)
                        .query(Long.class)
                        .single())
                .isZero();

        GepWarningEvaluator.Summary first = evaluator.evaluate(2009, "3308");
        assertThat(first.villages()).isGreaterThanOrEqualTo(25);
        String v1 = a.get(0), v2 = a.get(1), v3 = a.get(2), v5 = a.get(4), v19 = a.get(18);
        assertThat(alerts(defaultRule("yoy-drop"), 2009))
                .isEqualTo(Map.of(v2, "899.99/1000.00/2007/-10.0", v3, "500.00/1000.00/2007/-50.0"));
        assertThat(alerts(defaultRule("below-percentile"), 2009)).isEqualTo(Map.of(v19, "300.00/500.00/2009/-"));
        assertThat(alerts(p5.id(), 2009)).isEmpty();
        assertThat(alerts(p15.id(), 2009)).isEqualTo(Map.of(v19, "300.00/899.99/2009/-", v3, "500.00/899.99/2009/-"));
        assertThat(alerts(p20.id(), 2009))
                .isEqualTo(Map.of(v19, "300.00/900.00/2009/-", v3, "500.00/900.00/2009/-", v2, "899.99/900.00/2009/-"));
        assertThat(alerts(p20.id(), 2009)).doesNotContainKey(v1);
        assertThat(alerts(total40.id(), 2009)).isEqualTo(Map.of(v3, "600.00/1100.00/2007/-45.5"));
        assertThat(alerts(agri5.id(), 2009)).isEqualTo(Map.of(v5, "80.00/100.00/2007/-20.0"));
        assertThat(alerts(bP50.id(), 2009)).isEmpty();
        assertThat(jdbc.sql("select run_id from gep_alert where rule_id = :r")
                        .param("r", total40.id())
                        .query(String.class)
                        .single())
                .isEqualTo(run2089);

        long before = jdbc.sql("select count(*) from gep_alert where year = 2009")
                .query(Long.class)
                .single();
        GepWarningEvaluator.Summary again = evaluator.evaluate(2009, "3308");
        assertThat(again.raised()).isZero();
        assertThat(again.existing()).isEqualTo(first.raised() + first.existing());
        assertThat(jdbc.sql("select count(*) from gep_alert where year = 2009")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'ecoaccount.gep.alert.raised'"
                                + " and entity_id in (select id::text from gep_alert where rule_id = :r)")
                        .param("r", total40.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_succeeded_run_triggers_the_evaluation_after_commit() throws InterruptedException {
        GepWarningTestData data = new GepWarningTestData(jdbc, divisions);
        String village = data.villages(A, 30).get(25);
        String run2083 = data.run(2003, A, Instant.parse("2003-06-01T00:00:00Z"));
        String run2084 = data.run(2004, A, Instant.parse("2004-06-01T00:00:00Z"));
        data.result(run2083, village, 2003, "2000.00", "0.00");
        // 2000 → 1500: −25.0 %, more than the default 10 %.
        data.result(run2084, village, 2004, "1500.00", "0.00");
        transactions.executeWithoutResult(tx -> events.publishEvent(new GepRunSucceeded(run2084, 2004, A)));
        long rule = defaultRule("yoy-drop");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (alerts(rule, 2004).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(alerts(rule, 2004)).isEqualTo(Map.of(village, "1500.00/2000.00/2003/-25.0"));
    }
}
