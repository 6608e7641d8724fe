package liangshan.app.distribution.internal;

import java.util.Set;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Who may do what (docs/api/distribution.md, "Who"): reads by any signed-in non-household role whose scope
 * covers the division (outside → 404); cooperative writes by cooperative operators, county officers and
 * city administrators in scope; village writes (registers, runs) also by the village's accountant.
 */
final class DistributionAccess {

    private static final Set<Role> READERS = Set.of(
            Role.CITY_ADMIN, Role.COUNTY_OFFICER, Role.COOPERATIVE_OPERATOR, Role.VILLAGE_ACCOUNTANT, Role.AUDITOR);
    private static final Set<Role> COOPERATIVE_WRITERS =
            Set.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER, Role.COOPERATIVE_OPERATOR);
    private static final Set<Role> VILLAGE_WRITERS =
            Set.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER, Role.COOPERATIVE_OPERATOR, Role.VILLAGE_ACCOUNTANT);

    private DistributionAccess() {}

    /** Throws 404 {@code notFound} unless the actor may read objects of {@code division}. */
    static void read(Actor actor, String division, String notFound, Object id) {
        if (READERS.stream().noneMatch(actor::has) || !actor.canRead(division)) {
            throw new ApiException(HttpStatus.NOT_FOUND, notFound, id);
        }
    }

    /** The actor may write cooperative objects (leases, projects, dividends) of {@code division}. */
    static void cooperativeWrite(Actor actor, String division) {
        write(actor, division, COOPERATIVE_WRITERS);
    }

    /** The actor may write village objects (registers, runs) of {@code division}. */
    static void villageWrite(Actor actor, String division) {
        write(actor, division, VILLAGE_WRITERS);
    }

    /** The scope prefix for a list: the requested one if inside the scope, else 403. */
    static String listPrefix(Actor actor, String requested) {
        if (READERS.stream().noneMatch(actor::has)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "distribution.forbidden");
        }
        String prefix = requested == null || requested.isBlank() ? actor.scope().divisionCode() : requested;
        if (!actor.scope().covers(prefix)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "distribution.forbidden");
        }
        return prefix;
    }

    private static void write(Actor actor, String division, Set<Role> roles) {
        if (roles.stream().noneMatch(actor::has) || !actor.scope().covers(division)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "distribution.forbidden");
        }
    }
}
