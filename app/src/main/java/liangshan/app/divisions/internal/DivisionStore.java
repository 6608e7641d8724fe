package liangshan.app.divisions.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.BoundarySource;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.VillageKind;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code division} and {@code division_boundary}. */
@Repository
class DivisionStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    DivisionStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Serialises first-start loading across processes sharing one database. */
    void lockForInitialisation() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('divisions.initialise'))")
                .query()
                .singleValue();
    }

    long countDivisions() {
        return jdbc.sql("select count(*) from division").query(Long.class).single();
    }

    long countBoundaries() {
        return jdbc.sql("select count(*) from division_boundary")
                .query(Long.class)
                .single();
    }

    /** Inserts divisions in the given order (parents before children). */
    void insertDivisions(List<Division> divisions) {
        batch.batchUpdate(
                "insert into division (code, name, level, kind, parent_code) values (?, ?, ?, ?, ?)",
                divisions,
                500,
                (ps, d) -> {
                    ps.setString(1, d.code());
                    ps.setString(2, d.name());
                    ps.setString(3, d.level().key());
                    ps.setString(4, d.kind() == null ? null : d.kind().key());
                    ps.setString(5, d.parentCode());
                });
    }

    List<Division> divisions() {
        return jdbc.sql("select code, name, level, kind, parent_code from division order by code")
                .query((rs, i) -> new Division(
                        rs.getString("code"),
                        rs.getString("name"),
                        DivisionLevel.ofKey(rs.getString("level")).orElseThrow(),
                        rs.getString("kind") == null
                                ? null
                                : VillageKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("parent_code")))
                .list();
    }

    /** One boundary to write, with its provenance. */
    record NewBoundary(Boundary boundary, String provenance) {}

    /** Inserts or replaces boundaries. */
    void upsertBoundaries(List<NewBoundary> boundaries, Instant at) {
        WKBWriter writer = new WKBWriter();
        batch.batchUpdate("""
                insert into division_boundary (code, geometry_wkb, area_m2, source, illustrative, provenance, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set geometry_wkb = excluded.geometry_wkb, area_m2 = excluded.area_m2,
                    source = excluded.source, illustrative = excluded.illustrative,
                    provenance = excluded.provenance, updated_at = excluded.updated_at
                """, boundaries, 200, (ps, b) -> {
            ps.setString(1, b.boundary().code());
            ps.setBytes(2, writer.write(b.boundary().gk120()));
            ps.setDouble(3, b.boundary().areaSquareMetres());
            ps.setString(4, b.boundary().source().key());
            ps.setBoolean(5, b.boundary().illustrative());
            ps.setString(6, b.provenance());
            ps.setTimestamp(7, Timestamp.from(at));
        });
    }

    List<Boundary> boundaries() {
        WKBReader reader = new WKBReader(Cgcs2000.gkFactory());
        return new ArrayList<>(jdbc.sql(
                        "select code, geometry_wkb, area_m2, source, illustrative from division_boundary order by code")
                .query((rs, i) -> new Boundary(
                        rs.getString("code"),
                        read(reader, rs.getBytes("geometry_wkb")),
                        rs.getDouble("area_m2"),
                        BoundarySource.ofKey(rs.getString("source")),
                        rs.getBoolean("illustrative")))
                .list());
    }

    private static Geometry read(WKBReader reader, byte[] wkb) {
        try {
            return reader.read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("corrupt boundary geometry in the database", e);
        }
    }
}
