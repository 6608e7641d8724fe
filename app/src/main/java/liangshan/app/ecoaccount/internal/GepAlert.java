package liangshan.app.ecoaccount.internal;

import java.time.Instant;

/**
 * One early-warning alert as the API shows it. Values are 元/hm² with 2 decimals, as strings.
 *
 * @param reference the previous year's value (yoy-drop) or the county's percentile (below-percentile)
 * @param referenceYear the year of {@code reference}
 * @param changePct yoy-drop: change in percent, 1 decimal; null for below-percentile
 * @param status {@code open}, {@code acknowledged} or {@code resolved}
 */
public record GepAlert(
        long id,
        long ruleId,
        String ruleNameZh,
        String ruleNameEn,
        String ruleKind,
        String severity,
        String villageCode,
        String villageName,
        String countyCode,
        int year,
        String measure,
        String value,
        String reference,
        int referenceYear,
        String changePct,
        String runId,
        String status,
        Instant createdAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String resolvedBy,
        Instant resolvedAt,
        String note) {

    GepAlert withVillageName(String name) {
        return new GepAlert(
                id,
                ruleId,
                ruleNameZh,
                ruleNameEn,
                ruleKind,
                severity,
                villageCode,
                name,
                countyCode,
                year,
                measure,
                value,
                reference,
                referenceYear,
                changePct,
                runId,
                status,
                createdAt,
                acknowledgedBy,
                acknowledgedAt,
                resolvedBy,
                resolvedAt,
                note);
    }
}
