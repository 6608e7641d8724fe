package liangshan.gep.params;

import java.math.BigDecimal;
import java.util.Objects;
import liangshan.gep.spec.Unit;

/**
 * One value of a parameter set with its provenance.
 *
 * @param number the value, for numeric parameters ({@code null} for switches)
 * @param flag the value, for switches ({@code null} for numbers)
 * @param unit unit of the value (from the spec)
 * @param year price year, for prices ({@code null} otherwise)
 * @param sourceKey key into the set's source list
 * @param source the full citation the key resolves to
 * @param placeholder whether the value is a placeholder rather than a sourced local value
 * @param reason why it is a placeholder, or a note on how it was derived
 */
public record SourcedValue(
        BigDecimal number,
        Boolean flag,
        Unit unit,
        Integer year,
        String sourceKey,
        String source,
        boolean placeholder,
        String reason) {

    public SourcedValue {
        if ((number == null) == (flag == null)) {
            throw new IllegalArgumentException("a value is either a number or a flag");
        }
        Objects.requireNonNull(unit);
        Objects.requireNonNull(source);
    }

    /** The number as a double, for pixel loops. */
    public double asDouble() {
        return number.doubleValue();
    }

    /** A copy carrying another number (used when an alternative overrides a value). */
    SourcedValue withNumber(BigDecimal newNumber, String newSourceKey, String newSource, boolean ph, String why) {
        return new SourcedValue(newNumber, null, unit, year, newSourceKey, newSource, ph, why);
    }
}
