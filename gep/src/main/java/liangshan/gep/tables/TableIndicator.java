package liangshan.gep.tables;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import liangshan.gep.cell.InputProblem;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.ServiceClass;
import liangshan.gep.tables.StatisticRow.Level;
import liangshan.gep.tables.ZoneLine.Basis;

/**
 * A provisioning or cultural indicator computed from statistics tables (LS-2026.1 §P and §C).
 *
 * <p>Village rows are taken as they are. A county row is allocated to the county's villages that
 * have no row of their own for the same item: the amount allocated is the county figure minus
 * the villages' own figures for that item, split in fen by largest remainder with weights =
 * the village's area (hm²) of the producing classes ({@code allocates_<indicator>} in the class
 * table), or, for recreation, the village's visitor counts when every receiving village has one
 * (METHOD-CHOICES C9, C10). Allocated lines are marked as such.
 */
public final class TableIndicator {

    private static final int QUANTITY_SCALE = 6;

    private final IndicatorSpec spec;

    public TableIndicator(IndicatorSpec spec) {
        if (spec.serviceClass() == ServiceClass.REGULATING) {
            throw new IllegalArgumentException(spec.id() + " is not a table indicator");
        }
        this.spec = spec;
    }

    public IndicatorSpec spec() {
        return spec;
    }

    /**
     * Village lines of this indicator.
     *
     * @param rows statistics rows; rows of other indicators are ignored
     * @param countyOfVillage county code of every village code of the area
     * @param classAreasHectares area (hm²) per class code per village
     * @param visitorCounts person-trips per village where known (recreation), may be empty
     * @param params parameter set (producing-class flags)
     * @throws InvalidInputException listing every problem with the rows
     */
    public List<ZoneLine> compute(
            List<StatisticRow> rows,
            Map<String, String> countyOfVillage,
            Map<String, Map<Integer, Double>> classAreasHectares,
            Map<String, Double> visitorCounts,
            ParameterSet params) {
        List<StatisticRow> mine =
                rows.stream().filter(r -> r.indicatorId().equals(spec.id())).toList();
        List<InputProblem> problems = new ArrayList<>();
        Set<String> counties = Set.copyOf(countyOfVillage.values());
        Map<StatisticRow, BigDecimal> values = new LinkedHashMap<>();
        for (StatisticRow r : mine) {
            BigDecimal v = validate(r, countyOfVillage, counties, problems);
            if (v != null) {
                values.put(r, v);
            }
        }
        InvalidInputException.throwIfAny(problems);
        List<ZoneLine> lines = new ArrayList<>();
        values.forEach((r, v) -> {
            if (r.level() == Level.VILLAGE) {
                lines.add(new ZoneLine(
                        r.zoneId(), spec.id(), r.item(), r.quantity(), r.unit(), v, Basis.VILLAGE_STATISTICS));
            }
        });
        Allocation allocation = new Allocation(
                spec, countyOfVillage, weightsByClassArea(classAreasHectares, params), visitorCounts, problems);
        allocation.allocate(values, lines);
        InvalidInputException.throwIfAny(problems);
        lines.sort(Comparator.comparing(ZoneLine::zoneId).thenComparing(ZoneLine::item));
        return lines;
    }

    /** Total value per village in 元. */
    public static Map<String, BigDecimal> totalsByZone(List<ZoneLine> lines) {
        return lines.stream()
                .collect(Collectors.groupingBy(
                        ZoneLine::zoneId,
                        TreeMap::new,
                        Collectors.reducing(BigDecimal.ZERO.setScale(2), ZoneLine::valueYuan, BigDecimal::add)));
    }

    private Map<String, Double> weightsByClassArea(Map<String, Map<Integer, Double>> areas, ParameterSet params) {
        boolean[] producing = params.classTable().flags("allocates_" + spec.id());
        Map<String, Double> out = new TreeMap<>();
        areas.forEach((village, byClass) -> {
            double sum = 0;
            for (Map.Entry<Integer, Double> e : byClass.entrySet()) {
                int code = e.getKey();
                if (code >= 0 && code < producing.length && producing[code]) {
                    sum += e.getValue();
                }
            }
            out.put(village, sum);
        });
        return out;
    }

    /** Value of the row in 元 (scale 2), or null after recording its problems. */
    private BigDecimal validate(
            StatisticRow r, Map<String, String> countyOfVillage, Set<String> counties, List<InputProblem> problems) {
        String where = r.zoneId() + " / " + r.item();
        boolean known =
                r.level() == Level.VILLAGE ? countyOfVillage.containsKey(r.zoneId()) : counties.contains(r.zoneId());
        if (!known) {
            problems.add(problem(
                    "input.unknown_zone",
                    "统计行 " + where + " 的区划代码不在本次核算范围内",
                    "row " + where + ": the division code is not in the accounting area"));
            return null;
        }
        boolean priced = r.quantity() != null && r.unitPriceYuan() != null;
        boolean valued = r.outputValueYuan() != null;
        if (priced == valued || (r.unitPriceYuan() != null && r.quantity() == null)) {
            problems.add(problem(
                    "input.row_value_basis",
                    "统计行 " + where + " 须给出“产量 + 单价”或“产值”之一",
                    "row " + where
                            + " must give either quantity and unit price or an output value, not both or neither"));
            return null;
        }
        BigDecimal value = priced ? r.quantity().multiply(r.unitPriceYuan()) : r.outputValueYuan();
        if (value.signum() < 0 || (r.quantity() != null && r.quantity().signum() < 0)) {
            problems.add(problem(
                    "input.negative_statistic", "统计行 " + where + " 含负数", "row " + where + " has a negative number"));
            return null;
        }
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }

    InputProblem problem(String code, String zh, String en) {
        String input = spec.inputs().get(0).name();
        return new InputProblem(code, input, zh, en);
    }

    /** The allocation of county rows (kept apart to keep each method short). */
    private static final class Allocation {
        private final IndicatorSpec spec;
        private final Map<String, String> countyOfVillage;
        private final Map<String, Double> areaWeights;
        private final Map<String, Double> visitorCounts;
        private final List<InputProblem> problems;

        Allocation(
                IndicatorSpec spec,
                Map<String, String> countyOfVillage,
                Map<String, Double> areaWeights,
                Map<String, Double> visitorCounts,
                List<InputProblem> problems) {
            this.spec = spec;
            this.countyOfVillage = countyOfVillage;
            this.areaWeights = areaWeights;
            this.visitorCounts = visitorCounts;
            this.problems = problems;
        }

        void allocate(Map<StatisticRow, BigDecimal> values, List<ZoneLine> lines) {
            Map<String, List<StatisticRow>> countyRows = new TreeMap<>();
            values.keySet().stream().filter(r -> r.level() == Level.COUNTY).forEach(r -> countyRows
                    .computeIfAbsent(r.zoneId() + "\u0000" + r.item(), k -> new ArrayList<>())
                    .add(r));
            for (List<StatisticRow> group : countyRows.values()) {
                allocateGroup(group, values, lines);
            }
        }

        private void allocateGroup(
                List<StatisticRow> group, Map<StatisticRow, BigDecimal> values, List<ZoneLine> lines) {
            String county = group.get(0).zoneId();
            String item = group.get(0).item();
            BigDecimal countyValue = group.stream().map(values::get).reduce(BigDecimal.ZERO, BigDecimal::add);
            String unit = group.get(0).unit();
            boolean quantified = group.stream().allMatch(r -> r.quantity() != null && Objects.equals(r.unit(), unit));
            BigDecimal countyQuantity = quantified
                    ? group.stream().map(StatisticRow::quantity).reduce(BigDecimal.ZERO, BigDecimal::add)
                    : null;
            List<String> receivers = new ArrayList<>();
            BigDecimal reported = BigDecimal.ZERO;
            BigDecimal reportedQuantity = BigDecimal.ZERO;
            for (Map.Entry<String, String> v : new TreeMap<>(countyOfVillage).entrySet()) {
                if (!v.getValue().equals(county)) {
                    continue;
                }
                List<ZoneLine> own = lines.stream()
                        .filter(l -> l.zoneId().equals(v.getKey()) && l.item().equals(item))
                        .toList();
                if (own.isEmpty()) {
                    receivers.add(v.getKey());
                }
                for (ZoneLine l : own) {
                    reported = reported.add(l.valueYuan());
                    if (quantified && l.quantity() != null && Objects.equals(l.unit(), unit)) {
                        reportedQuantity = reportedQuantity.add(l.quantity());
                    }
                }
            }
            BigDecimal remainder = countyValue.subtract(reported);
            String where = county + " / " + item;
            if (remainder.signum() < 0) {
                problems.add(problem(
                        "input.villages_exceed_county",
                        "区县 " + where + " 的各村合计大于区县统计",
                        "county " + where + ": the villages' own figures exceed the county figure"));
                return;
            }
            if (remainder.signum() == 0) {
                return;
            }
            Weights weights = weights(receivers);
            if (weights == null) {
                problems.add(problem(
                        "input.nothing_to_allocate_to",
                        "区县 " + where + " 的统计无法分摊：没有可分摊的村或生产地类面积为 0",
                        "county " + where + " cannot be allocated: no receiving village or zero producing-class area"));
                return;
            }
            emit(
                    lines,
                    item,
                    unit,
                    remainder,
                    quantified ? countyQuantity.subtract(reportedQuantity) : null,
                    weights.byVillage(),
                    weights.basis());
        }

        private void emit(
                List<ZoneLine> lines,
                String item,
                String unit,
                BigDecimal value,
                BigDecimal quantity,
                Map<String, Double> weights,
                Basis basis) {
            long fen = value.movePointRight(2).longValueExact();
            Map<String, Long> parts = LargestRemainder.split(fen, weights);
            double total =
                    weights.values().stream().mapToDouble(Double::doubleValue).sum();
            parts.forEach((village, partFen) -> {
                BigDecimal q = quantity == null
                        ? null
                        : quantity.multiply(BigDecimal.valueOf(weights.get(village) / total), MathContext.DECIMAL64)
                                .setScale(QUANTITY_SCALE, RoundingMode.HALF_EVEN);
                lines.add(new ZoneLine(
                        village,
                        spec.id(),
                        item,
                        q,
                        quantity == null ? null : unit,
                        BigDecimal.valueOf(partFen, 2),
                        basis));
            });
        }

        /** Allocation weights and the basis they represent. */
        private record Weights(Map<String, Double> byVillage, Basis basis) {}

        /** Visitor counts when every receiver has one (recreation), else producing-class areas. */
        private Weights weights(List<String> receivers) {
            if (receivers.isEmpty()) {
                return null;
            }
            boolean byVisitors =
                    spec.id().equals("recreation") && receivers.stream().allMatch(visitorCounts::containsKey);
            Map<String, Double> w = new TreeMap<>();
            for (String v : receivers) {
                w.put(v, byVisitors ? visitorCounts.get(v) : areaWeights.getOrDefault(v, 0.0));
            }
            if (w.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                return null;
            }
            return new Weights(w, byVisitors ? Basis.ALLOCATED_BY_VISITORS : Basis.ALLOCATED_BY_CLASS_AREA);
        }

        private InputProblem problem(String code, String zh, String en) {
            return new InputProblem(code, spec.inputs().get(0).name(), zh, en);
        }
    }
}
