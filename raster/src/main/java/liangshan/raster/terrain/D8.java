package liangshan.raster.terrain;

/**
 * The eight D8 directions in the pinned tie-break order E, SE, S, SW, W, NW, N, NE
 * (gep-method.md, soil retention). Direction codes 0..7 index these arrays; rows grow to the
 * south and columns to the east.
 */
public final class D8 {

    /** Code of a cell that drains out of the grid (an edge cell). */
    public static final byte OUT = -1;

    /** Code of a no-data cell (no flow). */
    public static final byte NO_DATA = -2;

    /** Names of the direction codes. */
    public static final String[] NAMES = {"E", "SE", "S", "SW", "W", "NW", "N", "NE"};

    /** Row offset of each direction. */
    public static final int[] DROW = {0, 1, 1, 1, 0, -1, -1, -1};

    /** Column offset of each direction. */
    public static final int[] DCOL = {1, 1, 0, -1, -1, -1, 0, 1};

    private D8() {}

    /** Distance to the neighbour in direction {@code d} in CRS units: cell width, height or diagonal. */
    static double[] distances(double cellWidth, double cellHeight) {
        double diagonal = Math.hypot(cellWidth, cellHeight);
        double[] out = new double[8];
        for (int d = 0; d < 8; d++) {
            out[d] = DROW[d] == 0 ? cellWidth : DCOL[d] == 0 ? cellHeight : diagonal;
        }
        return out;
    }

    /** The code of the direction from (row, col) to the adjacent (row2, col2). */
    static byte between(int row, int col, int row2, int col2) {
        for (byte d = 0; d < 8; d++) {
            if (row + DROW[d] == row2 && col + DCOL[d] == col2) {
                return d;
            }
        }
        throw new IllegalArgumentException(
                "(" + col2 + ", " + row2 + ") is not adjacent to (" + col + ", " + row + ")");
    }
}
