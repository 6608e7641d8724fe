package liangshan.app.identity.internal;

import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * What the HTTP session remembers about the signed-in user: only the id and name. Roles, scope and
 * the enabled flag are reloaded from the database on every request, so changes apply at once.
 */
record UserPrincipal(long userId, String username) implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return username;
    }
}
