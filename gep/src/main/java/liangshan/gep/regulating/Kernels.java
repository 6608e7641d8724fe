package liangshan.gep.regulating;

import liangshan.gep.cell.CellResult;
import liangshan.gep.cell.CellWindow;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.params.ClassTable;
import liangshan.gep.spec.IndicatorSpec;

/** Shared class checks of the kernels. */
final class Kernels {

    private Kernels() {}

    /** Rejects a window that lacks a raster input of {@code spec} or has the wrong sample type. */
    static void check(IndicatorSpec spec, CellWindow w) {
        InvalidInputException.throwIfAny(w.problemsFor(spec));
    }

    /**
     * Whether a cell of class {@code code} is counted: unknown codes and classes outside {@code
     * counted} contribute 0 and are tallied in the quality report.
     */
    static boolean countable(CellResult r, ClassTable table, boolean[] counted, int code) {
        if (!table.isKnown(code)) {
            r.quality().unknownClass();
            return false;
        }
        if (!counted[code]) {
            r.quality().notCounted();
            return false;
        }
        return true;
    }
}
