package liangshan.gep.run;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code zones.csv}.
 *
 * @param zoneCode 12-digit village code, or {@code outside}
 * @param indicator indicator id of the spec
 * @param quantity physical quantity (sum of the indicator's quantity outputs, which share {@code
 *     unit}), or {@code null} when the outputs have no common unit
 * @param unit unit symbol of {@code quantity}, or empty
 * @param valueYuan value in 元, scale 2
 */
public record ZoneRow(String zoneCode, String indicator, BigDecimal quantity, String unit, BigDecimal valueYuan) {

    /** Total value per indicator over all rows, in first-seen order. */
    public static Map<String, BigDecimal> totalsByIndicator(List<ZoneRow> rows) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (ZoneRow r : rows) {
            out.merge(r.indicator(), r.valueYuan(), BigDecimal::add);
        }
        return out;
    }

    /** The CSV line (no line break); codes and ids never need quoting, units are quoted if needed. */
    String csv() {
        String u = unit.contains(",") || unit.contains("\"") ? "\"" + unit.replace("\"", "\"\"") + "\"" : unit;
        return zoneCode + "," + indicator + "," + (quantity == null ? "" : quantity.toPlainString()) + "," + u + ","
                + valueYuan.toPlainString();
    }
}
