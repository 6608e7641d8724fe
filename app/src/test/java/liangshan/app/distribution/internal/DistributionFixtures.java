package liangshan.app.distribution.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data of the e-ledger written as rows (parties and a package leased to a cooperative): the
 * distribution module reads them only through {@code eledger.AssetPackages}.
 */
final class DistributionFixtures {

    private DistributionFixtures() {}

    static String village(Divisions divisions, String county, int town, int n) {
        return divisions
                .children(divisions.children(county).get(town).code())
                .get(n)
                .code();
    }

    static String party(JdbcTemplate jdbc, String village, String kind, String name) {
        String id = "P"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 25).toUpperCase();
        jdbc.update(
                "insert into eledger_party (id, village_code, kind, name, created_by, created_at) values (?, ?, ?, ?,"
                        + " 'fixture', ?)",
                id,
                village,
                kind,
                name,
                OffsetDateTime.now(ZoneOffset.UTC));
        return id;
    }

    /** {@code n} households whose ids sort in creation order (registers and runs order lines by party id). */
    static List<String> households(JdbcTemplate jdbc, String village, int n) {
        String base = "H"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = base + String.format("%05d", i);
            jdbc.update(
                    "insert into eledger_party (id, village_code, kind, name, created_by, created_at)"
                            + " values (?, ?, 'household', ?, 'fixture', ?)",
                    id,
                    village,
                    "户" + i,
                    OffsetDateTime.now(ZoneOffset.UTC));
            out.add(id);
        }
        return out;
    }

    /** A package of {@code village} leased to a new cooperative party, term 2026-01-01 .. 2036-01-01. */
    static String leasedPackage(JdbcTemplate jdbc, String village) {
        String coop = party(jdbc, village, "cooperative", "两山合作社");
        String id = "K"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 25).toUpperCase();
        jdbc.update(
                "insert into eledger_package (id, village_code, name, term_from, term_to, status, lessee_party_id,"
                        + " created_by, created_at, updated_at) values (?, ?, '竹林资产包', ?, ?, 'leased', ?, 'fixture', ?, ?)",
                id,
                village,
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2036, 1, 1),
                coop,
                OffsetDateTime.now(ZoneOffset.UTC),
                OffsetDateTime.now(ZoneOffset.UTC));
        return id;
    }

    /** A lease created by {@code maker} and approved by a second person (maker-checker). */
    static LeaseView approvedLease(LeaseService leases, Actor maker, LeaseService.LeaseInput in) {
        LeaseView lease = leases.create(maker, in);
        return leases.approve(checker(maker), lease.id(), null);
    }

    /** A project created by {@code maker} and approved by a second person (maker-checker). */
    static ProjectService.ProjectView approvedProject(
            ProjectService projects, Actor maker, ProjectService.ProjectInput in) {
        ProjectService.ProjectView p = projects.create(maker, in);
        return projects.approve(checker(maker), p.id());
    }

    /** A second person with the same role and scope as {@code maker}. */
    static Actor checker(Actor maker) {
        return new Actor(maker.userId() + 1, maker.username() + "-checker", maker.roles(), maker.scope());
    }

    static Actor actor(String name, Role role, String scope) {
        return new Actor(Math.abs(name.hashCode()), name, Set.of(role), new DataScope(scope));
    }
}
