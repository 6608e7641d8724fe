package liangshan.app.credits.internal;

import java.util.Map;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import org.springframework.stereotype.Component;

/**
 * Names of Quzhou's six county-level divisions for people: Chinese from the divisions module, English
 * spelled here (the division list carries Chinese names only).
 */
@Component("creditsCountyNames")
class CountyNames {

    private static final Map<String, String> EN = Map.of(
            "330802", "Kecheng District",
            "330803", "Qujiang District",
            "330822", "Changshan County",
            "330824", "Kaihua County",
            "330825", "Longyou County",
            "330881", "Jiangshan City");

    private final Divisions divisions;

    CountyNames(Divisions divisions) {
        this.divisions = divisions;
    }

    /** The Chinese name, e.g. 开化县; the code itself when the division is unknown. */
    String zh(String code) {
        return code == null ? null : divisions.find(code).map(Division::name).orElse(code);
    }

    /** The English name, e.g. Kaihua County; the code itself for any other division. */
    String en(String code) {
        return code == null ? null : EN.getOrDefault(code, code);
    }
}
