package liangshan.gep.params;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import liangshan.gep.spec.ClassCategory;

/**
 * Per-code arrays over the class table for pixel loops: index = class code. Codes outside the
 * table (and negative codes) are "unknown": {@link #isKnown(int)} is false and the per-class
 * arrays hold {@code NaN} there.
 */
public final class ClassTable {

    private final LandCoverClass[] byCode;

    ClassTable(List<LandCoverClass> classes) {
        int max = classes.stream().mapToInt(LandCoverClass::code).max().orElse(-1);
        byCode = new LandCoverClass[max + 1];
        for (LandCoverClass c : classes) {
            byCode[c.code()] = c;
        }
    }

    /** Whether {@code code} is a class of the table. */
    public boolean isKnown(int code) {
        return code >= 0 && code < byCode.length && byCode[code] != null;
    }

    /** The category of a known class. */
    public ClassCategory category(int code) {
        return byCode[code].category();
    }

    /** The class with {@code code}; call only for known codes. */
    public LandCoverClass get(int code) {
        return byCode[code];
    }

    /**
     * The values of a numeric per-class parameter indexed by code; {@code NaN} for unknown codes
     * and for classes that do not carry the parameter (categories the indicator does not count).
     */
    public double[] perClass(String parameter) {
        double[] out = new double[byCode.length];
        Arrays.fill(out, Double.NaN);
        for (int code = 0; code < byCode.length; code++) {
            if (byCode[code] != null) {
                final int c = code;
                byCode[code].value(parameter).ifPresent(v -> out[c] = v.asDouble());
            }
        }
        return out;
    }

    /** The values of a per-class switch indexed by code; false where absent. */
    public boolean[] flags(String parameter) {
        boolean[] out = new boolean[byCode.length];
        for (int code = 0; code < byCode.length; code++) {
            if (byCode[code] != null) {
                final int c = code;
                byCode[code].value(parameter).ifPresent(v -> out[c] = Boolean.TRUE.equals(v.flag()));
            }
        }
        return out;
    }

    /** Membership of each code in {@code categories}, indexed by code. */
    public boolean[] inCategories(Set<ClassCategory> categories) {
        boolean[] out = new boolean[byCode.length];
        for (int code = 0; code < byCode.length; code++) {
            out[code] = byCode[code] != null && categories.contains(byCode[code].category());
        }
        return out;
    }
}
