package liangshan.gep.project;

import java.util.Arrays;
import java.util.OptionalDouble;
import liangshan.raster.Band;
import liangshan.raster.BandSource;
import liangshan.raster.CellType;
import liangshan.raster.terrain.D8;
import liangshan.raster.terrain.FlowRouting;
import liangshan.raster.terrain.LsFactor;

/**
 * The LS factor of the footprint cells and the footprint's downstream D8 flow path, computed on a
 * window around the footprint (METHOD-CHOICES C26).
 *
 * <p>LS-2026.1 derives LS from the DEM alone (Horn slope and aspect, priority-flood, D8, capped
 * contributing area), so a land-cover change never changes flow routing or LS. A footprint cell's
 * LS depends on its 3 × 3 neighbourhood and on the D8 directions of the few cells upstream of it
 * (A_in is capped at L_max × D); the directions inside filled depressions and flats depend on
 * where the priority-flood enters them. The window therefore grows — margin 16, 32, 64, … cells —
 * until the LS of every footprint cell is bit-identical for two successive margins, or the window
 * is the whole grid (then it is the full run's LS by construction), or the margin reaches {@link
 * #MAX_MARGIN} (then {@code converged} is false: a wide flat, e.g. a reservoir surface, next to the
 * footprint; memory stays bounded at about 40 B per window cell).
 *
 * @param window the last window computed
 * @param ls LS per window cell (NaN = no-data)
 * @param routing D8 routing on the window
 * @param margin margin of the window around the footprint's bounding box, cells
 * @param wholeGrid true when the window is the whole grid
 * @param converged true when the LS of the footprint cells was stable or the window is the grid
 */
record FootprintTerrain(
        GridWindow window, float[] ls, FlowRouting routing, int margin, boolean wholeGrid, boolean converged) {

    static final int FIRST_MARGIN = 16;

    /** Largest margin tried, cells (a window of about (2 × 512 + footprint)² cells). */
    static final int MAX_MARGIN = 512;

    /**
     * Computes LS around the footprint cells {@code cells} (indices in {@code box}).
     *
     * @param box the footprint's bounding box as a window (margin 0)
     */
    static FootprintTerrain compute(BandSource dem, GridWindow box, int[] cells, double maxSlopeLengthMetres) {
        return compute(dem, box, cells, maxSlopeLengthMetres, MAX_MARGIN);
    }

    /** As above, with the largest margin tried given ({@code maxMargin} ≥ {@link #FIRST_MARGIN}). */
    static FootprintTerrain compute(
            BandSource dem, GridWindow box, int[] cells, double maxSlopeLengthMetres, int maxMargin) {
        float[] previous = null;
        int margin = FIRST_MARGIN;
        while (true) {
            GridWindow w = GridWindow.around(
                    box.full(),
                    box.row0(),
                    box.col0(),
                    box.row0() + box.height() - 1,
                    box.col0() + box.width() - 1,
                    margin);
            Band band = new Band(dem.name(), "m", w.grid(), CellType.FLOAT32, dem.noData(), w.readWindow(dem));
            if (band.noData().isEmpty()) {
                band = new Band(
                        dem.name(), "m", w.grid(), CellType.FLOAT32, OptionalDouble.of(Double.NaN), band.values());
            }
            LsFactor f = LsFactor.compute(band, maxSlopeLengthMetres);
            float[] ls = f.ls().values();
            float[] atFootprint = new float[cells.length];
            for (int k = 0; k < cells.length; k++) {
                atFootprint[k] = ls[box.indexIn(w, cells[k])];
            }
            boolean stable = previous != null && Arrays.equals(previous, atFootprint);
            if (w.isWholeGrid() || stable || margin >= maxMargin) {
                return new FootprintTerrain(w, ls, f.routing(), margin, w.isWholeGrid(), stable || w.isWholeGrid());
            }
            previous = atFootprint;
            margin *= 2;
        }
    }

    /**
     * The cells downstream of the footprint inside the window: every cell reached by following D8
     * receivers from a footprint cell, the footprint itself excluded.
     *
     * @param inFootprint footprint flag per window cell
     * @return downstream window indices, and whether some path leaves the window where it is not the
     *     grid's edge (the path continues outside the window)
     */
    Downstream downstream(boolean[] inFootprint) {
        boolean[] seen = new boolean[inFootprint.length];
        int[] out = new int[64];
        int n = 0;
        boolean leaves = false;
        for (int i = 0; i < inFootprint.length; i++) {
            if (!inFootprint[i] || seen[i]) {
                continue;
            }
            seen[i] = true;
            int cell = i;
            while (true) {
                int next = routing.receiver(cell);
                if (next < 0) {
                    leaves |= routing.direction()[cell] != D8.NO_DATA
                            && window.isCutEdge(cell / window.width(), cell % window.width());
                    break;
                }
                if (seen[next]) {
                    break; // the rest of this path has been traced from an earlier cell
                }
                seen[next] = true;
                if (!inFootprint[next]) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, 2 * n);
                    }
                    out[n++] = next;
                }
                cell = next;
            }
        }
        int[] cells = Arrays.copyOf(out, n);
        Arrays.sort(cells);
        return new Downstream(cells, leaves);
    }

    /**
     * @param cells window indices of the downstream cells, ascending
     * @param leavesWindow some path reaches the window's edge where the grid continues
     */
    record Downstream(int[] cells, boolean leavesWindow) {}
}
