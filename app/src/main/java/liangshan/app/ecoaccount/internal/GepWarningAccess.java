package liangshan.app.ecoaccount.internal;

import java.util.Set;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Who may read and change early-warning rules and alerts. Readers: city administrators, county
 * officers, cooperative operators, auditors and village accountants, each within the own data scope
 * (a village accountant sees the own village's alerts only). Writers: a county officer for the own
 * county, a city administrator anywhere; only a city administrator makes city-wide rules.
 */
final class GepWarningAccess {

    private static final Set<Role> READERS = Set.of(
            Role.CITY_ADMIN, Role.COUNTY_OFFICER, Role.COOPERATIVE_OPERATOR, Role.AUDITOR, Role.VILLAGE_ACCOUNTANT);

    private GepWarningAccess() {}

    static void requireReader(Actor actor) {
        if (actor.isAnonymous()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "auth.required");
        }
        if (actor.roles().stream().noneMatch(READERS::contains)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "auth.forbidden");
        }
    }

    /** True when the actor may change rules and alerts of {@code countyCode} (null = city-wide). */
    static boolean canWrite(Actor actor, String countyCode) {
        if (actor.has(Role.CITY_ADMIN) && actor.scope().level().equals("city")) {
            return true;
        }
        return countyCode != null
                && actor.has(Role.COUNTY_OFFICER)
                && actor.scope().level().equals("county")
                && actor.scope().covers(countyCode);
    }

    static void requireWriter(Actor actor, String countyCode) {
        requireReader(actor);
        if (!canWrite(actor, countyCode)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "auth.forbidden");
        }
    }
}
