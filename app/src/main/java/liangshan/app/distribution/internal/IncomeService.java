package liangshan.app.distribution.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liangshan.app.audit.AuditTrail;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.money.MoneyLedger;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.ledger.Transfer;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Village collective income by source (rent, dividend, other) and year against the yearly target
 * (300,000 元 unless set otherwise per year), and roll-ups of a county, town or the city listing the
 * villages below it. Definitions: docs/api/distribution.md, "Village income by source and year".
 */
@Service
class IncomeService {

    /** 300,000 元: the plan's income target of an eco common-prosperity village (MISSION.md). */
    static final long DEFAULT_TARGET_FEN = 30_000_000L;

    private static final int MAX_YEARS = 30;

    record TargetYear(int year, String targetYuan, String setBy, Instant setAt) {}

    record Targets(String defaultYuan, List<TargetYear> years) {}

    record TargetInput(String targetYuan) {}

    record Year(
            int year,
            String rentYuan,
            String dividendYuan,
            String otherYuan,
            String totalYuan,
            String targetYuan,
            boolean reached,
            String shortfallYuan) {}

    record VillageIncome(String villageCode, String villageName, List<Year> years) {}

    record VillageRow(
            String villageCode,
            String villageName,
            String rentYuan,
            String dividendYuan,
            String otherYuan,
            String totalYuan,
            boolean reached,
            String shortfallYuan) {}

    record Rollup(
            String divisionCode,
            String divisionName,
            int year,
            String targetYuan,
            int villageCount,
            int reachedCount,
            int belowCount,
            String totalYuan,
            List<VillageRow> villages) {}

    /** Fen by source of one village and year: rent, dividend, other. */
    private record Sums(long rent, long dividend, long other) {
        long total() {
            return rent + dividend + other;
        }
    }

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final MoneyLedger money;
    private final AuditTrail audit;
    private final Clock clock;

    IncomeService(JdbcClient jdbc, Divisions divisions, MoneyLedger money, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.money = money;
        this.audit = audit;
        this.clock = clock;
    }

    Targets targets(Actor actor) {
        DistributionAccess.listPrefix(actor, null);
        List<TargetYear> years = jdbc.sql(
                        "select year, target_fen, set_by, set_at from dist_income_target order by year")
                .query((rs, n) -> new TargetYear(
                        rs.getInt(1),
                        Amounts.yuan(rs.getLong(2)),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
        return new Targets(Amounts.yuan(DEFAULT_TARGET_FEN), years);
    }

    @Transactional
    TargetYear setTarget(Actor actor, int year, TargetInput in) {
        if (!actor.has(Role.CITY_ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "distribution.forbidden");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            problems.add(new FieldProblem("year", "distribution.target.bad-year", null, null));
        }
        Long fen = Amounts.fen(
                in == null ? null : in.targetYuan(), true, "targetYuan", "distribution.target.bad-target", problems);
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "distribution.target.invalid", problems);
        }
        long before = target(year);
        Instant now = clock.instant();
        jdbc.sql("insert into dist_income_target (year, target_fen, set_by, set_at) values (?, ?, ?, ?)"
                        + " on conflict (year) do update set target_fen = excluded.target_fen, set_by = excluded.set_by,"
                        + " set_at = excluded.set_at")
                .params(year, fen, actor.username(), RunStore.utc(now))
                .update();
        TargetYear after = new TargetYear(year, Amounts.yuan(fen), actor.username(), now);
        audit.record(
                "distribution.target.set",
                "dist_income_target",
                Integer.toString(year),
                "3308",
                Map.of("targetYuan", Amounts.yuan(before)),
                after);
        return after;
    }

    /** The target of {@code year} in fen (the default when the year has none). */
    long target(int year) {
        return jdbc.sql("select target_fen from dist_income_target where year = ?")
                .param(year)
                .query(Long.class)
                .optional()
                .orElse(DEFAULT_TARGET_FEN);
    }

    VillageIncome village(Actor actor, String village, Integer from, Integer to) {
        DistributionAccess.read(actor, village, "distribution.village.not-found", village);
        Division d = divisions
                .find(village)
                .filter(x -> x.level() == DivisionLevel.VILLAGE)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "distribution.village.not-found", village));
        int last = to == null ? LocalDate.now(clock).getYear() : to;
        int first = from == null ? last - 4 : from;
        if (first > last || last - first >= MAX_YEARS || first < 2000 || last > 2100) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "distribution.bad-query", "from/to");
        }
        Map<String, Map<Integer, Sums>> sums = sums(village, first, last);
        List<Year> years = new ArrayList<>();
        for (int y = first; y <= last; y++) {
            Sums s = sums.getOrDefault(village, Map.of()).getOrDefault(y, new Sums(0, 0, 0));
            long target = target(y);
            years.add(new Year(
                    y,
                    Amounts.yuan(s.rent()),
                    Amounts.yuan(s.dividend()),
                    Amounts.yuan(s.other()),
                    Amounts.yuan(s.total()),
                    Amounts.yuan(target),
                    s.total() >= target,
                    Amounts.yuan(Math.max(0, target - s.total()))));
        }
        return new VillageIncome(village, d.name(), years);
    }

    Rollup rollup(Actor actor, String division, Integer yearParam, boolean belowOnly) {
        if (actor.has(Role.HOUSEHOLD) || actor.isAnonymous()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "distribution.village.not-found", division);
        }
        String scope = actor.scope().divisionCode();
        String code = division == null || division.isBlank() ? scope : division;
        Division d = divisions.find(code).orElse(null);
        if (d == null || !actor.canRead(code) && !scope.startsWith(code)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "distribution.village.not-found", code);
        }
        DistributionAccess.listPrefix(actor, scope);
        // A roll-up above the actor's scope sums the part inside the scope only.
        String prefix = scope.startsWith(code) ? scope : code;
        int year = yearParam == null ? LocalDate.now(clock).getYear() : yearParam;
        if (year < 2000 || year > 2100) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "distribution.bad-query", "year");
        }
        long target = target(year);
        Map<String, Map<Integer, Sums>> sums = sums(prefix, year, year);
        List<VillageRow> rows = new ArrayList<>();
        long total = 0;
        for (Division v : villages(prefix)) {
            Sums s = sums.getOrDefault(v.code(), Map.of()).getOrDefault(year, new Sums(0, 0, 0));
            total += s.total();
            rows.add(new VillageRow(
                    v.code(),
                    v.name(),
                    Amounts.yuan(s.rent()),
                    Amounts.yuan(s.dividend()),
                    Amounts.yuan(s.other()),
                    Amounts.yuan(s.total()),
                    s.total() >= target,
                    Amounts.yuan(Math.max(0, target - s.total()))));
        }
        rows.sort(Comparator.comparing((VillageRow r) -> Amounts.fenOf(r.totalYuan()))
                .reversed()
                .thenComparing(VillageRow::villageCode));
        int reached = (int) rows.stream().filter(VillageRow::reached).count();
        List<VillageRow> listed =
                belowOnly ? rows.stream().filter(r -> !r.reached()).toList() : rows;
        return new Rollup(
                d.code(),
                d.name(),
                year,
                Amounts.yuan(target),
                rows.size(),
                reached,
                rows.size() - reached,
                Amounts.yuan(total),
                listed);
    }

    /** The village-level divisions inside {@code prefix} (a division code of any level). */
    private List<Division> villages(String prefix) {
        Division d = divisions.find(prefix).orElseThrow();
        if (d.level() == DivisionLevel.VILLAGE) {
            return List.of(d);
        }
        List<Division> out = new ArrayList<>();
        for (Division child : divisions.children(prefix)) {
            out.addAll(villages(child.code()));
        }
        return out;
    }

    /** Income sums by village and year for villages inside {@code prefix}, years {@code first..last}. */
    private Map<String, Map<Integer, Sums>> sums(String prefix, int first, int last) {
        Map<String, Map<Integer, long[]>> acc = new HashMap<>();
        String like = prefix + "%";
        jdbc.sql("select l.village_code, extract(year from p.due_on)::int, sum(p.amount_fen) from dist_rent_payment p"
                        + " join dist_lease l on l.id = p.lease_id where l.village_code like ?"
                        + " and p.due_on >= make_date(?, 1, 1) and p.due_on < make_date(?, 1, 1) group by 1, 2")
                .params(like, first, last + 1)
                .query(rs -> {
                    add(acc, rs.getString(1), rs.getInt(2), 0, rs.getLong(3));
                });
        jdbc.sql("select l.village_code, left(d.period, 4)::int, sum(l.amount_fen) from dist_dividend_line l"
                        + " join dist_dividend d on d.id = l.dividend_id where d.status = 'paid'"
                        + " and l.village_code like ? and left(d.period, 4)::int between ? and ? group by 1, 2")
                .params(like, first, last)
                .query(rs -> {
                    add(acc, rs.getString(1), rs.getInt(2), 1, rs.getLong(3));
                });
        for (String village : villagesWithAccounts(like)) {
            other(village, first, last, acc);
        }
        Map<String, Map<Integer, Sums>> out = new HashMap<>();
        acc.forEach((v, byYear) -> {
            Map<Integer, Sums> m = new HashMap<>();
            byYear.forEach((y, a) -> m.put(y, new Sums(a[0], a[1], a[2])));
            out.put(v, m);
        });
        return out;
    }

    /** Villages that may hold a village.income account: those this module has written anything for. */
    private Set<String> villagesWithAccounts(String like) {
        return new HashSet<>(jdbc.sql("select village_code from dist_lease where village_code like ?"
                        + " union select village_code from dist_register where village_code like ?"
                        + " union select village_code from dist_dividend_line where village_code like ?")
                .params(like, like, like)
                .query(String.class)
                .list());
    }

    /** Credits to the village's income account that are neither rent nor dividends nor run reversals. */
    private void other(String village, int first, int last, Map<String, Map<Integer, long[]>> acc) {
        java.util.UUID account = DistributionAccounts.villageIncomeId(village);
        for (long offset = 0; ; offset += 1000) {
            List<Transfer> page = money.history(account, 1000, offset);
            for (Transfer t : page) {
                int y = t.timestamp().atZone(clock.getZone()).getYear();
                if (t.creditAccountId().equals(account)
                        && !t.code().startsWith("distribution.")
                        && t.reverses() == null
                        && y >= first
                        && y <= last) {
                    add(acc, village, y, 2, t.amount());
                }
            }
            if (page.size() < 1000) {
                return;
            }
        }
    }

    private static void add(Map<String, Map<Integer, long[]>> acc, String village, int year, int source, long fen) {
        acc.computeIfAbsent(village, v -> new HashMap<>()).computeIfAbsent(year, y -> new long[3])[source] += fen;
    }
}
