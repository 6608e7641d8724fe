package liangshan.gep.spec;

import static liangshan.gep.spec.ParameterSpec.Scope.CONSTANT;
import static liangshan.gep.spec.ParameterSpec.Scope.PER_CLASS;
import static liangshan.gep.spec.ParameterSpec.Scope.PRICE;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Every parameter the LS-2026.1 indicators read, declared once with unit and valid range. The
 * ranges are physical plausibility bounds, not calibration targets: they catch unit mistakes
 * (a percentage typed as a fraction, t typed as kg) when a parameter set is loaded.
 */
public final class GepParameters {

    private GepParameters() {}

    // ---- per-class (class table) ----
    /** §R1 α, surface-runoff coefficient (fraction of P). */
    public static final ParameterSpec RUNOFF_COEFFICIENT = perClass(
            "runoff_coefficient",
            "地表径流系数",
            "surface-runoff coefficient α",
            Unit.FRACTION,
            "0",
            "1",
            ClassCategory.WATER_CONSERVATION);
    /** §R2 C, cover-management factor. */
    public static final ParameterSpec COVER_FACTOR = perClass(
            "cover_factor",
            "植被覆盖因子 C",
            "cover-management factor C",
            Unit.DIMENSIONLESS,
            "0",
            "1",
            ClassCategory.SOIL_RETENTION);
    /** §R2 P_s, support-practice factor. */
    public static final ParameterSpec PRACTICE_FACTOR = perClass(
            "practice_factor",
            "水土保持措施因子 P",
            "support-practice factor P",
            Unit.DIMENSIONLESS,
            "0",
            "1",
            ClassCategory.SOIL_RETENTION);
    /** §R6 NEP/NPP ratio. */
    public static final ParameterSpec NEP_RATIO =
            perClass("nep_ratio", "NEP/NPP 比例", "NEP to NPP ratio", Unit.FRACTION, "0", "1", ClassCategory.ALL);
    /** §R8 EPP, heat consumed by transpiration, vegetation classes only. */
    public static final ParameterSpec TRANSPIRATION_HEAT = perClass(
            "transpiration_heat",
            "蒸腾消耗热量 EPP",
            "transpiration heat EPP",
            Unit.KILOJOULE_PER_SQUARE_METRE_DAY,
            "0",
            "20000",
            ClassCategory.VEGETATION);

    public static final ParameterSpec REMOVAL_COD = capacity("removal_cod", "COD 净化能力", "COD removal capacity");
    public static final ParameterSpec REMOVAL_NH3N = capacity("removal_nh3n", "氨氮净化能力", "NH₃-N removal capacity");
    public static final ParameterSpec REMOVAL_TN = capacity("removal_tn", "总氮净化能力", "TN removal capacity");
    public static final ParameterSpec REMOVAL_TP = capacity("removal_tp", "总磷净化能力", "TP removal capacity");
    public static final ParameterSpec ABSORPTION_SO2 =
            capacity("absorption_so2", "二氧化硫吸收能力", "SO₂ absorption capacity");
    public static final ParameterSpec ABSORPTION_NOX =
            capacity("absorption_nox", "氮氧化物吸收能力", "NOₓ absorption capacity");
    public static final ParameterSpec ABSORPTION_DUST = capacity("absorption_dust", "滞尘能力", "dust retention capacity");

    // ---- constants ----
    public static final ParameterSpec SEDIMENT_DEPOSITION_SHARE =
            constant("sediment_deposition_share", "泥沙淤积比例 λ", "sediment deposition share λ", Unit.FRACTION, "0", "1");
    public static final ParameterSpec SOIL_BULK_DENSITY =
            constant("soil_bulk_density", "土壤容重 ρ", "soil bulk density ρ", Unit.TONNE_PER_CUBIC_METRE, "0.5", "2.5");
    public static final ParameterSpec SOIL_NITROGEN_CONTENT =
            constant("soil_nitrogen_content", "土壤全氮含量 N%", "soil nitrogen content N%", Unit.PERCENT, "0", "10");
    public static final ParameterSpec SOIL_PHOSPHORUS_CONTENT =
            constant("soil_phosphorus_content", "土壤全磷含量 P%", "soil phosphorus content P%", Unit.PERCENT, "0", "10");
    /** §R2 L_max, cap of the upslope length used by the raster LS step. */
    public static final ParameterSpec SLOPE_LENGTH_CAP =
            constant("slope_length_cap", "最大坡长 L_max", "slope-length cap L_max", Unit.METRE, "1", "10000");

    public static final ParameterSpec MARSH_FLOOD_DEPTH =
            constant("marsh_flood_depth", "沼泽蓄水深度", "marsh flood-storage depth", Unit.METRE, "0", "10");
    public static final ParameterSpec RESERVOIR_FLOOD_SHARE =
            constant("reservoir_flood_share", "水库防洪库容比例", "reservoir flood-storage share", Unit.FRACTION, "0", "1");
    public static final ParameterSpec LAKE_C0 = constant(
            "lake_coefficient_c0", "湖泊回归系数 c₀", "lake regression coefficient c₀", Unit.DIMENSIONLESS, "-50", "50");
    public static final ParameterSpec LAKE_C1 = constant(
            "lake_coefficient_c1", "湖泊回归系数 c₁", "lake regression coefficient c₁", Unit.DIMENSIONLESS, "0", "5");
    public static final ParameterSpec LAKE_T =
            constant("lake_factor_t", "湖泊回归乘数 T", "lake regression multiplier T", Unit.DIMENSIONLESS, "0", "100");
    public static final ParameterSpec LAKE_REGRESSION_SCALE = constant(
            "lake_regression_scale", "湖泊回归结果单位", "cubic metres per regression unit", Unit.CUBIC_METRE, "1", "1000000");
    public static final ParameterSpec HOT_DAYS =
            constant("hot_days", "日均温高于26°C天数 d", "days above 26 °C d", Unit.DAY, "0", "366");
    public static final ParameterSpec AC_EFFICIENCY = constant(
            "ac_energy_efficiency_ratio",
            "空调能效比 r",
            "air-conditioner energy-efficiency ratio r",
            Unit.DIMENSIONLESS,
            "1",
            "10");
    public static final ParameterSpec WATER_DENSITY =
            constant("water_density", "水的密度 ρw", "water density ρw", Unit.KILOGRAM_PER_CUBIC_METRE, "900", "1100");
    public static final ParameterSpec VAPORIZATION_HEAT = constant(
            "vaporization_heat",
            "水的汽化热 q",
            "latent heat of vaporisation q",
            Unit.KILOJOULE_PER_KILOGRAM,
            "2000",
            "2600");
    public static final ParameterSpec HUMIDIFICATION_APPLIES = new ParameterSpec(
            "humidification_applies", "是否计算增湿", "humidification applies", CONSTANT, Unit.FLAG, null, null, Set.of());
    public static final ParameterSpec HUMIDIFIER_ENERGY = constant(
            "humidifier_energy", "加湿器耗电 γ", "humidifier energy γ", Unit.KILOWATT_HOUR_PER_CUBIC_METRE, "0", "1000");

    // ---- prices ----
    public static final ParameterSpec PRICE_RESERVOIR =
            price("price_reservoir", "水库单位库容造价", "reservoir construction cost", Unit.YUAN_PER_CUBIC_METRE);
    public static final ParameterSpec PRICE_DREDGING =
            price("price_dredging", "清淤工程费用", "dredging cost", Unit.YUAN_PER_CUBIC_METRE);
    public static final ParameterSpec PRICE_NITROGEN =
            price("price_nitrogen", "氮肥价格", "nitrogen price", Unit.YUAN_PER_TONNE);
    public static final ParameterSpec PRICE_PHOSPHORUS =
            price("price_phosphorus", "磷肥价格", "phosphorus price", Unit.YUAN_PER_TONNE);
    public static final ParameterSpec PRICE_COD =
            price("price_cod", "COD 治理成本", "COD treatment cost", Unit.YUAN_PER_TONNE);
    public static final ParameterSpec PRICE_NH3N =
            price("price_nh3n", "氨氮治理成本", "NH₃-N treatment cost", Unit.YUAN_PER_TONNE);
    public static final ParameterSpec PRICE_TN = price("price_tn", "总氮治理成本", "TN treatment cost", Unit.YUAN_PER_TONNE);
    public static final ParameterSpec PRICE_TP = price("price_tp", "总磷治理成本", "TP treatment cost", Unit.YUAN_PER_TONNE);
    public static final ParameterSpec PRICE_SO2 =
            price("price_so2", "二氧化硫治理成本", "SO₂ treatment cost", Unit.YUAN_PER_TONNE);
    public static final ParameterSpec PRICE_NOX =
            price("price_nox", "氮氧化物治理成本", "NOₓ treatment cost", Unit.YUAN_PER_TONNE);
    public static final ParameterSpec PRICE_DUST =
            price("price_dust", "降尘治理成本", "dust treatment cost", Unit.YUAN_PER_TONNE);
    public static final ParameterSpec PRICE_CARBON = price("price_carbon", "碳价", "carbon price", Unit.YUAN_PER_TONNE);
    public static final ParameterSpec PRICE_OXYGEN = price("price_oxygen", "制氧成本", "oxygen price", Unit.YUAN_PER_TONNE);
    public static final ParameterSpec PRICE_ELECTRICITY =
            price("price_electricity", "电价", "electricity price", Unit.YUAN_PER_KILOWATT_HOUR);

    /** Per-class switch: the class is a producing class for allocating {@code indicatorId}. */
    public static ParameterSpec allocationFlag(String indicatorId, String zh, String en) {
        return new ParameterSpec(
                "allocates_" + indicatorId,
                "分摊地类：" + zh,
                "allocation class for " + en,
                PER_CLASS,
                Unit.FLAG,
                null,
                null,
                ClassCategory.ALL);
    }

    private static ParameterSpec perClass(
            String name, String zh, String en, Unit unit, String min, String max, Set<ClassCategory> categories) {
        return new ParameterSpec(name, zh, en, PER_CLASS, unit, new BigDecimal(min), new BigDecimal(max), categories);
    }

    private static ParameterSpec capacity(String name, String zh, String en) {
        return perClass(name, zh, en, Unit.TONNE_PER_HECTARE_YEAR, "0", "100", ClassCategory.ALL);
    }

    private static ParameterSpec constant(String name, String zh, String en, Unit unit, String min, String max) {
        return new ParameterSpec(name, zh, en, CONSTANT, unit, new BigDecimal(min), new BigDecimal(max), Set.of());
    }

    private static ParameterSpec price(String name, String zh, String en, Unit unit) {
        return new ParameterSpec(name, zh, en, PRICE, unit, BigDecimal.ZERO, new BigDecimal("1000000"), Set.of());
    }
}
