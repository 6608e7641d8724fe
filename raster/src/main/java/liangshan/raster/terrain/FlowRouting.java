package liangshan.raster.terrain;

import liangshan.raster.GridGeometry;

/**
 * D8 flow directions and flow accumulation on a filled DEM, as pinned in gep-method.md:
 *
 * <ul>
 *   <li>every edge cell (grid border, or next to no-data) drains out of the grid ({@link D8#OUT});
 *   <li>an interior cell drains to the neighbour with the largest drop {@code (z − z_n) /
 *       distance} (distance = cell width, cell height, or the diagonal), taking only strictly
 *       positive drops; on equal drops the first in the order E, SE, S, SW, W, NW, N, NE wins;
 *   <li>an interior cell with no strictly lower neighbour (a filled depression or a flat)
 *       drains to the cell from which the priority-flood reached it.
 * </ul>
 *
 * Accumulation is the number of cells upstream of a cell, excluding itself, computed in reverse
 * priority-flood pop order (receivers always pop before their donors, see
 * {@link PriorityFlood}). No-data cells have direction {@link D8#NO_DATA} and accumulation 0.
 *
 * @param grid the DEM's grid
 * @param direction D8 code 0..7 (index into {@link D8#NAMES}), {@link D8#OUT} or {@link D8#NO_DATA}
 * @param accumulation upstream cell count, excluding the cell itself
 */
public record FlowRouting(GridGeometry grid, byte[] direction, int[] accumulation) {

    /** Routes flow over {@code flood}'s filled surface. */
    public static FlowRouting route(PriorityFlood flood) {
        byte[] direction = directions(flood);
        int[] acc = new int[direction.length];
        accumulate(flood.popOrder(), direction, flood.grid().width(), acc);
        return new FlowRouting(flood.grid(), direction, acc);
    }

    /** D8 codes of every cell of {@code flood}'s filled surface (see the class comment). */
    static byte[] directions(PriorityFlood flood) {
        GridGeometry g = flood.grid();
        int w = g.width();
        int h = g.height();
        float[] z = flood.filled();
        double[] distance = D8.distances(g.cellWidth(), g.cellHeight());
        byte[] direction = new byte[z.length];
        boolean[] valid = new boolean[z.length];
        int[] from = flood.reachedFrom();
        // Rows are independent (each writes only its own cells): two threads, same result.
        RowBlocks.forEach(h, (r0, r1) -> {
            for (int i = r0 * w; i < r1 * w; i++) {
                valid[i] = !Float.isNaN(z[i]);
            }
        });
        RowBlocks.forEach(h, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                for (int c = 0; c < w; c++) {
                    int i = r * w + c;
                    if (!valid[i]) {
                        direction[i] = D8.NO_DATA;
                    } else if (DemMask.isEdge(valid, w, h, r, c)) {
                        direction[i] = D8.OUT;
                    } else {
                        direction[i] = steepestDescent(z, i, w, distance);
                        if (direction[i] == D8.OUT) {
                            int parent = from[i];
                            direction[i] = D8.between(r, c, parent / w, parent % w);
                        }
                    }
                }
            }
        });
        return direction;
    }

    /** The direction of the largest strictly positive drop, or {@link D8#OUT} if there is none. */
    private static byte steepestDescent(float[] z, int i, int w, double[] distance) {
        byte best = D8.OUT;
        double bestDrop = 0;
        for (byte d = 0; d < 8; d++) {
            int n = i + D8.DROW[d] * w + D8.DCOL[d];
            double drop = ((double) z[i] - z[n]) / distance[d];
            if (drop > bestDrop) {
                bestDrop = drop;
                best = d;
            }
        }
        return best;
    }

    /** Accumulation into {@code acc}, which must hold zeros (it may be a recycled array). */
    static void accumulate(int[] popOrder, byte[] direction, int w, int[] acc) {
        for (int k = popOrder.length - 1; k >= 0; k--) {
            int i = popOrder[k];
            byte d = direction[i];
            if (d >= 0) {
                int receiver = i + D8.DROW[d] * w + D8.DCOL[d];
                acc[receiver] += acc[i] + 1;
            }
        }
    }

    /** Row-major index of the cell that {@code index} drains into, or −1 (out of the grid, no-data). */
    public int receiver(int index) {
        byte d = direction[index];
        return d < 0 ? -1 : index + D8.DROW[d] * grid.width() + D8.DCOL[d];
    }
}
