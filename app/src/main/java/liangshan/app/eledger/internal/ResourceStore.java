package liangshan.app.eledger.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liangshan.app.divisions.Cgcs2000;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code eledger_resource}. Geometry is WKB in EPSG:4549; the lon/lat envelope is kept for map windows. */
@Repository
class ResourceStore {

    private static final BigDecimal SQUARE_METRES_PER_MU =
            new BigDecimal("10000").divide(new BigDecimal("15"), 10, RoundingMode.HALF_UP);

    private final JdbcClient jdbc;

    ResourceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored resource with its EPSG:4549 geometry. */
    record Row(
            String id,
            String villageCode,
            String name,
            String type,
            String subtype,
            String useStatus,
            String condition,
            List<String> directions,
            String geometryKind,
            Geometry gk120,
            BigDecimal areaM2,
            BigDecimal declaredAreaM2,
            int version,
            boolean retired,
            String createdBy,
            Instant createdAt,
            Instant updatedAt) {}

    void insert(Row r) {
        Geometry lonLat = Cgcs2000.toLonLat(r.gk120());
        var e = lonLat.getEnvelopeInternal();
        jdbc.sql("""
                        insert into eledger_resource (id, village_code, name, type, subtype, use_status, condition,
                            directions, geometry_kind, geometry_wkb, area_m2, declared_area_m2,
                            min_lon, min_lat, max_lon, max_lat, version, created_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        r.id(),
                        r.villageCode(),
                        r.name(),
                        r.type(),
                        r.subtype(),
                        r.useStatus(),
                        r.condition(),
                        textArray(r.directions()),
                        r.geometryKind(),
                        new WKBWriter().write(r.gk120()),
                        r.areaM2(),
                        r.declaredAreaM2(),
                        e.getMinX(),
                        e.getMinY(),
                        e.getMaxX(),
                        e.getMaxY(),
                        r.version(),
                        r.createdBy(),
                        ts(r.createdAt()),
                        ts(r.updatedAt()))
                .update();
    }

    /** Replaces the state of version {@code expectedVersion}; false when the version moved on. */
    boolean update(Row r, int expectedVersion) {
        Geometry lonLat = Cgcs2000.toLonLat(r.gk120());
        var e = lonLat.getEnvelopeInternal();
        return jdbc.sql("""
                        update eledger_resource set name = ?, type = ?, subtype = ?, use_status = ?, condition = ?,
                            directions = ?::text[], geometry_kind = ?, geometry_wkb = ?, area_m2 = ?, declared_area_m2 = ?,
                            min_lon = ?, min_lat = ?, max_lon = ?, max_lat = ?, version = version + 1, retired = ?,
                            updated_at = ?
                        where id = ? and version = ?""")
                        .params(
                                r.name(),
                                r.type(),
                                r.subtype(),
                                r.useStatus(),
                                r.condition(),
                                textArray(r.directions()),
                                r.geometryKind(),
                                new WKBWriter().write(r.gk120()),
                                r.areaM2(),
                                r.declaredAreaM2(),
                                e.getMinX(),
                                e.getMinY(),
                                e.getMaxX(),
                                e.getMaxY(),
                                r.retired(),
                                ts(r.updatedAt()),
                                r.id(),
                                expectedVersion)
                        .update()
                == 1;
    }

    /**
     * Serialises the writers that decide between rights on one resource (transfer approvals): a row lock
     * that does not conflict with the key-share locks of inserts referencing the resource.
     */
    void lock(String id) {
        jdbc.sql("select id from eledger_resource where id = ? for no key update")
                .param(id)
                .query(String.class)
                .optional();
    }

    Optional<Row> find(String id) {
        return jdbc.sql("select * from eledger_resource where id = ?")
                .param(id)
                .query(ResourceStore::row)
                .optional();
    }

    /** Rows of one village matching the filter, ordered by name and id, with the total count. */
    List<Row> list(String village, ResourceRequests.Filter f, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(village, f, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select * from eledger_resource " + where + " order by name, id limit ? offset ?")
                .params(params)
                .query(ResourceStore::row)
                .list();
    }

    long count(String village, ResourceRequests.Filter f) {
        List<Object> params = new ArrayList<>();
        String where = where(village, f, params);
        return jdbc.sql("select count(*) from eledger_resource " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(String village, ResourceRequests.Filter f, List<Object> params) {
        StringBuilder sql = new StringBuilder("where village_code = ? and not retired");
        params.add(village);
        add(sql, params, " and type = ?", f.type());
        add(sql, params, " and subtype = ?", f.subtype());
        add(sql, params, " and use_status = ?", f.useStatus());
        add(sql, params, " and ? = any(directions)", f.direction());
        if (f.q() != null) {
            sql.append(" and position(? in name) > 0");
            params.add(f.q());
        }
        if (f.bbox() != null) {
            sql.append(" and max_lon >= ? and min_lon <= ? and max_lat >= ? and min_lat <= ?");
            params.addAll(List.of(f.bbox()[0], f.bbox()[2], f.bbox()[1], f.bbox()[3]));
        }
        return sql.toString();
    }

    private static void add(StringBuilder sql, List<Object> params, String clause, String value) {
        if (value != null) {
            sql.append(clause);
            params.add(value);
        }
    }

    /** Count and area per group key below the code prefix (type, status or child division). */
    record Sum(String key, long count, BigDecimal areaM2) {}

    List<Sum> sums(String prefix, String groupExpression) {
        return jdbc.sql("select " + groupExpression + " as k, count(*) as n,"
                        + " coalesce(sum(area_m2 + coalesce(declared_area_m2, 0)), 0) as a"
                        + " from eledger_resource where village_code like ? and not retired group by 1 order by 1")
                .param(prefix + "%")
                .query((rs, n) -> new Sum(rs.getString("k"), rs.getLong("n"), rs.getBigDecimal("a")))
                .list();
    }

    static BigDecimal mu(BigDecimal squareMetres) {
        return squareMetres.divide(SQUARE_METRES_PER_MU, 2, RoundingMode.HALF_UP);
    }

    static double[] centroid(Geometry gk120) {
        Point c = (Point) Cgcs2000.toLonLat(gk120.getCentroid());
        return new double[] {Math.round(c.getX() * 1e6) / 1e6, Math.round(c.getY() * 1e6) / 1e6};
    }

    static Map<String, Object> auditState(Row r) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", r.name());
        state.put("type", r.type());
        state.put("subtype", r.subtype());
        state.put("useStatus", r.useStatus());
        state.put("condition", r.condition());
        state.put("directions", r.directions());
        state.put("areaM2", r.areaM2());
        state.put("wkt", r.gk120().toText());
        state.put("retired", r.retired());
        return state;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Geometry g;
        try {
            g = new WKBReader(Cgcs2000.gkFactory()).read(rs.getBytes("geometry_wkb"));
        } catch (ParseException e) {
            throw new IllegalStateException("stored geometry of " + rs.getString("id") + " is not WKB", e);
        }
        Array array = rs.getArray("directions");
        List<String> directions = array == null ? List.of() : Arrays.asList((String[]) array.getArray());
        return new Row(
                rs.getString("id"),
                rs.getString("village_code"),
                rs.getString("name"),
                rs.getString("type"),
                rs.getString("subtype"),
                rs.getString("use_status"),
                rs.getString("condition"),
                List.copyOf(directions),
                rs.getString("geometry_kind"),
                g,
                rs.getBigDecimal("area_m2"),
                rs.getBigDecimal("declared_area_m2"),
                rs.getInt("version"),
                rs.getBoolean("retired"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static String textArray(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            out.append(i > 0 ? "," : "")
                    .append('"')
                    .append(values.get(i).replace("\"", ""))
                    .append('"');
        }
        return out.append('}').toString();
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }
}
