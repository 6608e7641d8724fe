package liangshan.kernel.quantity;

/**
 * A volume (water, sediment), held in cubic metres. (体积) Use at API boundaries instead of a bare {@code double} so that the unit travels
 * with the number.
 *
 * @param cubicMetres the amount in the base unit {@link Unit#CUBIC_METRE}; finite
 */
public record Volume(double cubicMetres) implements Comparable<Volume> {

    public static final Volume ZERO = new Volume(0);

    public Volume {
        if (!Double.isFinite(cubicMetres)) {
            throw new IllegalArgumentException("Volume must be finite, was " + cubicMetres);
        }
    }

    /**
     * An amount given in any unit of dimension {@link Dimension#VOLUME}.
     *
     * @throws IllegalArgumentException if {@code unit} has another dimension
     */
    public static Volume of(double value, Unit unit) {
        return new Volume(unit.convert(value, Unit.CUBIC_METRE));
    }

    /** Converts a generic quantity of the right dimension. */
    public static Volume of(Quantity quantity) {
        return of(quantity.value(), quantity.unit());
    }

    /** The amount in {@code unit}. */
    public double in(Unit unit) {
        return Unit.CUBIC_METRE.convert(cubicMetres, unit);
    }

    public Quantity toQuantity() {
        return new Quantity(cubicMetres, Unit.CUBIC_METRE);
    }

    public Volume plus(Volume other) {
        return new Volume(cubicMetres + other.cubicMetres);
    }

    public Volume minus(Volume other) {
        return new Volume(cubicMetres - other.cubicMetres);
    }

    public Volume times(double factor) {
        return new Volume(cubicMetres * factor);
    }

    @Override
    public int compareTo(Volume other) {
        return Double.compare(cubicMetres, other.cubicMetres);
    }

    @Override
    public String toString() {
        return cubicMetres + " " + Unit.CUBIC_METRE.symbol();
    }
}
