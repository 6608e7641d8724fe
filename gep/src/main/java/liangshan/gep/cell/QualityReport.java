package liangshan.gep.cell;

import java.util.Map;
import java.util.TreeMap;

/**
 * Cell counts of one indicator over one or more windows, for the run's quality report
 * (LS-2026.1 §G: a no-data cell contributes 0 and is counted).
 *
 * <ul>
 *   <li>{@code cells}: cells seen;
 *   <li>{@code noDataCells}: cells with no-data in at least one input the cell's formula needs,
 *       and {@code noDataByInput} per input (a cell with two no-data inputs counts once in the
 *       total and once under each input);
 *   <li>{@code unknownClassCells}: land-cover codes absent from the class table (contribute 0);
 *   <li>{@code notCountedCells}: classes the method does not count for the indicator (e.g.
 *       built-up for water conservation) — not a data problem, reported for completeness.
 * </ul>
 */
public final class QualityReport {

    private long cells;
    private long noDataCells;
    private long unknownClassCells;
    private long notCountedCells;
    private final Map<String, Long> noDataByInput = new TreeMap<>();

    /** Counts {@code count} cells as seen. */
    public void seen(int count) {
        cells += count;
    }

    /**
     * Returns true and counts the cell when any of {@code bands} is no-data at cell {@code i}.
     */
    public boolean noData(int i, FloatBand... bands) {
        boolean any = false;
        for (FloatBand b : bands) {
            if (b.isNoData(i)) {
                noDataByInput.merge(b.name(), 1L, Long::sum);
                any = true;
            }
        }
        if (any) {
            noDataCells++;
        }
        return any;
    }

    /** Same as {@link #noData(int, FloatBand...)} for one integer band plus float bands. */
    public boolean noData(int i, IntBand first, FloatBand... bands) {
        boolean intMissing = first.isNoData(i);
        if (intMissing) {
            noDataByInput.merge(first.name(), 1L, Long::sum);
        }
        boolean any = intMissing;
        for (FloatBand b : bands) {
            if (b.isNoData(i)) {
                noDataByInput.merge(b.name(), 1L, Long::sum);
                any = true;
            }
        }
        if (any) {
            noDataCells++;
        }
        return any;
    }

    /** Same as {@link #noData(int, FloatBand...)} for two integer bands. */
    public boolean noData(int i, IntBand first, IntBand second) {
        boolean a = first.isNoData(i);
        boolean b = second.isNoData(i);
        if (a) {
            noDataByInput.merge(first.name(), 1L, Long::sum);
        }
        if (b) {
            noDataByInput.merge(second.name(), 1L, Long::sum);
        }
        if (a || b) {
            noDataCells++;
        }
        return a || b;
    }

    /** Counts a cell whose land-cover code is not in the class table. */
    public void unknownClass() {
        unknownClassCells++;
    }

    /** Counts a cell whose class the indicator does not count. */
    public void notCounted() {
        notCountedCells++;
    }

    /** Adds the counts of {@code other} (e.g. of the next strip). */
    public void merge(QualityReport other) {
        cells += other.cells;
        noDataCells += other.noDataCells;
        unknownClassCells += other.unknownClassCells;
        notCountedCells += other.notCountedCells;
        other.noDataByInput.forEach((k, v) -> noDataByInput.merge(k, v, Long::sum));
    }

    public long cells() {
        return cells;
    }

    public long noDataCells() {
        return noDataCells;
    }

    public long unknownClassCells() {
        return unknownClassCells;
    }

    public long notCountedCells() {
        return notCountedCells;
    }

    /** No-data cells per input name. */
    public Map<String, Long> noDataByInput() {
        return Map.copyOf(noDataByInput);
    }

    @Override
    public String toString() {
        return "cells=" + cells + ", noData=" + noDataCells + " " + noDataByInput + ", unknownClass="
                + unknownClassCells + ", notCounted=" + notCountedCells;
    }
}
