package liangshan.app.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.Optional;
import liangshan.app.audit.AuditTrail;
import liangshan.app.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in for the browser UI. The SPA first fetches a CSRF token ({@code GET /csrf}, which also
 * sets the {@code XSRF-TOKEN} cookie), then posts the credentials with it; on success the session
 * id and the CSRF token are renewed (against session fixation and token reuse).
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "登录 / sign-in")
class AuthController {

    private final UserService users;
    private final LoginThrottle throttle;
    private final SecurityContextRepository contexts;
    private final CookieCsrfTokenRepository csrf;
    private final AuditTrail audit;

    AuthController(
            UserService users,
            LoginThrottle throttle,
            SecurityContextRepository contexts,
            CookieCsrfTokenRepository csrf,
            AuditTrail audit) {
        this.users = users;
        this.throttle = throttle;
        this.contexts = contexts;
        this.csrf = csrf;
        this.audit = audit;
    }

    @GetMapping("/csrf")
    @Operation(summary = "CSRF 令牌 / the CSRF token for session mutations (also set as cookie XSRF-TOKEN)")
    Map<String, String> csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return Map.of("headerName", token.getHeaderName(), "token", token.getToken());
    }

    @PostMapping("/login")
    @Operation(summary = "登录 / sign in; answers the signed-in user like GET /api/v1/me")
    MeController.Me login(
            @Valid @RequestBody UserRequests.Login body, HttpServletRequest request, HttpServletResponse response) {
        String ip = request.getRemoteAddr();
        throttle.check(body.username(), ip);
        Optional<UserRow> user = users.authenticate(body.username(), body.password());
        if (user.isEmpty()) {
            throttle.failed(body.username(), ip);
            audit.record("identity.login.failed", "user", body.username(), "3308", null, null);
            throw new ApiException(HttpStatus.UNAUTHORIZED, "auth.bad-credentials");
        }
        throttle.succeeded(body.username(), ip);
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true);
        UserRow u = user.get();
        ActorAuthentication authentication = ActorAuthentication.of(u, false);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        SecurityContext stored = SecurityContextHolder.createEmptyContext();
        stored.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new UserPrincipal(u.id(), u.username()), null, authentication.getAuthorities()));
        contexts.saveContext(stored, request, response);
        csrf.saveToken(csrf.generateToken(request), request, response);
        audit.record("identity.login.succeeded", "user", String.valueOf(u.id()), u.scopeCode(), null, null);
        return MeController.Me.of(u.view());
    }

    @PostMapping("/logout")
    @Operation(summary = "退出 / sign out")
    ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        csrf.saveToken(null, request, response);
        return ResponseEntity.noContent().build();
    }
}
