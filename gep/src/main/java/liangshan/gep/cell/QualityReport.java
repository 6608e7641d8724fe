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
    // Per-input no-data counters: a few inputs per report, looked up by name identity through
    // {@code recent} (the band names are constants), so counting a no-data cell neither boxes nor
    // searches a map.
    private String[] inputNames = new String[8];
    private long[] inputCounts = new long[8];
    private int inputs;
    private final int[] recent = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};

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
                count(b.name(), 1);
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
            count(first.name(), 1);
        }
        boolean any = intMissing;
        for (FloatBand b : bands) {
            if (b.isNoData(i)) {
                count(b.name(), 1);
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
            count(first.name(), 1);
        }
        if (b) {
            count(second.name(), 1);
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

    /**
     * Adds counts tallied elsewhere (the raster engine's fused pass counts cases in primitive
     * counters and reports them once).
     */
    public void add(long cellCount, long noDataCount, long unknownClassCount, long notCountedCount) {
        cells += cellCount;
        noDataCells += noDataCount;
        unknownClassCells += unknownClassCount;
        notCountedCells += notCountedCount;
    }

    /** Adds {@code count} no-data cells of input {@code input}; nothing when {@code count} is 0. */
    public void addNoData(String input, long count) {
        if (count > 0) {
            count(input, count);
        }
    }

    /** Adds the counts of {@code other} (e.g. of the next strip). */
    public void merge(QualityReport other) {
        cells += other.cells;
        noDataCells += other.noDataCells;
        unknownClassCells += other.unknownClassCells;
        notCountedCells += other.notCountedCells;
        for (int k = 0; k < other.inputs; k++) {
            count(other.inputNames[k], other.inputCounts[k]);
        }
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
        Map<String, Long> out = new TreeMap<>();
        for (int k = 0; k < inputs; k++) {
            out.put(inputNames[k], inputCounts[k]);
        }
        return Map.copyOf(out);
    }

    @Override
    public String toString() {
        return "cells=" + cells + ", noData=" + noDataCells + " " + new TreeMap<>(noDataByInput()) + ", unknownClass="
                + unknownClassCells + ", notCounted=" + notCountedCells;
    }

    private void count(String input, long n) {
        // A direct-mapped cache by the name's (cached) hash: a cell with several no-data inputs
        // (every input outside the city) finds each counter with one identity comparison.
        int h = input.hashCode() & (recent.length - 1);
        int cached = recent[h];
        if (cached >= 0 && inputNames[cached] == input) {
            inputCounts[cached] += n;
            return;
        }
        for (int k = 0; k < inputs; k++) {
            if (inputNames[k] == input || inputNames[k].equals(input)) {
                inputCounts[k] += n;
                recent[h] = k;
                return;
            }
        }
        if (inputs == inputNames.length) {
            inputNames = java.util.Arrays.copyOf(inputNames, 2 * inputs);
            inputCounts = java.util.Arrays.copyOf(inputCounts, 2 * inputs);
        }
        inputNames[inputs] = input;
        inputCounts[inputs] = n;
        recent[h] = inputs++;
    }
}
