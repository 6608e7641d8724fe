package liangshan.gep.params;

import java.math.BigDecimal;
import liangshan.gep.spec.ParameterSpec;
import liangshan.gep.spec.Unit;

/** Reads one sourced value ({@code {value, unit?, year?, source, placeholder, reason?}}). */
final class ValueParser {

    private static final int FIRST_PRICE_YEAR = 1949;
    private static final int LAST_PRICE_YEAR = 2100;

    private ValueParser() {}

    static SourcedValue value(Node v, ParameterSpec spec, boolean requireUnit, boolean requireYear) {
        ParameterSetLoader.Parse p = v.parse;
        int before = p.problems.size();
        BigDecimal number = null;
        Boolean flag = null;
        Object raw = v.raw("value");
        if (spec.isFlag()) {
            if (raw instanceof Boolean b) {
                flag = b;
            } else {
                v.missing("value", "true/false", "true/false");
            }
        } else if (raw instanceof Number n) {
            number = new BigDecimal(n.toString());
            if (!spec.inRange(number)) {
                p.problem(
                        "param.out_of_range",
                        v.at("value"),
                        "“" + spec.name() + "”的取值 " + number.toPlainString() + " 超出有效范围 " + spec.rangeText()
                                + unitSuffix(spec),
                        "value " + number.toPlainString() + " of '" + spec.name() + "' is outside the valid range "
                                + spec.rangeText() + unitSuffix(spec));
            }
        } else {
            v.missing("value", "数值", "a number");
        }
        checkUnit(v, spec, requireUnit);
        Integer year = year(v, requireYear);
        String sourceKey = v.text("source");
        String source = sourceKey == null ? null : p.sources.get(sourceKey);
        if (sourceKey != null && source == null) {
            p.problem(
                    "param.unknown_source",
                    v.at("source"),
                    "来源“" + sourceKey + "”未在 sources 中列出",
                    "source '" + sourceKey + "' is not listed in sources");
        }
        boolean placeholder = Boolean.TRUE.equals(v.raw("placeholder"));
        if (!(v.raw("placeholder") instanceof Boolean)) {
            v.missing("placeholder", "true/false", "true/false");
        }
        String reason = v.optionalText("reason");
        if (placeholder && reason == null) {
            p.problem(
                    "param.placeholder_without_reason",
                    v.at("reason"),
                    "占位值须说明原因",
                    "a placeholder value must say why it is a placeholder");
        }
        if (p.problems.size() > before) {
            return null;
        }
        return new SourcedValue(number, flag, spec.unit(), year, sourceKey, source, placeholder, reason);
    }

    private static String unitSuffix(ParameterSpec spec) {
        return spec.unit() == Unit.FRACTION || spec.unit() == Unit.DIMENSIONLESS
                ? ""
                : " " + spec.unit().symbol();
    }

    private static void checkUnit(Node v, ParameterSpec spec, boolean requireUnit) {
        Object unitText = v.raw("unit");
        if (unitText == null) {
            if (requireUnit) {
                v.missing("unit", "单位", "a unit");
            }
            return;
        }
        Unit unit = Unit.parse(String.valueOf(unitText));
        if (unit != spec.unit()) {
            v.parse.problem(
                    "param.unit_mismatch",
                    v.at("unit"),
                    "“" + spec.name() + "”的单位应为 " + spec.unit().symbol() + "，文件写的是 " + unitText,
                    "'" + spec.name() + "' must be in " + spec.unit().symbol() + ", the file says " + unitText);
        }
    }

    private static Integer year(Node v, boolean required) {
        Object raw = v.raw("year");
        if (raw == null) {
            if (required) {
                v.missing("year", "价格年份", "a price year");
            }
            return null;
        }
        if (raw instanceof Integer y && y >= FIRST_PRICE_YEAR && y <= LAST_PRICE_YEAR) {
            return y;
        }
        v.parse.problem(
                "param.bad_year", v.at("year"), "价格年份须为 1949–2100 的整数", "the price year must be an integer 1949–2100");
        return null;
    }
}
