package liangshan.app.eledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of {@code eledger_right_flag}: a derived right (or restriction) that outlives an ancestor
 * ended early. A flag is open until the flagged right is ended no later than the ancestor's new end,
 * or a writer resolves it with a note; the only update ever made is resolving it once.
 */
@Repository
class RightFlagStore {

    static final String PARENT_ENDED = "eledger.flag.parent-ended";

    private final JdbcClient jdbc;

    RightFlagStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One flag.
     *
     * @param parentEndedOn the ancestor's new end (exclusive, like {@code validTo})
     * @param reason why the ancestor ended: revoked, terminated or surrendered
     */
    record Flag(
            long id,
            String rightId,
            String resourceId,
            String villageCode,
            String kind,
            String parentRightId,
            LocalDate parentEndedOn,
            String code,
            String reason,
            String raisedBy,
            Instant raisedAt,
            String resolvedBy,
            Instant resolvedAt,
            String resolution) {

        boolean open() {
            return resolvedAt == null;
        }
    }

    long insert(Flag f) {
        return jdbc.sql("""
                        insert into eledger_right_flag (right_id, resource_id, village_code, kind, parent_right_id,
                            parent_ended_on, code, reason, raised_by, raised_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        f.rightId(),
                        f.resourceId(),
                        f.villageCode(),
                        f.kind(),
                        f.parentRightId(),
                        f.parentEndedOn(),
                        f.code(),
                        f.reason(),
                        f.raisedBy(),
                        Timestamp.from(f.raisedAt()))
                .query(Long.class)
                .single();
    }

    /** Flags of a resource (open ones only when {@code openOnly}), newest first. */
    List<Flag> ofResource(String resourceId, boolean openOnly) {
        return jdbc.sql("select * from eledger_right_flag where resource_id = ?"
                        + (openOnly ? " and resolved_at is null" : "")
                        + " order by id desc")
                .param(resourceId)
                .query(RightFlagStore::flag)
                .list();
    }

    /** Flags of a village (open ones only when {@code openOnly}), newest first, at most {@code limit}. */
    List<Flag> ofVillage(String village, boolean openOnly, int limit) {
        return jdbc.sql("select * from eledger_right_flag where village_code = ?"
                        + (openOnly ? " and resolved_at is null" : "")
                        + " order by id desc limit ?")
                .params(village, limit)
                .query(RightFlagStore::flag)
                .list();
    }

    /** Open flags of one right. */
    List<Flag> openOfRight(String rightId) {
        return jdbc.sql("select * from eledger_right_flag where right_id = ? and resolved_at is null order by id")
                .param(rightId)
                .query(RightFlagStore::flag)
                .list();
    }

    java.util.Optional<Flag> find(long id, boolean lock) {
        return jdbc.sql("select * from eledger_right_flag where id = ?" + (lock ? " for update" : ""))
                .param(id)
                .query(RightFlagStore::flag)
                .optional();
    }

    /** Resolves an open flag; false when it was already resolved. */
    boolean resolve(long id, String by, Instant at, String resolution) {
        return jdbc.sql("""
                        update eledger_right_flag set resolved_by = ?, resolved_at = ?, resolution = ?
                        where id = ? and resolved_at is null""").params(by, Timestamp.from(at), resolution, id).update() == 1;
    }

    private static Flag flag(ResultSet rs, int n) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Flag(
                rs.getLong("id"),
                rs.getString("right_id"),
                rs.getString("resource_id"),
                rs.getString("village_code"),
                rs.getString("kind"),
                rs.getString("parent_right_id"),
                rs.getObject("parent_ended_on", LocalDate.class),
                rs.getString("code"),
                rs.getString("reason"),
                rs.getString("raised_by"),
                rs.getTimestamp("raised_at").toInstant(),
                rs.getString("resolved_by"),
                resolved == null ? null : resolved.toInstant(),
                rs.getString("resolution"));
    }
}
