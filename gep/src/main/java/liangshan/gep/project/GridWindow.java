package liangshan.gep.project;

import liangshan.raster.BandSource;
import liangshan.raster.GridGeometry;

/**
 * A rectangle of whole cells of a run's grid: rows {@code row0 .. row0+height−1}, columns {@code
 * col0 .. col0+width−1}, with its own {@link GridGeometry} (same CRS and cell size, origin at the
 * north-west corner of cell ({@code row0}, {@code col0})), so raster code can run on it unchanged.
 */
record GridWindow(GridGeometry full, int row0, int col0, int width, int height) {

    GridWindow {
        if (row0 < 0
                || col0 < 0
                || width <= 0
                || height <= 0
                || row0 + height > full.height()
                || col0 + width > full.width()) {
            throw new IllegalArgumentException("window outside the grid: rows " + row0 + "+" + height + ", cols " + col0
                    + "+" + width + " of " + full.width() + " × " + full.height());
        }
    }

    /** The window of rows {@code r0..r1} and columns {@code c0..c1} (inclusive) grown by {@code margin}, clipped. */
    static GridWindow around(GridGeometry full, int r0, int c0, int r1, int c1, int margin) {
        int a = Math.max(0, r0 - margin);
        int b = Math.max(0, c0 - margin);
        int e = Math.min(full.height() - 1, r1 + margin);
        int f = Math.min(full.width() - 1, c1 + margin);
        return new GridWindow(full, a, b, f - b + 1, e - a + 1);
    }

    GridGeometry grid() {
        return new GridGeometry(
                full.crs(),
                full.originX() + col0 * full.cellWidth(),
                full.originY() - row0 * full.cellHeight(),
                full.cellWidth(),
                full.cellHeight(),
                width,
                height);
    }

    int cellCount() {
        return width * height;
    }

    boolean isWholeGrid() {
        return width == full.width() && height == full.height();
    }

    /** True when window cell ({@code r}, {@code c}) lies on the window's border but not on the grid's. */
    boolean isCutEdge(int r, int c) {
        return (r == 0 && row0 > 0)
                || (c == 0 && col0 > 0)
                || (r == height - 1 && row0 + height < full.height())
                || (c == width - 1 && col0 + width < full.width());
    }

    /**
     * Reads the window of {@code band} (row-major, window width); a GeoTIFF is read block by block
     * ({@link liangshan.raster.geotiff.GeoTiffBand#readWindow}), decoding only the blocks the
     * window touches.
     */
    float[] readWindow(BandSource band) {
        if (band instanceof liangshan.raster.geotiff.GeoTiffBand g) {
            return g.readWindow(row0, col0, width, height);
        }
        return read(band);
    }

    /** Reads the window of {@code band} (row-major, window width) through {@link BandSource#readRows}. */
    float[] read(BandSource band) {
        float[] rows = new float[full.width() * height];
        band.readRows(row0, height, rows);
        if (col0 == 0 && width == full.width()) {
            return rows;
        }
        float[] out = new float[width * height];
        for (int r = 0; r < height; r++) {
            System.arraycopy(rows, r * full.width() + col0, out, r * width, width);
        }
        return out;
    }

    /** Index in this window of the cell at window row {@code r} and column {@code c}. */
    int index(int r, int c) {
        return r * width + c;
    }

    /** Index in {@code outer} of this window's cell {@code i}; both windows of the same grid. */
    int indexIn(GridWindow outer, int i) {
        int r = i / width + row0 - outer.row0;
        int c = i % width + col0 - outer.col0;
        return r * outer.width + c;
    }
}
