package liangshan.app.identity;

import java.util.OptionalLong;
import java.util.Set;

/**
 * Who is acting: a signed-in user, an API token's owner, the command line (as a named operator) or
 * an anonymous member of the public. Every command and query takes the actor from
 * {@link CurrentActor} and filters by {@link #scope()}.
 *
 * @param userId database id of the user, or 0 for anonymous and system actors
 * @param username login name; {@code "anonymous"} or {@code "system"} for those actors
 * @param roles never empty; anonymous callers have exactly {@link Role#PUBLIC}
 * @param scope the divisions whose data this actor may see
 * @param partyId for a {@link Role#HOUSEHOLD} user the e-ledger party (household) it acts for; empty otherwise
 */
public record Actor(long userId, String username, Set<Role> roles, DataScope scope, OptionalLong partyId) {

    public static final Actor ANONYMOUS = new Actor(0, "anonymous", Set.of(Role.PUBLIC), DataScope.CITY);
    /** The platform itself (migrations, first-start setup, scheduled jobs). */
    public static final Actor SYSTEM = new Actor(0, "system", Set.of(Role.CITY_ADMIN), DataScope.CITY);

    public Actor {
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an actor has at least one role");
        }
        if (partyId == null) {
            partyId = OptionalLong.empty();
        }
        if (roles.contains(Role.HOUSEHOLD) != partyId.isPresent()) {
            throw new IllegalArgumentException("a household actor, and only it, acts for a party");
        }
    }

    /** An actor that acts for no party (every role except {@link Role#HOUSEHOLD}). */
    public Actor(long userId, String username, Set<Role> roles, DataScope scope) {
        this(userId, username, roles, scope, OptionalLong.empty());
    }

    /** True when this actor is a household acting for party {@code id}. */
    public boolean isHousehold(long id) {
        return roles.contains(Role.HOUSEHOLD) && partyId.isPresent() && partyId.getAsLong() == id;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAnonymous() {
        return roles.contains(Role.PUBLIC);
    }

    /** True when the actor may read private data of the division {@code code}. */
    public boolean canRead(String code) {
        return !isAnonymous() && scope.covers(code);
    }
}
