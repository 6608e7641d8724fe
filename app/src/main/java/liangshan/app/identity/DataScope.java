package liangshan.app.identity;

import java.util.Objects;

/**
 * A data scope: the division (city 4 digits, county 6, town 9, village 12 — 2023 statistical codes)
 * whose data a user may see. A scope covers a division when the division's code starts with the
 * scope's code, so the city scope {@code 3308} covers everything in Quzhou.
 *
 * @param divisionCode 4, 6, 9 or 12 digits
 */
public record DataScope(String divisionCode) {

    /** The whole city of Quzhou. */
    public static final DataScope CITY = new DataScope("3308");

    public DataScope {
        Objects.requireNonNull(divisionCode, "divisionCode");
        if (!divisionCode.matches("\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
            throw new IllegalArgumentException("division code must have 4, 6, 9 or 12 digits: " + divisionCode);
        }
    }

    /** True when {@code code} (any level) lies inside this scope. */
    public boolean covers(String code) {
        return code != null && code.startsWith(divisionCode);
    }

    /** A SQL LIKE pattern matching every division code inside this scope. */
    public String likePattern() {
        return divisionCode + "%";
    }

    /** The level of the scope's division: city, county, town or village. */
    public String level() {
        return switch (divisionCode.length()) {
            case 4 -> "city";
            case 6 -> "county";
            case 9 -> "town";
            default -> "village";
        };
    }
}
