package liangshan.gep.params;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import liangshan.gep.spec.ClassCategory;

/**
 * One row of the class table.
 *
 * @param code the code used in land-cover rasters
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param category broad kind; decides which indicators count the class
 * @param gbt21010 GB/T 21010-2017 codes (or 2-digit first-level codes) imported as this class
 * @param gbt21010Note why the mapping is empty or partial, if it is
 * @param values per-class parameter values by parameter name
 */
public record LandCoverClass(
        int code,
        String nameZh,
        String nameEn,
        ClassCategory category,
        List<String> gbt21010,
        String gbt21010Note,
        Map<String, SourcedValue> values) {

    public LandCoverClass {
        gbt21010 = List.copyOf(gbt21010);
        values = Map.copyOf(values);
    }

    /** The class's value of {@code parameter}, if the set gives one. */
    public Optional<SourcedValue> value(String parameter) {
        return Optional.ofNullable(values.get(parameter));
    }
}
