package liangshan.app.distribution.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liangshan.app.audit.AuditTrail;
import liangshan.app.distribution.internal.RunStore.Line;
import liangshan.app.eledger.AssetPackages;
import liangshan.app.eledger.AssetPackages.PartyInfo;
import liangshan.app.identity.Actor;
import liangshan.app.money.MoneyLedger;
import liangshan.app.money.MoneyLedger.AccountSpec;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shareholder register of a village: its households, their shares (from share quantification or
 * contract areas) and the low-income flag. Replacing it makes a new version; runs keep their own lines.
 */
@Service
class RegisterService {

    static final int MAX_HOUSEHOLDS = 200_000;

    record HouseholdInput(String partyId, Long shares, Boolean lowIncome) {}

    record RegisterInput(List<HouseholdInput> households) {}

    record Household(String partyId, String name, long shares, boolean lowIncome) {}

    record Register(
            String villageCode,
            int version,
            long totalShares,
            List<Household> households,
            String updatedBy,
            Instant updatedAt) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AssetPackages eledger;
    private final MoneyLedger money;
    private final AuditTrail audit;
    private final Clock clock;

    RegisterService(
            JdbcClient jdbc,
            JdbcTemplate template,
            AssetPackages eledger,
            MoneyLedger money,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.eledger = eledger;
        this.money = money;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Register replace(Actor actor, String village, RegisterInput input) {
        DistributionAccess.villageWrite(actor, village);
        List<HouseholdInput> in = input == null || input.households() == null ? List.of() : input.households();
        List<FieldProblem> problems = new ArrayList<>();
        if (in.isEmpty() || in.size() > MAX_HOUSEHOLDS) {
            problems.add(new FieldProblem("households", "distribution.register.empty", null, null));
        }
        Set<String> ids = new HashSet<>();
        in.forEach(h -> ids.add(h.partyId() == null ? "" : h.partyId()));
        Map<String, PartyInfo> parties = eledger.parties(ids);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < in.size() && problems.size() < 100; i++) {
            HouseholdInput h = in.get(i);
            PartyInfo p = h.partyId() == null ? null : parties.get(h.partyId());
            String field = "households[" + i + "]";
            if (p == null || !p.villageCode().equals(village)) {
                problems.add(new FieldProblem(field + ".partyId", "distribution.register.unknown-party", null, null));
            } else if (!"household".equals(p.kind())) {
                problems.add(new FieldProblem(field + ".partyId", "distribution.register.not-household", null, null));
            } else if (!seen.add(h.partyId())) {
                problems.add(new FieldProblem(field + ".partyId", "distribution.register.duplicate-party", null, null));
            }
            if (h.shares() == null || h.shares() < 0 || h.shares() > 1_000_000_000_000L) {
                problems.add(new FieldProblem(field + ".shares", "distribution.register.bad-shares", null, null));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "distribution.register.invalid", problems);
        }
        Instant now = clock.instant();
        int version = jdbc.sql("insert into dist_register (village_code, version, updated_by, updated_at)"
                        + " values (?, 1, ?, ?) on conflict (village_code) do update set version ="
                        + " dist_register.version + 1, updated_by = excluded.updated_by, updated_at ="
                        + " excluded.updated_at returning version")
                .params(village, actor.username(), RunStore.utc(now))
                .query(Integer.class)
                .single();
        template.update("delete from dist_register_household where village_code = ?", village);
        List<Object[]> rows = new ArrayList<>();
        List<AccountSpec> accounts = new ArrayList<>();
        for (HouseholdInput h : in) {
            rows.add(new Object[] {
                village, h.partyId(), parties.get(h.partyId()).name(), h.shares(), Boolean.TRUE.equals(h.lowIncome())
            });
            accounts.add(DistributionAccounts.household(h.partyId(), village));
        }
        template.batchUpdate(
                "insert into dist_register_household (village_code, party_id, name, shares, low_income)"
                        + " values (?, ?, ?, ?, ?)",
                rows);
        accounts.add(DistributionAccounts.villageIncome(village));
        accounts.add(DistributionAccounts.villageRetained(village));
        money.open(accounts);
        Register register = load(village);
        audit.record(
                "distribution.register.replaced",
                "dist_register",
                village,
                village,
                null,
                Map.of("version", version, "households", in.size(), "totalShares", register.totalShares()));
        return register;
    }

    Register get(Actor actor, String village) {
        DistributionAccess.read(actor, village, "distribution.register.not-found", village);
        return load(village);
    }

    /** The register's version and households in a stable order (by party id), or version 0 if none. */
    Register load(String village) {
        List<Household> households = jdbc.sql("select party_id, name, shares, low_income from dist_register_household"
                        + " where village_code = ? order by party_id")
                .param(village)
                .query((rs, n) -> new Household(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4)))
                .list();
        long total = households.stream().mapToLong(Household::shares).sum();
        return jdbc.sql("select version, updated_by, updated_at from dist_register where village_code = ?")
                .param(village)
                .query((rs, n) -> new Register(
                        village,
                        rs.getInt(1),
                        total,
                        households,
                        rs.getString(2),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant()))
                .optional()
                .orElse(new Register(village, 0, 0, List.of(), null, null));
    }

    /** A run line that copies household {@code h} with its amounts. */
    static Line line(int lineNo, Household h, long priorityFen, long amountFen, java.util.UUID transferId) {
        return new Line(lineNo, h.partyId(), h.shares(), h.lowIncome(), priorityFen, amountFen, transferId);
    }
}
