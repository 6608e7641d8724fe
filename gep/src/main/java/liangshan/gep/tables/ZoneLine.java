package liangshan.gep.tables;

import java.math.BigDecimal;

/**
 * One line of a table indicator's result for one village.
 *
 * @param zoneId village code
 * @param indicatorId indicator
 * @param item product or statistic
 * @param quantity physical quantity in {@code unit}, or {@code null} when only a value is known
 * @param unit unit of the quantity as stated by the statistic
 * @param valueYuan value in 元, scale 2
 * @param basis where the figure comes from
 */
public record ZoneLine(
        String zoneId,
        String indicatorId,
        String item,
        BigDecimal quantity,
        String unit,
        BigDecimal valueYuan,
        Basis basis) {

    /** Where a village figure comes from; anything but {@link #VILLAGE_STATISTICS} is "allocated". */
    public enum Basis {
        VILLAGE_STATISTICS,
        ALLOCATED_BY_CLASS_AREA,
        ALLOCATED_BY_VISITORS;

        public boolean allocated() {
            return this != VILLAGE_STATISTICS;
        }
    }
}
