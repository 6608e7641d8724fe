package liangshan.gep.spec;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * A parameter an indicator reads from the parameter set.
 *
 * @param name stable name used as key in parameter-set files
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param scope per land-cover class, a constant, or a price
 * @param unit unit of the value
 * @param min smallest valid value (inclusive); ignored for flags
 * @param max largest valid value (inclusive); ignored for flags
 * @param categories for {@link Scope#PER_CLASS}: the class categories that must carry it
 */
public record ParameterSpec(
        String name,
        String nameZh,
        String nameEn,
        Scope scope,
        Unit unit,
        BigDecimal min,
        BigDecimal max,
        Set<ClassCategory> categories) {

    /** Where the value lives in a parameter set. */
    public enum Scope {
        PER_CLASS,
        CONSTANT,
        PRICE
    }

    public ParameterSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(scope);
        Objects.requireNonNull(unit);
        categories = Set.copyOf(categories);
        if (unit != Unit.FLAG && (min == null || max == null || min.compareTo(max) > 0)) {
            throw new IllegalArgumentException("bad range for " + name);
        }
        if (scope == Scope.PER_CLASS && categories.isEmpty()) {
            throw new IllegalArgumentException("per-class parameter without categories: " + name);
        }
    }

    /** Whether {@code value} lies in [min, max]. */
    public boolean inRange(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    /** Whether the value is a true/false switch. */
    public boolean isFlag() {
        return unit == Unit.FLAG;
    }

    /** The range as text, e.g. {@code [0, 1]}. */
    public String rangeText() {
        return "[" + min.toPlainString() + ", " + max.toPlainString() + "]";
    }
}
