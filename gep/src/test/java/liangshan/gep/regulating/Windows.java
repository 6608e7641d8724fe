package liangshan.gep.regulating;

import liangshan.gep.cell.CellWindow;

/** Small windows for hand-computed cases. No-data: -9999 for floats, 0 for codes. */
final class Windows {

    static final float NO_DATA = -9999f;
    static final int NO_CLASS = 0;
    static final float NAN = Float.NaN;

    private Windows() {}

    /** A 3×3 window of 30 m cells: a = 900 m². */
    static CellWindow.Builder nine() {
        return CellWindow.builder(9, 30.0 * 30.0);
    }

    /** A 3×3 window of 100 m cells: a = 10 000 m² = 1 hm². */
    static CellWindow.Builder nineHectares() {
        return CellWindow.builder(9, 100.0 * 100.0);
    }
}
