package liangshan.kernel.quantity;

/**
 * A length or depth, held in metres. (长度) Use at API boundaries instead of a bare {@code double} so that the unit travels
 * with the number.
 *
 * @param metres the amount in the base unit {@link Unit#METRE}; finite
 */
public record Length(double metres) implements Comparable<Length> {

    public static final Length ZERO = new Length(0);

    public Length {
        if (!Double.isFinite(metres)) {
            throw new IllegalArgumentException("Length must be finite, was " + metres);
        }
    }

    /**
     * An amount given in any unit of dimension {@link Dimension#LENGTH}.
     *
     * @throws IllegalArgumentException if {@code unit} has another dimension
     */
    public static Length of(double value, Unit unit) {
        return new Length(unit.convert(value, Unit.METRE));
    }

    /** Converts a generic quantity of the right dimension. */
    public static Length of(Quantity quantity) {
        return of(quantity.value(), quantity.unit());
    }

    /** The amount in {@code unit}. */
    public double in(Unit unit) {
        return Unit.METRE.convert(metres, unit);
    }

    public Quantity toQuantity() {
        return new Quantity(metres, Unit.METRE);
    }

    public Length plus(Length other) {
        return new Length(metres + other.metres);
    }

    public Length minus(Length other) {
        return new Length(metres - other.metres);
    }

    public Length times(double factor) {
        return new Length(metres * factor);
    }

    @Override
    public int compareTo(Length other) {
        return Double.compare(metres, other.metres);
    }

    @Override
    public String toString() {
        return metres + " " + Unit.METRE.symbol();
    }
}
