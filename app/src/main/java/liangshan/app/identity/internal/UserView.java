package liangshan.app.identity.internal;

import java.time.Instant;
import java.util.List;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;

/**
 * A user as answered by the API and written to the audit log (never with the password hash).
 *
 * @param roles role names in declaration order
 * @param roleNames zh/en names of the roles, same order
 * @param partyId the e-ledger party a household user acts for, else null
 */
public record UserView(
        long id,
        String username,
        String displayName,
        List<Role> roles,
        List<RoleName> roleNames,
        Scope scope,
        Long partyId,
        boolean enabled,
        boolean mustChangePassword,
        Instant createdAt,
        Instant updatedAt) {

    /** zh/en name of a role. */
    public record RoleName(String zh, String en) {}

    /** A data scope: division code and its level (city, county, town, village). */
    public record Scope(String code, String level) {}

    static UserView of(UserRow row) {
        List<Role> roles = row.roles().stream().sorted().toList();
        return new UserView(
                row.id(),
                row.username(),
                row.displayName(),
                roles,
                roles.stream().map(r -> new RoleName(r.nameZh(), r.nameEn())).toList(),
                new Scope(row.scopeCode(), new DataScope(row.scopeCode()).level()),
                row.partyId(),
                row.enabled(),
                row.mustChangePassword(),
                row.createdAt(),
                row.updatedAt());
    }
}
