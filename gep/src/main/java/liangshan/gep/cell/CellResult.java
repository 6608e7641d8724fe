package liangshan.gep.cell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import liangshan.gep.spec.IndicatorSpec;

/**
 * Per-cell physical quantities of one indicator over one window, with their window totals and
 * the window's quality counts. The raster engine sums {@link #perCell(String)} by zone (centre-in
 * rule) and merges {@link #quality()} across windows; values in 元 are derived from summed
 * quantities by the indicator's valuation, which is linear in every quantity.
 */
public final class CellResult {

    private final IndicatorSpec spec;
    private final int cellCount;
    private final Map<String, double[]> perCell = new LinkedHashMap<>();
    private final QualityReport quality = new QualityReport();

    /**
     * @param spec the indicator
     * @param cellCount cells in the window
     * @param outputs names of the per-cell quantity outputs (a subset of the spec's quantities)
     */
    public CellResult(IndicatorSpec spec, int cellCount, List<String> outputs) {
        this.spec = spec;
        this.cellCount = cellCount;
        for (String o : outputs) {
            if (spec.outputs().stream().noneMatch(s -> s.name().equals(o))) {
                throw new IllegalArgumentException(spec.id() + " declares no output " + o);
            }
            perCell.put(o, new double[cellCount]);
        }
        quality.seen(cellCount);
    }

    public IndicatorSpec spec() {
        return spec;
    }

    public int cellCount() {
        return cellCount;
    }

    /** The per-cell values of quantity output {@code name}, in the output's unit; writable. */
    public double[] perCell(String name) {
        double[] values = perCell.get(name);
        if (values == null) {
            throw new NoSuchElementException(spec.id() + " has no per-cell output " + name);
        }
        return values;
    }

    /** Names of the per-cell outputs, in spec order. */
    public List<String> outputs() {
        return List.copyOf(perCell.keySet());
    }

    /** Sum over the window of output {@code name}. */
    public double total(String name) {
        double sum = 0;
        for (double v : perCell(name)) {
            sum += v;
        }
        return sum;
    }

    /** Window totals of every per-cell output. */
    public Map<String, Double> totals() {
        Map<String, Double> out = new LinkedHashMap<>();
        perCell.keySet().forEach(k -> out.put(k, total(k)));
        return out;
    }

    public QualityReport quality() {
        return quality;
    }
}
