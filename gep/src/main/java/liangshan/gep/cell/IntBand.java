package liangshan.gep.cell;

import java.util.Objects;

/**
 * Values of one integer input (class codes, county codes) over the cells of a window, row-major.
 *
 * @param name input name from the spec
 * @param values one value per cell
 * @param noData declared no-data value
 */
public record IntBand(String name, int[] values, int noData) {

    public IntBand {
        Objects.requireNonNull(name);
        Objects.requireNonNull(values);
    }

    /** Whether cell {@code i} is no-data. */
    public boolean isNoData(int i) {
        return values[i] == noData;
    }
}
