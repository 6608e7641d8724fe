package liangshan.app.eledger.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import liangshan.app.divisions.Cgcs2000;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes generated e-ledger rows with PostgreSQL {@code COPY … FROM STDIN} on the caller's
 * transaction: the same tables, columns and encodings as {@link ResourceStore}, {@link RightStore}
 * and {@link PartyService} write, and every table constraint (checks, foreign keys, the exclusion
 * constraints of overlapping rights) is enforced by the database as for single inserts. It skips
 * the services' validation and audit: callers prove their data passes the same rules (see {@code
 * EledgerDemoDataTest}) and audit one record per batch.
 */
@Component
class EledgerBulkWriter {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final DataSource dataSource;

    EledgerBulkWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Row counts written. */
    record Counts(long parties, long resources, long rights) {}

    /** Writes the plan's parties, resources and right rows; must run inside a transaction. */
    Counts write(EledgerDemoPlan plan) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            copy(pg, "eledger_party (id, village_code, kind, name, members, created_by, created_at)", parties(plan));
            copy(
                    pg,
                    "eledger_resource (id, village_code, name, type, subtype, use_status, condition, directions,"
                            + " geometry_kind, geometry_wkb, area_m2, declared_area_m2, min_lon, min_lat, max_lon,"
                            + " max_lat, version, retired, created_by, created_at, updated_at)",
                    resources(plan.resources()));
            copy(
                    pg,
                    "eledger_right_version (right_id, resource_id, village_code, category, kind, parent_right_id,"
                            + " rank, valid_from, valid_to, recorded_at, superseded_at, holders, source, note,"
                            + " recorded_by)",
                    rights(plan.rights()));
            return new Counts(
                    plan.parties().size(),
                    plan.resources().size(),
                    plan.rights().size());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("bulk write of the e-ledger of " + plan.village() + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void copy(PGConnection pg, String table, CharSequence csv) throws SQLException, IOException {
        if (!csv.isEmpty()) {
            pg.getCopyAPI().copyIn("copy " + table + " from stdin (format csv)", new StringReader(csv.toString()));
        }
    }

    private static StringBuilder parties(EledgerDemoPlan plan) {
        StringBuilder out = new StringBuilder();
        for (EledgerDemoPlan.Party p : plan.parties()) {
            line(
                    out,
                    p.id(),
                    p.villageCode(),
                    p.kind(),
                    p.name(),
                    JSON.writeValueAsString(p.members()),
                    EledgerDemoGenerator.DEMO_USER,
                    EledgerDemoGenerator.RECORDED.toString());
        }
        return out;
    }

    private static StringBuilder resources(List<ResourceStore.Row> rows) {
        StringBuilder out = new StringBuilder();
        WKBWriter wkb = new WKBWriter();
        for (ResourceStore.Row r : rows) {
            Envelope e = Cgcs2000.toLonLat(r.gk120()).getEnvelopeInternal();
            line(
                    out,
                    r.id(),
                    r.villageCode(),
                    r.name(),
                    r.type(),
                    r.subtype(),
                    r.useStatus(),
                    r.condition(),
                    textArray(r.directions()),
                    r.geometryKind(),
                    "\\x" + HexFormat.of().formatHex(wkb.write(r.gk120())),
                    r.areaM2().toPlainString(),
                    r.declaredAreaM2() == null ? null : r.declaredAreaM2().toPlainString(),
                    Double.toString(e.getMinX()),
                    Double.toString(e.getMinY()),
                    Double.toString(e.getMaxX()),
                    Double.toString(e.getMaxY()),
                    Integer.toString(r.version()),
                    Boolean.toString(r.retired()),
                    r.createdBy(),
                    r.createdAt().toString(),
                    r.updatedAt().toString());
        }
        return out;
    }

    private static StringBuilder rights(List<RightStore.Row> rows) {
        StringBuilder out = new StringBuilder();
        for (RightStore.Row r : rows) {
            line(
                    out,
                    r.rightId(),
                    r.resourceId(),
                    r.villageCode(),
                    r.category(),
                    r.kind(),
                    r.parentRightId(),
                    r.rank() == null ? null : r.rank().toString(),
                    r.validFrom().toString(),
                    r.validTo() == null ? null : r.validTo().toString(),
                    r.recordedAt().toString(),
                    instant(r.supersededAt()),
                    JSON.writeValueAsString(r.holders()),
                    JSON.writeValueAsString(r.source()),
                    r.note(),
                    r.recordedBy());
        }
        return out;
    }

    private static String instant(Instant at) {
        return at == null ? null : at.toString();
    }

    /** One CSV line: null is an unquoted empty field (SQL NULL), everything else is quoted. */
    private static void line(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (fields[i] != null) {
                out.append('"').append(fields[i].replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }

    /** A PostgreSQL text[] literal of plain codes. */
    private static String textArray(List<String> values) {
        return "{"
                + String.join(
                        ",",
                        values.stream()
                                .map(v -> "\"" + v.replace("\"", "") + "\"")
                                .toList()) + "}";
    }
}
