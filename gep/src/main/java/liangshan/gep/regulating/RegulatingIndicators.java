package liangshan.gep.regulating;

import java.util.List;
import liangshan.gep.cell.CellKernel;
import liangshan.gep.cell.ValuedIndicator;

/** The eight regulating indicators of LS-2026.1, in method order. */
public final class RegulatingIndicators {

    private RegulatingIndicators() {}

    public static final WaterConservation WATER_CONSERVATION = new WaterConservation();
    public static final SoilRetention SOIL_RETENTION = new SoilRetention();
    public static final FloodRegulation FLOOD_REGULATION = new FloodRegulation();
    public static final EmissionCapped WATER_PURIFICATION = EmissionCapped.waterPurification();
    public static final EmissionCapped AIR_PURIFICATION = EmissionCapped.airPurification();
    public static final CarbonSequestration CARBON_SEQUESTRATION = new CarbonSequestration();
    public static final OxygenRelease OXYGEN_RELEASE = new OxygenRelease();
    public static final ClimateRegulation CLIMATE_REGULATION = new ClimateRegulation();

    /** All eight, in method order (§R1–§R8). */
    public static List<ValuedIndicator> all() {
        return List.of(
                WATER_CONSERVATION,
                SOIL_RETENTION,
                FLOOD_REGULATION,
                WATER_PURIFICATION,
                AIR_PURIFICATION,
                CARBON_SEQUESTRATION,
                OXYGEN_RELEASE,
                CLIMATE_REGULATION);
    }

    /** The six that need one pass of cell-local arithmetic (all but the emission-capped two). */
    public static List<CellKernel> cellKernels() {
        return List.of(
                WATER_CONSERVATION,
                SOIL_RETENTION,
                FLOOD_REGULATION,
                CARBON_SEQUESTRATION,
                OXYGEN_RELEASE,
                CLIMATE_REGULATION);
    }
}
