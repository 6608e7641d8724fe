package liangshan.gep.spec;

import static liangshan.gep.spec.GepInputs.*;
import static liangshan.gep.spec.GepParameters.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** The catalogue of all indicators of method edition LS-2026.1, in report order. */
public final class IndicatorSpecs {

    private IndicatorSpecs() {}

    public static final IndicatorSpec WATER_CONSERVATION = new IndicatorSpec(
            "water_conservation",
            "水源涵养",
            "Water conservation",
            ServiceClass.REGULATING,
            MethodClause.R1_WATER_CONSERVATION,
            List.of(LAND_COVER, PRECIPITATION, EVAPOTRANSPIRATION),
            List.of(RUNOFF_COEFFICIENT, PRICE_RESERVOIR),
            List.of(
                    OutputSpec.quantity("water_conservation_m3", "水源涵养量", "water retained", Unit.CUBIC_METRE),
                    OutputSpec.value("water_conservation_value", "水源涵养价值", "water conservation value")));

    public static final IndicatorSpec SOIL_RETENTION = new IndicatorSpec(
            "soil_retention",
            "土壤保持",
            "Soil retention",
            ServiceClass.REGULATING,
            MethodClause.R2_SOIL_RETENTION,
            List.of(LAND_COVER, RAINFALL_EROSIVITY, SOIL_ERODIBILITY, LS_FACTOR),
            List.of(
                    COVER_FACTOR,
                    PRACTICE_FACTOR,
                    SEDIMENT_DEPOSITION_SHARE,
                    SOIL_BULK_DENSITY,
                    SOIL_NITROGEN_CONTENT,
                    SOIL_PHOSPHORUS_CONTENT,
                    SLOPE_LENGTH_CAP,
                    PRICE_DREDGING,
                    PRICE_NITROGEN,
                    PRICE_PHOSPHORUS),
            List.of(
                    OutputSpec.quantity("soil_retention_t", "土壤保持量", "soil retained", Unit.TONNE),
                    OutputSpec.value("sediment_value", "减少泥沙淤积价值", "avoided sediment deposition value"),
                    OutputSpec.value("nitrogen_value", "减少氮流失价值", "avoided nitrogen loss value"),
                    OutputSpec.value("phosphorus_value", "减少磷流失价值", "avoided phosphorus loss value")));

    public static final IndicatorSpec FLOOD_REGULATION = new IndicatorSpec(
            "flood_regulation",
            "洪水调蓄",
            "Flood regulation",
            ServiceClass.REGULATING,
            MethodClause.R3_FLOOD_REGULATION,
            List.of(LAND_COVER, RESERVOIRS, LAKES),
            List.of(
                    MARSH_FLOOD_DEPTH,
                    RESERVOIR_FLOOD_SHARE,
                    LAKE_C0,
                    LAKE_C1,
                    LAKE_T,
                    LAKE_REGRESSION_SCALE,
                    PRICE_RESERVOIR),
            List.of(
                    OutputSpec.quantity("flood_marsh_m3", "沼泽洪水调蓄量", "marsh flood storage", Unit.CUBIC_METRE),
                    OutputSpec.quantity("flood_reservoir_m3", "水库洪水调蓄量", "reservoir flood storage", Unit.CUBIC_METRE),
                    OutputSpec.quantity("flood_lake_m3", "湖泊洪水调蓄量", "lake flood storage", Unit.CUBIC_METRE),
                    OutputSpec.value("flood_regulation_value", "洪水调蓄价值", "flood regulation value")));

    public static final IndicatorSpec WATER_PURIFICATION = new IndicatorSpec(
            "water_purification",
            "水环境净化",
            "Water purification",
            ServiceClass.REGULATING,
            MethodClause.R4_WATER_PURIFICATION,
            List.of(LAND_COVER, COUNTY, COUNTY_EMISSIONS),
            List.of(REMOVAL_COD, REMOVAL_NH3N, REMOVAL_TN, REMOVAL_TP, PRICE_COD, PRICE_NH3N, PRICE_TN, PRICE_TP),
            List.of(
                    OutputSpec.quantity("cod_t", "COD 净化量", "COD removed", Unit.TONNE),
                    OutputSpec.quantity("nh3n_t", "氨氮净化量", "NH₃-N removed", Unit.TONNE),
                    OutputSpec.quantity("tn_t", "总氮净化量", "TN removed", Unit.TONNE),
                    OutputSpec.quantity("tp_t", "总磷净化量", "TP removed", Unit.TONNE),
                    OutputSpec.value("water_purification_value", "水环境净化价值", "water purification value")));

    public static final IndicatorSpec AIR_PURIFICATION = new IndicatorSpec(
            "air_purification",
            "空气净化",
            "Air purification",
            ServiceClass.REGULATING,
            MethodClause.R5_AIR_PURIFICATION,
            List.of(LAND_COVER, COUNTY, COUNTY_EMISSIONS),
            List.of(ABSORPTION_SO2, ABSORPTION_NOX, ABSORPTION_DUST, PRICE_SO2, PRICE_NOX, PRICE_DUST),
            List.of(
                    OutputSpec.quantity("so2_t", "二氧化硫净化量", "SO₂ absorbed", Unit.TONNE),
                    OutputSpec.quantity("nox_t", "氮氧化物净化量", "NOₓ absorbed", Unit.TONNE),
                    OutputSpec.quantity("dust_t", "滞尘量", "dust retained", Unit.TONNE),
                    OutputSpec.value("air_purification_value", "空气净化价值", "air purification value")));

    public static final IndicatorSpec CARBON_SEQUESTRATION = new IndicatorSpec(
            "carbon_sequestration",
            "固碳",
            "Carbon sequestration",
            ServiceClass.REGULATING,
            MethodClause.R6_CARBON_SEQUESTRATION,
            List.of(LAND_COVER, NPP),
            List.of(NEP_RATIO, PRICE_CARBON),
            List.of(
                    OutputSpec.quantity("co2_t", "固定二氧化碳量", "CO₂ sequestered", Unit.TONNE),
                    OutputSpec.value("carbon_sequestration_value", "固碳价值", "carbon sequestration value")));

    public static final IndicatorSpec OXYGEN_RELEASE = new IndicatorSpec(
            "oxygen_release",
            "释氧",
            "Oxygen release",
            ServiceClass.REGULATING,
            MethodClause.R7_OXYGEN_RELEASE,
            List.of(LAND_COVER, NPP),
            List.of(NEP_RATIO, PRICE_OXYGEN),
            List.of(
                    OutputSpec.quantity("o2_t", "释放氧气量", "O₂ released", Unit.TONNE),
                    OutputSpec.value("oxygen_release_value", "释氧价值", "oxygen release value")));

    public static final IndicatorSpec CLIMATE_REGULATION = new IndicatorSpec(
            "climate_regulation",
            "气候调节",
            "Climate regulation",
            ServiceClass.REGULATING,
            MethodClause.R8_CLIMATE_REGULATION,
            List.of(LAND_COVER, EVAPOTRANSPIRATION),
            List.of(
                    TRANSPIRATION_HEAT,
                    HOT_DAYS,
                    AC_EFFICIENCY,
                    WATER_DENSITY,
                    VAPORIZATION_HEAT,
                    HUMIDIFICATION_APPLIES,
                    HUMIDIFIER_ENERGY,
                    PRICE_ELECTRICITY),
            List.of(
                    OutputSpec.quantity(
                            "cooling_vegetation_kwh", "植被蒸腾降温耗电", "vegetation cooling energy", Unit.KILOWATT_HOUR),
                    OutputSpec.quantity(
                            "cooling_water_kwh", "水面蒸发降温耗电", "water-surface cooling energy", Unit.KILOWATT_HOUR),
                    OutputSpec.quantity("humidification_kwh", "水面蒸发增湿耗电", "humidification energy", Unit.KILOWATT_HOUR),
                    OutputSpec.value("climate_regulation_value", "气候调节价值", "climate regulation value")));

    public static final IndicatorSpec AGRICULTURE = provisioning("agriculture", "农业产品", "Agricultural products");
    public static final IndicatorSpec FORESTRY = provisioning("forestry", "林业产品", "Forestry products");
    public static final IndicatorSpec LIVESTOCK = provisioning("livestock", "畜牧业产品", "Livestock products");
    public static final IndicatorSpec FISHERY = provisioning("fishery", "渔业产品", "Fishery products");
    public static final IndicatorSpec WATER_SUPPLY = provisioning("water_supply", "水资源（供水）", "Water supply");
    public static final IndicatorSpec HYDROPOWER = provisioning("hydropower", "水能（水电）", "Hydropower");

    public static final IndicatorSpec RECREATION = new IndicatorSpec(
            "recreation",
            "休闲旅游",
            "Recreation",
            ServiceClass.CULTURAL,
            MethodClause.CULTURAL,
            List.of(TOURISM_STATISTICS, VISITOR_COUNTS, ZONE_CLASS_AREAS),
            List.of(allocationFlag("recreation", "休闲旅游", "recreation")),
            List.of(
                    OutputSpec.quantity("recreation_person_trips", "游客人次", "visitors", Unit.PERSON_TRIP),
                    OutputSpec.value("recreation_value", "休闲旅游价值", "recreation value")));

    public static final IndicatorSpec LANDSCAPE = new IndicatorSpec(
            "landscape_value",
            "景观价值",
            "Landscape value",
            ServiceClass.CULTURAL,
            MethodClause.CULTURAL,
            List.of(LANDSCAPE_VALUES),
            List.of(),
            List.of(OutputSpec.value("landscape_value", "景观价值", "landscape value")));

    private static final Map<String, IndicatorSpec> BY_ID = index(List.of(
            AGRICULTURE,
            FORESTRY,
            LIVESTOCK,
            FISHERY,
            WATER_SUPPLY,
            HYDROPOWER,
            WATER_CONSERVATION,
            SOIL_RETENTION,
            FLOOD_REGULATION,
            WATER_PURIFICATION,
            AIR_PURIFICATION,
            CARBON_SEQUESTRATION,
            OXYGEN_RELEASE,
            CLIMATE_REGULATION,
            RECREATION,
            LANDSCAPE));

    /** All specs: provisioning, regulating, cultural, each in method order. */
    public static List<IndicatorSpec> all() {
        return List.copyOf(BY_ID.values());
    }

    /** The spec with id {@code id}. */
    public static IndicatorSpec byId(String id) {
        IndicatorSpec spec = BY_ID.get(id);
        if (spec == null) {
            throw new NoSuchElementException("no indicator '" + id + "' in " + MethodClause.EDITION);
        }
        return spec;
    }

    /** Every parameter any spec declares, by name (first declaration wins; names are unique). */
    public static Map<String, ParameterSpec> allParameters() {
        Map<String, ParameterSpec> out = new LinkedHashMap<>();
        for (IndicatorSpec spec : all()) {
            for (ParameterSpec p : spec.parameters()) {
                ParameterSpec previous = out.putIfAbsent(p.name(), p);
                if (previous != null && !previous.equals(p)) {
                    throw new IllegalStateException("parameter declared twice differently: " + p.name());
                }
            }
        }
        return out;
    }

    private static IndicatorSpec provisioning(String id, String zh, String en) {
        return new IndicatorSpec(
                id,
                zh,
                en,
                ServiceClass.PROVISIONING,
                MethodClause.PROVISIONING,
                List.of(PRODUCT_STATISTICS, ZONE_CLASS_AREAS),
                List.of(allocationFlag(id, zh, en)),
                List.of(
                        OutputSpec.quantity(id + "_quantity", zh + "产量", en + " (quantity)", Unit.AS_STATED_PER_ROW),
                        OutputSpec.value(id + "_value", zh + "价值", en + " value")));
    }

    private static Map<String, IndicatorSpec> index(List<IndicatorSpec> specs) {
        Map<String, IndicatorSpec> map = new LinkedHashMap<>();
        for (IndicatorSpec s : specs) {
            if (map.put(s.id(), s) != null) {
                throw new IllegalStateException("duplicate indicator id " + s.id());
            }
        }
        return map;
    }
}
