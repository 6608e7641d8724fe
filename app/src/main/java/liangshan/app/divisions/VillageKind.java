package liangshan.app.divisions;

import java.util.Locale;

/**
 * What a village-level unit is. The NBS coding rules (统计用区划代码编制规则) reserve the last three
 * digits 001–199 of a 12-digit code for 居民委员会 (urban communities, 社区), 200–399 for 村民委员会
 * (administrative villages) and 400–599 for units similar to a residents' committee (farm and forest
 * living quarters); the last two kinds are communities here.
 */
public enum VillageKind {
    /** 行政村 (村民委员会). */
    VILLAGE,
    /** 社区 (居民委员会 or similar). */
    COMMUNITY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of the 12-digit code {@code code}, from its last three digits. */
    public static VillageKind ofCode(String code) {
        if (code.length() != 12) {
            throw new IllegalArgumentException("not a village-level code: " + code);
        }
        int serial = Integer.parseInt(code.substring(9));
        return serial >= 200 && serial < 400 ? VILLAGE : COMMUNITY;
    }
}
