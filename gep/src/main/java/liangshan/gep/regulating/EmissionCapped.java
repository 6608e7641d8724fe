package liangshan.gep.regulating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import liangshan.gep.cell.CellResult;
import liangshan.gep.cell.CellWindow;
import liangshan.gep.cell.InputProblem;
import liangshan.gep.cell.IntBand;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.cell.ValuedIndicator;
import liangshan.gep.params.ClassTable;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.spec.ClassCategory;
import liangshan.gep.spec.GepInputs;
import liangshan.gep.spec.GepParameters;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.IndicatorSpecs;
import liangshan.gep.spec.Unit;
import liangshan.gep.valuation.Valuation;

/**
 * The capacity-and-cap rule shared by 水环境净化 (LS-2026.1 §R4) and 空气净化 (§R5): per cell,
 * capacity = per-class rate (t·hm⁻²·a⁻¹) × a / 10⁴ (hm²); per county and pollutant, the cells
 * are scaled by {@code min(1, emission / Σ capacity)} so a county never removes more than it
 * emits. Value = Σ t × treatment cost.
 *
 * <p>Two passes over the grid: (1) {@link #capacity} per window, summed per county with {@link
 * CountyCapacity#add}; (2) {@link #factors} once, then {@link #compute} per window. For a project
 * footprint, pass the factors of the accounting run (the county's cap is a county-wide fact).
 */
public final class EmissionCapped implements ValuedIndicator {

    /**
     * One pollutant of the indicator.
     *
     * @param id pollutant id used in the emissions table, e.g. {@code cod}
     * @param rateParameter per-class capacity parameter
     * @param output quantity output (t)
     * @param priceParameter treatment-cost price (元/t)
     */
    public record Pollutant(String id, String rateParameter, String output, String priceParameter) {}

    /**
     * One row of the county emissions table.
     *
     * @param countyCode county code as in the {@code county} band
     * @param pollutant pollutant id
     * @param tonnesPerYear emission, t·a⁻¹
     */
    public record CountyEmission(int countyCode, String pollutant, double tonnesPerYear) {}

    /** Scaling factors per county and pollutant, each in [0, 1]. */
    public record CapFactors(Map<Integer, Map<String, Double>> byCounty) {
        public CapFactors {
            Map<Integer, Map<String, Double>> copy = new TreeMap<>();
            byCounty.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
            byCounty = Map.copyOf(copy);
        }

        /** Factor of {@code pollutant} in {@code county}, or {@code null} when the county is unknown. */
        public Double factor(int county, String pollutant) {
            Map<String, Double> m = byCounty.get(county);
            return m == null ? null : m.get(pollutant);
        }
    }

    static final double SQUARE_METRES_PER_HECTARE = 1e4;

    private final IndicatorSpec spec;
    private final String valueOutput;
    private final List<Pollutant> pollutants;

    private EmissionCapped(IndicatorSpec spec, String valueOutput, List<Pollutant> pollutants) {
        this.spec = spec;
        this.valueOutput = valueOutput;
        this.pollutants = List.copyOf(pollutants);
    }

    /** §R4: COD, NH₃-N, TN, TP. */
    public static EmissionCapped waterPurification() {
        return new EmissionCapped(
                IndicatorSpecs.WATER_PURIFICATION,
                "water_purification_value",
                List.of(
                        new Pollutant("cod", GepParameters.REMOVAL_COD.name(), "cod_t", GepParameters.PRICE_COD.name()),
                        new Pollutant(
                                "nh3n", GepParameters.REMOVAL_NH3N.name(), "nh3n_t", GepParameters.PRICE_NH3N.name()),
                        new Pollutant("tn", GepParameters.REMOVAL_TN.name(), "tn_t", GepParameters.PRICE_TN.name()),
                        new Pollutant("tp", GepParameters.REMOVAL_TP.name(), "tp_t", GepParameters.PRICE_TP.name())));
    }

    /** §R5: SO₂, NOₓ, dust. */
    public static EmissionCapped airPurification() {
        return new EmissionCapped(
                IndicatorSpecs.AIR_PURIFICATION,
                "air_purification_value",
                List.of(
                        new Pollutant(
                                "so2", GepParameters.ABSORPTION_SO2.name(), "so2_t", GepParameters.PRICE_SO2.name()),
                        new Pollutant(
                                "nox", GepParameters.ABSORPTION_NOX.name(), "nox_t", GepParameters.PRICE_NOX.name()),
                        new Pollutant(
                                "dust",
                                GepParameters.ABSORPTION_DUST.name(),
                                "dust_t",
                                GepParameters.PRICE_DUST.name())));
    }

    @Override
    public IndicatorSpec spec() {
        return spec;
    }

    public List<Pollutant> pollutants() {
        return pollutants;
    }

    /** Names of the per-cell outputs (one per pollutant, t). */
    public List<String> cellOutputs() {
        return pollutants.stream().map(Pollutant::output).toList();
    }

    /** Pass 1: uncapped capacity per cell (t), in the pollutants' outputs. */
    public CellResult capacity(CellWindow w, ParameterSet params) {
        Kernels.check(spec, w);
        IntBand cover = w.intBand(GepInputs.LAND_COVER.name());
        IntBand county = w.intBand(GepInputs.COUNTY.name());
        ClassTable table = params.classTable();
        boolean[] counted = table.inCategories(ClassCategory.ALL);
        double hectares = w.cellAreaSquareMetres() / SQUARE_METRES_PER_HECTARE;
        CellResult r = new CellResult(spec, w.cellCount(), cellOutputs());
        double[][] rates = new double[pollutants.size()][];
        double[][] outs = new double[pollutants.size()][];
        for (int k = 0; k < pollutants.size(); k++) {
            rates[k] = table.perClass(pollutants.get(k).rateParameter());
            outs[k] = r.perCell(pollutants.get(k).output());
        }
        for (int i = 0; i < w.cellCount(); i++) {
            if (r.quality().noData(i, cover, county)) {
                continue;
            }
            int code = cover.values()[i];
            if (!Kernels.countable(r, table, counted, code)) {
                continue;
            }
            for (int k = 0; k < rates.length; k++) {
                outs[k][i] = rates[k][code] * hectares;
            }
        }
        return r;
    }

    /** Pass 2: capacity scaled by the county factors (t per cell). */
    public CellResult compute(CellWindow w, ParameterSet params, CapFactors factors) {
        CellResult r = capacity(w, params);
        IntBand county = w.intBand(GepInputs.COUNTY.name());
        List<InputProblem> problems = new ArrayList<>();
        for (Pollutant p : pollutants) {
            double[] out = r.perCell(p.output());
            int lastCounty = 0;
            Double f = null;
            for (int i = 0; i < out.length; i++) {
                if (out[i] == 0) {
                    continue;
                }
                int c = county.values()[i];
                if (f == null || c != lastCounty) {
                    f = factors.factor(c, p.id());
                    lastCounty = c;
                }
                if (f == null) {
                    problems.add(missingEmission(c, p.id()));
                    break;
                }
                out[i] *= f;
            }
        }
        InvalidInputException.throwIfAny(problems);
        return r;
    }

    /** Fresh per-county capacity sums. */
    public CountyCapacity newCountyCapacity() {
        return new CountyCapacity();
    }

    /**
     * Factors {@code min(1, emission / capacity)} per county and pollutant. A county with zero
     * capacity gets factor 1 (nothing to scale). Every county with capacity needs an emission for
     * every pollutant; all missing or negative rows are reported together.
     */
    public CapFactors factors(CountyCapacity sums, List<CountyEmission> emissions) {
        Map<Integer, Map<String, Double>> emitted = new HashMap<>();
        List<InputProblem> problems = new ArrayList<>();
        for (CountyEmission e : emissions) {
            if (!(e.tonnesPerYear() >= 0) || Double.isInfinite(e.tonnesPerYear())) {
                problems.add(new InputProblem(
                        "input.bad_emission",
                        GepInputs.COUNTY_EMISSIONS.name(),
                        "区县 " + e.countyCode() + " 的 " + e.pollutant() + " 排放量 " + e.tonnesPerYear() + " 无效",
                        "county " + e.countyCode() + " has invalid " + e.pollutant() + " emission "
                                + e.tonnesPerYear()));
            }
            emitted.computeIfAbsent(e.countyCode(), k -> new HashMap<>())
                    .merge(e.pollutant(), e.tonnesPerYear(), Double::sum);
        }
        Map<Integer, Map<String, Double>> out = new TreeMap<>();
        for (Map.Entry<Integer, double[]> c : sums.sums.entrySet()) {
            Map<String, Double> f = new LinkedHashMap<>();
            for (int k = 0; k < pollutants.size(); k++) {
                String id = pollutants.get(k).id();
                double capacity = c.getValue()[k];
                Double emission = emitted.getOrDefault(c.getKey(), Map.of()).get(id);
                if (emission == null) {
                    if (capacity > 0) {
                        problems.add(missingEmission(c.getKey(), id));
                    }
                    f.put(id, 1.0);
                } else {
                    f.put(id, capacity > 0 ? Math.min(1.0, emission / capacity) : 1.0);
                }
            }
            out.put(c.getKey(), f);
        }
        InvalidInputException.throwIfAny(problems);
        return new CapFactors(out);
    }

    static InputProblem missingEmission(int county, String pollutant) {
        return new InputProblem(
                "input.missing_emission",
                GepInputs.COUNTY_EMISSIONS.name(),
                "区县 " + county + " 缺少 " + pollutant + " 排放量，无法按排放量封顶",
                "county " + county + " has no " + pollutant + " emission; the cap cannot be applied");
    }

    @Override
    public Valuation value(Map<String, Double> quantities, ParameterSet params) {
        Valuation.Builder b = new Valuation.Builder(spec, params);
        for (Pollutant p : pollutants) {
            b.line(valueOutput, p.output(), Valuation.quantity(quantities, p.output()), Unit.TONNE, p.priceParameter());
        }
        return b.build();
    }

    /** Capacity sums (t) per county code, per pollutant in {@link #pollutants()} order. */
    public final class CountyCapacity {
        private final Map<Integer, double[]> sums = new TreeMap<>();

        private CountyCapacity() {}

        /** Adds the capacities of one window (from {@link EmissionCapped#capacity}). */
        public void add(CellWindow w, CellResult capacity) {
            IntBand county = w.intBand(GepInputs.COUNTY.name());
            for (int k = 0; k < pollutants.size(); k++) {
                double[] values = capacity.perCell(pollutants.get(k).output());
                // Neighbouring cells mostly share a county: look its sums up only when it changes.
                int last = county.noData();
                double[] target = null;
                for (int i = 0; i < values.length; i++) {
                    if (county.isNoData(i)) {
                        continue;
                    }
                    int c = county.values()[i];
                    if (target == null || c != last) {
                        target = sums.computeIfAbsent(c, x -> new double[pollutants.size()]);
                        last = c;
                    }
                    target[k] += values[i];
                }
            }
        }

        /** The sums of {@code county}, one per pollutant, created at 0 (for the fused pass). */
        double[] target(int county) {
            return sums.computeIfAbsent(county, x -> new double[pollutants.size()]);
        }

        /** Sum for one county and pollutant index, t. */
        public double sum(int county, int pollutantIndex) {
            double[] s = sums.get(county);
            return s == null ? 0 : s[pollutantIndex];
        }
    }
}
