package liangshan.gep.params;

import java.util.Map;

/**
 * A named alternative for one per-class parameter (LS-2026.1 §D: runoff coefficients differ
 * between published tables; both are kept and a run records which one it used). Classes not
 * listed keep the default value.
 *
 * @param name stable name, e.g. {@code runoff-alt-0.0267}
 * @param nameZh Chinese description
 * @param nameEn English description
 * @param parameter the per-class parameter overridden
 * @param values overriding values by class code
 */
public record Alternative(
        String name, String nameZh, String nameEn, String parameter, Map<Integer, SourcedValue> values) {

    public Alternative {
        values = Map.copyOf(values);
    }
}
