package liangshan.kernel.quantity;

import java.util.Objects;

/**
 * A physical amount with its unit, e.g. {@code Quantity.of(12.5, Unit.HECTARE)}. Values are
 * {@code double}: physical quantities are measurements, not ledger amounts. Arithmetic converts
 * the right operand into the left operand's unit and refuses mixed dimensions.
 *
 * @param value the magnitude in {@code unit}; must be finite
 * @param unit the unit
 */
public record Quantity(double value, Unit unit) implements Comparable<Quantity> {

    public Quantity {
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("quantity must be finite, was " + value + " " + unit);
        }
    }

    public static Quantity of(double value, Unit unit) {
        return new Quantity(value, unit);
    }

    public Dimension dimension() {
        return unit.dimension();
    }

    /** The same amount expressed in {@code target}. */
    public Quantity to(Unit target) {
        return new Quantity(unit.convert(value, target), target);
    }

    /** The magnitude in {@code target}. */
    public double in(Unit target) {
        return unit.convert(value, target);
    }

    public Quantity plus(Quantity other) {
        return new Quantity(value + other.in(unit), unit);
    }

    public Quantity minus(Quantity other) {
        return new Quantity(value - other.in(unit), unit);
    }

    public Quantity times(double factor) {
        return new Quantity(value * factor, unit);
    }

    /** Compares amounts across units of the same dimension. */
    @Override
    public int compareTo(Quantity other) {
        return Double.compare(value, other.in(unit));
    }

    @Override
    public String toString() {
        return value + " " + unit.symbol();
    }
}
