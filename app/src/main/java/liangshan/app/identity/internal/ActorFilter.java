package liangshan.app.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import liangshan.app.identity.Role;
import liangshan.app.web.ApiException;
import liangshan.app.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Establishes who is calling, inside Spring Security's chain (after CSRF, before authorisation):
 * a bearer token's owner, or the session's user reloaded from the database (a disabled or deleted
 * user's session ends at once). Then enforces two account-wide rules: auditors (only that role)
 * change nothing but their own password and tokens, and a user who must change the password can do
 * nothing else under {@code /api} first.
 */
class ActorFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final UserService users;
    private final TokenService tokens;
    private final Problems problems;

    ActorFilter(UserService users, TokenService tokens, Problems problems) {
        this.users = users;
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        ActorAuthentication actor;
        if (authorization != null) {
            actor = bearer(authorization);
            if (actor == null) {
                problems.write(request, response, new ApiException(HttpStatus.UNAUTHORIZED, "auth.invalid-token"));
                return;
            }
        } else {
            actor = fromSession(request);
        }
        if (actor != null) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(actor);
            SecurityContextHolder.setContext(context);
            ApiException refused = refused(actor, request);
            if (refused != null) {
                problems.write(request, response, refused);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private ActorAuthentication bearer(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        Optional<UserRow> owner = tokens.ownerOf(authorization.substring(7).trim())
                .flatMap(users::byId)
                .filter(UserRow::enabled);
        return owner.map(u -> ActorAuthentication.of(u, true)).orElse(null);
    }

    private ActorAuthentication fromSession(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof UserPrincipal principal)) {
            return null;
        }
        Optional<UserRow> user = users.byId(principal.userId()).filter(UserRow::enabled);
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return null;
        }
        return ActorAuthentication.of(user.get(), false);
    }

    private static ApiException refused(ActorAuthentication actor, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") || path.startsWith("/api/v1/auth/")) {
            return null;
        }
        boolean ownAccount = path.equals("/api/v1/me") || path.startsWith("/api/v1/me/");
        if (actor.mustChangePassword()
                && !(path.equals("/api/v1/me") && SAFE_METHODS.contains(request.getMethod()))
                && !path.equals("/api/v1/me/password")) {
            return new ApiException(HttpStatus.FORBIDDEN, "auth.password-change-required");
        }
        boolean auditorOnly = actor.actor().roles().equals(Set.of(Role.AUDITOR));
        if (auditorOnly && !SAFE_METHODS.contains(request.getMethod()) && !ownAccount) {
            return new ApiException(HttpStatus.FORBIDDEN, "auth.read-only");
        }
        return null;
    }
}
