package liangshan.app.ecoaccount.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import liangshan.app.audit.AuditTrail;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.Divisions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates the enabled warning rules over the stored GEP results of one year (E2) and raises one
 * alert per (rule, village, year) — evaluating again never duplicates, and an existing alert keeps
 * its status. Rules:
 *
 * <ul>
 *   <li>{@code yoy-drop}: the village's measure (元/hm²) is down more than {@code thresholdPct} %
 *       on the village's latest earlier year with results (not necessarily the year before);
 *       villages without an earlier year, or with a non-positive earlier value, are not judged.
 *   <li>{@code below-percentile}: the measure is strictly below the county's P-th percentile of
 *       the same measure over the county's villages with results that year, by the nearest-rank
 *       method ({@link GepWarningMath#nearestRank}); a city-wide rule takes each county separately.
 * </ul>
 *
 * Villages without a positive boundary area are skipped (a per-hm² figure needs one).
 */
@Service
public class GepWarningEvaluator {

    /**
     * What an evaluation did.
     *
     * @param rules enabled rules evaluated
     * @param villages villages with results in the evaluated scope
     * @param raised new alerts
     * @param existing alerts the rules raised again that already existed
     */
    public record Summary(int year, String scopeCode, int rules, int villages, int raised, int existing) {}

    private record Hit(
            String villageCode,
            BigDecimal value,
            BigDecimal reference,
            int referenceYear,
            BigDecimal changePct,
            String runId) {}

    private final GepWarningRuleStore rules;
    private final GepWarningResultReader results;
    private final GepAlertStore alerts;
    private final Divisions divisions;
    private final AuditTrail audit;
    private final Clock clock;

    GepWarningEvaluator(
            GepWarningRuleStore rules,
            GepWarningResultReader results,
            GepAlertStore alerts,
            Divisions divisions,
            AuditTrail audit,
            Clock clock) {
        this.rules = rules;
        this.results = results;
        this.alerts = alerts;
        this.divisions = divisions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Evaluates {@code year} for the villages under {@code scopeCode} (city, county, town or village
     * code). Percentiles are always taken over whole counties.
     */
    @Transactional
    public Summary evaluate(int year, String scopeCode) {
        List<GepWarningRule> enabled = rules.visible(scopeCode, true);
        String loadPrefix = scopeCode.length() > 6 ? scopeCode.substring(0, 6) : scopeCode;
        Map<String, GepWarningMeasure.VillageYear> current = results.year(year, loadPrefix);
        boolean needPrevious = enabled.stream().anyMatch(r -> r.kind().equals(GepWarningRule.YOY_DROP));
        Map<String, GepWarningMeasure.VillageYear> previous =
                needPrevious && !current.isEmpty() ? results.previous(year, loadPrefix) : Map.of();
        Map<String, Double> areas = new HashMap<>();
        Instant now = clock.instant();
        int raised = 0;
        int existing = 0;
        for (GepWarningRule rule : enabled) {
            Map<String, BigDecimal> values = measure(rule, current, areas);
            List<Hit> hits = rule.kind().equals(GepWarningRule.YOY_DROP)
                    ? yoyHits(rule, values, previous, current, areas)
                    : percentileHits(rule, values, current, year);
            for (Hit h : hits) {
                if (!h.villageCode().startsWith(scopeCode)) {
                    continue;
                }
                Optional<Long> id = alerts.insertIfAbsent(
                        new GepAlertStore.NewAlert(
                                rule.id(),
                                h.villageCode(),
                                year,
                                rule.severity(),
                                rule.measure(),
                                h.value(),
                                h.reference(),
                                h.referenceYear(),
                                h.changePct(),
                                h.runId()),
                        now);
                if (id.isPresent()) {
                    raised++;
                    audit.record(
                            "ecoaccount.gep.alert.raised",
                            "gep-alert",
                            String.valueOf(id.get()),
                            h.villageCode(),
                            null,
                            alerts.find(id.get(), false).orElseThrow());
                } else {
                    existing++;
                }
            }
        }
        long villages =
                current.keySet().stream().filter(c -> c.startsWith(scopeCode)).count();
        return new Summary(year, scopeCode, enabled.size(), (int) villages, raised, existing);
    }

    /** The rule's measure in 元/hm² for every village the rule applies to, by village code. */
    private Map<String, BigDecimal> measure(
            GepWarningRule rule, Map<String, GepWarningMeasure.VillageYear> villages, Map<String, Double> areas) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (GepWarningMeasure.VillageYear v : villages.values()) {
            if (!rule.appliesTo(v.villageCode().substring(0, 6))) {
                continue;
            }
            perHm2(rule.measure(), v, areas).ifPresent(value -> out.put(v.villageCode(), value));
        }
        return out;
    }

    private Optional<BigDecimal> perHm2(String measure, GepWarningMeasure.VillageYear v, Map<String, Double> areas) {
        double area = areas.computeIfAbsent(
                v.villageCode(),
                c -> divisions.boundary(c).map(Boundary::areaSquareMetres).orElse(0.0));
        return GepWarningMeasure.yuan(measure, v).flatMap(yuan -> GepWarningMeasure.perHm2(yuan, area));
    }

    private List<Hit> yoyHits(
            GepWarningRule rule,
            Map<String, BigDecimal> values,
            Map<String, GepWarningMeasure.VillageYear> previous,
            Map<String, GepWarningMeasure.VillageYear> current,
            Map<String, Double> areas) {
        List<Hit> hits = new ArrayList<>();
        values.forEach((code, value) -> {
            GepWarningMeasure.VillageYear before = previous.get(code);
            if (before == null) {
                return;
            }
            perHm2(rule.measure(), before, areas).ifPresent(reference -> {
                if (GepWarningMath.droppedMoreThan(reference, value, rule.threshold())) {
                    hits.add(new Hit(
                            code,
                            value,
                            reference,
                            before.year(),
                            GepWarningMath.changePct(reference, value),
                            current.get(code).runId()));
                }
            });
        });
        return hits;
    }

    private static List<Hit> percentileHits(
            GepWarningRule rule,
            Map<String, BigDecimal> values,
            Map<String, GepWarningMeasure.VillageYear> current,
            int year) {
        Map<String, Map<String, BigDecimal>> byCounty = new TreeMap<>();
        values.forEach((code, value) -> byCounty.computeIfAbsent(code.substring(0, 6), k -> new TreeMap<>())
                .put(code, value));
        List<Hit> hits = new ArrayList<>();
        byCounty.values().forEach(county -> {
            BigDecimal p = GepWarningMath.nearestRank(county.values(), rule.percentile());
            county.forEach((code, value) -> {
                if (value.compareTo(p) < 0) {
                    hits.add(new Hit(
                            code, value, p, year, null, current.get(code).runId()));
                }
            });
        });
        return hits;
    }
}
