package liangshan.gep.run;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import liangshan.gep.spec.IndicatorSpecs;
import liangshan.gep.spec.ServiceClass;

/**
 * The report's order-of-magnitude check: a run's totals beside the published figures listed in
 * gep-method.md ("Published figures for checking orders of magnitude"). It says how close a run is,
 * it never calibrates anything. The figures are facts restated with their source, not parameters.
 */
final class MagnitudeCheck {

    private static final BigDecimal YI = new BigDecimal("100000000");
    private static final MathContext MC = MathContext.DECIMAL64;

    /** Quzhou city GEP, 亿元 (city figure reported in 2024 press coverage). */
    static final BigDecimal QUZHOU_CITY_YI = new BigDecimal("2932");
    /** Lishui 2018: regulating services' share of GEP, %. */
    static final BigDecimal LISHUI_REGULATING_PCT = new BigDecimal("72.83");
    /** Ninghai county 2018: regulating services' share of GEP, %. */
    static final BigDecimal NINGHAI_REGULATING_PCT = new BigDecimal("53.26");
    /** Datian village (Suichang, Lishui) 2018, the first village-level GEP in China, 亿元. */
    static final BigDecimal DATIAN_VILLAGE_YI = new BigDecimal("1.6");

    /**
     * One line of the check.
     *
     * @param itemZh what is compared
     * @param run the run's figure, formatted with its unit
     * @param published the published figure with its source
     * @param ratio run ÷ published, 2 decimals, or null when the figures are shares
     */
    record Line(String itemZh, String run, String published, BigDecimal ratio) {}

    private MagnitudeCheck() {}

    /** The check over {@code rows} (all zones and the outside rows). */
    static List<Line> of(List<ZoneRow> rows) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal regulating = BigDecimal.ZERO;
        Map<String, BigDecimal> byVillage = new TreeMap<>();
        for (ZoneRow r : rows) {
            total = total.add(r.valueYuan());
            if (IndicatorSpecs.byId(r.indicator()).serviceClass() == ServiceClass.REGULATING) {
                regulating = regulating.add(r.valueYuan());
            }
            if (!r.zoneCode().equals("outside")) {
                byVillage.merge(r.zoneCode(), r.valueYuan(), BigDecimal::add);
            }
        }
        List<Line> lines = new ArrayList<>();
        BigDecimal totalYi = total.divide(YI, MC);
        lines.add(new Line("全域 GEP", yi(totalYi), "衢州市约 2,932 亿元（2024 年媒体报道）", ratio(totalYi, QUZHOU_CITY_YI)));
        if (total.signum() > 0) {
            BigDecimal share = regulating.multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.HALF_EVEN);
            lines.add(new Line("调节服务占比", share.toPlainString() + " %", "丽水市 2018 年 72.83 %；宁海县 2018 年 53.26 %", null));
        }
        if (!byVillage.isEmpty()) {
            List<BigDecimal> values = new ArrayList<>(byVillage.values());
            values.sort(null);
            BigDecimal medianYi = values.get((values.size() - 1) / 2).divide(YI, MC);
            lines.add(new Line(
                    "村级 GEP 中位数（" + values.size() + " 个村）",
                    yi(medianYi),
                    "遂昌县大田村 2018 年约 1.6 亿元（全国首个村级 GEP）",
                    ratio(medianYi, DATIAN_VILLAGE_YI)));
        }
        return lines;
    }

    private static String yi(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " 亿元";
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return a.divide(b, 2, RoundingMode.HALF_EVEN);
    }
}
