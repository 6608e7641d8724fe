package liangshan.gep.project;

import java.util.List;
import liangshan.raster.GridGeometry;
import liangshan.raster.zonal.ZoneIndex;
import org.locationtech.jts.geom.Envelope;

/**
 * The cells of the footprint by the centre-in rule of gep-method.md §G, as indices into {@code
 * box}, the footprint's bounding box in whole cells.
 *
 * @param box window of the footprint's bounding box
 * @param cells indices in {@code box} of the cells whose centre lies in the footprint, ascending
 */
record FootprintCells(GridWindow box, int[] cells) {

    /**
     * @throws liangshan.gep.cell.InvalidInputException ({@code project.footprint_outside}) when the
     *     footprint is not inside the grid or covers no cell centre
     */
    static FootprintCells of(GridGeometry grid, Footprint fp) {
        Envelope e = fp.geometry().getEnvelopeInternal();
        Envelope g = new Envelope(grid.originX(), grid.maxX(), grid.minY(), grid.originY());
        if (!g.covers(e)) {
            throw Footprint.fail(
                    "project.footprint_outside",
                    "足迹不完全在栅格范围内（栅格：" + grid.describe() + "）",
                    "the footprint is not inside the grid (" + grid.describe() + ")");
        }
        int c0 = clamp((int) Math.floor((e.getMinX() - grid.originX()) / grid.cellWidth()), grid.width());
        int c1 = clamp((int) Math.floor((e.getMaxX() - grid.originX()) / grid.cellWidth()), grid.width());
        int r0 = clamp((int) Math.floor((grid.originY() - e.getMaxY()) / grid.cellHeight()), grid.height());
        int r1 = clamp((int) Math.floor((grid.originY() - e.getMinY()) / grid.cellHeight()), grid.height());
        GridWindow box = GridWindow.around(grid, r0, c0, r1, c1, 0);
        ZoneIndex index = ZoneIndex.rasterise(box.grid(), List.of(fp.geometry()));
        int[] cells = new int[Math.toIntExact(index.cellCount(0))];
        int k = 0;
        for (int i = 0; i < box.cellCount(); i++) {
            if (index.zoneOf(i) == 0) {
                cells[k++] = i;
            }
        }
        if (cells.length == 0) {
            throw Footprint.fail(
                    "project.footprint_empty",
                    "足迹未覆盖任何像元中心（像元 " + grid.cellWidth() + " m）",
                    "the footprint covers no cell centre (cells of " + grid.cellWidth() + " m)");
        }
        return new FootprintCells(box, cells);
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }

    /** Footprint flag per cell of {@code w}, which contains the box. */
    boolean[] maskIn(GridWindow w) {
        boolean[] mask = new boolean[w.cellCount()];
        for (int i : cells) {
            mask[box.indexIn(w, i)] = true;
        }
        return mask;
    }
}
