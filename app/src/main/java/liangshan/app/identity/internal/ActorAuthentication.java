package liangshan.app.identity.internal;

import java.util.List;
import liangshan.app.identity.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authentication of one request, rebuilt from the database for every request (session or
 * bearer token); never stored in the session.
 */
final class ActorAuthentication extends AbstractAuthenticationToken {

    private final transient Actor actor;
    private final boolean mustChangePassword;
    private final boolean bearer;

    ActorAuthentication(Actor actor, boolean mustChangePassword, boolean bearer) {
        super(actor.roles().stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList());
        this.actor = actor;
        this.mustChangePassword = mustChangePassword;
        this.bearer = bearer;
        setAuthenticated(true);
    }

    static ActorAuthentication of(UserRow user, boolean bearer) {
        return new ActorAuthentication(user.actor(), user.mustChangePassword(), bearer);
    }

    Actor actor() {
        return actor;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    boolean bearer() {
        return bearer;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return new UserPrincipal(actor.userId(), actor.username());
    }

    @Override
    public String getName() {
        return actor.username();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActorAuthentication other && other.actor.equals(actor) && other.bearer == bearer;
    }

    @Override
    public int hashCode() {
        return actor.hashCode();
    }

    List<String> roleNames() {
        return actor.roles().stream().map(Enum::name).sorted().toList();
    }
}
