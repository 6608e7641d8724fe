package liangshan.app.divisions;

import java.util.List;
import java.util.Optional;

/**
 * Read access to Quzhou's administrative divisions and their boundaries, for other modules (GEP
 * zonal statistics, the e-ledger, scoping). Reference data: no actor or scope is needed to read it.
 */
public interface Divisions {

    /** The division with {@code code}; empty when there is none (any string is accepted). */
    Optional<Division> find(String code);

    /**
     * The ancestors of {@code code} from the city down to its parent (empty for the city itself).
     *
     * @throws IllegalArgumentException when the code is unknown
     */
    List<Division> ancestors(String code);

    /** The direct children of {@code code}, ordered by code. */
    List<Division> children(String code);

    /** True when both divisions exist and {@code ancestorCode} is {@code code} itself or one of its ancestors. */
    boolean isWithin(String code, String ancestorCode);

    /** The boundary of {@code code}; empty when the division is unknown. */
    Optional<Boundary> boundary(String code);
}
