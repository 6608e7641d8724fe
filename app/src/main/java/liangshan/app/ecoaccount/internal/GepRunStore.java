package liangshan.app.ecoaccount.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import liangshan.app.identity.DataScope;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code gep_run} table: one row per run, its status, progress and outcome. */
@Component
class GepRunStore {

    /** Start and end of each stage on the overall progress scale (percent). */
    private static final Map<String, double[]> STAGE_SPAN = Map.of(
            "validate", new double[] {0, 5},
            "terrain", new double[] {5, 20},
            "capacity", new double[] {20, 35},
            "indicators", new double[] {35, 95},
            "write", new double[] {95, 99},
            "store", new double[] {99, 100});

    private static final String COLUMNS = "id, status, year, params_id, inputs_name, scope_code, stage, done, total,"
            + " created_by, created_at, started_at, finished_at, villages, total_yuan, problems";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    GepRunStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    void insert(GepRunView run, boolean illustrative) {
        jdbc.sql("""
                insert into gep_run (id, status, year, params_id, inputs_name, scope_code, created_by, created_at,
                                     illustrative)
                values (?, 'queued', ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        run.id(),
                        run.year(),
                        run.params(),
                        run.inputs(),
                        run.scope(),
                        run.createdBy(),
                        utc(run.createdAt()),
                        illustrative)
                .update();
    }

    Optional<GepRunView> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from gep_run where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** The run, locked until the transaction ends. */
    Optional<String> lockStatus(String id) {
        return jdbc.sql("select status from gep_run where id = ? for update")
                .param(id)
                .query(String.class)
                .optional();
    }

    /**
     * Runs visible to {@code scope}: those inside it and those covering it (a county officer sees
     * the city-wide runs that include the county's villages), newest first.
     */
    Page<GepRunView> page(DataScope scope, String status, Integer year, PageRequest paging) {
        String where = " where (scope_code like :inside or :scope like scope_code || '%')"
                + (status == null ? "" : " and status = :status")
                + (year == null ? "" : " and year = :year");
        var params = new java.util.HashMap<String, Object>();
        params.put("inside", scope.likePattern());
        params.put("scope", scope.divisionCode());
        if (status != null) {
            params.put("status", status);
        }
        if (year != null) {
            params.put("year", year);
        }
        long total = jdbc.sql("select count(*) from gep_run" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<GepRunView> items = jdbc.sql("select " + COLUMNS + " from gep_run" + where
                        + " order by created_at desc, id desc limit :limit offset :offset")
                .params(params)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query(this::map)
                .list();
        return paging.toPage(items, total);
    }

    /** Queued → running; false when the run is no longer queued (cancelled meanwhile). */
    boolean markRunning(String id, Instant at) {
        return jdbc.sql("update gep_run set status = 'running', started_at = ?, stage = 'validate', done = 0,"
                                + " total = 1 where id = ? and status = 'queued'")
                        .params(utc(at), id)
                        .update()
                == 1;
    }

    void progress(String id, String stage, int done, int total) {
        jdbc.sql(
                        "update gep_run set stage = ?, done = ?, total = ? where id = ? and status in ('running', 'cancelling')")
                .params(stage, done, total, id)
                .update();
    }

    /** Queued → cancelled, running → cancelling; returns the new status, or empty when finished. */
    Optional<String> requestCancel(String id, Instant at) {
        int queued = jdbc.sql(
                        "update gep_run set status = 'cancelled', finished_at = ? where id = ? and status = 'queued'")
                .params(utc(at), id)
                .update();
        if (queued == 1) {
            return Optional.of("cancelled");
        }
        int running = jdbc.sql("update gep_run set status = 'cancelling' where id = ? and status = 'running'")
                .param(id)
                .update();
        return running == 1 ? Optional.of("cancelling") : Optional.empty();
    }

    /** Ends an unfinished run as failed or cancelled; false when it had already ended. */
    boolean finishUnsuccessful(String id, String status, Instant at, List<GepRunView.Problem> problems) {
        return jdbc.sql("update gep_run set status = ?, finished_at = ?, problems = cast(? as jsonb)"
                                + " where id = ? and status in ('queued', 'running', 'cancelling')")
                        .params(status, utc(at), json.writeValueAsString(problems), id)
                        .update()
                == 1;
    }

    /** Marks a running run succeeded with its outcome (in the storing transaction). */
    void markSucceeded(
            String id, Instant at, int villages, BigDecimal totalYuan, String methodEdition, String provenanceJson) {
        jdbc.sql("""
                update gep_run set status = 'succeeded', finished_at = ?, villages = ?, total_yuan = ?,
                                   method_edition = ?, provenance = cast(? as jsonb), stage = 'store', done = 1,
                                   total = 1
                where id = ?
                """)
                .params(utc(at), villages, totalYuan, methodEdition, provenanceJson, id)
                .update();
    }

    /** Ids of the runs left queued, running or cancelling (by an earlier process). */
    List<String> unfinished() {
        return jdbc.sql("select id from gep_run where status in ('queued', 'running', 'cancelling') order by id")
                .query(String.class)
                .list();
    }

    private GepRunView map(ResultSet rs, int n) throws SQLException {
        String status = rs.getString("status");
        String stage = rs.getString("stage");
        int done = rs.getInt("done");
        int total = rs.getInt("total");
        BigDecimal totalYuan = rs.getBigDecimal("total_yuan");
        int villages = rs.getInt("villages");
        boolean noVillages = rs.wasNull();
        return new GepRunView(
                rs.getString("id"),
                status,
                rs.getInt("year"),
                rs.getString("params_id"),
                rs.getString("inputs_name"),
                rs.getString("scope_code"),
                stage,
                done,
                total,
                percent(status, stage, done, total),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                noVillages ? null : villages,
                json.readValue(rs.getString("problems"), new TypeReference<List<GepRunView.Problem>>() {}),
                totalYuan == null
                        ? null
                        : totalYuan.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Overall progress from the stage and its steps; 100 once succeeded. */
    static String percent(String status, String stage, int done, int total) {
        double p;
        if (status.equals("succeeded")) {
            p = 100;
        } else if (stage == null || !STAGE_SPAN.containsKey(stage)) {
            p = 0;
        } else {
            double[] span = STAGE_SPAN.get(stage);
            double within = total <= 0 ? 0 : Math.min(1, Math.max(0, (double) done / total));
            p = span[0] + within * (span[1] - span[0]);
        }
        return String.format(Locale.ROOT, "%.1f", p);
    }
}
