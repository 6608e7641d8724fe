package liangshan.gep.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.gep.cell.CellWindow;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.regulating.EmissionCapped;
import liangshan.gep.regulating.EmissionCapped.CapFactors;
import liangshan.gep.regulating.RegulatingIndicators;
import liangshan.gep.spec.GepInputs;
import liangshan.raster.BandSource;
import liangshan.raster.GridGeometry;
import liangshan.raster.zonal.ZoneIndex;
import org.locationtech.jts.geom.Geometry;

/**
 * The county cap factors of §R4 and §R5 for the accounting (before) landscape: pass 1 of the full
 * run — uncapped capacity summed per county over the whole grid, then {@code min(1, emission /
 * capacity)} — done exactly as {@code GepRun} does it, so a project reuses the run's factors
 * (METHOD-CHOICES C11, C24). The county of a cell is the first six digits of the code of the zone
 * containing its centre; cells in no zone have no county and no purification.
 */
final class CountyCaps {

    private static final int STRIP_ROWS = 256;

    private CountyCaps() {}

    /** The factors by indicator id ({@code water_purification}, {@code air_purification}). */
    static Map<String, CapFactors> compute(
            BandSource landCover,
            List<Geometry> zones,
            int[] countyOfZone,
            ParameterSet params,
            List<EmissionCapped.CountyEmission> emissions) {
        GridGeometry grid = landCover.grid();
        ZoneIndex index = ZoneIndex.rasterise(grid, zones);
        List<EmissionCapped> capped = capped();
        List<EmissionCapped.CountyCapacity> sums =
                capped.stream().map(EmissionCapped::newCountyCapacity).toList();
        int w = grid.width();
        float[] rows = new float[w * STRIP_ROWS];
        for (int r0 = 0; r0 < grid.height(); r0 += STRIP_ROWS) {
            int h = Math.min(STRIP_ROWS, grid.height() - r0);
            int n = h * w;
            landCover.readRows(r0, h, rows);
            int[] cover = new int[n];
            int[] county = new int[n];
            int base = r0 * w;
            for (int k = 0; k < n; k++) {
                cover[k] = landCover.isNoData(rows[k]) ? -1 : (int) rows[k];
                int z = index.zoneOf(base + k);
                county[k] = z < 0 ? -1 : countyOfZone[z];
            }
            CellWindow cw = CellWindow.builder(n, grid.cellAreaSquareMetres())
                    .ints(GepInputs.LAND_COVER.name(), cover, -1)
                    .ints(GepInputs.COUNTY.name(), county, -1)
                    .build();
            for (int i = 0; i < capped.size(); i++) {
                sums.get(i).add(cw, capped.get(i).capacity(cw, params));
            }
        }
        Map<String, CapFactors> out = new LinkedHashMap<>();
        for (int i = 0; i < capped.size(); i++) {
            out.put(capped.get(i).spec().id(), capped.get(i).factors(sums.get(i), emissions));
        }
        return out;
    }

    /** County code (first six digits of the zone code) per window cell, −1 outside every zone. */
    static int[] countyOf(GridWindow window, List<Geometry> zones, int[] countyOfZone) {
        org.locationtech.jts.geom.Envelope env = new org.locationtech.jts.geom.Envelope(
                window.grid().originX(),
                window.grid().maxX(),
                window.grid().minY(),
                window.grid().originY());
        List<Geometry> near = new ArrayList<>();
        List<Integer> countyOfNear = new ArrayList<>();
        for (int z = 0; z < zones.size(); z++) {
            if (zones.get(z).getEnvelopeInternal().intersects(env)) {
                near.add(zones.get(z));
                countyOfNear.add(countyOfZone[z]);
            }
        }
        ZoneIndex index = ZoneIndex.rasterise(window.grid(), near);
        int[] county = new int[window.cellCount()];
        for (int i = 0; i < county.length; i++) {
            int z = index.zoneOf(i);
            county[i] = z < 0 ? -1 : countyOfNear.get(z);
        }
        return county;
    }

    static List<EmissionCapped> capped() {
        return List.of(RegulatingIndicators.WATER_PURIFICATION, RegulatingIndicators.AIR_PURIFICATION);
    }
}
