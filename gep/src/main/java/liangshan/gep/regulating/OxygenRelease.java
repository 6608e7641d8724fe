package liangshan.gep.regulating;

import java.util.List;
import java.util.Map;
import liangshan.gep.cell.CellKernel;
import liangshan.gep.cell.CellResult;
import liangshan.gep.cell.CellWindow;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.spec.GepParameters;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.IndicatorSpecs;
import liangshan.gep.spec.Unit;
import liangshan.gep.valuation.Valuation;

/**
 * 释氧, LS-2026.1 §R7: {@code Q_o2 = Q_co2 × 32/44} t O₂ per cell (one O₂ released per CO₂ fixed;
 * 32 and 44 the molar masses), with {@code Q_co2} of §R6. Value {@code Q_o2 × price_oxygen}.
 */
public final class OxygenRelease implements CellKernel {

    static final String OUT = "o2_t";
    static final double O2_PER_CO2 = 32.0 / 44.0;

    @Override
    public IndicatorSpec spec() {
        return IndicatorSpecs.OXYGEN_RELEASE;
    }

    @Override
    public List<String> cellOutputs() {
        return List.of(OUT);
    }

    @Override
    public CellResult compute(CellWindow w, ParameterSet params) {
        Kernels.check(spec(), w);
        CellResult r = new CellResult(spec(), w.cellCount(), cellOutputs());
        CarbonSequestration.co2(w, params, r, r.perCell(OUT), O2_PER_CO2);
        return r;
    }

    @Override
    public Valuation value(Map<String, Double> quantities, ParameterSet params) {
        return new Valuation.Builder(spec(), params)
                .line(
                        "oxygen_release_value",
                        OUT,
                        Valuation.quantity(quantities, OUT),
                        Unit.TONNE,
                        GepParameters.PRICE_OXYGEN.name())
                .build();
    }
}
