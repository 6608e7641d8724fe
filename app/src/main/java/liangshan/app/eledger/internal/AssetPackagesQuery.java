package liangshan.app.eledger.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liangshan.app.eledger.AssetPackages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link AssetPackages} over the e-ledger's tables (read only). */
@Component
class AssetPackagesQuery implements AssetPackages {

    private final JdbcClient jdbc;

    AssetPackagesQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PackageInfo> find(String packageId) {
        List<String> resources = jdbc.sql(
                        "select resource_id from eledger_package_item where package_id = ? order by resource_id")
                .param(packageId)
                .query(String.class)
                .list();
        return jdbc.sql("select p.id, p.village_code, p.name, p.term_from, p.term_to, p.status, p.lessee_party_id,"
                        + " l.kind from eledger_package p left join eledger_party l on l.id = p.lessee_party_id"
                        + " where p.id = ?")
                .param(packageId)
                .query((rs, n) -> new PackageInfo(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, java.time.LocalDate.class),
                        rs.getObject(5, java.time.LocalDate.class),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        resources))
                .optional();
    }

    @Override
    public Map<String, PartyInfo> parties(Collection<String> ids) {
        Map<String, PartyInfo> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, village_code, kind, name, number from eledger_party where id = any(?)")
                .param(ids.toArray(String[]::new))
                .query(rs -> {
                    out.put(rs.getString(1), party(rs));
                });
        return out;
    }

    @Override
    public List<PackageInfo> leased(String prefix) {
        return jdbc
                .sql("select p.id from eledger_package p join eledger_party l on l.id = p.lessee_party_id"
                        + " where p.status = 'leased' and l.kind = 'cooperative' and p.village_code like ?"
                        + " order by p.village_code, p.id")
                .param(prefix + "%")
                .query(String.class)
                .list()
                .stream()
                .map(id -> find(id).orElseThrow())
                .toList();
    }

    @Override
    public List<PartyInfo> households(String village) {
        return jdbc.sql("select id, village_code, kind, name, number from eledger_party where village_code = ?"
                        + " and kind = 'household' order by id")
                .param(village)
                .query((rs, n) -> party(rs))
                .list();
    }

    @Override
    public Optional<PartyInfo> partyByNumber(long number) {
        return jdbc.sql("select id, village_code, kind, name, number from eledger_party where number = ?")
                .param(number)
                .query((rs, n) -> party(rs))
                .optional();
    }

    @Override
    public Map<String, ResourceInfo> resources(Collection<String> ids) {
        Map<String, ResourceInfo> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, name, type from eledger_resource where id = any(?)")
                .param(ids.toArray(String[]::new))
                .query(rs -> {
                    out.put(rs.getString(1), new ResourceInfo(rs.getString(1), rs.getString(2), rs.getString(3)));
                });
        return out;
    }

    private static PartyInfo party(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PartyInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
    }
}
