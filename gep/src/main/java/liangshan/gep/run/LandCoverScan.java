package liangshan.gep.run;

import java.util.Set;
import java.util.TreeSet;
import liangshan.raster.BandSource;
import liangshan.raster.PixelLoop;
import liangshan.raster.zonal.ZoneIndex;

/**
 * One strip pass over the land cover before computing: the distinct class codes (to reject a
 * parameter set that lacks one) and the cell count of every class in every zone (for allocating
 * county statistics by producing-class area, §P). Class codes above {@link #MAX_CODE} are
 * collected but not counted per zone (no parameter set has them, so the run is rejected anyway).
 */
record LandCoverScan(Set<Integer> codes, long[] cellsByZoneAndClass, int zoneCount, long noDataCells) {

    /** Highest class code counted per zone. */
    static final int MAX_CODE = 255;

    static LandCoverScan scan(BandSource landCover, ZoneIndex index) {
        boolean[] seen = new boolean[65536];
        int zones = index.zoneCount();
        long[] counts = new long[(zones + 1) * (MAX_CODE + 1)];
        long[] noData = {0};
        Set<Integer> codes = new TreeSet<>();
        PixelLoop.over(landCover).forEachStrip(strip -> {
            float[] v = strip.values(0);
            int base = (int) strip.gridIndex(0);
            int n = strip.cellCount();
            for (int k = 0; k < n; k++) {
                float f = v[k];
                if (landCover.isNoData(f)) {
                    noData[0]++;
                    continue;
                }
                int code = (int) f;
                seen[code & 0xFFFF] = true;
                if (code >= 0 && code <= MAX_CODE) {
                    counts[(index.zoneOf(base + k) + 1) * (MAX_CODE + 1) + code]++;
                }
            }
        });
        for (int c = 0; c < seen.length; c++) {
            if (seen[c]) {
                codes.add((int) (short) c);
            }
        }
        return new LandCoverScan(Set.copyOf(codes), counts, zones, noData[0]);
    }

    /** Cells of class {@code code} in zone {@code zone} (−1 = outside). */
    long cells(int zone, int code) {
        return cellsByZoneAndClass[(zone + 1) * (MAX_CODE + 1) + code];
    }
}
