package liangshan.raster.zonal;

import java.util.List;
import java.util.Objects;

/**
 * Accumulates per-zone sums of values computed on the fly, strip by strip, so that an indicator
 * can go from inputs to zone totals in one {@link liangshan.raster.PixelLoop} pass without
 * materialising its per-cell output. NaN marks a no-data cell (counted, not summed).
 *
 * <pre>{@code
 * ZonalAccumulator acc = new ZonalAccumulator(zones, List.of("Q_wc_m3"));
 * PixelLoop.over(p, et, lc).forEachStrip(strip -> {
 *     ... fill out[k] for k < strip.cellCount() ...
 *     acc.add(0, strip.gridIndex(0), out, strip.cellCount());
 * });
 * ZonalSums sums = acc.result();
 * }</pre>
 *
 * Not thread-safe; memory: two arrays of zone count per output.
 */
public final class ZonalAccumulator {

    private final ZoneIndex index;
    private final List<String> names;
    private final double[][] sums;
    private final long[][] noData;
    private final double[] outside;
    private final long[] outsideNoData;

    /** One output per name, all zero. */
    public ZonalAccumulator(ZoneIndex index, List<String> outputNames) {
        this.index = Objects.requireNonNull(index, "index");
        this.names = List.copyOf(outputNames);
        this.sums = new double[names.size()][index.zoneCount()];
        this.noData = new long[names.size()][index.zoneCount()];
        this.outside = new double[names.size()];
        this.outsideNoData = new long[names.size()];
    }

    /**
     * Adds {@code count} values of output {@code output} for the cells starting at row-major grid
     * index {@code firstCell} (e.g. {@code strip.gridIndex(0)}).
     */
    public void add(int output, long firstCell, float[] values, int count) {
        Objects.checkFromIndexSize(firstCell, count, index.grid().cellCount());
        int base = (int) firstCell;
        double[] sum = sums[output];
        long[] missing = noData[output];
        for (int k = 0; k < count; k++) {
            float value = values[k];
            int z = index.zoneOf(base + k);
            if (z >= 0) {
                if (value != value) {
                    missing[z]++;
                } else {
                    sum[z] += value;
                }
            } else if (value != value) {
                outsideNoData[output]++;
            } else {
                outside[output] += value;
            }
        }
    }

    /** The totals so far (arrays are copies). */
    public ZonalSums result() {
        long[] cells = new long[index.zoneCount()];
        for (int z = 0; z < cells.length; z++) {
            cells[z] = index.cellCount(z);
        }
        double[][] s = new double[sums.length][];
        long[][] n = new long[noData.length][];
        for (int b = 0; b < sums.length; b++) {
            s[b] = sums[b].clone();
            n[b] = noData[b].clone();
        }
        return new ZonalSums(names, s, n, outside.clone(), outsideNoData.clone(), cells, index.outsideCells());
    }
}
