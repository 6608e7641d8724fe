package liangshan.gep.valuation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.params.SourcedValue;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.OutputSpec;
import liangshan.gep.spec.Unit;

/**
 * Value of one indicator for one zone (or window, or Δ): its lines and totals per value output.
 * Money is {@link BigDecimal} in 元 at scale 2 (fen); each line is rounded once, half-even, and
 * totals are exact sums of the rounded lines, so lines always add up to the totals shown.
 *
 * @param indicatorId the indicator
 * @param lines the lines, in spec order
 */
public record Valuation(String indicatorId, List<ValueLine> lines) {

    /** Scale of amounts in 元: 2 = fen. */
    public static final int YUAN_SCALE = 2;

    public Valuation {
        lines = List.copyOf(lines);
    }

    /** Total value in 元 over all lines. */
    public BigDecimal totalYuan() {
        return lines.stream().map(ValueLine::valueYuan).reduce(BigDecimal.ZERO.setScale(YUAN_SCALE), BigDecimal::add);
    }

    /** Totals per value output, in 元. */
    public Map<String, BigDecimal> byOutput() {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (ValueLine l : lines) {
            out.merge(l.output(), l.valueYuan(), BigDecimal::add);
        }
        return out;
    }

    /** Builder of valuation lines. */
    public static final class Builder {
        private final IndicatorSpec spec;
        private final ParameterSet params;
        private final List<ValueLine> lines = new ArrayList<>();

        public Builder(IndicatorSpec spec, ParameterSet params) {
            this.spec = spec;
            this.params = params;
        }

        /**
         * Adds {@code quantity × price(priceName)}.
         *
         * @param output a value output of the spec
         * @param item name of the quantity
         * @param quantity amount in {@code unit}
         * @param unit unit of the amount (must match the price's denominator)
         * @param priceName a price of the parameter set
         */
        public Builder line(String output, String item, double quantity, Unit unit, String priceName) {
            if (spec.outputs(OutputSpec.Kind.VALUE).stream()
                    .noneMatch(o -> o.name().equals(output))) {
                throw new IllegalArgumentException(spec.id() + " declares no value output " + output);
            }
            if (!Double.isFinite(quantity)) {
                throw new IllegalArgumentException("quantity of " + item + " is not finite: " + quantity);
            }
            SourcedValue price = params.priceEntry(priceName);
            BigDecimal yuan =
                    new BigDecimal(quantity).multiply(price.number()).setScale(YUAN_SCALE, RoundingMode.HALF_EVEN);
            lines.add(new ValueLine(output, item, quantity, unit, priceName, price.number(), price.unit(), yuan));
            return this;
        }

        public Valuation build() {
            return new Valuation(spec.id(), lines);
        }
    }

    /** Quantity {@code name} of {@code quantities}, 0 when absent. */
    public static double quantity(Map<String, Double> quantities, String name) {
        Double v = quantities.get(name);
        return v == null ? 0 : v;
    }
}
