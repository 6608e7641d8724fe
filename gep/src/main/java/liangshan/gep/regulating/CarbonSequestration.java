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
 * 固碳, LS-2026.1 §R6: {@code NEP = NPP × nep_ratio(class)} (g C·m⁻²·a⁻¹), {@code Q_co2 = NEP × a ×
 * 10⁻⁶ × 44/12} t CO₂ (10⁻⁶ converts g to t, 44/12 the molar masses CO₂/C). Every known class is
 * counted through its ratio. Value {@code Q_co2 × price_carbon}.
 */
public final class CarbonSequestration implements CellKernel {

    static final String OUT = "co2_t";
    static final double TONNES_PER_GRAM = 1e-6;
    static final double CO2_PER_C = 44.0 / 12.0;

    @Override
    public IndicatorSpec spec() {
        return IndicatorSpecs.CARBON_SEQUESTRATION;
    }

    @Override
    public List<String> cellOutputs() {
        return List.of(OUT);
    }

    @Override
    public CellResult compute(CellWindow w, ParameterSet params) {
        Kernels.check(spec(), w);
        CellResult r = new CellResult(spec(), w.cellCount(), cellOutputs());
        co2(w, params, r, r.perCell(OUT), 1.0);
        return r;
    }

    /**
     * Writes {@code Q_co2 × factor} per cell into {@code out}; shared with oxygen release, whose
     * factor is 32/44.
     */
    static void co2(CellWindow w, ParameterSet params, CellResult r, double[] out, double factor) {
        IntBand cover = w.intBand(GepInputs.LAND_COVER.name());
        FloatBand npp = w.floatBand(GepInputs.NPP.name());
        ClassTable table = params.classTable();
        double[] ratio = table.perClass(GepParameters.NEP_RATIO.name());
        boolean[] counted = table.inCategories(ClassCategory.ALL);
        double a = w.cellAreaSquareMetres();
        for (int i = 0; i < w.cellCount(); i++) {
            if (r.quality().noData(i, cover, npp)) {
                continue;
            }
            int code = cover.values()[i];
            if (!Kernels.countable(r, table, counted, code)) {
                continue;
            }
            double nepGramsCarbonPerSquareMetre = npp.values()[i] * ratio[code];
            out[i] = nepGramsCarbonPerSquareMetre * a * TONNES_PER_GRAM * CO2_PER_C * factor;
        }
    }

    @Override
    public Valuation value(Map<String, Double> quantities, ParameterSet params) {
        return new Valuation.Builder(spec(), params)
                .line(
                        "carbon_sequestration_value",
                        OUT,
                        Valuation.quantity(quantities, OUT),
                        Unit.TONNE,
                        GepParameters.PRICE_CARBON.name())
                .build();
    }
}
