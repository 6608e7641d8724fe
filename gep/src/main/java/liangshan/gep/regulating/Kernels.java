package liangshan.gep.regulating;

import liangshan.gep.cell.CellResult;
import liangshan.gep.params.ClassTable;

/** Shared class checks of the kernels. */
final class Kernels {

    private Kernels() {}

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
