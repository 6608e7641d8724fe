package liangshan.app.eledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of eco asset packages and their items. */
@Repository
class PackageStore {

    private final JdbcClient jdbc;

    PackageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Package(
            String id,
            String villageCode,
            String name,
            LocalDate termFrom,
            LocalDate termTo,
            String status,
            String lesseePartyId,
            int version,
            String createdBy,
            Instant createdAt,
            Instant updatedAt) {}

    void insert(Package p, List<String> resourceIds) {
        jdbc.sql("""
                        insert into eledger_package (id, village_code, name, term_from, term_to, status, version,
                            created_by, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)""")
                .params(
                        p.id(),
                        p.villageCode(),
                        p.name(),
                        p.termFrom(),
                        p.termTo(),
                        p.status(),
                        p.createdBy(),
                        Timestamp.from(p.createdAt()),
                        Timestamp.from(p.updatedAt()))
                .update();
        for (String r : resourceIds) {
            jdbc.sql("insert into eledger_package_item (package_id, resource_id) values (?, ?)")
                    .params(p.id(), r)
                    .update();
        }
    }

    Optional<Package> find(String id, boolean lock) {
        return jdbc.sql("select * from eledger_package where id = ?" + (lock ? " for update" : ""))
                .param(id)
                .query(PackageStore::row)
                .optional();
    }

    List<Package> list(String village, int limit, long offset) {
        return jdbc.sql(
                        "select * from eledger_package where village_code = ? order by created_at desc, id limit ? offset ?")
                .params(village, limit, offset)
                .query(PackageStore::row)
                .list();
    }

    long count(String village) {
        return jdbc.sql("select count(*) from eledger_package where village_code = ?")
                .param(village)
                .query(Long.class)
                .single();
    }

    List<String> items(String packageId) {
        return jdbc.sql("select resource_id from eledger_package_item where package_id = ? order by resource_id")
                .param(packageId)
                .query(String.class)
                .list();
    }

    /** Other packages holding one of the resources with a term overlapping {@code [from, to)}. */
    List<String> clashes(List<String> resourceIds, LocalDate from, LocalDate to, String exceptPackage) {
        return jdbc.sql("""
                        select distinct i.resource_id from eledger_package_item i join eledger_package p on p.id = i.package_id
                        where i.resource_id = any(?::text[]) and p.id <> ? and p.term_from < ? and p.term_to > ?""")
                .params("{" + String.join(",", resourceIds) + "}", exceptPackage, to, from)
                .query(String.class)
                .list();
    }

    long pendingTransfers(String resourceId) {
        return jdbc.sql("select count(*) from eledger_transfer where resource_id = ? and status = 'pending'")
                .param(resourceId)
                .query(Long.class)
                .single();
    }

    void setStatus(String id, String status, String lessee, Instant at) {
        jdbc.sql("update eledger_package set status = ?, lessee_party_id = coalesce(?, lessee_party_id),"
                        + " version = version + 1, updated_at = ? where id = ?")
                .params(status, lessee, Timestamp.from(at), id)
                .update();
    }

    /** Records that a package reached {@code status} (its status history). */
    void event(String id, String status, String by, Instant at) {
        jdbc.sql("insert into eledger_package_event (package_id, status, by_user, at) values (?, ?, ?, ?)")
                .params(id, status, by, Timestamp.from(at))
                .update();
    }

    /** One status a package reached, by whom and when. */
    record Event(String status, String by, Instant at) {}

    List<Event> events(String id) {
        return jdbc.sql("select status, by_user, at from eledger_package_event where package_id = ? order by id")
                .param(id)
                .query((rs, n) -> new Event(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    private static Package row(ResultSet rs, int n) throws SQLException {
        return new Package(
                rs.getString("id"),
                rs.getString("village_code"),
                rs.getString("name"),
                rs.getDate("term_from").toLocalDate(),
                rs.getDate("term_to").toLocalDate(),
                rs.getString("status"),
                rs.getString("lessee_party_id"),
                rs.getInt("version"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
