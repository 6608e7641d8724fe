package liangshan.kernel.quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import liangshan.kernel.money.Money;

/**
 * A price per unit of a physical quantity, e.g. 7.06 元/m³ or 0.53 元/kWh, held as an exact
 * decimal number of yuan (prices in published tables often have more decimals than a fen).
 *
 * @param yuanPerUnit the price in 元 per one {@code unit}; not negative
 * @param unit the unit priced
 */
public record UnitPrice(BigDecimal yuanPerUnit, Unit unit) {

    public UnitPrice {
        Objects.requireNonNull(yuanPerUnit, "yuanPerUnit");
        Objects.requireNonNull(unit, "unit");
        if (yuanPerUnit.signum() < 0) {
            throw new IllegalArgumentException("price must not be negative: " + yuanPerUnit + " 元/" + unit);
        }
    }

    /** Parses the decimal price exactly, e.g. {@code UnitPrice.of("7.06", Unit.CUBIC_METRE)}. */
    public static UnitPrice of(String yuanPerUnit, Unit unit) {
        return new UnitPrice(new BigDecimal(yuanPerUnit), unit);
    }

    /**
     * The value of {@code quantity} at this price, rounded once to whole fen. The measured
     * quantity (a double) enters the money path here and only here, through its shortest decimal
     * representation ({@link BigDecimal#valueOf(double)}); the product is exact before rounding.
     *
     * @throws IllegalArgumentException if the quantity's dimension differs from the price's unit
     */
    public Money valueOf(Quantity quantity, RoundingMode rounding) {
        BigDecimal amount = BigDecimal.valueOf(quantity.in(unit));
        return Money.ofYuan(amount.multiply(yuanPerUnit), rounding);
    }

    @Override
    public String toString() {
        return yuanPerUnit.toPlainString() + " 元/" + unit.symbol();
    }
}
