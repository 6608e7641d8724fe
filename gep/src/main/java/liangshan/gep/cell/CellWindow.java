package liangshan.gep.cell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.InputSpec;

/**
 * The inputs of a set of cells that share one grid: a strip or tile of a run, or a small
 * footprint window for project-level Δ. The raster engine fills it; indicators only see
 * primitive arrays, the cell area and no-data values. All bands have one value per cell in the
 * same (row-major) order; the window does not need to know rows and columns because every
 * LS-2026.1 indicator of this module is cell-local (LS, the only neighbourhood quantity, arrives
 * precomputed as a band).
 */
public final class CellWindow {

    private final int cellCount;
    private final double cellAreaSquareMetres;
    private final Map<String, FloatBand> floats;
    private final Map<String, IntBand> ints;

    private CellWindow(Builder b) {
        this.cellCount = b.cellCount;
        this.cellAreaSquareMetres = b.cellAreaSquareMetres;
        this.floats = Map.copyOf(b.floats);
        this.ints = Map.copyOf(b.ints);
    }

    /**
     * Starts a window.
     *
     * @param cellCount number of cells
     * @param cellAreaSquareMetres area {@code a} of one cell = cell width × cell height (m²)
     */
    public static Builder builder(int cellCount, double cellAreaSquareMetres) {
        if (cellCount < 0) {
            throw new IllegalArgumentException("negative cell count");
        }
        if (!(cellAreaSquareMetres > 0) || Double.isInfinite(cellAreaSquareMetres)) {
            throw new IllegalArgumentException("cell area must be positive and finite, got " + cellAreaSquareMetres);
        }
        return new Builder(cellCount, cellAreaSquareMetres);
    }

    public int cellCount() {
        return cellCount;
    }

    public double cellAreaSquareMetres() {
        return cellAreaSquareMetres;
    }

    /** The float band named {@code name}. */
    public FloatBand floatBand(String name) {
        FloatBand b = floats.get(name);
        if (b == null) {
            throw new NoSuchElementException("window has no float band '" + name + "'");
        }
        return b;
    }

    /** The integer band named {@code name}. */
    public IntBand intBand(String name) {
        IntBand b = ints.get(name);
        if (b == null) {
            throw new NoSuchElementException("window has no integer band '" + name + "'");
        }
        return b;
    }

    /**
     * Every problem of this window for {@code spec}: a raster input the spec requires is missing,
     * or is given with the wrong sample type (class and county codes are integer bands, the
     * rest float bands). Empty when the window fits.
     */
    public List<InputProblem> problemsFor(IndicatorSpec spec) {
        List<InputProblem> problems = new ArrayList<>();
        for (InputSpec in : spec.inputs()) {
            if (in.kind() != InputSpec.Kind.RASTER) {
                continue;
            }
            boolean wantInt = in.type() == InputSpec.SampleType.INT32;
            boolean hasInt = ints.containsKey(in.name());
            boolean hasFloat = floats.containsKey(in.name());
            if (!hasInt && !hasFloat) {
                problems.add(new InputProblem(
                        "input.missing_band",
                        in.name(),
                        spec.nameZh() + "缺少输入栅格“" + in.nameZh() + "”（" + in.name() + "）",
                        spec.nameEn() + " needs input raster '" + in.name() + "' (" + in.nameEn() + ")"));
            } else if (wantInt != hasInt) {
                String type = wantInt ? "INT32" : "FLOAT32";
                problems.add(new InputProblem(
                        "input.wrong_sample_type",
                        in.name(),
                        "输入栅格“" + in.name() + "”的像元类型应为 " + type,
                        "input raster '" + in.name() + "' must have sample type " + type));
            }
        }
        return problems;
    }

    /** Builder; every band must have exactly {@code cellCount} values. */
    public static final class Builder {
        private final int cellCount;
        private final double cellAreaSquareMetres;
        private final Map<String, FloatBand> floats = new LinkedHashMap<>();
        private final Map<String, IntBand> ints = new LinkedHashMap<>();

        private Builder(int cellCount, double cellAreaSquareMetres) {
            this.cellCount = cellCount;
            this.cellAreaSquareMetres = cellAreaSquareMetres;
        }

        /** Adds a float band; {@code NaN} and {@code noData} mark no-data. */
        public Builder floats(String name, float[] values, float noData) {
            check(name, values.length);
            floats.put(name, new FloatBand(name, values, noData));
            return this;
        }

        /** Adds an integer band. */
        public Builder ints(String name, int[] values, int noData) {
            check(name, values.length);
            ints.put(name, new IntBand(name, values, noData));
            return this;
        }

        public CellWindow build() {
            return new CellWindow(this);
        }

        private void check(String name, int length) {
            if (length != cellCount) {
                throw new IllegalArgumentException(
                        "band '" + name + "' has " + length + " values, the window has " + cellCount + " cells");
            }
            if (floats.containsKey(name) || ints.containsKey(name)) {
                throw new IllegalArgumentException("band '" + name + "' given twice");
            }
        }
    }
}
