package liangshan.app.divisions;

import java.util.Locale;
import java.util.Optional;

/** The four levels of Quzhou's statistical division codes, by code length. */
public enum DivisionLevel {
    /** 地级市, 4 digits ({@code 3308}). */
    CITY(4),
    /** 县级 (区/县/县级市), 6 digits. */
    COUNTY(6),
    /** 乡级 (乡/镇/街道), 9 digits. */
    TOWN(9),
    /** 村级 (村委会/居委会), 12 digits. */
    VILLAGE(12);

    private final int codeLength;

    DivisionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    /** The lower-case name used in the API and the database ({@code city}, {@code county}, …). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level whose codes have {@code code}'s length; empty for any other string. */
    public static Optional<DivisionLevel> ofCode(String code) {
        if (code == null || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        for (DivisionLevel level : values()) {
            if (level.codeLength == code.length()) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** The level named {@code key} ({@code county}, …); empty when there is none. */
    public static Optional<DivisionLevel> ofKey(String key) {
        for (DivisionLevel level : values()) {
            if (level.key().equals(key)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
