package liangshan.app.divisions.internal;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A copy of {@code division_boundary} taken by a test that imports boundaries, written back after
 * it so that other test classes sharing the database see the generated boundaries again.
 */
final class BoundaryTableSnapshot {

    private final JdbcClient jdbc;
    private final List<Map<String, Object>> rows;

    private BoundaryTableSnapshot(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rows = jdbc.sql("select * from division_boundary order by code")
                .query()
                .listOfRows();
    }

    static BoundaryTableSnapshot take(JdbcClient jdbc) {
        return new BoundaryTableSnapshot(jdbc);
    }

    /** A digest of the whole table, to show that a rejected import changed nothing. */
    static String digest(JdbcClient jdbc) {
        return jdbc.sql("""
                        select md5(string_agg(code || md5(geometry_wkb) || area_m2 || source || illustrative
                                              || provenance || updated_at, ',' order by code))
                        from division_boundary
                        """).query(String.class).single();
    }

    void restore() {
        for (Map<String, Object> row : rows) {
            jdbc.sql("""
                            update division_boundary set geometry_wkb = ?, area_m2 = ?, source = ?, illustrative = ?,
                                provenance = ?, updated_at = ? where code = ?
                            """)
                    .params(
                            row.get("geometry_wkb"),
                            row.get("area_m2"),
                            row.get("source"),
                            row.get("illustrative"),
                            row.get("provenance"),
                            row.get("updated_at"),
                            row.get("code"))
                    .update();
        }
    }
}
