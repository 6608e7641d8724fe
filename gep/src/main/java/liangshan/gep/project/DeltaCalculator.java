package liangshan.gep.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import liangshan.gep.cell.CellKernel;
import liangshan.gep.cell.CellResult;
import liangshan.gep.cell.CellWindow;
import liangshan.gep.cell.ValuedIndicator;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.project.ProjectImpactResult.IndicatorDelta;
import liangshan.gep.regulating.EmissionCapped;
import liangshan.gep.regulating.EmissionCapped.CapFactors;
import liangshan.gep.regulating.RegulatingIndicators;
import liangshan.gep.spec.GepInputs;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.OutputSpec;
import liangshan.gep.valuation.Valuation;

/**
 * Runs the regulating kernels of a run over chosen cells of the window, once with the land cover
 * before and once after the change, and values the summed quantities exactly as a run values a
 * zone (each valuation line rounded to the fen, METHOD-CHOICES C12).
 */
final class DeltaCalculator {

    static final int QUANTITY_SCALE = 3;

    private final ParameterSet params;
    private final double cellAreaSquareMetres;
    private final WindowInputs in;
    private final int[] county;
    private final Map<String, CapFactors> factors;

    DeltaCalculator(
            ParameterSet params,
            double cellAreaSquareMetres,
            WindowInputs in,
            int[] county,
            Map<String, CapFactors> factors) {
        this.params = params;
        this.cellAreaSquareMetres = cellAreaSquareMetres;
        this.in = in;
        this.county = county;
        this.factors = factors;
    }

    /** Before, after and Δ of the eight regulating indicators over the window cells {@code idx}. */
    List<IndicatorDelta> deltas(int[] idx, int[] before, int[] after) {
        CellWindow wb = window(idx, before);
        CellWindow wa = window(idx, after);
        List<IndicatorDelta> out = new ArrayList<>();
        for (ValuedIndicator ind : RegulatingIndicators.all()) {
            Map<String, Double> qb = quantities(ind, wb);
            Map<String, Double> qa = quantities(ind, wa);
            BigDecimal vb = value(ind, qb);
            BigDecimal va = value(ind, qa);
            IndicatorSpec spec = ind.spec();
            String unit = commonUnit(spec);
            BigDecimal sb = unit == null ? null : sum(spec, qb);
            BigDecimal sa = unit == null ? null : sum(spec, qa);
            out.add(new IndicatorDelta(
                    spec.id(),
                    spec.nameZh(),
                    spec.nameEn(),
                    unit,
                    sb,
                    sa,
                    unit == null ? null : sa.subtract(sb),
                    vb,
                    va,
                    va.subtract(vb)));
        }
        return out;
    }

    /** Δ soil retention (t, 3 decimals) over the window cells {@code idx}. */
    BigDecimal soilRetentionDelta(int[] idx, int[] before, int[] after) {
        CellKernel k = RegulatingIndicators.SOIL_RETENTION;
        BigDecimal b = sum(k.spec(), quantities(k, window(idx, before)));
        BigDecimal a = sum(k.spec(), quantities(k, window(idx, after)));
        return a.subtract(b);
    }

    private Map<String, Double> quantities(ValuedIndicator ind, CellWindow w) {
        CellResult r;
        if (ind instanceof EmissionCapped c) {
            r = c.compute(w, params, factors.get(c.spec().id()));
        } else {
            r = ((CellKernel) ind).compute(w, params);
        }
        return r.totals();
    }

    private BigDecimal value(ValuedIndicator ind, Map<String, Double> q) {
        Valuation v = ind.value(q, params);
        return v.totalYuan().setScale(Valuation.YUAN_SCALE, RoundingMode.HALF_EVEN);
    }

    private static String commonUnit(IndicatorSpec spec) {
        Set<String> units = spec.outputs(OutputSpec.Kind.QUANTITY).stream()
                .map(o -> o.unit().symbol())
                .collect(Collectors.toSet());
        return units.size() == 1 ? units.iterator().next() : null;
    }

    private static BigDecimal sum(IndicatorSpec spec, Map<String, Double> q) {
        double s = 0;
        for (OutputSpec o : spec.outputs(OutputSpec.Kind.QUANTITY)) {
            s += q.getOrDefault(o.name(), 0.0);
        }
        return BigDecimal.valueOf(s).setScale(QUANTITY_SCALE, RoundingMode.HALF_EVEN);
    }

    private CellWindow window(int[] idx, int[] cover) {
        int n = idx.length;
        int[] c = new int[n];
        int[] k = new int[n];
        for (int j = 0; j < n; j++) {
            c[j] = cover[idx[j]];
            k[j] = county[idx[j]];
        }
        CellWindow.Builder b = CellWindow.builder(n, cellAreaSquareMetres)
                .ints(GepInputs.LAND_COVER.name(), c, -1)
                .ints(GepInputs.COUNTY.name(), k, -1);
        Map<String, float[]> subsets = new LinkedHashMap<>();
        in.floats().forEach((name, values) -> {
            float[] s = new float[n];
            for (int j = 0; j < n; j++) {
                s[j] = values[idx[j]];
            }
            subsets.put(name, s);
        });
        subsets.forEach((name, s) -> b.floats(name, s, in.noData().get(name)));
        return b.build();
    }
}
