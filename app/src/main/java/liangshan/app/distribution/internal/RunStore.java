package liangshan.app.distribution.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Rows of {@code dist_run} and {@code dist_run_line}. Lines are written once, with their transfer ids. */
@Component
class RunStore {

    /** A run as stored; amounts in fen. */
    record Run(
            String id,
            String villageCode,
            String kind,
            String reverses,
            String period,
            long amountFen,
            BigDecimal retentionPct,
            Long retentionCapFen,
            long retentionFen,
            long distributedFen,
            Long priorityMinimumFen,
            BigDecimal priorityWeightPct,
            String sources,
            String status,
            int households,
            int registerVersion,
            String preparedBy,
            Instant preparedAt,
            String approvedBy,
            Instant approvedAt,
            String postedBy,
            Instant postedAt,
            String note,
            UUID retentionTransferId) {}

    /** One household line; {@code transferId} null when the amount is 0. */
    record Line(
            int lineNo,
            String partyId,
            long shares,
            boolean lowIncome,
            long priorityFen,
            long amountFen,
            UUID transferId) {}

    private static final String COLUMNS = "id, village_code, kind, reverses, period, amount_fen, retention_pct,"
            + " retention_cap_fen, retention_fen, distributed_fen, priority_minimum_fen, priority_weight_pct,"
            + " sources::text, status, households, register_version, prepared_by, prepared_at, approved_by,"
            + " approved_at, posted_by, posted_at, note, retention_transfer_id";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RunStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insert(Run r, List<Line> lines) {
        jdbc.sql("insert into dist_run (" + COLUMNS.replace("sources::text", "sources") + ") values"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id(),
                        r.villageCode(),
                        r.kind(),
                        r.reverses(),
                        r.period(),
                        r.amountFen(),
                        r.retentionPct(),
                        r.retentionCapFen(),
                        r.retentionFen(),
                        r.distributedFen(),
                        r.priorityMinimumFen(),
                        r.priorityWeightPct(),
                        r.sources(),
                        r.status(),
                        r.households(),
                        r.registerVersion(),
                        r.preparedBy(),
                        utc(r.preparedAt()),
                        r.approvedBy(),
                        utc(r.approvedAt()),
                        r.postedBy(),
                        utc(r.postedAt()),
                        r.note(),
                        r.retentionTransferId())
                .update();
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (Line l : lines) {
            rows.add(new Object[] {
                r.id(),
                l.lineNo(),
                l.partyId(),
                l.shares(),
                l.lowIncome(),
                l.priorityFen(),
                l.amountFen(),
                l.transferId()
            });
        }
        template.batchUpdate(
                "insert into dist_run_line (run_id, line_no, party_id, shares, low_income, priority_fen, amount_fen,"
                        + " transfer_id) values (?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    Optional<Run> find(String id, boolean forUpdate) {
        return jdbc.sql("select " + COLUMNS + " from dist_run where id = ?" + (forUpdate ? " for update" : ""))
                .param(id)
                .query((rs, n) -> run(rs))
                .optional();
    }

    List<Run> list(String prefix, String status, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS
                        + " from dist_run where village_code like ? and (cast(? as text) is null or status = ?)"
                        + " order by prepared_at desc, id desc limit ? offset ?")
                .params(prefix + "%", status, status, limit, offset)
                .query((rs, n) -> run(rs))
                .list();
    }

    long count(String prefix, String status) {
        return jdbc.sql(
                        "select count(*) from dist_run where village_code like ? and (cast(? as text) is null or status = ?)")
                .params(prefix + "%", status, status)
                .query(Long.class)
                .single();
    }

    List<Line> lines(String runId, int limit, long offset) {
        return jdbc.sql("select line_no, party_id, shares, low_income, priority_fen, amount_fen, transfer_id"
                        + " from dist_run_line where run_id = ? order by line_no limit ? offset ?")
                .params(runId, limit, offset)
                .query((rs, n) -> new Line(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getBoolean(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getObject(7, UUID.class)))
                .list();
    }

    Optional<String> reversedBy(String runId) {
        return jdbc.sql("select id from dist_run where reverses = ? and status <> 'cancelled'")
                .param(runId)
                .query(String.class)
                .optional();
    }

    void approve(String id, String by, Instant at) {
        jdbc.sql("update dist_run set status = 'approved', approved_by = ?, approved_at = ? where id = ?")
                .params(by, utc(at), id)
                .update();
    }

    void cancel(String id, String by, Instant at) {
        jdbc.sql("update dist_run set status = 'cancelled', cancelled_by = ?, cancelled_at = ? where id = ?")
                .params(by, utc(at), id)
                .update();
    }

    void posted(String id, String by, Instant at) {
        jdbc.sql("update dist_run set status = 'posted', posted_by = ?, posted_at = ? where id = ?")
                .params(by, utc(at), id)
                .update();
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Run run(ResultSet rs) throws SQLException {
        return new Run(
                rs.getString("id"),
                rs.getString("village_code"),
                rs.getString("kind"),
                rs.getString("reverses"),
                rs.getString("period"),
                rs.getLong("amount_fen"),
                rs.getBigDecimal("retention_pct"),
                rs.getObject("retention_cap_fen", Long.class),
                rs.getLong("retention_fen"),
                rs.getLong("distributed_fen"),
                rs.getObject("priority_minimum_fen", Long.class),
                rs.getBigDecimal("priority_weight_pct"),
                rs.getString("sources"),
                rs.getString("status"),
                rs.getInt("households"),
                rs.getInt("register_version"),
                rs.getString("prepared_by"),
                instant(rs, "prepared_at"),
                rs.getString("approved_by"),
                instant(rs, "approved_at"),
                rs.getString("posted_by"),
                instant(rs, "posted_at"),
                rs.getString("note"),
                rs.getObject("retention_transfer_id", UUID.class));
    }
}
