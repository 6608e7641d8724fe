package liangshan.gep.spec;

import java.util.EnumSet;
import java.util.Set;

/**
 * The broad kind of a land-cover class. The class table (parameter set) gives each class a
 * category; the method's class rules (which classes an indicator counts) are written here once,
 * so that they are code reviewed against gep-method.md rather than hidden in data.
 */
public enum ClassCategory {
    FOREST,
    SHRUBLAND,
    GARDEN,
    GRASSLAND,
    CROPLAND,
    WETLAND,
    WATER,
    BUILT_UP,
    BARE;

    /** Categories covered by vegetation (used for climate regulation by transpiration). */
    public static final Set<ClassCategory> VEGETATION = EnumSet.of(FOREST, SHRUBLAND, GARDEN, GRASSLAND, CROPLAND);

    /** Every category. */
    public static final Set<ClassCategory> ALL = EnumSet.allOf(ClassCategory.class);

    /** §R1: "built-up and bare land are not counted". */
    public static final Set<ClassCategory> WATER_CONSERVATION = EnumSet.complementOf(EnumSet.of(BUILT_UP, BARE));

    /**
     * §R2 does not exclude any class; the engine does not count open water and built-up cells
     * (there is no soil to retain; see METHOD-CHOICES.md C3).
     */
    public static final Set<ClassCategory> SOIL_RETENTION = EnumSet.complementOf(EnumSet.of(WATER, BUILT_UP));

    /** §R8 water-cell formula (evaporation); marsh counts as water (METHOD-CHOICES.md C6). */
    public static final Set<ClassCategory> EVAPORATING_WATER = EnumSet.of(WATER, WETLAND);

    /** §R3 "marsh cells". */
    public static final Set<ClassCategory> MARSH = EnumSet.of(WETLAND);

    /** Lower-case id used in parameter-set files, e.g. {@code built_up}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The category with id {@code id}, or {@code null}. */
    public static ClassCategory parse(String id) {
        for (ClassCategory c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }
}
