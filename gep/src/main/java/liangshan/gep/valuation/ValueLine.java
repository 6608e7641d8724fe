package liangshan.gep.valuation;

import java.math.BigDecimal;
import liangshan.gep.spec.Unit;

/**
 * One line of a valuation: value = quantity × price, in 元 rounded half-even to the fen.
 *
 * @param output the value output the line adds to, e.g. {@code sediment_value}
 * @param item what the quantity is, e.g. {@code sediment_volume_m3}
 * @param quantity the quantity in {@code quantityUnit}
 * @param quantityUnit its unit
 * @param priceName parameter name of the price
 * @param price exact price from the parameter set
 * @param priceUnit unit of the price
 * @param valueYuan quantity × price in 元, scale 2
 */
public record ValueLine(
        String output,
        String item,
        double quantity,
        Unit quantityUnit,
        String priceName,
        BigDecimal price,
        Unit priceUnit,
        BigDecimal valueYuan) {}
