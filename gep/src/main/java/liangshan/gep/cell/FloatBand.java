package liangshan.gep.cell;

import java.util.Objects;

/**
 * Values of one floating-point input over the cells of a window, row-major, with its no-data
 * value. {@code NaN} is always no-data, whatever the declared value.
 *
 * @param name input name from the spec
 * @param values one value per cell
 * @param noData declared no-data value (use {@code Float.NaN} when the band has none)
 */
public record FloatBand(String name, float[] values, float noData) {

    public FloatBand {
        Objects.requireNonNull(name);
        Objects.requireNonNull(values);
    }

    /** Whether cell {@code i} is no-data. */
    public boolean isNoData(int i) {
        float v = values[i];
        return Float.isNaN(v) || v == noData;
    }
}
