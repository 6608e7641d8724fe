package liangshan.kernel.quantity;

/**
 * An amount of energy, held in kilowatt-hours. (能量) Use at API boundaries instead of a bare {@code double} so that the unit travels
 * with the number.
 *
 * @param kilowattHours the amount in the base unit {@link Unit#KILOWATT_HOUR}; finite
 */
public record Energy(double kilowattHours) implements Comparable<Energy> {

    public static final Energy ZERO = new Energy(0);

    public Energy {
        if (!Double.isFinite(kilowattHours)) {
            throw new IllegalArgumentException("Energy must be finite, was " + kilowattHours);
        }
    }

    /**
     * An amount given in any unit of dimension {@link Dimension#ENERGY}.
     *
     * @throws IllegalArgumentException if {@code unit} has another dimension
     */
    public static Energy of(double value, Unit unit) {
        return new Energy(unit.convert(value, Unit.KILOWATT_HOUR));
    }

    /** Converts a generic quantity of the right dimension. */
    public static Energy of(Quantity quantity) {
        return of(quantity.value(), quantity.unit());
    }

    /** The amount in {@code unit}. */
    public double in(Unit unit) {
        return Unit.KILOWATT_HOUR.convert(kilowattHours, unit);
    }

    public Quantity toQuantity() {
        return new Quantity(kilowattHours, Unit.KILOWATT_HOUR);
    }

    public Energy plus(Energy other) {
        return new Energy(kilowattHours + other.kilowattHours);
    }

    public Energy minus(Energy other) {
        return new Energy(kilowattHours - other.kilowattHours);
    }

    public Energy times(double factor) {
        return new Energy(kilowattHours * factor);
    }

    @Override
    public int compareTo(Energy other) {
        return Double.compare(kilowattHours, other.kilowattHours);
    }

    @Override
    public String toString() {
        return kilowattHours + " " + Unit.KILOWATT_HOUR.symbol();
    }
}
