package liangshan.app.audit;

import java.util.List;

/**
 * Who an audit record is attributed to, as plain values (so the audit module does not depend on
 * the identity module, which itself writes audit records).
 *
 * @param userId user id, 0 for the system and anonymous callers
 * @param username login name, {@code system} or {@code anonymous}
 * @param roles role names, sorted
 * @param scopeCode division code of the actor's data scope
 */
public record AuditActor(long userId, String username, List<String> roles, String scopeCode) {

    public static final AuditActor SYSTEM = new AuditActor(0, "system", List.of("CITY_ADMIN"), "3308");

    public AuditActor {
        roles = roles.stream().sorted().toList();
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
