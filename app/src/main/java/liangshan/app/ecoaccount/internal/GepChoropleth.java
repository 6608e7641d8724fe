package liangshan.app.ecoaccount.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.Divisions;
import liangshan.app.ecoaccount.internal.GepAccountViews.Choropleth;
import liangshan.app.ecoaccount.internal.GepResultStore.DivisionTotal;
import liangshan.app.identity.Actor;
import liangshan.app.web.ApiException;
import liangshan.app.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * {@code GET /api/v1/gep/choropleth}: one value per village, town or county inside a parent (and
 * inside the actor's scope), with 5 quantile breaks. When the parent is wider than the actor's
 * scope, the values are those of the scope (a county officer asking for the city's villages gets
 * the county's); a parent outside the scope answers 404 {@code gep.division.not-found}.
 */
@Service
class GepChoropleth {

    /** Measures and their units. */
    static final Map<String, String> MEASURES = Map.of(
            "perKm2", "元/km²",
            "total", "元",
            "regulatingPerKm2", "元/km²",
            "changePct", "%");

    private final GepResultStore results;
    private final GepAccounts accounts;
    private final Divisions divisions;
    private final Problems problemMessages;

    GepChoropleth(GepResultStore results, GepAccounts accounts, Divisions divisions, Problems problemMessages) {
        this.problemMessages = problemMessages;
        this.results = results;
        this.accounts = accounts;
        this.divisions = divisions;
    }

    Choropleth choropleth(Actor actor, String level, String parent, Integer askedYear, String measure) {
        String m = measure == null ? "perKm2" : measure;
        Optional<DivisionLevel> lvl = DivisionLevel.ofKey(String.valueOf(level));
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        if (lvl.isEmpty() || lvl.get() == DivisionLevel.CITY) {
            problems.add(problemMessages.field("level", "gep.choropleth.bad-level"));
        }
        if (!MEASURES.containsKey(m)) {
            problems.add(problemMessages.field("measure", "gep.choropleth.bad-measure"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "gep.choropleth.invalid", problems);
        }
        String prefix = prefix(actor, parent);
        int length = lvl.get().codeLength();
        if (length < prefix.length()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "gep.choropleth.invalid",
                    List.of(problemMessages.field("level", "gep.choropleth.bad-level")));
        }
        int year = accounts.year(prefix, askedYear);
        Map<String, List<DivisionTotal>> byCode = new TreeMap<>();
        for (DivisionTotal t : results.totalsBy(prefix, length, year)) {
            byCode.computeIfAbsent(t.code(), k -> new ArrayList<>()).add(t);
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        byCode.forEach((code, totals) -> {
            DivisionTotal now =
                    totals.stream().filter(t -> t.year() == year).findFirst().orElse(null);
            if (now != null) {
                BigDecimal v = value(m, code, now, totals, year);
                if (v != null) {
                    values.put(code, v);
                }
            }
        });
        Map<String, String> strings = new LinkedHashMap<>();
        values.forEach((k, v) -> strings.put(k, v.toPlainString()));
        return new Choropleth(
                year,
                m,
                MEASURES.get(m),
                breaks(values.values()).stream().map(BigDecimal::toPlainString).toList(),
                strings);
    }

    private BigDecimal value(String measure, String code, DivisionTotal now, List<DivisionTotal> totals, int year) {
        return switch (measure) {
            case "total" -> now.totalYuan().setScale(2, java.math.RoundingMode.HALF_UP);
            case "perKm2" -> accounts.perKm2Value(now.totalYuan(), code);
            case "regulatingPerKm2" -> accounts.perKm2Value(now.regulatingYuan(), code);
            default ->
                totals.stream()
                        .filter(t -> t.year() < year)
                        .max(Comparator.comparingInt(DivisionTotal::year))
                        .map(p -> GepAccounts.changePctValue(now.totalYuan(), p.totalYuan()))
                        .orElse(null);
        };
    }

    /** The code prefix whose divisions are shown: the parent, narrowed to the actor's scope. */
    private String prefix(Actor actor, String parent) {
        String scope = actor.scope().divisionCode();
        if (parent == null || parent.isBlank()) {
            return scope;
        }
        if (divisions.find(parent).isEmpty() || actor.isAnonymous()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "gep.division.not-found", parent);
        }
        if (parent.startsWith(scope)) {
            return parent;
        }
        if (scope.startsWith(parent)) {
            return scope;
        }
        throw new ApiException(HttpStatus.NOT_FOUND, "gep.division.not-found", parent);
    }

    /**
     * The upper bounds of 5 classes with (about) equal counts: the values at the 20th, 40th, 60th,
     * 80th and 100th percentile by nearest rank ({@code ⌈p·n⌉}-th smallest); empty without values.
     */
    static List<BigDecimal> breaks(java.util.Collection<BigDecimal> values) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        List<BigDecimal> out = new ArrayList<>();
        int n = sorted.size();
        if (n == 0) {
            return out;
        }
        for (int k = 1; k <= 5; k++) {
            int rank = (k * n + 4) / 5;
            out.add(sorted.get(Math.max(0, rank - 1)));
        }
        return out;
    }
}
