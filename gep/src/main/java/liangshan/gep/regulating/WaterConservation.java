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
 * 水源涵养, LS-2026.1 §R1: {@code Q_wc = max(0, P − α·P − ET) × a × 10⁻³} m³ per cell (P and ET
 * in mm, a in m², 10⁻³ converts mm·m² to m³); built-up and bare cells are not counted. Value
 * {@code Q_wc × price_reservoir}.
 */
public final class WaterConservation implements CellKernel {

    static final String OUT = "water_conservation_m3";
    static final double CUBIC_METRES_PER_MILLIMETRE_SQUARE_METRE = 1e-3;

    @Override
    public IndicatorSpec spec() {
        return IndicatorSpecs.WATER_CONSERVATION;
    }

    @Override
    public List<String> cellOutputs() {
        return List.of(OUT);
    }

    @Override
    public CellResult compute(CellWindow w, ParameterSet params) {
        Kernels.check(spec(), w);
        IntBand cover = w.intBand(GepInputs.LAND_COVER.name());
        FloatBand precipitation = w.floatBand(GepInputs.PRECIPITATION.name());
        FloatBand et = w.floatBand(GepInputs.EVAPOTRANSPIRATION.name());
        ClassTable table = params.classTable();
        double[] alpha = table.perClass(GepParameters.RUNOFF_COEFFICIENT.name());
        boolean[] counted = table.inCategories(ClassCategory.WATER_CONSERVATION);
        double a = w.cellAreaSquareMetres();
        CellResult r = new CellResult(spec(), w.cellCount(), cellOutputs());
        double[] out = r.perCell(OUT);
        for (int i = 0; i < w.cellCount(); i++) {
            if (r.quality().noData(i, cover, precipitation, et)) {
                continue;
            }
            int code = cover.values()[i];
            if (!Kernels.countable(r, table, counted, code)) {
                continue;
            }
            double pMillimetres = precipitation.values()[i];
            double etMillimetres = et.values()[i];
            double retainedMillimetres = Math.max(0, pMillimetres - alpha[code] * pMillimetres - etMillimetres);
            out[i] = retainedMillimetres * a * CUBIC_METRES_PER_MILLIMETRE_SQUARE_METRE;
        }
        return r;
    }

    @Override
    public Valuation value(Map<String, Double> quantities, ParameterSet params) {
        return new Valuation.Builder(spec(), params)
                .line(
                        "water_conservation_value",
                        OUT,
                        Valuation.quantity(quantities, OUT),
                        Unit.CUBIC_METRE,
                        GepParameters.PRICE_RESERVOIR.name())
                .build();
    }
}
