package liangshan.app.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;

/** One row of {@code identity_user}. */
record UserRow(
        long id,
        String username,
        String displayName,
        String passwordHash,
        Set<Role> roles,
        String scopeCode,
        Long partyId,
        boolean enabled,
        boolean mustChangePassword,
        Instant createdAt,
        Instant updatedAt) {

    UserRow {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    Actor actor() {
        return new Actor(
                id,
                username,
                roles,
                new DataScope(scopeCode),
                partyId == null ? OptionalLong.empty() : OptionalLong.of(partyId));
    }

    UserView view() {
        return UserView.of(this);
    }
}
