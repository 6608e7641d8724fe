package liangshan.gep.spec;

import liangshan.gep.spec.InputSpec.SampleType;

/** Every input the LS-2026.1 indicators read, declared once with unit and sample type. */
public final class GepInputs {

    private GepInputs() {}

    public static final InputSpec LAND_COVER =
            InputSpec.raster("land_cover", "土地覆被", "land cover", Unit.CLASS_CODE, SampleType.INT32);
    public static final InputSpec PRECIPITATION =
            InputSpec.raster("precipitation", "年降水量 P", "annual precipitation P", Unit.MILLIMETRE, SampleType.FLOAT32);
    public static final InputSpec EVAPOTRANSPIRATION = InputSpec.raster(
            "evapotranspiration", "实际蒸散发 ET", "actual evapotranspiration ET", Unit.MILLIMETRE, SampleType.FLOAT32);
    public static final InputSpec RAINFALL_EROSIVITY = InputSpec.raster(
            "rainfall_erosivity", "降雨侵蚀力 R", "rainfall erosivity R", Unit.RAINFALL_EROSIVITY, SampleType.FLOAT32);
    public static final InputSpec SOIL_ERODIBILITY = InputSpec.raster(
            "soil_erodibility", "土壤可蚀性 K", "soil erodibility K", Unit.SOIL_ERODIBILITY, SampleType.FLOAT32);
    /** LS computed by the raster module from the DEM (§R2 LS steps). */
    public static final InputSpec LS_FACTOR = InputSpec.raster(
            "ls_factor", "坡长坡度因子 LS", "slope length-steepness factor LS", Unit.DIMENSIONLESS, SampleType.FLOAT32);

    public static final InputSpec NPP = InputSpec.raster(
            "npp",
            "净初级生产力 NPP",
            "net primary productivity NPP",
            Unit.GRAM_CARBON_PER_SQUARE_METRE_YEAR,
            SampleType.FLOAT32);
    /** County code of each cell, for the emission caps of §R4 and §R5. */
    public static final InputSpec COUNTY =
            InputSpec.raster("county", "所属区县", "county of the cell", Unit.ZONE_CODE, SampleType.INT32);

    public static final InputSpec COUNTY_EMISSIONS =
            InputSpec.table("county_emissions", "区县污染物排放量", "county pollutant emissions", Unit.TONNE_PER_YEAR, false);
    public static final InputSpec RESERVOIRS =
            InputSpec.table("reservoirs", "水库名录（总库容、坝址）", "reservoir table", Unit.CUBIC_METRE, true);
    public static final InputSpec LAKES =
            InputSpec.table("lakes", "湖泊名录（面积）", "lake table", Unit.SQUARE_KILOMETRE, true);
    public static final InputSpec PRODUCT_STATISTICS = InputSpec.table(
            "product_statistics", "产品统计（产量×价格或产值）", "product statistics", Unit.AS_STATED_PER_ROW, false);
    public static final InputSpec ZONE_CLASS_AREAS =
            InputSpec.table("zone_class_areas", "各村分地类面积", "class areas per village", Unit.HECTARE, false);
    public static final InputSpec TOURISM_STATISTICS = InputSpec.table(
            "tourism_statistics", "旅游统计（人次×旅行费用或收入）", "tourism statistics", Unit.AS_STATED_PER_ROW, false);
    public static final InputSpec VISITOR_COUNTS =
            InputSpec.table("visitor_counts", "各村游客人次", "visitors per village", Unit.PERSON_TRIP, true);
    public static final InputSpec LANDSCAPE_VALUES =
            InputSpec.table("landscape_values", "景观增值（各村）", "landscape value per village", Unit.YUAN, true);
}
