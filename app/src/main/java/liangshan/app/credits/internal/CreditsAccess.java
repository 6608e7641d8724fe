package liangshan.app.credits.internal;

import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may do what with credits (docs/api/credits.md, "Who"): county officers and cooperative operators
 * manage their county, the city administrator everything, an enterprise (INVESTOR) acts only for the
 * parties it is a member of; reads follow the data scope (outside it: 404).
 */
@Component("creditsCreditsAccess")
class CreditsAccess {

    private final JdbcTemplate jdbc;

    CreditsAccess(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static void requireSignedIn(Actor actor) {
        if (actor.isAnonymous()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "auth.required");
        }
    }

    /** True when the actor manages credits of {@code county}. */
    static boolean manages(Actor actor, String county) {
        if (actor.has(Role.CITY_ADMIN)) {
            return true;
        }
        return (actor.has(Role.COUNTY_OFFICER) || actor.has(Role.COOPERATIVE_OPERATOR))
                && actor.scope().covers(county);
    }

    static void requireManager(Actor actor, String county) {
        requireSignedIn(actor);
        if (!manages(actor, county)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "credits.forbidden");
        }
    }

    static void requireCityAdmin(Actor actor) {
        requireSignedIn(actor);
        if (!actor.has(Role.CITY_ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "credits.forbidden");
        }
    }

    /** The actor may move the credits or money of party {@code partyId} of {@code county}. */
    void requireActFor(Actor actor, String partyId, String county) {
        requireSignedIn(actor);
        if (manages(actor, county)) {
            return;
        }
        boolean member = actor.has(Role.INVESTOR)
                && jdbc.queryForObject(
                                "select count(*) from credit_party_member where party_id = ? and username = ?",
                                Integer.class,
                                partyId,
                                actor.username())
                        > 0;
        if (!member) {
            throw new ApiException(HttpStatus.FORBIDDEN, "credits.forbidden");
        }
    }

    /** Reads of a row of {@code division}: 404 outside the actor's scope (its existence is not revealed). */
    static void requireReadable(Actor actor, String division) {
        requireSignedIn(actor);
        if (!actor.canRead(division)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "credits.not-found");
        }
    }
}
