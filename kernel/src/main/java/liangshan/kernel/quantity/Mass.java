package liangshan.kernel.quantity;

/**
 * A mass (soil, CO₂, pollutants), held in tonnes. (质量) Use at API boundaries instead of a bare {@code double} so that the unit travels
 * with the number.
 *
 * @param tonnes the amount in the base unit {@link Unit#TONNE}; finite
 */
public record Mass(double tonnes) implements Comparable<Mass> {

    public static final Mass ZERO = new Mass(0);

    public Mass {
        if (!Double.isFinite(tonnes)) {
            throw new IllegalArgumentException("Mass must be finite, was " + tonnes);
        }
    }

    /**
     * An amount given in any unit of dimension {@link Dimension#MASS}.
     *
     * @throws IllegalArgumentException if {@code unit} has another dimension
     */
    public static Mass of(double value, Unit unit) {
        return new Mass(unit.convert(value, Unit.TONNE));
    }

    /** Converts a generic quantity of the right dimension. */
    public static Mass of(Quantity quantity) {
        return of(quantity.value(), quantity.unit());
    }

    /** The amount in {@code unit}. */
    public double in(Unit unit) {
        return Unit.TONNE.convert(tonnes, unit);
    }

    public Quantity toQuantity() {
        return new Quantity(tonnes, Unit.TONNE);
    }

    public Mass plus(Mass other) {
        return new Mass(tonnes + other.tonnes);
    }

    public Mass minus(Mass other) {
        return new Mass(tonnes - other.tonnes);
    }

    public Mass times(double factor) {
        return new Mass(tonnes * factor);
    }

    @Override
    public int compareTo(Mass other) {
        return Double.compare(tonnes, other.tonnes);
    }

    @Override
    public String toString() {
        return tonnes + " " + Unit.TONNE.symbol();
    }
}
