package liangshan.gep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import liangshan.gep.regulating.RegulatingIndicators;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.IndicatorSpecs;
import liangshan.gep.spec.ServiceClass;
import liangshan.gep.tables.TableIndicator;

/**
 * The implementation of every indicator spec: a {@link liangshan.gep.cell.CellKernel} or
 * {@link liangshan.gep.regulating.EmissionCapped} for the regulating services, a {@link
 * TableIndicator} for provisioning and cultural services.
 */
public final class Indicators {

    private static final Map<String, Object> BY_ID = build();

    private Indicators() {}

    /** The implementation of {@code spec}. */
    public static Object implementationOf(IndicatorSpec spec) {
        Object impl = BY_ID.get(spec.id());
        if (impl == null) {
            throw new NoSuchElementException("no implementation of " + spec.id());
        }
        return impl;
    }

    /** The table indicator with id {@code id} (provisioning or cultural). */
    public static TableIndicator table(String id) {
        if (implementationOf(IndicatorSpecs.byId(id)) instanceof TableIndicator t) {
            return t;
        }
        throw new IllegalArgumentException(id + " is not a table indicator");
    }

    private static Map<String, Object> build() {
        Map<String, Object> out = new LinkedHashMap<>();
        RegulatingIndicators.all().forEach(i -> out.put(i.spec().id(), i));
        for (IndicatorSpec spec : IndicatorSpecs.all()) {
            if (spec.serviceClass() != ServiceClass.REGULATING) {
                out.put(spec.id(), new TableIndicator(spec));
            }
        }
        return Map.copyOf(out);
    }
}
