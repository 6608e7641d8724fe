package liangshan.kernel.quantity;

/** The physical dimension of a {@link Unit}; only units of one dimension convert into each other. */
public enum Dimension {
    LENGTH,
    AREA,
    VOLUME,
    MASS,
    ENERGY,
    /** Pure numbers and fractions (runoff coefficients, shares). */
    DIMENSIONLESS
}
