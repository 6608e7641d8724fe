package liangshan.raster.terrain;

import liangshan.raster.Band;

/**
 * Which DEM cells hold data and which are edge cells. An edge cell is a data cell on the grid
 * border or next to (8-neighbourhood) a no-data cell: no-data is treated as outside the grid, so
 * a clipped DEM (a city with no-data around it) behaves like a grid whose border follows the clip.
 */
final class DemMask {

    private DemMask() {}

    static boolean[] valid(Band dem) {
        float[] z = dem.values();
        boolean[] valid = new boolean[z.length];
        for (int i = 0; i < z.length; i++) {
            valid[i] = !dem.isNoData(z[i]);
        }
        return valid;
    }

    static boolean isEdge(boolean[] valid, int width, int height, int row, int col) {
        if (row == 0 || col == 0 || row == height - 1 || col == width - 1) {
            return true;
        }
        for (int d = 0; d < 8; d++) {
            if (!valid[(row + D8.DROW[d]) * width + col + D8.DCOL[d]]) {
                return true;
            }
        }
        return false;
    }
}
