package liangshan.app.identity.internal;

import liangshan.app.audit.AuditActor;
import liangshan.app.audit.AuditActorSource;
import liangshan.app.identity.Actor;
import liangshan.app.identity.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The actor of the current thread: the signed-in user or token owner of an HTTP request,
 * {@link Actor#ANONYMOUS} for a request nobody signed in to, and {@link Actor#SYSTEM} outside any
 * request (command line, first-start setup, background work). Also names the actor of audit records.
 */
@Component
class SecurityCurrentActor implements CurrentActor, AuditActorSource {

    @Override
    public Actor get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof ActorAuthentication a) {
            return a.actor();
        }
        return RequestContextHolder.getRequestAttributes() == null ? Actor.SYSTEM : Actor.ANONYMOUS;
    }

    @Override
    public AuditActor current() {
        Actor actor = get();
        return new AuditActor(
                actor.userId(),
                actor.username(),
                actor.roles().stream().map(Enum::name).toList(),
                actor.scope().divisionCode());
    }
}
