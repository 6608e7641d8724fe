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

    /**
     * The CSV columns of each list: names and Chinese texts first (for people), then the English texts and
     * the ids (to trace a line back); the JSON rows carry every one of these keys.
     */
    static final Map<String, Table> TABLES = Map.of(
            "projects",
            table(
                    "projects",
                    "id:项目编号,name:项目名称,kindZh:类型,countyName:县,ownerName:业主,statusZh:状态,"
                            + "estimatedCredits:预计积分,policyVersion:政策版本,approvedAt:批准日期,"
                            + "kindEn:类型（英文）,countyNameEn:县（英文）,statusEn:状态（英文）,ownerPartyId:业主编号"),
            "issuances",
            table(
                    "issuances",
                    "at:日期,projectId:项目编号,projectName:项目名称,batchId:批次,countyName:县,vintage:年份,"
                            + "serials:序号段,credits:积分,toName:持有人,policyVersion:政策版本,priceSetId:价格集,"
                            + "countyNameEn:县（英文）,toPartyId:持有人编号"),
            "transfers",
            table(
                    "transfers",
                    "at:日期,kindZh:类型,fromName:出让方,toName:受让方,credits:积分,serials:序号段,"
                            + "priceYuanPerCredit:单价（元/积分）,amountYuan:金额（元）,countyName:县,"
                            + "kindEn:类型（英文）,countyNameEn:县（英文）,fromPartyId:出让方编号,toPartyId:受让方编号"),
            "retirements",
            table(
                    "retirements",
                    "at:日期,holderName:持有人,credits:积分,serials:序号段,obligationId:核销义务,"
                            + "developmentName:开发项目,beneficiaryName:受益人,reasonZh:原因,countyName:县,"
                            + "reasonEn:原因（英文）,countyNameEn:县（英文）,holderPartyId:持有人编号,beneficiary:受益人编号"),
            "obligations",
            table(
                    "obligations",
                    "id:义务编号,developmentName:开发项目,countyName:县,obligorName:义务人,amount:义务积分,"
                            + "retired:已核销,coveredByPool:储备池负债,statusZh:状态,policyVersion:政策版本,"
                            + "priceSetId:价格集,statusEn:状态（英文）,countyNameEn:县（英文）,developmentId:开发项目编号,"
                            + "obligorPartyId:义务人编号"));

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
    private final CountyNames counties;
    private final RegisterTexts texts;

    RegisterQueries(JdbcTemplate jdbc, RegistryHost host, CountyNames counties, RegisterTexts texts) {
        this.jdbc = jdbc;
        this.host = host;
        this.counties = counties;
        this.texts = texts;
    }

    /** One page of rows, newest first, and the total. */
    record Rows(List<Map<String, Object>> rows, long total) {}

    Rows rows(String name, String county, long offset, int limit) {
        String c = county == null ? "%" : county + "%";
        return switch (name) {
            case "projects" -> projects(c, offset, limit);
            case "issuances" -> register(c, "kind = 'ISSUANCE'", offset, limit, this::issuance);
            case "transfers" -> register(c, "kind in ('TRANSFER', 'SALE', 'POOL_SALE')", offset, limit, this::transfer);
            case "retirements" -> register(c, "kind = 'RETIREMENT'", offset, limit, this::retirement);
            case "obligations" -> obligations(c, offset, limit);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private interface RowMapper {
        Map<String, Object> map(ResultSet rs) throws SQLException;
    }

    /**
     * Register lines of {@code kinds}, newest first, with the names of the parties (and for issuances the
     * project, for retirements the development) joined from the module's own tables.
     */
    private Rows register(String county, String kinds, long offset, int limit, RowMapper mapper) {
        String where = " where " + kinds.replace("kind", "g.kind") + " and g.county_code like ?";
        List<Map<String, Object>> rows = jdbc.query(
                "select g.*, pf.name as from_name, pt.name as to_name, pb.name as beneficiary_name,"
                        + " d.name as development_name, p.id as project_id, p.name as project_name, p.policy_version,"
                        + " p.estimate->>'year' as vintage, p.estimate->>'params' as price_set"
                        + " from credit_register g"
                        + " left join credit_party pf on pf.id = g.from_party"
                        + " left join credit_party pt on pt.id = g.to_party"
                        + " left join credit_party pb on pb.id = g.beneficiary"
                        + " left join credit_development d on d.obligation_id = g.obligation_id"
                        + " left join credit_project p on g.kind = 'ISSUANCE' and p.batch_id = g.from_party"
                        + where + " order by g.id desc limit ? offset ?",
                (rs, n) -> mapper.map(rs),
                county,
                limit,
                offset);
        Long total = jdbc.queryForObject("select count(*) from credit_register g" + where, Long.class, county);
        return new Rows(rows, total);
    }

    /** The county's code with its Chinese and English names. */
    private void county(Map<String, Object> v, String code) {
        v.put("countyCode", code);
        v.put("countyName", counties.zh(code));
        v.put("countyNameEn", counties.en(code));
    }

    /** {@code key}Zh and {@code key}En. */
    private static void text(Map<String, Object> v, String key, RegisterTexts.Text t) {
        v.put(key + "Zh", t.zh());
        v.put(key + "En", t.en());
    }

    private static String serials(ResultSet rs) throws SQLException {
        String[] s = (String[]) rs.getArray("serials").getArray();
        return String.join(" ", s);
    }

    private Map<String, Object> issuance(ResultSet rs) throws SQLException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("at", rs.getTimestamp("at").toInstant().toString());
        v.put("projectId", rs.getString("project_id"));
        v.put("projectName", rs.getString("project_name"));
        v.put("batchId", rs.getString("from_party"));
        county(v, rs.getString("county_code"));
        v.put("vintage", rs.getString("vintage"));
        v.put("serials", serials(rs));
        v.put("credits", Amounts.credits(rs.getLong("units")));
        v.put("toPartyId", rs.getString("to_party"));
        v.put("toName", rs.getString("to_name"));
        v.put("policyVersion", rs.getString("policy_version"));
        v.put("priceSetId", rs.getString("price_set"));
        return v;
    }

    private Map<String, Object> transfer(ResultSet rs) throws SQLException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("at", rs.getTimestamp("at").toInstant().toString());
        String kind = rs.getString("kind").toLowerCase(java.util.Locale.ROOT);
        v.put("kind", kind);
        text(v, "kind", texts.of("kind", kind));
        v.put("fromPartyId", rs.getString("from_party"));
        v.put("fromName", rs.getString("from_name"));
        v.put("toPartyId", rs.getString("to_party"));
        v.put("toName", rs.getString("to_name"));
        v.put("credits", Amounts.credits(rs.getLong("units")));
        v.put("serials", serials(rs));
        v.put("priceYuanPerCredit", Amounts.yuan(rs.getLong("price_fen_per_credit")));
        v.put("amountYuan", Amounts.yuan(rs.getLong("amount_fen")));
        county(v, rs.getString("county_code"));
        return v;
    }

    private Map<String, Object> retirement(ResultSet rs) throws SQLException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("at", rs.getTimestamp("at").toInstant().toString());
        v.put("holderPartyId", rs.getString("from_party"));
        v.put("holderName", rs.getString("from_name"));
        v.put("credits", Amounts.credits(rs.getLong("units")));
        v.put("serials", serials(rs));
        v.put("obligationId", rs.getString("obligation_id"));
        v.put("developmentName", rs.getString("development_name"));
        String beneficiary = rs.getString("beneficiary");
        String beneficiaryName = rs.getString("beneficiary_name");
        v.put("beneficiary", beneficiary);
        v.put("beneficiaryName", beneficiaryName != null ? beneficiaryName : beneficiary);
        v.put("reason", rs.getString("reason"));
        text(v, "reason", texts.reason(rs.getString("reason")));
        county(v, rs.getString("county_code"));
        return v;
    }

    private Rows projects(String county, long offset, int limit) {
        String from = " from credit_project where status in ('approved', 'estimated') and county_code like ?";
        List<Map<String, Object>> rows = jdbc.query(
                "select p.*, o.name as owner_name from credit_project p left join credit_party o on o.id = p.owner_party"
                        + " where p.status in ('approved', 'estimated') and p.county_code like ?"
                        + " order by p.reviewed_at desc, p.id limit ? offset ?",
                (rs, n) -> project(rs),
                county,
                limit,
                offset);
        return new Rows(rows, jdbc.queryForObject("select count(*)" + from, Long.class, county));
    }

    private Map<String, Object> project(ResultSet rs) throws SQLException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", rs.getString("id"));
        v.put("name", rs.getString("name"));
        String kind = rs.getString("kind").toLowerCase(java.util.Locale.ROOT);
        v.put("kind", kind);
        text(v, "kind", texts.of("project-kind", kind));
        county(v, rs.getString("county_code"));
        v.put("ownerPartyId", rs.getString("owner_party"));
        v.put("ownerName", rs.getString("owner_name"));
        String status = rs.getString("status");
        v.put("status", status);
        text(v, "status", texts.of("project-status", status));
        String estimate = rs.getString("estimate");
        v.put(
                "estimatedCredits",
                estimate == null
                        ? null
                        : Amounts.credits(Json.read(estimate).path("units").asLong()));
        v.put("policyVersion", rs.getString("policy_version"));
        v.put("approvedAt", rs.getTimestamp("reviewed_at").toInstant().toString());
        return v;
    }

    private Rows obligations(String county, long offset, int limit) {
        String from = " from credit_development where obligation_id is not null and county_code like ?";
        List<Map<String, Object>> devs = jdbc.queryForList(
                "select d.id, d.name, d.obligation_id, d.county_code, d.developer_party, p.name as obligor_name"
                        + " from credit_development d left join credit_party p on p.id = d.developer_party"
                        + " where d.obligation_id is not null and d.county_code like ?"
                        + " order by d.created_at desc, d.id limit ? offset ?",
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
                v.put("developmentName", d.get("name"));
                county(v, (String) d.get("county_code"));
                v.put("obligorPartyId", o.obligor());
                v.put("obligorName", d.get("obligor_name"));
                v.put("amount", Amounts.credits(o.amountUnits()));
                v.put("retired", Amounts.credits(o.retiredUnits()));
                v.put("coveredByPool", Amounts.credits(pool));
                String status = o.acquitted() ? "acquitted" : DevelopmentService.gate(o, pool);
                v.put("status", status);
                text(v, "status", texts.of("status", status));
                v.put("policyVersion", o.policyVersion());
                v.put("priceSetId", o.priceSetId());
                out.add(v);
            }
            return out;
        });
        return new Rows(rows, jdbc.queryForObject("select count(*)" + from, Long.class, county));
    }
}
