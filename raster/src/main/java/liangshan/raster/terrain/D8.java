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

    /** Direction code by {@code (drow + 1) * 3 + dcol + 1}; the centre entry is unused. */
    private static final byte[] BY_OFFSET = byOffset();

    private D8() {}

    private static byte[] byOffset() {
        byte[] out = new byte[9];
        for (byte d = 0; d < 8; d++) {
            out[(DROW[d] + 1) * 3 + DCOL[d] + 1] = d;
        }
        return out;
    }

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
        int dr = row2 - row;
        int dc = col2 - col;
        if (dr >= -1 && dr <= 1 && dc >= -1 && dc <= 1 && (dr != 0 || dc != 0)) {
            return BY_OFFSET[(dr + 1) * 3 + dc + 1];
        }
        throw new IllegalArgumentException(
                "(" + col2 + ", " + row2 + ") is not adjacent to (" + col + ", " + row + ")");
    }
}
