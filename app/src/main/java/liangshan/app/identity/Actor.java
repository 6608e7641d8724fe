package liangshan.app.identity;

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
 */
public record Actor(long userId, String username, Set<Role> roles, DataScope scope) {

    public static final Actor ANONYMOUS = new Actor(0, "anonymous", Set.of(Role.PUBLIC), DataScope.CITY);
    /** The platform itself (migrations, first-start setup, scheduled jobs). */
    public static final Actor SYSTEM = new Actor(0, "system", Set.of(Role.CITY_ADMIN), DataScope.CITY);

    public Actor {
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an actor has at least one role");
        }
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
