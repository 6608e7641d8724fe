package liangshan.raster;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A single-band raster held in memory as a row-major {@code float[]} (index {@code row × width +
 * column}, row 0 at the north). Memory: 4 bytes per cell, e.g. 352 MB for a 9,400 × 9,400 city
 * grid at 10 m; for such grids prefer a file-backed {@link liangshan.raster.geotiff.GeoTiffBand}
 * in a {@link PixelLoop}. The array is not copied on construction or by {@link #values()}, so a
 * band is cheap to wrap around computed results; treat it as read-only once shared.
 */
public final class Band implements BandSource {

    private final String name;
    private final String unit;
    private final GridGeometry grid;
    private final CellType cellType;
    private final OptionalDouble noData;
    private final float[] values;

    /**
     * @throws IllegalArgumentException if the array length differs from the grid's cell count,
     *     or the no-data value cannot be stored in {@code cellType}
     */
    public Band(String name, String unit, GridGeometry grid, CellType cellType, OptionalDouble noData, float[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.grid = Objects.requireNonNull(grid, "grid");
        this.cellType = Objects.requireNonNull(cellType, "cellType");
        this.noData = Objects.requireNonNull(noData, "noData");
        this.values = Objects.requireNonNull(values, "values");
        if (values.length != grid.cellCount()) {
            throw new IllegalArgumentException(
                    name + ": " + values.length + " values for a grid of " + grid.cellCount() + " cells");
        }
        if (noData.isPresent() && !cellType.canHold(noData.getAsDouble())) {
            throw new IllegalArgumentException(
                    name + ": no-data " + noData.getAsDouble() + " does not fit " + cellType);
        }
    }

    /** A Float32 band with the given no-data value (NaN is allowed). */
    public static Band ofFloat(String name, String unit, GridGeometry grid, double noData, float[] values) {
        return new Band(name, unit, grid, CellType.FLOAT32, OptionalDouble.of(noData), values);
    }

    /** A band of {@code grid} filled with {@code value}. */
    public static Band filled(
            String name, String unit, GridGeometry grid, CellType type, OptionalDouble noData, float value) {
        float[] v = new float[Math.toIntExact(grid.cellCount())];
        Arrays.fill(v, value);
        return new Band(name, unit, grid, type, noData, v);
    }

    /** Reads every row of {@code source} into memory. */
    public static Band copyOf(BandSource source) {
        float[] v = new float[Math.toIntExact(source.grid().cellCount())];
        source.readRows(0, source.grid().height(), v);
        return new Band(source.name(), source.unit(), source.grid(), source.cellType(), source.noData(), v);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unit() {
        return unit;
    }

    @Override
    public GridGeometry grid() {
        return grid;
    }

    @Override
    public CellType cellType() {
        return cellType;
    }

    @Override
    public OptionalDouble noData() {
        return noData;
    }

    /** The backing array (not a copy). */
    public float[] values() {
        return values;
    }

    public float get(int column, int row) {
        return values[row * grid.width() + column];
    }

    @Override
    public void readRows(int firstRow, int rowCount, float[] destination) {
        Objects.checkFromIndexSize(firstRow, rowCount, grid.height());
        int w = grid.width();
        System.arraycopy(values, firstRow * w, destination, 0, rowCount * w);
    }

    /** The same values under another name and unit (no copy). */
    public Band renamed(String newName, String newUnit) {
        return new Band(newName, newUnit, grid, cellType, noData, values);
    }

    @Override
    public String toString() {
        return "Band[" + name + " (" + unit + ", " + cellType + ", no-data " + noData + ") " + grid.describe() + "]";
    }
}
