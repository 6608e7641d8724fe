package liangshan.raster;

/**
 * Storage type of a band's cells on disk. In memory every band is {@code float}: UInt8 and Int16
 * values are exactly representable in a float, so nothing is lost when reading them.
 */
public enum CellType {
    /** Unsigned 8-bit integer, 0..255 (land-cover classes). */
    UINT8(8, 1, 0, 255),
    /** Signed 16-bit integer, −32768..32767 (DEM in metres, class codes). */
    INT16(16, 2, Short.MIN_VALUE, Short.MAX_VALUE),
    /** IEEE 754 single precision (continuous variables). */
    FLOAT32(32, 3, -Float.MAX_VALUE, Float.MAX_VALUE);

    private final int bits;
    private final int tiffSampleFormat;
    private final double min;
    private final double max;

    CellType(int bits, int tiffSampleFormat, double min, double max) {
        this.bits = bits;
        this.tiffSampleFormat = tiffSampleFormat;
        this.min = min;
        this.max = max;
    }

    public int bits() {
        return bits;
    }

    public int bytes() {
        return bits / 8;
    }

    /** TIFF SampleFormat: 1 unsigned integer, 2 signed integer, 3 IEEE float. */
    public int tiffSampleFormat() {
        return tiffSampleFormat;
    }

    /** True if {@code value} can be stored in this type without change (NaN only in FLOAT32). */
    public boolean canHold(double value) {
        if (this == FLOAT32) {
            return Double.isNaN(value) || Double.isInfinite(value) || (value >= min && value <= max);
        }
        return value >= min && value <= max && value == Math.rint(value);
    }
}
