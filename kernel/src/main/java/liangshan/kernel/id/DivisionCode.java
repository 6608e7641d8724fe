package liangshan.kernel.id;

import java.util.Objects;
import java.util.Optional;

/**
 * A statistical administrative-division code (统计用区划代码) of the National Bureau of
 * Statistics, at its natural length: 2 digits province, 4 city, 6 county, 9 township, 12 village.
 * Codes are prefixes of their descendants ({@code 330802} ⊂ {@code 3308}), which is what
 * {@link #parent()} and {@link #isWithin(DivisionCode)} rely on.
 *
 * @param code the digits, without zero padding
 */
public record DivisionCode(String code) implements Comparable<DivisionCode> {

    /** Division level, with the code length at that level. */
    public enum Level {
        PROVINCE(2),
        CITY(4),
        COUNTY(6),
        TOWNSHIP(9),
        VILLAGE(12);

        private final int digits;

        Level(int digits) {
            this.digits = digits;
        }

        public int digits() {
            return digits;
        }

        static Optional<Level> ofLength(int length) {
            for (Level l : values()) {
                if (l.digits == length) {
                    return Optional.of(l);
                }
            }
            return Optional.empty();
        }
    }

    public DivisionCode {
        Objects.requireNonNull(code, "code");
        if (!code.chars().allMatch(c -> c >= '0' && c <= '9')
                || Level.ofLength(code.length()).isEmpty()) {
            throw new IllegalArgumentException("division code must have 2, 4, 6, 9 or 12 digits, was \"" + code + "\"");
        }
    }

    public static DivisionCode of(String code) {
        return new DivisionCode(code);
    }

    /**
     * Reads a code zero-padded to 12 digits (as some registers print them, e.g. "330802000000")
     * and strips the padding down to the natural level.
     */
    public static DivisionCode ofPadded(String twelveDigits) {
        Objects.requireNonNull(twelveDigits, "twelveDigits");
        if (twelveDigits.length() != 12) {
            throw new IllegalArgumentException(
                    "padded division code must have 12 digits, was \"" + twelveDigits + "\"");
        }
        Level[] levels = Level.values();
        for (Level level : levels) {
            String tail = twelveDigits.substring(level.digits);
            if (tail.chars().allMatch(c -> c == '0')) {
                return new DivisionCode(twelveDigits.substring(0, level.digits));
            }
        }
        return new DivisionCode(twelveDigits);
    }

    public Level level() {
        return Level.ofLength(code.length()).orElseThrow();
    }

    /** The enclosing division, empty for a province. */
    public Optional<DivisionCode> parent() {
        Level level = level();
        if (level == Level.PROVINCE) {
            return Optional.empty();
        }
        return Optional.of(new DivisionCode(code.substring(0, Level.values()[level.ordinal() - 1].digits)));
    }

    /** True if this division is {@code other} or lies inside it. */
    public boolean isWithin(DivisionCode other) {
        return code.startsWith(other.code);
    }

    /** The code zero-padded to 12 digits. */
    public String padded() {
        return code + "0".repeat(12 - code.length());
    }

    @Override
    public int compareTo(DivisionCode other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
