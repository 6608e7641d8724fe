package liangshan.app.ecoaccount.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One early-warning rule (E2) as the API shows it.
 *
 * @param id database id
 * @param countyCode the county it applies to; null = every county (only a city administrator
 *     makes such rules)
 * @param kind {@code yoy-drop} or {@code below-percentile}
 * @param measure {@code regulatingPerHm2}, {@code totalPerHm2} or {@code indicator:<id>} (元/hm²)
 * @param thresholdPct yoy-drop: the drop in percent that must be exceeded, 1 decimal; else null
 * @param percentile below-percentile: P in 1–99; else null
 * @param severity {@code info}, {@code warning} or {@code critical}
 * @param enabled false once disabled (rules are never deleted)
 * @param version optimistic-locking version, starts at 1
 * @param nameZh Chinese name
 * @param nameEn English name
 */
public record GepWarningRule(
        long id,
        String countyCode,
        String kind,
        String measure,
        String thresholdPct,
        Integer percentile,
        String severity,
        boolean enabled,
        int version,
        String nameZh,
        String nameEn) {

    static final String YOY_DROP = "yoy-drop";
    static final String BELOW_PERCENTILE = "below-percentile";

    /** The threshold as a number (yoy-drop rules only). */
    BigDecimal threshold() {
        return thresholdPct == null ? null : new BigDecimal(thresholdPct);
    }

    static String pct(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** True when the rule applies to villages of {@code countyCode}. */
    boolean appliesTo(String villageCountyCode) {
        return countyCode == null || countyCode.equals(villageCountyCode);
    }
}
