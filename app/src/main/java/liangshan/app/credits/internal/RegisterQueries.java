package liangshan.app.credits.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.ledger.credits.Obligation;
import liangshan.ledger.credits.PoolLiability;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The public register (公示, invariant 10): projects, issuances, transfers with date and price,
 * retirements with the obligation acquitted, obligations with their status. Public facts only: no cash
 * balances, no users. Each list has its columns in order, with the Chinese CSV header of each.
 */
@Component("creditsRegisterQueries")
class RegisterQueries {

    /** A register list: English JSON keys in column order with their Chinese CSV headers. */
    record Table(String name, Map<String, String> columns) {}

    static final Map<String, Table> TABLES = Map.of(
            "projects",
            table(
                    "projects",
                    "id:项目编号,name:项目名称,kind:类型,countyCode:县,ownerPartyId:业主,status:状态,"
                            + "estimatedCredits:预计积分,policyVersion:政策版本,approvedAt:批准日期"),
            "issuances",
            table(
                    "issuances",
                    "at:日期,projectId:项目编号,batchId:批次,countyCode:县,vintage:年份,serials:序号段,credits:积分,"
                            + "toPartyId:持有人,policyVersion:政策版本,priceSetId:价格集"),
            "transfers",
            table(
                    "transfers",
                    "at:日期,kind:类型,fromPartyId:出让方,toPartyId:受让方,credits:积分,serials:序号段,"
                            + "priceYuanPerCredit:单价（元/积分）,amountYuan:金额（元）,countyCode:县"),
            "retirements",
            table(
                    "retirements",
                    "at:日期,holderPartyId:持有人,credits:积分,serials:序号段,obligationId:核销义务,"
                            + "beneficiary:受益人,reason:原因,countyCode:县"),
            "obligations",
            table(
                    "obligations",
                    "id:义务编号,developmentId:开发项目,countyCode:县,obligorPartyId:义务人,amount:义务积分,"
                            + "retired:已核销,coveredByPool:储备池负债,status:状态,policyVersion:政策版本,"
                            + "priceSetId:价格集"));

    private static Table table(String name, String spec) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split(":", 2);
            columns.put(kv[0], kv[1]);
        }
        return new Table(name, columns);
    }

    private final JdbcTemplate jdbc;
    private final RegistryHost host;

    RegisterQueries(JdbcTemplate jdbc, RegistryHost host) {
        this.jdbc = jdbc;
        this.host = host;
    }

    /** One page of rows, newest first, and the total. */
    record Rows(List<Map<String, Object>> rows, long total) {}

    Rows rows(String name, String county, long offset, int limit) {
        String c = county == null ? "%" : county + "%";
        return switch (name) {
            case "projects" -> projects(c, offset, limit);
            case "issuances" -> register(c, "kind = 'ISSUANCE'", offset, limit, this::issuance, true);
            case "transfers" ->
                register(c, "kind in ('TRANSFER', 'SALE', 'POOL_SALE')", offset, limit, this::transfer, false);
            case "retirements" -> register(c, "kind = 'RETIREMENT'", offset, limit, this::retirement, false);
            case "obligations" -> obligations(c, offset, limit);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private interface RowMapper {
        Map<String, Object> map(ResultSet rs) throws SQLException;
    }

    private Rows register(String county, String kinds, long offset, int limit, RowMapper mapper, boolean join) {
        String from = " from credit_register g"
                + (join ? " left join credit_project p on p.batch_id = g.from_party" : "")
                + " where " + kinds.replace("kind", "g.kind") + " and g.county_code like ?";
        List<Map<String, Object>> rows = jdbc.query(
                "select g.*"
                        + (join
                                ? ", p.id as project_id, p.policy_version, p.estimate->>'year' as vintage,"
                                        + " p.estimate->>'params' as price_set"
                                : "")
                        + from + " order by g.id desc limit ? offset ?",
                (rs, n) -> mapper.map(rs),
                county,
                limit,
                offset);
        Long total = jdbc.queryForObject("select count(*)" + from, Long.class, county);
        return new Rows(rows, total);
    }

    private static String serials(ResultSet rs) throws SQLException {
        String[] s = (String[]) rs.getArray("serials").getArray();
        return String.join(" ", s);
    }

    private Map<String, Object> issuance(ResultSet rs) throws SQLException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("at", rs.getTimestamp("at").toInstant().toString());
        v.put("projectId", rs.getString("project_id"));
        v.put("batchId", rs.getString("from_party"));
        v.put("countyCode", rs.getString("county_code"));
        v.put("vintage", rs.getString("vintage"));
        v.put("serials", serials(rs));
        v.put("credits", Amounts.credits(rs.getLong("units")));
        v.put("toPartyId", rs.getString("to_party"));
        v.put("policyVersion", rs.getString("policy_version"));
        v.put("priceSetId", rs.getString("price_set"));
        return v;
    }

    private Map<String, Object> transfer(ResultSet rs) throws SQLException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("at", rs.getTimestamp("at").toInstant().toString());
        v.put("kind", rs.getString("kind").toLowerCase(java.util.Locale.ROOT));
        v.put("fromPartyId", rs.getString("from_party"));
        v.put("toPartyId", rs.getString("to_party"));
        v.put("credits", Amounts.credits(rs.getLong("units")));
        v.put("serials", serials(rs));
        v.put("priceYuanPerCredit", Amounts.yuan(rs.getLong("price_fen_per_credit")));
        v.put("amountYuan", Amounts.yuan(rs.getLong("amount_fen")));
        v.put("countyCode", rs.getString("county_code"));
        return v;
    }

    private Map<String, Object> retirement(ResultSet rs) throws SQLException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("at", rs.getTimestamp("at").toInstant().toString());
        v.put("holderPartyId", rs.getString("from_party"));
        v.put("credits", Amounts.credits(rs.getLong("units")));
        v.put("serials", serials(rs));
        v.put("obligationId", rs.getString("obligation_id"));
        v.put("beneficiary", rs.getString("beneficiary"));
        v.put("reason", rs.getString("reason"));
        v.put("countyCode", rs.getString("county_code"));
        return v;
    }

    private Rows projects(String county, long offset, int limit) {
        String from = " from credit_project where status in ('approved', 'estimated') and county_code like ?";
        List<Map<String, Object>> rows = jdbc.query(
                "select *" + from + " order by reviewed_at desc, id limit ? offset ?",
                (rs, n) -> {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("id", rs.getString("id"));
                    v.put("name", rs.getString("name"));
                    v.put("kind", rs.getString("kind").toLowerCase(java.util.Locale.ROOT));
                    v.put("countyCode", rs.getString("county_code"));
                    v.put("ownerPartyId", rs.getString("owner_party"));
                    v.put("status", rs.getString("status"));
                    String estimate = rs.getString("estimate");
                    v.put(
                            "estimatedCredits",
                            estimate == null
                                    ? null
                                    : Amounts.credits(
                                            Json.read(estimate).path("units").asLong()));
                    v.put("policyVersion", rs.getString("policy_version"));
                    v.put(
                            "approvedAt",
                            rs.getTimestamp("reviewed_at").toInstant().toString());
                    return v;
                },
                county,
                limit,
                offset);
        return new Rows(rows, jdbc.queryForObject("select count(*)" + from, Long.class, county));
    }

    private Rows obligations(String county, long offset, int limit) {
        String from = " from credit_development where obligation_id is not null and county_code like ?";
        List<Map<String, Object>> devs = jdbc.queryForList(
                "select id, obligation_id, county_code, developer_party" + from
                        + " order by created_at desc, id limit ? offset ?",
                county,
                limit,
                offset);
        List<Map<String, Object>> rows = host.read(r -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Object> d : devs) {
                Obligation o = r.obligation((String) d.get("obligation_id")).orElseThrow();
                long pool = r.liabilities().stream()
                        .filter(l -> l.obligationId().equals(o.id()))
                        .mapToLong(PoolLiability::outstandingUnits)
                        .sum();
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("id", o.id());
                v.put("developmentId", d.get("id"));
                v.put("countyCode", d.get("county_code"));
                v.put("obligorPartyId", o.obligor());
                v.put("amount", Amounts.credits(o.amountUnits()));
                v.put("retired", Amounts.credits(o.retiredUnits()));
                v.put("coveredByPool", Amounts.credits(pool));
                v.put("status", o.acquitted() ? "acquitted" : DevelopmentService.gate(o, pool));
                v.put("policyVersion", o.policyVersion());
                v.put("priceSetId", o.priceSetId());
                out.add(v);
            }
            return out;
        });
        return new Rows(rows, jdbc.queryForObject("select count(*)" + from, Long.class, county));
    }
}
