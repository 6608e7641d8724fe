package liangshan.raster.zonal;

import java.util.List;
import liangshan.raster.BandSource;
import liangshan.raster.GridGeometry;
import liangshan.raster.PixelLoop;

/**
 * Per-zone sums of several bands in one strip-wise pass (see {@link PixelLoop} for the memory
 * bound; the zone index adds 4 bytes per cell). Zone totals are sums of cells
 * (gep-method.md): the bands should already hold per-cell quantities (m³, t, kWh per cell).
 * No-data cells add nothing and are counted per zone and band; cells outside every zone are
 * summed and counted separately so that a run can report them. Sums are accumulated in
 * {@code double} (relative error ≈ n × 1.1 × 10⁻¹⁶ for n cells, far below the input precision).
 *
 * @param bandNames names of the summed bands, in input order
 * @param sums {@code sums[band][zone]}: sum of valid cell values
 * @param noDataCells {@code noDataCells[band][zone]}: cells of the zone that were no-data
 * @param outsideSums {@code outsideSums[band]}: sum over valid cells outside every zone
 * @param outsideNoDataCells {@code outsideNoDataCells[band]}: no-data cells outside every zone
 * @param cellsPerZone cells assigned to each zone
 * @param outsideCells cells outside every zone
 */
public record ZonalSums(
        List<String> bandNames,
        double[][] sums,
        long[][] noDataCells,
        double[] outsideSums,
        long[] outsideNoDataCells,
        long[] cellsPerZone,
        long outsideCells) {

    /**
     * Sums {@code bands} over the zones of {@code index}.
     *
     * @throws liangshan.raster.RasterException naming the band if a band's grid is not aligned
     *     with the zone index's grid
     */
    public static ZonalSums of(ZoneIndex index, List<? extends BandSource> bands) {
        GridGeometry grid = index.grid();
        for (BandSource band : bands) {
            grid.requireAlignedWith(band.grid(), "zone grid", band.name());
        }
        int zones = index.zoneCount();
        int nb = bands.size();
        double[][] sums = new double[nb][zones];
        long[][] noData = new long[nb][zones];
        double[] outside = new double[nb];
        long[] outsideNoData = new long[nb];
        long[] cells = new long[zones];
        for (int z = 0; z < zones; z++) {
            cells[z] = index.cellCount(z);
        }
        if (nb == 0) {
            return new ZonalSums(List.of(), sums, noData, outside, outsideNoData, cells, index.outsideCells());
        }
        PixelLoop.over(bands).forEachStrip(strip -> {
            int base = Math.toIntExact(strip.gridIndex(0));
            int n = strip.cellCount();
            for (int b = 0; b < nb; b++) {
                float[] v = strip.values(b);
                BandSource source = strip.input(b);
                boolean hasNoData = source.noData().isPresent();
                float nd = hasNoData ? (float) source.noData().getAsDouble() : Float.NaN;
                double[] sum = sums[b];
                long[] missing = noData[b];
                for (int k = 0; k < n; k++) {
                    float value = v[k];
                    int z = index.zoneOf(base + k);
                    boolean isNoData = value != value || (hasNoData && value == nd);
                    if (z >= 0) {
                        if (isNoData) {
                            missing[z]++;
                        } else {
                            sum[z] += value;
                        }
                    } else if (isNoData) {
                        outsideNoData[b]++;
                    } else {
                        outside[b] += value;
                    }
                }
            }
        });
        List<String> names = bands.stream().map(BandSource::name).toList();
        return new ZonalSums(names, sums, noData, outside, outsideNoData, cells, index.outsideCells());
    }

    /** Sum of band {@code band} over zone {@code zone}. */
    public double sum(int band, int zone) {
        return sums[band][zone];
    }

    /** Sum of the band named {@code bandName} over zone {@code zone}. */
    public double sum(String bandName, int zone) {
        int b = bandNames.indexOf(bandName);
        if (b < 0) {
            throw new IllegalArgumentException("no band named " + bandName + " among " + bandNames);
        }
        return sums[b][zone];
    }
}
