package liangshan.app.ecoaccount.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.IndicatorSpecs;

/**
 * What a warning rule measures, always a value in 元 per hm² of the village's boundary area (so
 * villages of different size compare): {@code regulatingPerHm2} (the regulating-service values
 * summed), {@code totalPerHm2} (all GEP values summed) or {@code indicator:<id>} (one indicator's
 * value). Per-hm² figures are rounded half-even to 0.01 元/hm² — the figures the alert shows — and
 * rules compare those rounded figures exactly.
 */
final class GepWarningMeasure {

    static final String REGULATING = "regulatingPerHm2";
    static final String TOTAL = "totalPerHm2";
    static final String INDICATOR_PREFIX = "indicator:";
    private static final BigDecimal SQUARE_METRES_PER_HM2 = BigDecimal.valueOf(10_000);
    private static final Set<String> INDICATORS =
            IndicatorSpecs.all().stream().map(IndicatorSpec::id).collect(Collectors.toUnmodifiableSet());

    /**
     * One village's GEP values of one year.
     *
     * @param villageCode 12 digits
     * @param year accounting year
     * @param runId the run whose results these are (the newest run if rows come from several)
     * @param byIndicator value in 元 per indicator id
     * @param regulatingYuan sum of the regulating indicators' values, 元
     * @param totalYuan sum of all values, 元
     */
    record VillageYear(
            String villageCode,
            int year,
            String runId,
            Map<String, BigDecimal> byIndicator,
            BigDecimal regulatingYuan,
            BigDecimal totalYuan) {}

    private GepWarningMeasure() {}

    static boolean isValid(String measure) {
        if (REGULATING.equals(measure) || TOTAL.equals(measure)) {
            return true;
        }
        return measure != null
                && measure.startsWith(INDICATOR_PREFIX)
                && INDICATORS.contains(measure.substring(INDICATOR_PREFIX.length()));
    }

    /** The measure in 元 (not yet per area); empty when the village has no value for it. */
    static Optional<BigDecimal> yuan(String measure, VillageYear v) {
        return switch (measure) {
            case REGULATING -> Optional.of(v.regulatingYuan());
            case TOTAL -> Optional.of(v.totalYuan());
            default -> Optional.ofNullable(v.byIndicator().get(measure.substring(INDICATOR_PREFIX.length())));
        };
    }

    /**
     * {@code yuan / (areaSquareMetres / 10 000)}, 0.01 元/hm², half-even; empty when the area is not
     * positive. The area (a double from the divisions module) is converted exactly to a decimal.
     */
    static Optional<BigDecimal> perHm2(BigDecimal yuan, double areaSquareMetres) {
        if (!(areaSquareMetres > 0) || !Double.isFinite(areaSquareMetres)) {
            return Optional.empty();
        }
        BigDecimal hm2 = BigDecimal.valueOf(areaSquareMetres).divide(SQUARE_METRES_PER_HM2);
        return Optional.of(yuan.divide(hm2, 2, RoundingMode.HALF_EVEN));
    }
}
