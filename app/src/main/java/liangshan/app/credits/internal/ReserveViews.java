package liangshan.app.credits.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import liangshan.ledger.credits.BlockState;
import liangshan.ledger.credits.CreditRegistry;
import liangshan.ledger.credits.IssuanceBatch;
import liangshan.ledger.credits.Milestone;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The JSON views of restoration projects and releases (docs/api/credits.md, "Restoration reserve library"). */
@Component("creditsReserveViews")
class ReserveViews {

    private final JdbcTemplate jdbc;

    ReserveViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Object> project(CreditRegistry registry, String id) {
        Map<String, Object> r = jdbc.queryForMap("select * from credit_project where id = ?", id);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("name", r.get("name"));
        v.put("kind", ((String) r.get("kind")).toLowerCase(java.util.Locale.ROOT));
        v.put("countyCode", r.get("county_code"));
        String division = (String) r.get("division_code");
        v.put("villageCode", division.length() == 12 ? division : null);
        v.put("ownerPartyId", r.get("owner_party"));
        v.put("sponsor", r.get("sponsor"));
        v.put("costYuan", Amounts.yuan((Long) r.get("cost_fen")));
        v.put("footprint", Json.read((String) r.get("footprint")));
        v.put("areaHm2", ((BigDecimal) r.get("area_m2")).movePointLeft(4).setScale(4, java.math.RoundingMode.HALF_UP));
        v.put("change", Json.read(r.get("change").toString()));
        v.put("periodFrom", r.get("period_from").toString());
        v.put("periodTo", r.get("period_to").toString());
        v.put("serviceType", r.get("service_type"));
        v.put("carbonSink", r.get("carbon_sink"));
        v.put("status", r.get("status"));
        v.put("policyVersion", r.get("policy_version"));
        v.put("proposedBy", r.get("proposed_by"));
        v.put("reviewedBy", r.get("reviewed_by"));
        String batchId = (String) r.get("batch_id");
        Optional<IssuanceBatch> batch = batchId == null ? Optional.empty() : registry.batch(batchId);
        v.put("estimate", estimate(registry, r, batch));
        v.put("milestones", milestones(r, batch, batchId));
        v.put(
                "releases",
                jdbc
                        .queryForList(
                                "select id from credit_release where project_id = ? order by proposed_at",
                                String.class,
                                id)
                        .stream()
                        .map(this::release)
                        .toList());
        return v;
    }

    private static Map<String, Object> estimate(
            CreditRegistry registry, Map<String, Object> r, Optional<IssuanceBatch> batch) {
        if (batch.isEmpty() || r.get("estimate") == null) {
            return null;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        var stored = Json.read(r.get("estimate").toString());
        IssuanceBatch b = batch.get();
        long pending = registry.blocks().stream()
                .filter(x -> x.batchId().equals(b.id()) && x.state() == BlockState.PENDING)
                .mapToLong(x -> x.count())
                .sum();
        e.put("year", b.vintage());
        e.put("params", b.priceSetId());
        e.put("deltaYuan", stored.path("deltaYuan").asString());
        e.put("units", Amounts.credits(b.estimated()));
        e.put("pending", Amounts.credits(pending));
        e.put("released", Amounts.credits(b.released()));
        e.put("serials", b.start() + "-" + b.end());
        e.put("provenance", stored.get("provenance"));
        return e;
    }

    private List<Map<String, Object>> milestones(Map<String, Object> r, Optional<IssuanceBatch> batch, String batchId) {
        Set<String> verified = new TreeSet<>(jdbc.queryForList(
                "select command->>'milestoneCode' from credit_command where kind = 'RecordVerification'"
                        + " and code = 'OK' and command->>'batchId' = ? and (command->>'completed')::boolean",
                String.class,
                batchId));
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReserveService.MilestoneInput m :
                Json.milestones(r.get("milestones").toString())) {
            Map<String, Object> mv = new LinkedHashMap<>();
            mv.put("code", m.code());
            mv.put("dueOn", m.dueOn());
            mv.put("cumulativePct", m.cumulativePct());
            mv.put(
                    "capUnits",
                    batch.map(b -> b.milestones().stream()
                                    .filter(x -> x.code().equals(m.code()))
                                    .map(Milestone::cumulativeUnits)
                                    .findFirst()
                                    .map(Amounts::credits)
                                    .orElse(null))
                            .orElse(null));
            mv.put("verified", verified.contains(m.code()));
            out.add(mv);
        }
        return out;
    }

    Map<String, Object> release(String id) {
        Map<String, Object> r = jdbc.queryForMap("select * from credit_release where id = ?", id);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("projectId", r.get("project_id"));
        v.put("milestoneCode", r.get("milestone_code"));
        v.put("maker", r.get("maker"));
        v.put("checker", r.get("checker"));
        v.put("status", r.get("checker") == null ? "proposed" : "approved");
        return v;
    }
}
