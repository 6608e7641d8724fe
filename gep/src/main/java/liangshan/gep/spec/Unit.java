package liangshan.gep.spec;

/**
 * The fixed list of units a spec may use (gep-method.md LS-2026.1, "Grids and conventions":
 * mm, m, m², hm², m³, t, kWh, 元, plus the compound units the formulas need). A spec naming any
 * other unit cannot be written: the conformance test walks every spec against this list.
 */
public enum Unit {
    MILLIMETRE("mm", "毫米", "millimetre"),
    METRE("m", "米", "metre"),
    SQUARE_METRE("m²", "平方米", "square metre"),
    HECTARE("hm²", "公顷", "hectare"),
    SQUARE_KILOMETRE("km²", "平方千米", "square kilometre"),
    CUBIC_METRE("m³", "立方米", "cubic metre"),
    TONNE("t", "吨", "tonne"),
    TONNE_PER_YEAR("t·a⁻¹", "吨/年", "tonne per year"),
    KILOWATT_HOUR("kWh", "千瓦时", "kilowatt-hour"),
    YUAN("元", "元", "yuan"),
    YUAN_PER_CUBIC_METRE("元·m⁻³", "元/立方米", "yuan per cubic metre"),
    YUAN_PER_TONNE("元·t⁻¹", "元/吨", "yuan per tonne"),
    YUAN_PER_KILOWATT_HOUR("元·kWh⁻¹", "元/千瓦时", "yuan per kilowatt-hour"),
    YUAN_PER_PERSON_TRIP("元·人次⁻¹", "元/人次", "yuan per person-trip"),
    PERSON_TRIP("人次", "人次", "person-trip"),
    FRACTION("1", "比例", "fraction"),
    PERCENT("%", "百分比", "percent"),
    DIMENSIONLESS("-", "无量纲", "dimensionless"),
    RAINFALL_EROSIVITY("MJ·mm·hm⁻²·h⁻¹·a⁻¹", "降雨侵蚀力", "rainfall erosivity"),
    SOIL_ERODIBILITY("t·hm²·h·hm⁻²·MJ⁻¹·mm⁻¹", "土壤可蚀性", "soil erodibility"),
    GRAM_CARBON_PER_SQUARE_METRE_YEAR("g C·m⁻²·a⁻¹", "克碳/平方米/年", "gram carbon per square metre per year"),
    KILOJOULE_PER_SQUARE_METRE_DAY("kJ·m⁻²·d⁻¹", "千焦/平方米/天", "kilojoule per square metre per day"),
    TONNE_PER_HECTARE_YEAR("t·hm⁻²·a⁻¹", "吨/公顷/年", "tonne per hectare per year"),
    TONNE_PER_CUBIC_METRE("t·m⁻³", "吨/立方米", "tonne per cubic metre"),
    KILOGRAM_PER_CUBIC_METRE("kg·m⁻³", "千克/立方米", "kilogram per cubic metre"),
    KILOJOULE_PER_KILOGRAM("kJ·kg⁻¹", "千焦/千克", "kilojoule per kilogram"),
    KILOWATT_HOUR_PER_CUBIC_METRE("kWh·m⁻³", "千瓦时/立方米", "kilowatt-hour per cubic metre"),
    DAY("d", "天", "day"),
    CLASS_CODE("code", "地类代码", "land-cover class code"),
    ZONE_CODE("zone", "区划代码", "division code"),
    FLAG("bool", "开关", "switch (true/false)"),
    /** Statistics rows carry their own unit (t, head, m³, kWh …); the row states it. */
    AS_STATED_PER_ROW("per row", "按行所列单位", "unit stated on each row");

    private final String symbol;
    private final String nameZh;
    private final String nameEn;

    Unit(String symbol, String nameZh, String nameEn) {
        this.symbol = symbol;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String symbol() {
        return symbol;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The unit whose symbol or enum name is {@code text}, or {@code null}. */
    public static Unit parse(String text) {
        for (Unit u : values()) {
            if (u.symbol.equals(text) || u.name().equalsIgnoreCase(text)) {
                return u;
            }
        }
        return null;
    }
}
