package liangshan.kernel.quantity;

/**
 * An area, held in square metres. (面积) Use at API boundaries instead of a bare {@code double} so that the unit travels
 * with the number.
 *
 * @param squareMetres the amount in the base unit {@link Unit#SQUARE_METRE}; finite
 */
public record Area(double squareMetres) implements Comparable<Area> {

    public static final Area ZERO = new Area(0);

    public Area {
        if (!Double.isFinite(squareMetres)) {
            throw new IllegalArgumentException("Area must be finite, was " + squareMetres);
        }
    }

    /**
     * An amount given in any unit of dimension {@link Dimension#AREA}.
     *
     * @throws IllegalArgumentException if {@code unit} has another dimension
     */
    public static Area of(double value, Unit unit) {
        return new Area(unit.convert(value, Unit.SQUARE_METRE));
    }

    /** Converts a generic quantity of the right dimension. */
    public static Area of(Quantity quantity) {
        return of(quantity.value(), quantity.unit());
    }

    /** The amount in {@code unit}. */
    public double in(Unit unit) {
        return Unit.SQUARE_METRE.convert(squareMetres, unit);
    }

    public Quantity toQuantity() {
        return new Quantity(squareMetres, Unit.SQUARE_METRE);
    }

    public Area plus(Area other) {
        return new Area(squareMetres + other.squareMetres);
    }

    public Area minus(Area other) {
        return new Area(squareMetres - other.squareMetres);
    }

    public Area times(double factor) {
        return new Area(squareMetres * factor);
    }

    @Override
    public int compareTo(Area other) {
        return Double.compare(squareMetres, other.squareMetres);
    }

    @Override
    public String toString() {
        return squareMetres + " " + Unit.SQUARE_METRE.symbol();
    }
}
