package liangshan.raster;

import java.util.OptionalDouble;

/**
 * A single-band raster that can be read a strip of rows at a time: an in-memory {@link Band} or
 * a file-backed GeoTIFF ({@link liangshan.raster.geotiff.GeoTiffBand}). Values are {@code float}
 * in the band's unit; no-data cells keep the declared no-data value (or NaN), callers test them
 * with {@link #isNoData(float)}.
 */
public interface BandSource {

    /** Name used in messages and reports, e.g. the file name or indicator input id. */
    String name();

    /** Unit of the values, e.g. "mm", "m", "class"; free text because GEP units are composite. */
    String unit();

    GridGeometry grid();

    CellType cellType();

    /**
     * The declared no-data value, empty when the source declares none (a GeoTIFF without the
     * GDAL_NODATA tag). Whether a missing declaration is acceptable is the caller's decision —
     * an indicator that requires one rejects the input.
     */
    OptionalDouble noData();

    /**
     * Copies rows {@code firstRow .. firstRow+rowCount-1} into {@code destination} row-major
     * (index {@code (row − firstRow) × width + column}).
     *
     * @throws IndexOutOfBoundsException if the rows are outside the grid or the array too short
     */
    void readRows(int firstRow, int rowCount, float[] destination);

    /**
     * True if {@code value} is no-data: NaN is always no-data; otherwise equal to the declared
     * no-data value.
     */
    default boolean isNoData(float value) {
        if (Float.isNaN(value)) {
            return true;
        }
        OptionalDouble nd = noData();
        return nd.isPresent() && value == (float) nd.getAsDouble();
    }
}
