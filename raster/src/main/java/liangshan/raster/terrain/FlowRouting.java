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
        return route(PriorityFlood.Packed.of(flood));
    }

    /** Routes flow over the filled surface of a packed flood. */
    static FlowRouting route(PriorityFlood.Packed flood) {
        byte[] direction = directions(flood.grid(), flood.cells());
        int[] acc = new int[direction.length];
        accumulate(flood.popOrder(), direction, flood.grid().width(), acc);
        return new FlowRouting(flood.grid(), direction, acc);
    }

    /**
     * D8 codes of every cell of a packed flood's filled surface (see the class comment), read
     * straight from the packed cells: a cell reached from nothing is no-data (NaN filled
     * elevation) or an edge cell (the flood's seeds, by the same {@link DemMask} rule), every
     * other cell is interior, so no mask is needed. Allocates only the result (1 B per grid cell).
     */
    static byte[] directions(GridGeometry g, long[] cells) {
        int w = g.width();
        int h = g.height();
        double[] distance = D8.distances(g.cellWidth(), g.cellHeight());
        byte[] direction = new byte[cells.length];
        // Rows are independent (each writes only its own cells): two threads, same result.
        RowBlocks.forEach(h, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                for (int c = 0; c < w; c++) {
                    int i = r * w + c;
                    long cell = cells[i];
                    int parent = PriorityFlood.Packed.reachedFrom(cell);
                    if (parent < 0) {
                        direction[i] = Float.isNaN(PriorityFlood.Packed.filled(cell)) ? D8.NO_DATA : D8.OUT;
                    } else {
                        byte d = steepestDescent(cells, i, w, distance);
                        direction[i] = d == D8.OUT ? D8.between(r, c, parent / w, parent % w) : d;
                    }
                }
            }
        });
        return direction;
    }

    /**
     * The direction of the largest strictly positive drop from interior cell {@code i}, or {@link
     * D8#OUT} if there is none.
     */
    private static byte steepestDescent(long[] cells, int i, int w, double[] distance) {
        byte best = D8.OUT;
        double bestDrop = 0;
        double here = PriorityFlood.Packed.filled(cells[i]);
        for (byte d = 0; d < 8; d++) {
            int n = i + D8.DROW[d] * w + D8.DCOL[d];
            double drop = (here - PriorityFlood.Packed.filled(cells[n])) / distance[d];
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
