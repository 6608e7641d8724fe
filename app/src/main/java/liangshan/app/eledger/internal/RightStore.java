package liangshan.app.eledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL of {@code eledger_right_version}, the bitemporal register. A row holds one state of one right
 * for the valid period {@code [validFrom, validTo)} as recorded during {@code [recordedAt,
 * supersededAt)}; the only update ever made to a row is setting {@code superseded_at} once.
 */
@Repository
class RightStore {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final JdbcClient jdbc;

    RightStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One holder and its share {@code numerator / denominator} of the right. */
    record Holder(String partyId, long numerator, long denominator) {}

    /**
     * The source document (LADM {@code LA_AdministrativeSource}) backing a right's state.
     *
     * @param scanSha256 SHA-256 (hex) of the scan, optional
     * @param scanFileId an uploaded document of the resource holding the scan, optional
     */
    record Source(String kind, String number, String issuer, LocalDate issuedOn, String scanSha256, String scanFileId) {

        Source(String kind, String number, String issuer, LocalDate issuedOn, String scanSha256) {
            this(kind, number, issuer, issuedOn, scanSha256, null);
        }
    }

    record Row(
            long rowId,
            String rightId,
            String resourceId,
            String villageCode,
            String category,
            String kind,
            String parentRightId,
            Integer rank,
            LocalDate validFrom,
            LocalDate validTo,
            Instant recordedAt,
            Instant supersededAt,
            List<Holder> holders,
            Source source,
            String note,
            String recordedBy) {

        Row withPeriod(LocalDate from, LocalDate to, Instant recorded) {
            return new Row(
                    0,
                    rightId,
                    resourceId,
                    villageCode,
                    category,
                    kind,
                    parentRightId,
                    rank,
                    from,
                    to,
                    recorded,
                    null,
                    holders,
                    source,
                    note,
                    recordedBy);
        }

        /** This row with another state (holders, source, note, recorder). */
        Row withState(List<Holder> newHolders, Source newSource, String newNote, String by) {
            return new Row(
                    rowId,
                    rightId,
                    resourceId,
                    villageCode,
                    category,
                    kind,
                    parentRightId,
                    rank,
                    validFrom,
                    validTo,
                    recordedAt,
                    supersededAt,
                    newHolders,
                    newSource,
                    newNote,
                    by);
        }

        /** True when this row's valid period ends after {@code end} (null = open, the latest). */
        boolean endsAfter(LocalDate end) {
            return end != null && (validTo == null || validTo.isAfter(end));
        }
    }

    long insert(Row r) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into eledger_right_version (right_id, resource_id, village_code, category, kind,
                            parent_right_id, rank, valid_from, valid_to, recorded_at, holders, source, note, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""")
                .params(
                        r.rightId(),
                        r.resourceId(),
                        r.villageCode(),
                        r.category(),
                        r.kind(),
                        r.parentRightId(),
                        r.rank(),
                        r.validFrom(),
                        r.validTo(),
                        Timestamp.from(r.recordedAt()),
                        JSON.writeValueAsString(r.holders()),
                        JSON.writeValueAsString(r.source()),
                        r.note(),
                        r.recordedBy())
                .update(key, "row_id");
        return key.getKey().longValue();
    }

    void supersede(long rowId, Instant at) {
        int n = jdbc.sql(
                        "update eledger_right_version set superseded_at = ? where row_id = ? and superseded_at is null")
                .params(Timestamp.from(at), rowId)
                .update();
        if (n != 1) {
            throw new IllegalStateException("row " + rowId + " was already superseded");
        }
    }

    /** The currently recorded rows of a right, locked for the caller's transaction, by valid_from. */
    List<Row> currentForUpdate(String rightId) {
        return jdbc.sql("select * from eledger_right_version where right_id = ? and superseded_at is null"
                        + " order by valid_from for update")
                .param(rightId)
                .query(RightStore::row)
                .list();
    }

    /** The currently recorded rows of a right, by valid_from. */
    List<Row> current(String rightId) {
        return jdbc.sql(
                        "select * from eledger_right_version where right_id = ? and superseded_at is null order by valid_from")
                .param(rightId)
                .query(RightStore::row)
                .list();
    }

    /** Currently recorded rows whose parent is {@code rightId}. */
    List<Row> currentChildren(String rightId) {
        return jdbc.sql("select * from eledger_right_version where parent_right_id = ? and superseded_at is null")
                .param(rightId)
                .query(RightStore::row)
                .list();
    }

    /** Currently recorded rows of {@code kind} on a resource overlapping {@code [from, to)}. */
    List<Row> currentOverlapping(String resourceId, String kind, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select * from eledger_right_version where resource_id = ? and kind = ? and superseded_at is null
                          and daterange(valid_from, coalesce(valid_to, 'infinity'::date))
                              && daterange(?, coalesce(?, 'infinity'::date))""")
                .params(resourceId, kind, from, to)
                .query(RightStore::row)
                .list();
    }

    /**
     * The rows valid on {@code validAt} as recorded at {@code recordedAt}, in one village and
     * optionally on one resource or of one kind, ordered by resource, category, kind and right.
     */
    List<Row> asOf(
            String village,
            String resourceId,
            String kind,
            LocalDate validAt,
            Instant recordedAt,
            int limit,
            long offset) {
        return asOf(village, resourceId, kind, null, validAt, recordedAt, limit, offset);
    }

    /** As {@link #asOf(String, String, String, LocalDate, Instant, int, long)}, only rights {@code holder} holds. */
    List<Row> asOf(
            String village,
            String resourceId,
            String kind,
            String holder,
            LocalDate validAt,
            Instant recordedAt,
            int limit,
            long offset) {
        return jdbc.sql("select * from eledger_right_version " + AS_OF
                        + " order by resource_id, category, kind, right_id limit :limit offset :offset")
                .param("village", village)
                .param("resource", resourceId)
                .param("kind", kind)
                .param("holder", holder)
                .param("d", validAt)
                .param("r", Timestamp.from(recordedAt))
                .param("limit", limit)
                .param("offset", offset)
                .query(RightStore::row)
                .list();
    }

    long countAsOf(String village, String resourceId, String kind, LocalDate validAt, Instant recordedAt) {
        return countAsOf(village, resourceId, kind, null, validAt, recordedAt);
    }

    long countAsOf(
            String village, String resourceId, String kind, String holder, LocalDate validAt, Instant recordedAt) {
        return jdbc.sql("select count(*) from eledger_right_version " + AS_OF)
                .param("village", village)
                .param("resource", resourceId)
                .param("kind", kind)
                .param("holder", holder)
                .param("d", validAt)
                .param("r", Timestamp.from(recordedAt))
                .query(Long.class)
                .single();
    }

    private static final String AS_OF = """
            where village_code = :village
              and (cast(:resource as text) is null or resource_id = :resource)
              and (cast(:kind as text) is null or kind = :kind)
              and (cast(:holder as text) is null
                   or holders @> jsonb_build_array(jsonb_build_object('partyId', cast(:holder as text))))
              and valid_from <= :d and (valid_to is null or valid_to > :d)
              and recorded_at <= :r and (superseded_at is null or superseded_at > :r)""";

    /** The currently recorded rows of a village (every valid period), parents before children. */
    List<Row> currentOfVillage(String village) {
        return jdbc.sql("select * from eledger_right_version where village_code = ? and superseded_at is null"
                        + " order by resource_id, right_id, valid_from")
                .param(village)
                .query(RightStore::row)
                .list();
    }

    /** Every row ever recorded for a right, by record time then valid time. */
    List<Row> history(String rightId) {
        return jdbc.sql(
                        "select * from eledger_right_version where right_id = ? order by recorded_at, valid_from, row_id")
                .param(rightId)
                .query(RightStore::row)
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp superseded = rs.getTimestamp("superseded_at");
        java.sql.Date to = rs.getDate("valid_to");
        int rank = rs.getInt("rank");
        Integer rankOrNull = rs.wasNull() ? null : rank;
        return new Row(
                rs.getLong("row_id"),
                rs.getString("right_id"),
                rs.getString("resource_id"),
                rs.getString("village_code"),
                rs.getString("category"),
                rs.getString("kind"),
                rs.getString("parent_right_id"),
                rankOrNull,
                rs.getDate("valid_from").toLocalDate(),
                to == null ? null : to.toLocalDate(),
                rs.getTimestamp("recorded_at").toInstant(),
                superseded == null ? null : superseded.toInstant(),
                List.of(JSON.readValue(rs.getString("holders"), Holder[].class)),
                JSON.readValue(rs.getString("source"), Source.class),
                rs.getString("note"),
                rs.getString("recorded_by"));
    }
}
