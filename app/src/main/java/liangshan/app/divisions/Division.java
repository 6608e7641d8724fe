package liangshan.app.divisions;

import java.util.Objects;

/**
 * One administrative division.
 *
 * @param code 4, 6, 9 or 12 digits (2023 statistical division code)
 * @param name official Chinese name
 * @param level its level, implied by the code's length
 * @param kind village or community for village-level units, null above
 * @param parentCode the code of the division containing it ({@code 33} for the city, outside this data)
 */
public record Division(String code, String name, DivisionLevel level, VillageKind kind, String parentCode) {

    public Division {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        if (level.codeLength() != code.length()) {
            throw new IllegalArgumentException("code " + code + " is not a " + level.key() + " code");
        }
        if ((level == DivisionLevel.VILLAGE) != (kind != null)) {
            throw new IllegalArgumentException("only village-level units have a kind: " + code);
        }
    }
}
