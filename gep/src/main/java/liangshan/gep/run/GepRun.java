package liangshan.gep.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import liangshan.gep.cell.InputProblem;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.cell.QualityReport;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.params.ParameterSets;
import liangshan.gep.provenance.RunProvenance;
import liangshan.gep.regulating.FloodRegulation;
import liangshan.gep.regulating.FusedRegulating;
import liangshan.gep.regulating.RegulatingIndicators;
import liangshan.gep.spec.GepInputs;
import liangshan.gep.spec.GepParameters;
import liangshan.raster.Band;
import liangshan.raster.BandSource;
import liangshan.raster.PixelLoop;
import liangshan.raster.geotiff.GeoTiff;
import liangshan.raster.geotiff.GeoTiffBand;
import liangshan.raster.terrain.LsFactor;
import liangshan.raster.zonal.ZoneIndex;

/**
 * A GEP run of method LS-2026.1 over an inputs directory and a zone file (formats in {@code
 * package-info.java}): validate everything, compute, write {@code zones.csv}, maps, {@code
 * provenance.json} and {@code report.html} into a temporary directory beside {@code out}, and
 * move it into place. A failed or cancelled run leaves no {@code out}.
 *
 * <p><b>Threads.</b> The terrain (DEM read on two threads, priority-flood, D8, accumulation, LS:
 * {@link EarlyTerrain}) starts as soon as the rasters are open, beside the rest of validation.
 * After validation a side thread ({@link TerrainOverlap}) hashes the inputs, runs the capacity
 * pass and the indicator pass of the seven indicators that do not need LS while the flood runs;
 * once LS is ready the run's thread computes soil retention ({@link RasterPasses}: a reader and a
 * map-writer thread beside it). Results are the same as computing everything in one pass after the
 * terrain, bit for bit.
 *
 * <p><b>Memory bound.</b> Whole-grid arrays: the zone index (2 B/cell with fewer than 65,535
 * zones, else 4 B) for the whole run and the LS factor (4 B/cell) from the end of the terrain
 * stage. While LS is computed ({@link LsFactor#band}) the terrain holds at most 15 B per grid
 * cell (DEM 4, one packed {@code long} per cell for the filled elevation and the "reached from"
 * link 8, flood order ≈ 4 per data cell, then D8 directions 1) plus the priority-flood queue: ≈
 * 17 B per grid cell with the zone index, 2.7 GB for the city's 179 M-cell grid at 10 m, 340 MB
 * for its 19.9 M cells at 30 m. Everything else is read and written in strips of 256 rows ({@link
 * RasterPasses}: one pass's strip buffers beside the flood, two passes' at most while soil
 * retention runs and the side pass finishes). Measured at 10 m: the largest heap in use after a
 * GC 3.35 GB under {@code -Xmx4g} ({@code bench/gep/run10.sh}).
 */
public final class GepRun {

    /**
     * What to run.
     *
     * @param inputs inputs directory (rasters and {@code tables/})
     * @param zones GeoJSON FeatureCollection of villages
     * @param parameterSetId id of a shipped parameter set
     * @param year accounting year
     * @param out output directory; must not exist, its parent must
     */
    public record Request(Path inputs, Path zones, String parameterSetId, int year, Path out) {
        public Request {
            Objects.requireNonNull(inputs, "inputs");
            Objects.requireNonNull(zones, "zones");
            Objects.requireNonNull(parameterSetId, "parameterSetId");
            Objects.requireNonNull(out, "out");
        }
    }

    /** Progress of a run: stage id ({@code validate, terrain, capacity, indicators, write}) and steps. */
    @FunctionalInterface
    public interface Progress {
        void report(String stage, int done, int total);

        /** Discards progress. */
        static Progress none() {
            return (s, d, t) -> {};
        }
    }

    /** The run was cancelled; nothing was written. */
    public static final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CancelledException(String stage) {
            super("GEP run cancelled during " + stage + "; nothing was written");
        }
    }

    /**
     * Outcome of a finished run.
     *
     * @param out the output directory
     * @param zoneCount zones in the zone file
     * @param rows rows of {@code zones.csv} (without header)
     * @param totalsYuan total value per indicator over all zones and outside, 元
     */
    public record Result(Path out, int zoneCount, List<ZoneRow> rows, Map<String, java.math.BigDecimal> totalsYuan) {}

    private final Clock clock;

    public GepRun(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs {@code request}.
     *
     * @throws InvalidInputException listing every input problem (nothing written)
     * @throws CancelledException when {@code cancelled} became true (nothing written)
     */
    public Result run(Request request, Progress progress, BooleanSupplier cancelled) {
        progress.report("validate", 0, 1);
        RunProvenance.Builder provenance;
        try (Validated v = validate(request)) {
            progress.report("validate", 1, 1);
            provenance = RunProvenance.start(clock, v.params());
            Path parent = request.out().toAbsolutePath().getParent();
            Path tmp = createTemp(parent, request.out());
            try {
                Result result = compute(request, v, provenance, progress, cancelled, tmp);
                Files.move(tmp, request.out(), StandardCopyOption.ATOMIC_MOVE);
                progress.report("write", 1, 1);
                return new Result(request.out(), result.zoneCount(), result.rows(), result.totalsYuan());
            } catch (IOException e) {
                deleteQuietly(tmp);
                throw new UncheckedIOException("cannot move the run into " + request.out() + ": " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                deleteQuietly(tmp);
                throw e;
            }
        }
    }

    private static Path createTemp(Path parent, Path out) {
        try {
            return Files.createTempDirectory(parent, "." + out.getFileName() + ".tmp-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory in " + parent, e);
        }
    }

    /** Everything validated, with open rasters. */
    record Validated(
            ParameterSet params,
            RasterInputs rasters,
            ZonesFile zones,
            ZoneIndex index,
            int[] countyOfZone,
            Tables tables,
            LandCoverScan scan,
            List<ZoneLineSet> tableLines,
            Map<String, Double> reservoirs,
            Map<String, Double> lakes,
            EarlyTerrain terrain)
            implements AutoCloseable {
        @Override
        public void close() {
            try {
                terrain.close();
            } finally {
                rasters.close();
            }
        }
    }

    /** Lines of one table indicator. */
    record ZoneLineSet(String indicatorId, List<liangshan.gep.tables.ZoneLine> lines) {}

    private Validated validate(Request r) {
        List<InputProblem> problems = new ArrayList<>();
        if (Files.exists(r.out())) {
            problems.add(Csv.problem(
                    r.out().toString(),
                    "output.exists",
                    "输出目录已存在，不会覆盖",
                    "output directory exists; it is not overwritten"));
        }
        Path parent = r.out().toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            problems.add(Csv.problem(
                    String.valueOf(parent),
                    "output.no_parent",
                    "输出目录的上级目录不存在",
                    "parent of the output directory does not exist"));
        }
        if (r.year() < 1949 || r.year() > 2200) {
            problems.add(Csv.problem("year", "input.bad_year", "年份 " + r.year() + " 无效", "invalid year " + r.year()));
        }
        if (CjkFont.find().isEmpty()) {
            problems.add(Csv.problem(
                    "report.pdf",
                    "report.no_cjk_font",
                    "找不到中文字体，无法生成 PDF 报告；请安装 fonts-wqy-microhei 或用系统属性 " + CjkFont.PROPERTY + " 指定字体文件",
                    "no CJK font found for the PDF report; install fonts-wqy-microhei or name a font file with the"
                            + " system property " + CjkFont.PROPERTY));
        }
        ParameterSet params = null;
        try {
            params = ParameterSets.get(r.parameterSetId());
        } catch (NoSuchElementException e) {
            problems.add(Csv.problem(
                    r.parameterSetId(),
                    "param.unknown_set",
                    "没有该参数集；可用："
                            + ParameterSets.list().stream()
                                    .map(ParameterSets.Info::id)
                                    .toList(),
                    "no such parameter set; available: "
                            + ParameterSets.list().stream()
                                    .map(ParameterSets.Info::id)
                                    .toList()));
        }
        if (!Files.isDirectory(r.inputs())) {
            problems.add(
                    Csv.problem(r.inputs().toString(), "input.missing_dir", "输入目录不存在", "inputs directory is missing"));
            throw new InvalidInputException(problems);
        }
        RasterInputs rasters = RasterInputs.open(r.inputs(), problems);
        if (rasters == null || params == null || !problems.isEmpty()) {
            return validateRest(r, params, rasters, null, problems);
        }
        // The terrain does not depend on the rest of the validation: start it now, beside it.
        EarlyTerrain terrain = new EarlyTerrain(
                rasters.paths().get(RasterInputs.DEM.fileName()),
                params.constant(GepParameters.SLOPE_LENGTH_CAP.name()));
        try {
            return validateRest(r, params, rasters, terrain, problems);
        } catch (RuntimeException | Error e) {
            terrain.close();
            throw e;
        }
    }

    private Validated validateRest(
            Request r, ParameterSet params, RasterInputs rasters, EarlyTerrain terrain, List<InputProblem> problems) {
        Tables tables = Tables.read(r.inputs(), problems);
        ZonesFile zones = null;
        if (!Files.isRegularFile(r.zones())) {
            problems.add(Csv.problem(r.zones().toString(), "input.missing_file", "文件不存在", "file is missing"));
        } else if (rasters != null) {
            zones = ZonesFile.read(r.zones(), rasters.grid().crs(), problems);
        }
        if (!problems.isEmpty() || params == null || rasters == null || zones == null || terrain == null) {
            if (rasters != null) {
                rasters.close();
            }
            throw new InvalidInputException(problems);
        }
        try {
            return validateContent(params, rasters, zones, tables, problems, terrain);
        } catch (RuntimeException e) {
            rasters.close();
            throw e;
        }
    }

    private Validated validateContent(
            ParameterSet params,
            RasterInputs rasters,
            ZonesFile zones,
            Tables tables,
            List<InputProblem> problems,
            EarlyTerrain terrain) {
        ZoneIndex index = ZoneIndex.rasterise(
                rasters.grid(),
                zones.zones().stream().map(ZonesFile.Zone::geometry).toList());
        int[] countyOfZone = new int[zones.zones().size()];
        for (int z = 0; z < countyOfZone.length; z++) {
            countyOfZone[z] = Integer.parseInt(zones.zones().get(z).code().substring(0, 6));
        }
        LandCoverScan scan = LandCoverScan.scan(rasters.band(GepInputs.LAND_COVER.name()), index);
        params.missingClasses(scan.codes())
                .forEach(p -> problems.add(new InputProblem(
                        p.code(),
                        RasterInputs.LAND_COVER.fileName(),
                        "landcover.tif：" + p.messageZh(),
                        "landcover.tif: " + p.messageEn())));
        List<ZoneLineSet> lines = TableRun.lines(params, zones, scan, rasters.grid(), tables, problems);
        Map<String, Double> reservoirs = new TreeMap<>();
        Map<String, Double> lakes = new TreeMap<>();
        try {
            reservoirs = RegulatingIndicators.FLOOD_REGULATION.reservoirs(
                    tables.reservoirs().stream()
                            .map(p -> new FloodRegulation.Reservoir(
                                    p.name(), p.amount(), zones.zoneContaining(zones.project(p.lon(), p.lat()))))
                            .toList(),
                    params);
            lakes = RegulatingIndicators.FLOOD_REGULATION.lakes(
                    tables.lakes().stream()
                            .map(p -> new FloodRegulation.Lake(
                                    p.name(), p.amount(), zones.zoneContaining(zones.project(p.lon(), p.lat()))))
                            .toList(),
                    params);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        InvalidInputException.throwIfAny(problems);
        return new Validated(
                params, rasters, zones, index, countyOfZone, tables, scan, lines, reservoirs, lakes, terrain);
    }

    private Result compute(
            Request request,
            Validated v,
            RunProvenance.Builder provenance,
            Progress progress,
            BooleanSupplier cancelled,
            Path tmp)
            throws IOException {
        RasterPasses.Cancellation cancel = (stage, done, total) -> {
            if (cancelled.getAsBoolean()) {
                throw new CancelledException(stage);
            }
            progress.report(stage, done, total);
        };
        cancel.check("terrain", 0, 1);
        List<String> outputs = RasterPasses.outputs();
        outputs.add("flood_reservoir_m3");
        outputs.add("flood_lake_m3");
        ZoneTotals totals = new ZoneTotals(v.index().zoneCount(), outputs);
        Path maps = Files.createDirectory(tmp.resolve("maps"));
        RasterPasses passes = new RasterPasses(v.rasters().grid(), v.index(), v.countyOfZone(), v.params(), cancel);
        Map<String, QualityReport> quality = new LinkedHashMap<>();
        Map<String, Long> noDataByFile = new LinkedHashMap<>();
        Map<Path, String> digests;
        // The side thread reads the run's land-cover band; the soil-retention pass may run at the
        // same time, so it reads the file through a band of its own (a band's row cache is shared).
        Path coverFile = v.rasters().paths().get(RasterInputs.LAND_COVER.fileName());
        try (TerrainOverlap side = new TerrainOverlap(request, v, cancelled, maps, totals);
                GeoTiffBand landCover = GeoTiff.open(coverFile, RasterInputs.LAND_COVER.unit())) {
            EarlyTerrain.Result terrain = v.terrain().join(cancelled);
            cancel.check("terrain", 1, 1);
            side.capFactors();
            int strips =
                    (v.rasters().grid().height() + PixelLoop.DEFAULT_STRIP_ROWS - 1) / PixelLoop.DEFAULT_STRIP_ROWS;
            cancel.check("capacity", strips, strips);
            Map<String, BandSource> floats = floatInputs(v, terrain.ls());
            RasterPasses.Tally soil = passes.indicators(
                    FusedRegulating.Part.SOIL_RETENTION, landCover, floats, Map.of(), totals, maps, () -> false);
            passes.quality(side.withoutLs(), soil, landCover, floats, quality, noDataByFile);
            noDataByFile.put("LS (dem.tif)", noDataByFile.remove(terrain.ls().name()));
            noDataByFile.put(RasterInputs.DEM.fileName(), terrain.demNoData());
            digests = side.digests();
        }
        addTableParts(v, totals);
        cancel.check("write", 0, 1);
        RunOutputs outputsWriter = new RunOutputs(request, v, totals, quality, noDataByFile, digests, clock);
        List<ZoneRow> rows = outputsWriter.rows();
        outputsWriter.write(tmp, provenance);
        return new Result(request.out(), v.index().zoneCount(), rows, ZoneRow.totalsByIndicator(rows));
    }

    /**
     * The float inputs of the indicator passes by name ({@link FusedRegulating#FLOAT_INPUTS}): the
     * five input rasters and, when not null, the LS band.
     */
    static Map<String, BandSource> floatInputs(Validated v, Band ls) {
        Map<String, BandSource> out = new LinkedHashMap<>();
        for (String name : FusedRegulating.FLOAT_INPUTS) {
            if (name.equals(GepInputs.LS_FACTOR.name())) {
                if (ls != null) {
                    out.put(name, ls);
                }
            } else {
                out.put(name, v.rasters().band(name));
            }
        }
        return out;
    }

    private static void addTableParts(Validated v, ZoneTotals totals) {
        Map<String, Integer> slotOf = new LinkedHashMap<>();
        for (int z = 0; z < v.zones().zones().size(); z++) {
            slotOf.put(v.zones().zones().get(z).code(), z + 1);
        }
        slotOf.put(FloodRegulation.OUTSIDE, 0);
        v.reservoirs().forEach((zone, m3) -> totals.addTo("flood_reservoir_m3", slotOf.get(zone), m3));
        v.lakes().forEach((zone, m3) -> totals.addTo("flood_lake_m3", slotOf.get(zone), m3));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Best effort: the run's own failure is what the caller needs to see.
                }
            });
        } catch (IOException ignored) {
            // The directory may not exist any more.
        }
    }
}
