package liangshan.gep.tables;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One row of a statistics table for a provisioning or cultural indicator: either a quantity
 * with a unit price ({@code value = quantity × unitPrice}) or an output value in 元 (where the
 * statistic is an output value, LS-2026.1 §P), for a village or, when only county statistics
 * exist, for a county.
 *
 * @param zoneId village code (12 digits) or county code (6 digits), per {@code level}
 * @param level village or county
 * @param indicatorId indicator the row belongs to, e.g. {@code agriculture}
 * @param item product or statistic, e.g. {@code 茶叶 tea}
 * @param quantity amount in {@code unit}, or {@code null} when only the output value is known
 * @param unit unit of the amount as stated by the statistic (t, 头 head, m³, kWh, 人次 …)
 * @param unitPriceYuan 元 per {@code unit}, or {@code null}
 * @param outputValueYuan output value in 元, or {@code null}
 */
public record StatisticRow(
        String zoneId,
        Level level,
        String indicatorId,
        String item,
        BigDecimal quantity,
        String unit,
        BigDecimal unitPriceYuan,
        BigDecimal outputValueYuan) {

    /** The level the statistic was collected at. */
    public enum Level {
        VILLAGE,
        COUNTY
    }

    public StatisticRow {
        Objects.requireNonNull(zoneId);
        Objects.requireNonNull(level);
        Objects.requireNonNull(indicatorId);
        Objects.requireNonNull(item);
    }

    /** A quantity × price row. */
    public static StatisticRow priced(
            String zoneId, Level level, String indicatorId, String item, String quantity, String unit, String price) {
        return new StatisticRow(
                zoneId, level, indicatorId, item, new BigDecimal(quantity), unit, new BigDecimal(price), null);
    }

    /** An output-value row (元), without a physical quantity. */
    public static StatisticRow valued(String zoneId, Level level, String indicatorId, String item, String valueYuan) {
        return new StatisticRow(zoneId, level, indicatorId, item, null, null, null, new BigDecimal(valueYuan));
    }
}
