package liangshan.gep.regulating;

import java.util.List;
import java.util.Map;
import liangshan.gep.cell.CellKernel;
import liangshan.gep.cell.CellResult;
import liangshan.gep.cell.CellWindow;
import liangshan.gep.cell.FloatBand;
import liangshan.gep.cell.IntBand;
import liangshan.gep.params.ClassTable;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.spec.ClassCategory;
import liangshan.gep.spec.GepInputs;
import liangshan.gep.spec.GepParameters;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.IndicatorSpecs;
import liangshan.gep.spec.Unit;
import liangshan.gep.valuation.Valuation;

/**
 * 气候调节, LS-2026.1 §R8, in kWh of air-conditioner (and humidifier) electricity avoided:
 *
 * <ul>
 *   <li>vegetation cells: {@code EPP(class) × a × d / (3600 × r)} (kJ·m⁻²·d⁻¹ × m² × d = kJ;
 *       3600 kJ = 1 kWh; r the energy-efficiency ratio);
 *   <li>water cells (water and marsh, METHOD-CHOICES C6): {@code E_w × ρ_w × q / (3600 × r)} with
 *       {@code E_w = ET × a × 10⁻³} m³, plus {@code E_w × γ} for humidification only when the set
 *       says humidification applies;
 *   <li>built-up and bare cells: 0 (not counted).
 * </ul>
 *
 * A vegetation cell needs only its land-cover code; ET no-data matters only on water cells
 * (METHOD-CHOICES C7). Value: all kWh × price_electricity.
 */
public final class ClimateRegulation implements CellKernel {

    static final String VEGETATION = "cooling_vegetation_kwh";
    static final String WATER = "cooling_water_kwh";
    static final String HUMIDIFICATION = "humidification_kwh";
    static final double KILOJOULES_PER_KILOWATT_HOUR = 3600;
    static final double CUBIC_METRES_PER_MILLIMETRE_SQUARE_METRE = 1e-3;

    @Override
    public IndicatorSpec spec() {
        return IndicatorSpecs.CLIMATE_REGULATION;
    }

    @Override
    public List<String> cellOutputs() {
        return List.of(VEGETATION, WATER, HUMIDIFICATION);
    }

    @Override
    public CellResult compute(CellWindow w, ParameterSet params) {
        Kernels.check(spec(), w);
        IntBand cover = w.intBand(GepInputs.LAND_COVER.name());
        FloatBand et = w.floatBand(GepInputs.EVAPOTRANSPIRATION.name());
        ClassTable table = params.classTable();
        double[] epp = table.perClass(GepParameters.TRANSPIRATION_HEAT.name());
        boolean[] vegetation = table.inCategories(ClassCategory.VEGETATION);
        boolean[] water = table.inCategories(ClassCategory.EVAPORATING_WATER);
        boolean[] counted = new boolean[vegetation.length];
        for (int code = 0; code < counted.length; code++) {
            counted[code] = vegetation[code] || water[code];
        }
        double a = w.cellAreaSquareMetres();
        double kilowattHoursPerKilojoule =
                1 / (KILOJOULES_PER_KILOWATT_HOUR * params.constant(GepParameters.AC_EFFICIENCY.name()));
        double hotDays = params.constant(GepParameters.HOT_DAYS.name());
        double kilojoulesPerCubicMetre = params.constant(GepParameters.WATER_DENSITY.name())
                * params.constant(GepParameters.VAPORIZATION_HEAT.name());
        double humidifierKwhPerCubicMetre = params.flag(GepParameters.HUMIDIFICATION_APPLIES.name())
                ? params.constant(GepParameters.HUMIDIFIER_ENERGY.name())
                : 0;
        CellResult r = new CellResult(spec(), w.cellCount(), cellOutputs());
        double[] vegOut = r.perCell(VEGETATION);
        double[] waterOut = r.perCell(WATER);
        double[] humOut = r.perCell(HUMIDIFICATION);
        for (int i = 0; i < w.cellCount(); i++) {
            if (r.quality().noData(i, cover)) {
                continue;
            }
            int code = cover.values()[i];
            if (!Kernels.countable(r, table, counted, code)) {
                continue;
            }
            if (vegetation[code]) {
                vegOut[i] = epp[code] * a * hotDays * kilowattHoursPerKilojoule;
            } else if (!r.quality().noData(i, et)) {
                double evaporatedCubicMetres = et.values()[i] * a * CUBIC_METRES_PER_MILLIMETRE_SQUARE_METRE;
                waterOut[i] = evaporatedCubicMetres * kilojoulesPerCubicMetre * kilowattHoursPerKilojoule;
                humOut[i] = evaporatedCubicMetres * humidifierKwhPerCubicMetre;
            }
        }
        return r;
    }

    @Override
    public Valuation value(Map<String, Double> quantities, ParameterSet params) {
        String price = GepParameters.PRICE_ELECTRICITY.name();
        return new Valuation.Builder(spec(), params)
                .line(
                        "climate_regulation_value",
                        VEGETATION,
                        Valuation.quantity(quantities, VEGETATION),
                        Unit.KILOWATT_HOUR,
                        price)
                .line(
                        "climate_regulation_value",
                        WATER,
                        Valuation.quantity(quantities, WATER),
                        Unit.KILOWATT_HOUR,
                        price)
                .line(
                        "climate_regulation_value",
                        HUMIDIFICATION,
                        Valuation.quantity(quantities, HUMIDIFICATION),
                        Unit.KILOWATT_HOUR,
                        price)
                .build();
    }
}
