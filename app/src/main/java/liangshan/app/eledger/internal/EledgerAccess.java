package liangshan.app.eledger.internal;

import java.util.Set;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Data scope and roles of the e-ledger. Reading: any signed-in actor whose scope covers the village
 * (a village accountant its own village, county roles their county, city roles everything); a
 * division outside the scope answers 404 as if it did not exist, so scope does not leak which
 * codes hold data. Writing: city administrators, county officers and village accountants within
 * their scope; cooperative operators also handle transfers.
 */
@Component
class EledgerAccess {

    private static final Set<Role> WRITERS = Set.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER, Role.VILLAGE_ACCOUNTANT);
    private static final Set<Role> TRANSFER_WRITERS =
            Set.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER, Role.VILLAGE_ACCOUNTANT, Role.COOPERATIVE_OPERATOR);

    private final Divisions divisions;

    EledgerAccess(Divisions divisions) {
        this.divisions = divisions;
    }

    /** The village {@code code} if the actor may read it; 404 otherwise. */
    Division readableVillage(Actor actor, String code) {
        Division d = readableDivision(actor, code);
        if (d.level() != DivisionLevel.VILLAGE) {
            throw new ApiException(HttpStatus.NOT_FOUND, "eledger.village.not-found", code);
        }
        return d;
    }

    /** Any division (village, town, county, city) the actor may read; 404 otherwise (always for households). */
    Division readableDivision(Actor actor, String code) {
        Division d = divisions.find(code).orElse(null);
        if (d == null
                || actor.isAnonymous()
                || household(actor)
                || !actor.canRead(d.code()) && !coversFromBelow(actor, d)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "eledger.village.not-found", code);
        }
        return d;
    }

    /**
     * A roll-up above the actor's scope (a village accountant asking for its county) is answered
     * for the part inside the scope only; see {@link #rollupPrefix}.
     */
    private static boolean coversFromBelow(Actor actor, Division d) {
        return actor.scope().divisionCode().startsWith(d.code());
    }

    /** The code prefix a roll-up of {@code d} may sum: the narrower of the division and the scope. */
    static String rollupPrefix(Actor actor, Division d) {
        String scope = actor.scope().divisionCode();
        return scope.startsWith(d.code()) ? scope : d.code();
    }

    /** True for a {@link Role#HOUSEHOLD} actor: it sees its own party, rights and transfers only. */
    static boolean household(Actor actor) {
        return actor.has(Role.HOUSEHOLD);
    }

    /** True when the actor may read the village's private data as a whole (households may not). */
    static boolean readsVillage(Actor actor, String village) {
        return actor.canRead(village) && !household(actor);
    }

    /**
     * The village {@code code} for a list that a household may see filtered to its own party (its
     * rights, its transfers); 404 outside the scope.
     */
    Division listableVillage(Actor actor, String code) {
        if (household(actor) && actor.canRead(code)) {
            return divisions
                    .find(code)
                    .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "eledger.village.not-found", code));
        }
        return readableVillage(actor, code);
    }

    /** Checks that the actor may change the ledger of {@code village}. */
    Division writableVillage(Actor actor, String village) {
        if (household(actor)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "eledger.forbidden");
        }
        Division d = readableVillage(actor, village);
        if (actor.roles().stream().noneMatch(WRITERS::contains)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "eledger.forbidden");
        }
        return d;
    }

    /** Checks that the actor may enter or decide transfers in {@code village} (households: see TransferService). */
    Division transferVillage(Actor actor, String village) {
        if (household(actor)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "eledger.forbidden");
        }
        Division d = readableVillage(actor, village);
        if (actor.roles().stream().noneMatch(TRANSFER_WRITERS::contains)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "eledger.forbidden");
        }
        return d;
    }
}
