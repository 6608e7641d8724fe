package liangshan.app.eledger.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.app.divisions.Division;
import liangshan.app.identity.Actor;
import liangshan.app.identity.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The county (or town, city) map of the resource ledger: every resource of the area as a point at the
 * centre of its lon/lat envelope, with its type, use status, area and the furthest status of a package
 * that holds it. At county scale parcels are too small to draw as polygons; the village map has them.
 * Scope as for roll-ups: an actor whose scope is narrower than the area sees its own part only.
 */
@RestController
@RequestMapping("/api/v1/eledger")
class AreaMapController {

    static final int MAX_FEATURES = 5_000;

    private final JdbcClient jdbc;
    private final EledgerAccess access;
    private final CurrentActor currentActor;

    AreaMapController(JdbcClient jdbc, EledgerAccess access, CurrentActor currentActor) {
        this.jdbc = jdbc;
        this.access = access;
        this.currentActor = currentActor;
    }

    record Feature(
            String id,
            String name,
            String type,
            String useStatus,
            String villageCode,
            BigDecimal areaM2,
            double lon,
            double lat,
            String packageStatus,
            String packageName) {}

    /**
     * {@code packageStatus}: a package status, or {@code any} for resources in some package; absent for
     * all resources.
     */
    @GetMapping("/areas/{code}/resources.geojson")
    ResponseEntity<Map<String, Object>> map(
            @PathVariable String code,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String packageStatus) {
        Actor actor = currentActor.get();
        Division d = access.readableDivision(actor, code);
        String prefix = EledgerAccess.rollupPrefix(actor, d);
        List<Object> params = new ArrayList<>();
        String where = where(prefix, type, status, packageStatus, params);
        String from = """
                from eledger_resource r
                left join lateral (
                    select p.status, p.name from eledger_package_item i
                    join eledger_package p on p.id = i.package_id
                    where i.resource_id = r.id
                    order by array_position(array['leased', 'offered', 'title_checked', 'draft'], p.status), p.name
                    limit 1) p on true
                """;
        long total = jdbc.sql("select count(*) " + from + where)
                .params(params)
                .query(Long.class)
                .single();
        params.add(MAX_FEATURES);
        List<Feature> rows = jdbc.sql("select r.*, p.status as pkg_status, p.name as pkg_name " + from + where
                        + " order by r.village_code, r.name, r.id limit ?")
                .params(params)
                .query((rs, n) -> new Feature(
                        rs.getString("id"),
                        rs.getString("name"),
                        rs.getString("type"),
                        rs.getString("use_status"),
                        rs.getString("village_code"),
                        "point".equals(rs.getString("geometry_kind")) && rs.getBigDecimal("declared_area_m2") != null
                                ? rs.getBigDecimal("declared_area_m2")
                                : rs.getBigDecimal("area_m2"),
                        round6((rs.getDouble("min_lon") + rs.getDouble("max_lon")) / 2),
                        round6((rs.getDouble("min_lat") + rs.getDouble("max_lat")) / 2),
                        rs.getString("pkg_status"),
                        rs.getString("pkg_name")))
                .list();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FeatureCollection");
        body.put("features", rows.stream().map(AreaMapController::feature).toList());
        body.put("total", total);
        body.put("scopedTo", prefix.equals(d.code()) ? null : prefix);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .body(body);
    }

    private static String where(String prefix, String type, String status, String packageStatus, List<Object> params) {
        StringBuilder sql = new StringBuilder(" where r.village_code like ? and not r.retired");
        params.add(prefix + "%");
        if (type != null && !type.isBlank()) {
            sql.append(" and r.type = ?");
            params.add(type);
        }
        if (status != null && !status.isBlank()) {
            sql.append(" and r.use_status = ?");
            params.add(status);
        }
        if ("any".equals(packageStatus)) {
            sql.append(" and p.status is not null");
        } else if (packageStatus != null && !packageStatus.isBlank()) {
            sql.append(" and p.status = ?");
            params.add(packageStatus);
        }
        return sql.toString();
    }

    private static Map<String, Object> feature(Feature f) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", f.id());
        properties.put("name", f.name());
        properties.put("type", f.type());
        properties.put("useStatus", f.useStatus());
        properties.put("villageCode", f.villageCode());
        properties.put("areaM2", f.areaM2().toPlainString());
        properties.put("packageStatus", f.packageStatus());
        properties.put("packageName", f.packageName());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "Feature");
        out.put("id", f.id());
        out.put("geometry", Map.of("type", "Point", "coordinates", List.of(f.lon(), f.lat())));
        out.put("properties", properties);
        return out;
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
