package liangshan.app.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import liangshan.app.audit.AuditTrail;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;
import liangshan.app.web.ApiException;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import liangshan.app.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and who may see and manage them (MISSION.md P1). A city administrator manages everyone; a
 * county officer manages users whose scope lies in the own county and never grants
 * {@link Role#CITY_ADMIN}; everybody else sees only themselves. Every change is audited.
 */
@Service
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern SCOPE = Pattern.compile("3308(\\d{2}|\\d{5}|\\d{8})?");

    /**
     * A created user and, when the platform chose it, the one-time password (else null).
     *
     * @param oneTimePassword shown once, never stored in clear
     */
    public record Created(UserView user, String oneTimePassword) {}

    private final UserRepository users;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final Problems problems;

    UserService(UserRepository users, Passwords passwords, AuditTrail audit, Clock clock, Problems problems) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.problems = problems;
    }

    /** Users the actor may see, ordered by username. */
    @Transactional(readOnly = true)
    public Page<UserView> list(Actor actor, PageRequest page) {
        if (actor.isAnonymous()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "auth.required");
        }
        String scope = actor.scope().divisionCode();
        long only = isManager(actor) ? 0 : Math.max(actor.userId(), 1);
        List<UserView> items = users.page(scope, only, page.size(), page.offset()).stream()
                .map(UserRow::view)
                .toList();
        return page.toPage(items, users.countPage(scope, only));
    }

    @Transactional(readOnly = true)
    public UserView get(Actor actor, long id) {
        return visible(actor, id).view();
    }

    /** Creates a user; the password is generated when {@code request.password()} is absent. */
    @Transactional
    public Created create(Actor actor, UserRequests.CreateUser request) {
        return create(actor, request, true);
    }

    /** As {@link #create(Actor, UserRequests.CreateUser)}; demo users need not change their password. */
    @Transactional
    Created create(Actor actor, UserRequests.CreateUser request, boolean mustChangePassword) {
        List<ApiException.FieldProblem> bad = new ArrayList<>();
        String username = request.username().trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            bad.add(problems.field("username", "users.username-format"));
        }
        checkAccess(Set.copyOf(request.roles()), request.scope(), request.partyId(), bad);
        boolean generated = request.password() == null;
        String password = generated ? passwords.generate() : request.password();
        if (!generated) {
            passwords.check("password", password, username, bad);
        }
        if (!bad.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", bad);
        }
        requireMayManage(actor, request.scope(), Set.copyOf(request.roles()));
        Instant now = clock.instant();
        String displayName =
                request.displayName() == null || request.displayName().isBlank()
                        ? username
                        : request.displayName().trim();
        UserRow row = new UserRow(
                0,
                username,
                displayName,
                passwords.hash(password),
                EnumSet.copyOf(request.roles()),
                request.scope(),
                request.partyId(),
                true,
                mustChangePassword,
                now,
                now);
        long id = users.insert(row)
                .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "users.username-taken", username));
        UserView created = users.byId(id).orElseThrow().view();
        audit.record("identity.user.created", "user", String.valueOf(id), row.scopeCode(), null, created);
        return new Created(created, generated ? password : null);
    }

    /** Changes display name, roles, scope or enabled state (only the fields given). */
    @Transactional
    public UserView update(Actor actor, long id, UserRequests.UpdateUser request) {
        UserRow before = visible(actor, id);
        users.lock(id);
        Set<Role> roles = request.roles() == null ? before.roles() : Set.copyOf(request.roles());
        String scope = request.scope() == null ? before.scopeCode() : request.scope();
        boolean enabled = request.enabled() == null ? before.enabled() : request.enabled();
        Long partyId =
                request.partyId() == null && roles.contains(Role.HOUSEHOLD) ? before.partyId() : request.partyId();
        List<ApiException.FieldProblem> bad = new ArrayList<>();
        if (request.roles() != null || request.scope() != null || request.partyId() != null) {
            checkAccess(roles, scope, partyId, bad);
        }
        if (!bad.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", bad);
        }
        requireMayManage(actor, before.scopeCode(), before.roles());
        requireMayManage(actor, scope, roles);
        boolean accessChanges = !roles.equals(before.roles())
                || !scope.equals(before.scopeCode())
                || enabled != before.enabled()
                || !Objects.equals(partyId, before.partyId());
        if (before.id() == actor.userId() && accessChanges) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "users.cannot-change-own-access");
        }
        String displayName = request.displayName() == null
                ? before.displayName()
                : request.displayName().trim();
        UserRow after = new UserRow(
                id,
                before.username(),
                displayName,
                before.passwordHash(),
                roles,
                scope,
                partyId,
                enabled,
                before.mustChangePassword(),
                before.createdAt(),
                clock.instant());
        users.update(after);
        UserView view = users.byId(id).orElseThrow().view();
        audit.record("identity.user.updated", "user", String.valueOf(id), scope, before.view(), view);
        return view;
    }

    /** Sets a new one-time password (returned once); the user must change it at next sign-in. */
    @Transactional
    public String resetPassword(Actor actor, long id) {
        UserRow before = visible(actor, id);
        requireMayManage(actor, before.scopeCode(), before.roles());
        String password = passwords.generate();
        users.update(withPassword(before, passwords.hash(password), true));
        audit.record(
                "identity.user.password-reset", "user", String.valueOf(id), before.scopeCode(), null, Marker.RESET);
        return password;
    }

    /** The signed-in user changes the own password. */
    @Transactional
    public void changePassword(Actor actor, String current, String next) {
        UserRow user = users.lock(actor.userId())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "auth.required"));
        if (!passwords.matches(current, user.passwordHash())) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "auth.wrong-password",
                    List.of(problems.field("currentPassword", "auth.wrong-password")));
        }
        List<ApiException.FieldProblem> bad = new ArrayList<>();
        passwords.check("newPassword", next, user.username(), bad);
        if (next != null && next.equals(current)) {
            bad.add(problems.field("newPassword", "password.unchanged"));
        }
        if (!bad.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", bad);
        }
        users.update(withPassword(user, passwords.hash(next), false));
        audit.record(
                "identity.user.password-changed",
                "user",
                String.valueOf(user.id()),
                user.scopeCode(),
                null,
                Marker.CHANGED);
    }

    /** The enabled user with this username and password, if any (constant-time for unknown names). */
    @Transactional(readOnly = true)
    public Optional<UserRow> authenticate(String username, String password) {
        Optional<UserRow> user =
                users.byUsername(username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
        if (user.isEmpty()) {
            passwords.matchesNothing(password);
            return Optional.empty();
        }
        boolean ok = passwords.matches(password, user.get().passwordHash());
        return ok && user.get().enabled() ? user : Optional.empty();
    }

    Optional<UserRow> byId(long id) {
        return users.byId(id);
    }

    Optional<UserRow> byUsername(String username) {
        return users.byUsername(username);
    }

    long count() {
        return users.count();
    }

    /** What the audit log says about a password change: that it happened, never the password. */
    private record Marker(String password) {
        static final Marker RESET = new Marker("reset; one-time password issued");
        static final Marker CHANGED = new Marker("changed by the user");
    }

    private UserRow withPassword(UserRow u, String hash, boolean mustChange) {
        return new UserRow(
                u.id(),
                u.username(),
                u.displayName(),
                hash,
                u.roles(),
                u.scopeCode(),
                u.partyId(),
                u.enabled(),
                mustChange,
                u.createdAt(),
                clock.instant());
    }

    /** Roles and scope must fit together (checked for every role); problems are collected. */
    private void checkAccess(Set<Role> roles, String scope, Long partyId, List<ApiException.FieldProblem> bad) {
        if (roles.contains(Role.PUBLIC)) {
            bad.add(problems.field("roles", "users.role-public"));
        }
        if (roles.contains(Role.HOUSEHOLD) && roles.size() > 1) {
            bad.add(problems.field("roles", "users.household-only-role"));
        }
        if (roles.contains(Role.HOUSEHOLD) && partyId == null) {
            bad.add(problems.field("partyId", "users.household-party-required"));
        }
        if (!roles.contains(Role.HOUSEHOLD) && partyId != null) {
            bad.add(problems.field("partyId", "users.party-without-household"));
        }
        if (scope == null || !SCOPE.matcher(scope).matches()) {
            bad.add(problems.field("scope", "users.scope-format"));
            return;
        }
        String level = new DataScope(scope).level();
        for (Role role : roles) {
            String needed =
                    switch (role) {
                        case CITY_ADMIN -> "city";
                        case COUNTY_OFFICER, COOPERATIVE_OPERATOR -> "county";
                        case VILLAGE_ACCOUNTANT, HOUSEHOLD -> "village";
                        default -> level;
                    };
            if (!needed.equals(level)) {
                bad.add(problems.field("scope", "users.role-scope-mismatch", role.name(), needed));
            }
        }
    }

    private static boolean isManager(Actor actor) {
        return actor.has(Role.CITY_ADMIN) || actor.has(Role.COUNTY_OFFICER);
    }

    /** The user, if the actor may see it; otherwise 404 (existence is not revealed). */
    private UserRow visible(Actor actor, long id) {
        Optional<UserRow> user = users.byId(id);
        boolean sees = user.isPresent()
                && (user.get().id() == actor.userId()
                        || (isManager(actor) && actor.scope().covers(user.get().scopeCode())));
        if (!sees) {
            throw new ApiException(HttpStatus.NOT_FOUND, "users.not-found");
        }
        return user.get();
    }

    private static void requireMayManage(Actor actor, String scope, Set<Role> roles) {
        if (actor.has(Role.CITY_ADMIN)) {
            return;
        }
        if (!actor.has(Role.COUNTY_OFFICER)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "auth.forbidden");
        }
        if (!actor.scope().covers(scope)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "users.outside-scope");
        }
        if (roles.contains(Role.CITY_ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "users.cannot-grant-city-admin");
        }
    }
}
