package liangshan.raster;

import java.util.Objects;

/**
 * Where the cells of a raster lie: CRS, a north-up affine transform and the shape.
 *
 * <p><b>Axis order and pixel rule.</b> Cells are addressed (column, row) with column 0 at the west
 * and row 0 at the north; arrays are row-major, index {@code row × width + column}. The cell
 * (c, r) is the area {@code [originX + c·cellWidth, originX + (c+1)·cellWidth) ×
 * (originY − (r+1)·cellHeight, originY − r·cellHeight]}: {@code (originX, originY)} is the
 * outer north-west corner of the grid (GDAL's "pixel is area" convention), and its centre is
 * {@link #centreX(int)}, {@link #centreY(int)}. Coordinates are (x = easting, y = northing) in
 * CRS units (metres for a projected CRS). GDAL's geotransform of this grid is {@code (originX,
 * cellWidth, 0, originY, 0, −cellHeight)}; rotated or sheared transforms are refused.
 *
 * <p><b>Alignment.</b> Two grids are aligned when they have the same CRS and shape and their
 * origins and cell sizes agree to within 10⁻⁶ of a cell — a tolerance for decimal round trips
 * through file formats, not for resampling: a grid shifted by a millimetre on a 10 m grid is
 * still refused.
 *
 * @param crs "EPSG:&lt;code&gt;"
 * @param originX x of the north-west corner of cell (0, 0)
 * @param originY y of the north-west corner of cell (0, 0)
 * @param cellWidth cell size along x, &gt; 0
 * @param cellHeight cell size along y, &gt; 0 (y decreases with the row)
 * @param width number of columns, &gt; 0
 * @param height number of rows, &gt; 0
 */
public record GridGeometry(
        String crs, double originX, double originY, double cellWidth, double cellHeight, int width, int height) {

    /** Relative tolerance (in cells) for {@link #isAlignedWith(GridGeometry)}. */
    public static final double ALIGNMENT_TOLERANCE_CELLS = 1e-6;

    public GridGeometry {
        Crs.epsgCode(Objects.requireNonNull(crs, "crs"));
        if (!(cellWidth > 0) || !(cellHeight > 0) || !Double.isFinite(cellWidth) || !Double.isFinite(cellHeight)) {
            throw new IllegalArgumentException(
                    "cell size must be positive and finite, was " + cellWidth + " × " + cellHeight);
        }
        if (!Double.isFinite(originX) || !Double.isFinite(originY)) {
            throw new IllegalArgumentException("origin must be finite, was " + originX + ", " + originY);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("grid shape must be positive, was " + width + " × " + height);
        }
    }

    /**
     * From a GDAL geotransform {@code (x0, dx, rx, y0, ry, dy)}.
     *
     * @throws RasterException ({@link RasterException.Reason#ROTATED_GRID}) if {@code rx} or
     *     {@code ry} is not zero or {@code dy} is not negative
     */
    public static GridGeometry fromGeoTransform(String input, String crs, double[] gt, int width, int height) {
        if (gt.length != 6) {
            throw new IllegalArgumentException("a geotransform has 6 numbers, got " + gt.length);
        }
        if (gt[2] != 0 || gt[4] != 0 || !(gt[5] < 0) || !(gt[1] > 0)) {
            throw new RasterException(
                    RasterException.Reason.ROTATED_GRID,
                    input,
                    "grid is not north-up (geotransform " + java.util.Arrays.toString(gt)
                            + "); rotated, sheared or south-up grids are not supported");
        }
        return new GridGeometry(crs, gt[0], gt[3], gt[1], -gt[5], width, height);
    }

    /** GDAL's geotransform {@code (originX, cellWidth, 0, originY, 0, −cellHeight)}. */
    public double[] toGeoTransform() {
        return new double[] {originX, cellWidth, 0, originY, 0, -cellHeight};
    }

    /** Number of cells, width × height (may exceed an int for huge grids). */
    public long cellCount() {
        return (long) width * height;
    }

    /**
     * Cell area in m² (cellWidth × cellHeight).
     *
     * @throws IllegalStateException for a geographic CRS, whose cells are not metres
     */
    public double cellAreaSquareMetres() {
        if (Crs.isGeographic(crs)) {
            throw new IllegalStateException("cell area in m² is undefined for geographic " + crs);
        }
        return cellWidth * cellHeight;
    }

    /** x of the centre of column {@code column}. */
    public double centreX(int column) {
        return originX + (column + 0.5) * cellWidth;
    }

    /** y of the centre of row {@code row} (rows run north to south). */
    public double centreY(int row) {
        return originY - (row + 0.5) * cellHeight;
    }

    /** x of the east edge of the grid. */
    public double maxX() {
        return originX + width * cellWidth;
    }

    /** y of the south edge of the grid. */
    public double minY() {
        return originY - height * cellHeight;
    }

    /** Row-major index of (column, row). */
    public int index(int column, int row) {
        return row * width + column;
    }

    /** Same CRS, shape, origin and cell size (see class comment for the tolerance). */
    public boolean isAlignedWith(GridGeometry other) {
        return crs.equals(other.crs) && width == other.width && height == other.height && sameGeometry(other);
    }

    private boolean sameGeometry(GridGeometry other) {
        double tolX = ALIGNMENT_TOLERANCE_CELLS * cellWidth;
        double tolY = ALIGNMENT_TOLERANCE_CELLS * cellHeight;
        return Math.abs(cellWidth - other.cellWidth) <= tolX
                && Math.abs(cellHeight - other.cellHeight) <= tolY
                && Math.abs(originX - other.originX) <= tolX
                && Math.abs(originY - other.originY) <= tolY;
    }

    /**
     * Throws unless {@code other} (named {@code otherName}) is aligned with this grid (named
     * {@code thisName}); the message names both and says what differs.
     */
    public void requireAlignedWith(GridGeometry other, String thisName, String otherName) {
        if (!crs.equals(other.crs)) {
            throw new RasterException(
                    RasterException.Reason.CRS_MISMATCH,
                    otherName,
                    "CRS " + other.crs + " differs from " + crs + " of " + thisName + "; reproject it first");
        }
        if (!isAlignedWith(other)) {
            throw new RasterException(
                    RasterException.Reason.MISALIGNED,
                    otherName,
                    "grid " + other.describe() + " is not aligned with " + thisName + " " + describe()
                            + "; resample it explicitly first");
        }
    }

    /** "1000×800 cells of 10.0×10.0 at (500000.0, 3200000.0) EPSG:4549". */
    public String describe() {
        return width + "×" + height + " cells of " + cellWidth + "×" + cellHeight + " at (" + originX + ", " + originY
                + ") " + crs;
    }
}
