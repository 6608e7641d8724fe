package liangshan.app.ecoaccount.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.Divisions;
import liangshan.app.ecoaccount.internal.GepAccountViews.Account;
import liangshan.app.ecoaccount.internal.GepAccountViews.Child;
import liangshan.app.ecoaccount.internal.GepAccountViews.Indicator;
import liangshan.app.ecoaccount.internal.GepAccountViews.RunInfo;
import liangshan.app.ecoaccount.internal.GepAccountViews.YearTotal;
import liangshan.app.ecoaccount.internal.GepResultStore.DivisionTotal;
import liangshan.app.ecoaccount.internal.GepResultStore.IndicatorSum;
import liangshan.app.identity.Actor;
import liangshan.app.web.ApiException;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.IndicatorSpecs;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Eco accounts of villages, towns, counties and the city: sums over the villages whose code starts
 * with the division's code, per year; year-on-year change against the latest earlier year with
 * results; values per km² over the division's boundary area. Money is {@code BigDecimal} 元 with 2
 * decimals (half-up where divided); percentages have 1 decimal. A division the actor may not read
 * answers 404 {@code gep.division.not-found}, as if it did not exist.
 */
@Service
class GepAccounts {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal M2_PER_KM2 = BigDecimal.valueOf(1_000_000);

    private final GepResultStore results;
    private final Divisions divisions;

    GepAccounts(GepResultStore results, Divisions divisions) {
        this.results = results;
        this.divisions = divisions;
    }

    /** The division when the actor may read it. */
    Division readable(Actor actor, String code) {
        Optional<Division> division = divisions.find(code);
        if (division.isEmpty() || !actor.canRead(code)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "gep.division.not-found", String.valueOf(code));
        }
        return division.get();
    }

    List<YearTotal> years(Actor actor, String code) {
        readable(actor, code);
        List<YearTotal> out = new ArrayList<>();
        Map<Integer, BigDecimal> totals = new TreeMap<>();
        for (DivisionTotal t : results.totalsBy(code, code.length(), Integer.MAX_VALUE - 1)) {
            totals.put(t.year(), t.totalYuan());
        }
        totals.forEach((year, total) -> out.add(new YearTotal(
                year, money(total), results.runs(code, year).get(0).id())));
        return out;
    }

    /** The year asked for, or the latest with results; 404 {@code gep.account.no-results} when none. */
    int year(String code, Integer year) {
        Optional<Integer> y = year == null ? results.latestYear(code, null) : Optional.of(year);
        if (y.isEmpty() || results.villageCount(code, y.get()) == 0) {
            throw new ApiException(
                    HttpStatus.NOT_FOUND, "gep.account.no-results", code, year == null ? "*" : String.valueOf(year));
        }
        return y.get();
    }

    Account account(Actor actor, String code, Integer askedYear) {
        Division division = readable(actor, code);
        int year = year(code, askedYear);
        List<IndicatorSum> now = results.indicators(code, year);
        Integer previousYear = results.latestYear(code, year).orElse(null);
        Map<String, BigDecimal> before = new LinkedHashMap<>();
        if (previousYear != null) {
            results.indicators(code, previousYear).forEach(s -> before.put(s.indicator(), s.valueYuan()));
        }
        BigDecimal total = BigDecimal.ZERO;
        Map<String, BigDecimal> byClass = new LinkedHashMap<>();
        for (String c : List.of("provisioning", "regulating", "cultural")) {
            byClass.put(c, BigDecimal.ZERO);
        }
        List<Indicator> indicators = new ArrayList<>();
        for (IndicatorSum s : now) {
            total = total.add(s.valueYuan());
            byClass.merge(s.serviceClass(), s.valueYuan(), BigDecimal::add);
            IndicatorSpec spec = IndicatorSpecs.byId(s.indicator());
            BigDecimal previous = before.get(s.indicator());
            indicators.add(new Indicator(
                    s.indicator(),
                    spec.nameZh(),
                    spec.nameEn(),
                    s.serviceClass(),
                    s.quantity() == null
                            ? null
                            : s.quantity().setScale(3, RoundingMode.HALF_UP).toPlainString(),
                    s.quantity() == null ? null : s.unit(),
                    money(s.valueYuan()),
                    previous == null ? null : money(previous),
                    changePct(s.valueYuan(), previous)));
        }
        BigDecimal previousTotal =
                previousYear == null ? null : before.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<GepResultStore.RunRef> runs = results.runs(code, year);
        GepResultStore.RunRef latest = runs.get(0);
        Optional<Boundary> boundary = divisions.boundary(code);
        Map<String, String> classes = new LinkedHashMap<>();
        byClass.forEach((k, v) -> classes.put(k, money(v)));
        return new Account(
                code,
                division.name(),
                division.level().key(),
                runs.stream().anyMatch(GepResultStore.RunRef::illustrative)
                        || boundary.map(Boundary::illustrative).orElse(false),
                year,
                previousYear,
                boundary.map(b -> quantity(
                                BigDecimal.valueOf(b.areaSquareMetres()).movePointLeft(4)))
                        .orElse(null),
                money(total),
                previousTotal == null ? null : money(previousTotal),
                changePct(total, previousTotal),
                perKm2(total, code),
                classes,
                indicators,
                new RunInfo(latest.id(), latest.params(), latest.methodEdition(), latest.finishedAt()),
                results.villageCount(code, year));
    }

    /** The direct children of {@code code} with results in the year, ranked by GEP per km². */
    List<Child> children(Actor actor, String code, Integer askedYear) {
        Division division = readable(actor, code);
        if (division.level() == DivisionLevel.VILLAGE) {
            return List.of();
        }
        int year = year(code, askedYear);
        int childLength =
                division.level().codeLength() == 4 ? 6 : division.level().codeLength() == 6 ? 9 : 12;
        Map<String, List<DivisionTotal>> byChild = new TreeMap<>();
        for (DivisionTotal t : results.totalsBy(code, childLength, year)) {
            byChild.computeIfAbsent(t.code(), k -> new ArrayList<>()).add(t);
        }
        List<Child> rows = new ArrayList<>();
        Map<String, BigDecimal> sortKey = new LinkedHashMap<>();
        for (Division child : divisions.children(code)) {
            List<DivisionTotal> totals = byChild.getOrDefault(child.code(), List.of());
            DivisionTotal now =
                    totals.stream().filter(t -> t.year() == year).findFirst().orElse(null);
            if (now == null) {
                continue;
            }
            DivisionTotal previous = totals.stream()
                    .filter(t -> t.year() < year)
                    .max(Comparator.comparingInt(DivisionTotal::year))
                    .orElse(null);
            BigDecimal perKm2 = perKm2Value(now.totalYuan(), child.code());
            sortKey.put(child.code(), perKm2);
            rows.add(new Child(
                    child.code(),
                    child.name(),
                    child.level().key(),
                    money(now.totalYuan()),
                    perKm2 == null ? null : money(perKm2),
                    money(now.regulatingYuan()),
                    changePct(now.totalYuan(), previous == null ? null : previous.totalYuan()),
                    0));
        }
        rows.sort(Comparator.comparing(
                (Child c) -> sortKey.get(c.code()), Comparator.nullsLast(Comparator.reverseOrder())));
        List<Child> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Child c = rows.get(i);
            ranked.add(new Child(
                    c.code(),
                    c.name(),
                    c.level(),
                    c.totalYuan(),
                    c.perKm2Yuan(),
                    c.regulatingYuan(),
                    c.changePct(),
                    i + 1));
        }
        return ranked;
    }

    /** {@code value} per km² of {@code code}'s boundary area, 2 decimals; null without a boundary. */
    BigDecimal perKm2Value(BigDecimal value, String code) {
        return divisions
                .boundary(code)
                .filter(b -> b.areaSquareMetres() > 0)
                .map(b -> value.multiply(M2_PER_KM2)
                        .divide(BigDecimal.valueOf(b.areaSquareMetres()), 2, RoundingMode.HALF_UP))
                .orElse(null);
    }

    private String perKm2(BigDecimal value, String code) {
        BigDecimal v = perKm2Value(value, code);
        return v == null ? null : money(v);
    }

    static String money(BigDecimal yuan) {
        return yuan == null ? null : yuan.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String quantity(BigDecimal q) {
        return q.setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    /** Change in percent, 1 decimal; null without a previous value or with a zero one. */
    static String changePct(BigDecimal now, BigDecimal previous) {
        BigDecimal v = changePctValue(now, previous);
        return v == null ? null : v.toPlainString();
    }

    static BigDecimal changePctValue(BigDecimal now, BigDecimal previous) {
        if (now == null || previous == null || previous.signum() == 0) {
            return null;
        }
        return now.subtract(previous).multiply(HUNDRED).divide(previous.abs(), 1, RoundingMode.HALF_UP);
    }
}
