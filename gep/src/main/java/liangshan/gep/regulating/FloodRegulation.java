package liangshan.gep.regulating;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.gep.cell.CellKernel;
import liangshan.gep.cell.CellResult;
import liangshan.gep.cell.CellWindow;
import liangshan.gep.cell.InputProblem;
import liangshan.gep.cell.IntBand;
import liangshan.gep.cell.InvalidInputException;
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
 * 洪水调蓄, LS-2026.1 §R3, three parts:
 *
 * <ul>
 *   <li>marsh cells (per cell): {@code marsh_flood_depth (0.3 m) × a} m³;
 *   <li>reservoirs (table): {@code reservoir_flood_share (0.35) × total capacity} m³, attributed
 *       to the zone containing the dam point;
 *   <li>lakes (table): {@code exp(c₀) × A_km²^c₁ × T} in regression units, × {@code
 *       lake_regression_scale} (m³ per unit, 10⁴ in the default set: METHOD-CHOICES C5),
 *       attributed to the zone containing the lake's reference point.
 * </ul>
 *
 * Zone attribution of table rows is done by the caller (it owns the zone polygons) and passed
 * in as {@code zoneId}; {@code null} means outside every zone. Value: m³ × price_reservoir.
 */
public final class FloodRegulation implements CellKernel {

    static final String MARSH = "flood_marsh_m3";
    static final String RESERVOIR = "flood_reservoir_m3";
    static final String LAKE = "flood_lake_m3";
    /** Zone key for table rows outside every zone. */
    public static final String OUTSIDE = "outside";

    /**
     * One reservoir.
     *
     * @param name name
     * @param totalCapacityCubicMetres total storage capacity (总库容), m³
     * @param zoneId zone containing the dam point, or {@code null} if outside every zone
     */
    public record Reservoir(String name, double totalCapacityCubicMetres, String zoneId) {}

    /**
     * One lake.
     *
     * @param name name
     * @param areaSquareKilometres water area, km²
     * @param zoneId zone containing the lake's reference point, or {@code null}
     */
    public record Lake(String name, double areaSquareKilometres, String zoneId) {}

    @Override
    public IndicatorSpec spec() {
        return IndicatorSpecs.FLOOD_REGULATION;
    }

    @Override
    public List<String> cellOutputs() {
        return List.of(MARSH);
    }

    @Override
    public CellResult compute(CellWindow w, ParameterSet params) {
        Kernels.check(spec(), w);
        IntBand cover = w.intBand(GepInputs.LAND_COVER.name());
        ClassTable table = params.classTable();
        boolean[] marsh = table.inCategories(ClassCategory.MARSH);
        double cubicMetresPerCell = params.constant(GepParameters.MARSH_FLOOD_DEPTH.name()) * w.cellAreaSquareMetres();
        CellResult r = new CellResult(spec(), w.cellCount(), cellOutputs());
        double[] out = r.perCell(MARSH);
        for (int i = 0; i < w.cellCount(); i++) {
            if (r.quality().noData(i, cover)) {
                continue;
            }
            int code = cover.values()[i];
            if (Kernels.countable(r, table, marsh, code)) {
                out[i] = cubicMetresPerCell;
            }
        }
        return r;
    }

    /** Reservoir flood storage per zone (m³); rows with bad numbers are rejected together. */
    public Map<String, Double> reservoirs(List<Reservoir> rows, ParameterSet params) {
        double share = params.constant(GepParameters.RESERVOIR_FLOOD_SHARE.name());
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Double> out = new LinkedHashMap<>();
        for (Reservoir r : rows) {
            if (!(r.totalCapacityCubicMetres() >= 0) || Double.isInfinite(r.totalCapacityCubicMetres())) {
                problems.add(new InputProblem(
                        "input.bad_capacity",
                        GepInputs.RESERVOIRS.name(),
                        "水库“" + r.name() + "”的总库容 " + r.totalCapacityCubicMetres() + " 无效",
                        "reservoir '" + r.name() + "' has invalid total capacity " + r.totalCapacityCubicMetres()));
                continue;
            }
            out.merge(zone(r.zoneId()), share * r.totalCapacityCubicMetres(), Double::sum);
        }
        InvalidInputException.throwIfAny(problems);
        return out;
    }

    /** Lake flood storage per zone (m³) by the regression of §R3. */
    public Map<String, Double> lakes(List<Lake> rows, ParameterSet params) {
        double c0 = params.constant(GepParameters.LAKE_C0.name());
        double c1 = params.constant(GepParameters.LAKE_C1.name());
        double t = params.constant(GepParameters.LAKE_T.name());
        double scale = params.constant(GepParameters.LAKE_REGRESSION_SCALE.name());
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Double> out = new LinkedHashMap<>();
        for (Lake l : rows) {
            if (!(l.areaSquareKilometres() > 0) || Double.isInfinite(l.areaSquareKilometres())) {
                problems.add(new InputProblem(
                        "input.bad_area",
                        GepInputs.LAKES.name(),
                        "湖泊“" + l.name() + "”的面积 " + l.areaSquareKilometres() + " km² 无效",
                        "lake '" + l.name() + "' has invalid area " + l.areaSquareKilometres() + " km²"));
                continue;
            }
            double units = Math.exp(c0) * Math.pow(l.areaSquareKilometres(), c1) * t;
            out.merge(zone(l.zoneId()), units * scale, Double::sum);
        }
        InvalidInputException.throwIfAny(problems);
        return out;
    }

    private static String zone(String zoneId) {
        return zoneId == null ? OUTSIDE : zoneId;
    }

    @Override
    public Valuation value(Map<String, Double> quantities, ParameterSet params) {
        String price = GepParameters.PRICE_RESERVOIR.name();
        String output = "flood_regulation_value";
        return new Valuation.Builder(spec(), params)
                .line(output, MARSH, Valuation.quantity(quantities, MARSH), Unit.CUBIC_METRE, price)
                .line(output, RESERVOIR, Valuation.quantity(quantities, RESERVOIR), Unit.CUBIC_METRE, price)
                .line(output, LAKE, Valuation.quantity(quantities, LAKE), Unit.CUBIC_METRE, price)
                .build();
    }
}
