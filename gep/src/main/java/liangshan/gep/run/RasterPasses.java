package liangshan.gep.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import liangshan.gep.cell.CellKernel;
import liangshan.gep.cell.CellResult;
import liangshan.gep.cell.CellWindow;
import liangshan.gep.cell.QualityReport;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.regulating.EmissionCapped;
import liangshan.gep.regulating.EmissionCapped.CapFactors;
import liangshan.gep.regulating.RegulatingIndicators;
import liangshan.gep.spec.GepInputs;
import liangshan.raster.BandSource;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import liangshan.raster.PixelLoop;
import liangshan.raster.geotiff.GeoTiffWriter;
import liangshan.raster.zonal.ZoneIndex;

/**
 * The strip passes over the grid: the emission-capacity pass (§R4, §R5 pass 1) and the
 * indicator pass that runs every regulating kernel per strip, sums per zone and writes the
 * per-cell maps.
 *
 * <p><b>Memory per strip</b> ({@code s} = strip rows × width cells): 8 float input buffers (land
 * cover, six inputs, LS) and the int cover, county and zone-slot arrays (44 B/cell), the kernels'
 * {@link CellResult} doubles (at most 4 outputs of one indicator per thread, two threads: up to
 * 64 B/cell, short-lived) and one float map buffer per indicator (8 × 4 B/cell): about 140·s
 * bytes, 340 MB for 256-row strips of a 9,400-column grid; plus each of the 8 map writers'
 * 256-row tile buffer (4 B/cell, 77 MB together at that width). The indicators of a strip run in
 * parallel (common fork-join pool).
 */
final class RasterPasses {

    /** A raster indicator with its kernel (or capped indicator) and per-cell outputs. */
    record Indicator(String id, CellKernel kernel, EmissionCapped capped, List<String> outputs) {}

    static final List<Indicator> INDICATORS = indicators();

    private final GridGeometry grid;
    private final ZoneIndex zones;
    private final int[] countyOfZone;
    private final ParameterSet params;
    private final Cancellation cancel;

    /** Checked once per strip; a cancelled run throws {@link GepRun.CancelledException}. */
    interface Cancellation {
        void check(String stage, int done, int total);
    }

    RasterPasses(GridGeometry grid, ZoneIndex zones, int[] countyOfZone, ParameterSet params, Cancellation cancel) {
        this.grid = grid;
        this.zones = zones;
        this.countyOfZone = countyOfZone;
        this.params = params;
        this.cancel = cancel;
    }

    private static List<Indicator> indicators() {
        List<Indicator> out = new ArrayList<>();
        for (CellKernel k : RegulatingIndicators.cellKernels()) {
            out.add(new Indicator(k.spec().id(), k, null, k.cellOutputs()));
        }
        for (EmissionCapped c :
                List.of(RegulatingIndicators.WATER_PURIFICATION, RegulatingIndicators.AIR_PURIFICATION)) {
            out.add(new Indicator(c.spec().id(), null, c, c.cellOutputs()));
        }
        return List.copyOf(out);
    }

    /** Reused per-strip arrays (reallocated only for the shorter last strip). */
    private static final class Buffers {
        int[] cover = new int[0];
        int[] county = new int[0];
        int[] slot = new int[0];
        float[][] maps = new float[INDICATORS.size()][0];

        void size(int n) {
            if (cover.length != n) {
                cover = new int[n];
                county = new int[n];
                slot = new int[n];
                for (int k = 0; k < maps.length; k++) {
                    maps[k] = new float[n];
                }
            }
        }
    }

    /** Pass 1 of §R4/§R5: uncapped capacity per county, then the cap factors. */
    Map<String, CapFactors> capFactors(BandSource landCover, List<EmissionCapped.CountyEmission> emissions) {
        PixelLoop loop = PixelLoop.over(landCover);
        List<EmissionCapped> capped =
                List.of(RegulatingIndicators.WATER_PURIFICATION, RegulatingIndicators.AIR_PURIFICATION);
        List<EmissionCapped.CountyCapacity> sums =
                capped.stream().map(EmissionCapped::newCountyCapacity).toList();
        Buffers b = new Buffers();
        int strips = strips(loop);
        int[] done = {0};
        loop.forEachStrip(strip -> {
            cancel.check("capacity", done[0], strips);
            int n = strip.cellCount();
            b.size(n);
            fillCodes(strip, b);
            CellWindow w = CellWindow.builder(n, grid.cellAreaSquareMetres())
                    .ints(GepInputs.LAND_COVER.name(), b.cover, -1)
                    .ints(GepInputs.COUNTY.name(), b.county, -1)
                    .build();
            for (int i = 0; i < capped.size(); i++) {
                sums.get(i).add(w, capped.get(i).capacity(w, params));
            }
            done[0]++;
        });
        Map<String, CapFactors> out = new LinkedHashMap<>();
        for (int i = 0; i < capped.size(); i++) {
            out.put(capped.get(i).spec().id(), capped.get(i).factors(sums.get(i), emissions));
        }
        return out;
    }

    /** Cover codes (no-data → −1), county codes (−1 outside) and zone slots of a strip (input 0). */
    private void fillCodes(PixelLoop.Strip strip, Buffers b) {
        float[] lc = strip.values(0);
        BandSource band = strip.input(0);
        int n = strip.cellCount();
        int base = (int) strip.gridIndex(0);
        for (int k = 0; k < n; k++) {
            float v = lc[k];
            b.cover[k] = band.isNoData(v) ? -1 : (int) v;
            int z = zones.zoneOf(base + k);
            b.slot[k] = z + 1;
            b.county[k] = z < 0 ? -1 : countyOfZone[z];
        }
    }

    private static int strips(PixelLoop loop) {
        return (loop.grid().height() + loop.stripRows() - 1) / loop.stripRows();
    }

    /**
     * The indicator pass. {@code inputs} holds land cover first, then the float inputs by spec
     * name; maps are written to {@code mapsDir/<indicator>.tif} (Float32, NaN no-data where the
     * land cover is no-data).
     */
    void indicators(
            List<BandSource> inputs,
            List<String> floatNames,
            Map<String, CapFactors> factors,
            ZoneTotals totals,
            Map<String, QualityReport> quality,
            Map<String, long[]> noDataByInput,
            Path mapsDir) {
        PixelLoop loop = PixelLoop.over(inputs);
        Map<String, GeoTiffWriter> writers = new LinkedHashMap<>();
        try {
            for (Indicator ind : INDICATORS) {
                writers.put(
                        ind.id(),
                        GeoTiffWriter.create(
                                mapsDir.resolve(ind.id() + ".tif"),
                                grid,
                                CellType.FLOAT32,
                                OptionalDouble.of(Double.NaN)));
                quality.put(ind.id(), new QualityReport());
            }
            Buffers b = new Buffers();
            int strips = strips(loop);
            int[] done = {0};
            loop.forEachStrip(strip -> {
                cancel.check("indicators", done[0], strips);
                strip(strip, floatNames, factors, totals, quality, noDataByInput, writers, b);
                done[0]++;
            });
        } catch (RuntimeException | Error e) {
            // The maps are incomplete and the run's directory is deleted; a writer refusing to
            // close an incomplete file must not hide the original failure (e.g. cancellation).
            for (GeoTiffWriter w : writers.values()) {
                try {
                    w.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        writers.values().forEach(GeoTiffWriter::close);
    }

    private void strip(
            PixelLoop.Strip strip,
            List<String> floatNames,
            Map<String, CapFactors> factors,
            ZoneTotals totals,
            Map<String, QualityReport> quality,
            Map<String, long[]> noDataByInput,
            Map<String, GeoTiffWriter> writers,
            Buffers b) {
        int n = strip.cellCount();
        b.size(n);
        fillCodes(strip, b);
        CellWindow.Builder wb = CellWindow.builder(n, grid.cellAreaSquareMetres())
                .ints(GepInputs.LAND_COVER.name(), b.cover, -1)
                .ints(GepInputs.COUNTY.name(), b.county, -1);
        countNoData(strip, 0, n, noDataByInput.get(strip.input(0).name()));
        for (int i = 0; i < floatNames.size(); i++) {
            BandSource band = strip.input(i + 1);
            float[] values = strip.values(i + 1);
            float[] exact = values.length == n ? values : java.util.Arrays.copyOf(values, n);
            OptionalDouble nd = band.noData();
            wb.floats(floatNames.get(i), exact, nd.isPresent() ? (float) nd.getAsDouble() : Float.NaN);
            countNoData(strip, i + 1, n, noDataByInput.get(band.name()));
        }
        CellWindow w = wb.build();
        // The indicators of a strip are independent (own kernel result, quality report, zone
        // sums and map writer; the window is only read), so they run in parallel on the common
        // pool: two threads on the two-core target machine.
        IntStream.range(0, INDICATORS.size()).parallel().forEach(k -> {
            Indicator ind = INDICATORS.get(k);
            CellResult r = ind.kernel() != null
                    ? ind.kernel().compute(w, params)
                    : ind.capped().compute(w, params, factors.get(ind.id()));
            quality.get(ind.id()).merge(r.quality());
            writeIndicator(ind, r, b.maps[k], b, n, totals);
            writers.get(ind.id()).writeRows(b.maps[k], strip.rowCount());
        });
    }

    /** Adds an indicator's outputs to the zone sums and sums them into its map (NaN off cover). */
    private static void writeIndicator(Indicator ind, CellResult r, float[] map, Buffers b, int n, ZoneTotals totals) {
        java.util.Arrays.fill(map, 0, n, 0f);
        for (String o : ind.outputs()) {
            double[] v = r.perCell(o);
            totals.add(o, v, b.slot, n);
            for (int k = 0; k < n; k++) {
                map[k] += (float) v[k];
            }
        }
        for (int k = 0; k < n; k++) {
            if (b.cover[k] < 0) {
                map[k] = Float.NaN;
            }
        }
    }

    private static void countNoData(PixelLoop.Strip strip, int input, int n, long[] counter) {
        BandSource band = strip.input(input);
        float[] v = strip.values(input);
        long c = 0;
        for (int k = 0; k < n; k++) {
            if (band.isNoData(v[k])) {
                c++;
            }
        }
        counter[0] += c;
    }
}
