package liangshan.raster.terrain;

import java.util.stream.IntStream;

/**
 * Runs a per-row computation over blocks of rows in parallel on the common fork-join pool (two
 * threads on the two-core target machine). Only for loops whose rows are independent: each row
 * writes only its own cells, so the result is the same as the sequential loop, cell for cell.
 */
final class RowBlocks {

    /** Rows per task: large enough to amortise scheduling, small enough to balance two threads. */
    static final int ROWS_PER_BLOCK = 64;

    /** The rows {@code [from, to)} of one block. */
    interface Body {
        void rows(int from, int to);
    }

    private RowBlocks() {}

    static void forEach(int height, Body body) {
        int blocks = (height + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK;
        IntStream.range(0, blocks)
                .parallel()
                .forEach(b -> body.rows(b * ROWS_PER_BLOCK, Math.min(height, (b + 1) * ROWS_PER_BLOCK)));
    }
}
