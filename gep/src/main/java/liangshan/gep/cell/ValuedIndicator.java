package liangshan.gep.cell;

import java.util.Map;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.valuation.Valuation;

/** An indicator that turns summed physical quantities into values in 元. */
public interface ValuedIndicator {

    IndicatorSpec spec();

    /**
     * Values the physical quantities of a zone (or window, or project Δ).
     *
     * @param quantities totals by quantity-output name, in the output's unit; absent names count 0
     * @param params parameter set giving the prices
     */
    Valuation value(Map<String, Double> quantities, ParameterSet params);
}
