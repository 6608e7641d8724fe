package liangshan.gep.spec;

import java.util.Objects;

/**
 * One output line of an indicator: a physical quantity (功能量) or a value (价值量, 元).
 *
 * @param name stable output name, e.g. {@code water_conservation_m3}
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param kind physical quantity or value
 * @param unit unit ({@link Unit#YUAN} for values)
 */
public record OutputSpec(String name, String nameZh, String nameEn, Kind kind, Unit unit) {

    /** Physical quantity or monetary value. */
    public enum Kind {
        QUANTITY,
        VALUE
    }

    public OutputSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(unit);
        if ((kind == Kind.VALUE) != (unit == Unit.YUAN)) {
            throw new IllegalArgumentException("values and only values are in 元: " + name);
        }
    }

    static OutputSpec quantity(String name, String zh, String en, Unit unit) {
        return new OutputSpec(name, zh, en, Kind.QUANTITY, unit);
    }

    static OutputSpec value(String name, String zh, String en) {
        return new OutputSpec(name, zh, en, Kind.VALUE, Unit.YUAN);
    }
}
