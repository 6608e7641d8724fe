package liangshan.app.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import liangshan.app.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code identity_user} rows. */
@Repository
class UserRepository {

    private static final String COLUMNS =
            "id, username, display_name, password_hash, roles, scope_code, party_id, enabled, must_change_password,"
                    + " created_at, updated_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("select count(*) from identity_user").query(Long.class).single();
    }

    Optional<UserRow> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from identity_user where id = ?")
                .param(id)
                .query(UserRepository::map)
                .optional();
    }

    Optional<UserRow> byUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from identity_user where username = ?")
                .param(username)
                .query(UserRepository::map)
                .optional();
    }

    /** Users whose scope lies in {@code scopeCode}, or only user {@code onlyId} when it is positive. */
    List<UserRow> page(String scopeCode, long onlyId, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from identity_user where scope_code like ? and (? <= 0 or id = ?)"
                        + " order by username limit ? offset ?")
                .params(scopeCode + "%", onlyId, onlyId, limit, offset)
                .query(UserRepository::map)
                .list();
    }

    long countPage(String scopeCode, long onlyId) {
        return jdbc.sql("select count(*) from identity_user where scope_code like ? and (? <= 0 or id = ?)")
                .params(scopeCode + "%", onlyId, onlyId)
                .query(Long.class)
                .single();
    }

    /** Inserts and returns the new id, or empty when the username is taken. */
    Optional<Long> insert(UserRow row) {
        return jdbc.sql("""
                insert into identity_user (username, display_name, password_hash, roles, scope_code, party_id, enabled,
                                           must_change_password, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (username) do nothing
                returning id
                """)
                .params(
                        row.username(),
                        row.displayName(),
                        row.passwordHash(),
                        roles(row.roles()),
                        row.scopeCode(),
                        row.partyId(),
                        row.enabled(),
                        row.mustChangePassword(),
                        utc(row.createdAt()),
                        utc(row.updatedAt()))
                .query(Long.class)
                .optional();
    }

    void update(UserRow row) {
        jdbc.sql("""
                update identity_user
                   set display_name = ?, password_hash = ?, roles = ?, scope_code = ?, party_id = ?, enabled = ?,
                       must_change_password = ?, updated_at = ?
                 where id = ?
                """)
                .params(
                        row.displayName(),
                        row.passwordHash(),
                        roles(row.roles()),
                        row.scopeCode(),
                        row.partyId(),
                        row.enabled(),
                        row.mustChangePassword(),
                        utc(row.updatedAt()),
                        row.id())
                .update();
    }

    /** Locks the row for the rest of the transaction (concurrent edits of one user serialise). */
    Optional<UserRow> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from identity_user where id = ? for update")
                .param(id)
                .query(UserRepository::map)
                .optional();
    }

    static String roles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static UserRow map(ResultSet rs, int n) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(","))
                .filter(s -> !s.isEmpty())
                .map(Role::valueOf)
                .forEach(roles::add);
        return new UserRow(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                roles,
                rs.getString("scope_code"),
                rs.getObject("party_id", Long.class),
                rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
