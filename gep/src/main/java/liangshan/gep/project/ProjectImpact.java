package liangshan.gep.project;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import liangshan.gep.cell.InputProblem;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.params.ParameterSets;
import liangshan.gep.project.ProjectImpactResult.FlowPath;
import liangshan.gep.project.ProjectImpactResult.IndicatorDelta;
import liangshan.gep.project.ProjectImpactResult.Provenance;
import liangshan.gep.provenance.EngineVersion;
import liangshan.gep.regulating.EmissionCapped.CapFactors;
import liangshan.gep.run.RasterInputs;
import liangshan.gep.run.Tables;
import liangshan.gep.run.ZonesFile;
import liangshan.gep.spec.GepInputs;
import liangshan.gep.spec.GepParameters;
import liangshan.raster.geotiff.GeoTiffBand;
import org.locationtech.jts.geom.Geometry;

/**
 * Project-level GEP of LS-2026.1: the Δ of every regulating indicator (§R1–§R8) when the land
 * cover inside a footprint changes, from an inputs directory in the layout of {@code gep run}.
 * Only a window around the footprint is read (LS: {@link FootprintTerrain}); the county cap
 * factors of §R4/§R5 need one pass over the whole land cover and are kept per instance, as are file
 * hashes and zone files (keyed by path, size and modification time), so reuse one instance.
 * Thread-safe.
 *
 * <p>Zones (for the county of a cell): {@link Request#zones()}, else {@code villages.geojson} in
 * the inputs directory; without zones the project is rejected, since the purification caps need
 * the county (METHOD-CHOICES C24).
 */
public final class ProjectImpact {

    /** Name of the default zones file inside an inputs directory (written by {@code gep synth}). */
    public static final String DEFAULT_ZONES = "villages.geojson";

    private static final String EMISSIONS_TABLE = "tables/emissions.csv";

    /**
     * What to compute.
     *
     * @param inputs inputs directory (rasters and {@code tables/})
     * @param footprintGeoJson the footprint (see {@link Footprint})
     * @param change the land-cover change
     * @param parameterSetId shipped parameter set
     * @param year accounting year
     * @param zones zone file for counties, or {@code null} for {@code <inputs>/villages.geojson}
     */
    public record Request(
            Path inputs, String footprintGeoJson, LandCoverChange change, String parameterSetId, int year, Path zones) {
        public Request {
            Objects.requireNonNull(inputs, "inputs");
            Objects.requireNonNull(footprintGeoJson, "footprintGeoJson");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(parameterSetId, "parameterSetId");
        }
    }

    private final Clock clock;
    private final ProjectCaches caches = new ProjectCaches();

    public ProjectImpact(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Computes the project's Δ.
     *
     * @throws InvalidInputException listing the problems ({@code project.*} for the footprint and
     *     the change, the codes of {@code gep run} for the inputs directory)
     */
    public ProjectImpactResult compute(Request r) {
        List<InputProblem> problems = new ArrayList<>();
        ParameterSet params = parameterSet(r.parameterSetId(), problems);
        if (r.year() < 1949 || r.year() > 2200) {
            problems.add(
                    new InputProblem("input.bad_year", "year", "年份 " + r.year() + " 无效", "invalid year " + r.year()));
        }
        if (!Files.isDirectory(r.inputs())) {
            problems.add(new InputProblem(
                    "input.missing_dir", r.inputs().toString(), "输入目录不存在", "inputs directory is missing"));
            throw new InvalidInputException(problems);
        }
        RasterInputs rasters = RasterInputs.open(r.inputs(), problems);
        try {
            Tables tables = Tables.read(r.inputs(), problems);
            Path zonesPath = r.zones() != null ? r.zones() : r.inputs().resolve(DEFAULT_ZONES);
            ZonesFile zones = null;
            if (!Files.isRegularFile(zonesPath)) {
                problems.add(new InputProblem(
                        "project.no_zones",
                        String.valueOf(zonesPath.getFileName()),
                        "缺少村界文件（用于确定像元所在区县，以便按区县排放量封顶净化量）；请提供 zones 或在输入目录放置 " + DEFAULT_ZONES,
                        "zones file is missing (the county of each cell is needed for the purification caps); give"
                                + " zones or put " + DEFAULT_ZONES + " into the inputs directory"));
            } else if (rasters != null) {
                zones = caches.zones(zonesPath, rasters.grid().crs(), problems);
            }
            InvalidInputException.throwIfAny(problems);
            return new Computation(r, params, rasters, tables, zones, zonesPath).run();
        } finally {
            if (rasters != null) {
                rasters.close();
            }
        }
    }

    private static ParameterSet parameterSet(String id, List<InputProblem> problems) {
        try {
            return ParameterSets.get(id);
        } catch (NoSuchElementException e) {
            List<String> ids =
                    ParameterSets.list().stream().map(ParameterSets.Info::id).toList();
            problems.add(new InputProblem(
                    "param.unknown_set", id, "没有该参数集；可用：" + ids, "no such parameter set; available: " + ids));
            return null;
        }
    }

    /** One validated request being computed. */
    private final class Computation {
        private final Request r;
        private final ParameterSet params;
        private final RasterInputs rasters;
        private final Tables tables;
        private final ZonesFile zones;
        private final Path zonesPath;

        Computation(
                Request r, ParameterSet params, RasterInputs rasters, Tables tables, ZonesFile zones, Path zonesPath) {
            this.r = r;
            this.params = params;
            this.rasters = rasters;
            this.tables = tables;
            this.zones = zones;
            this.zonesPath = zonesPath;
        }

        ProjectImpactResult run() {
            Footprint fp = Footprint.parse(r.footprintGeoJson(), rasters.grid().crs());
            FootprintCells cells = FootprintCells.of(rasters.grid(), fp);
            try (ReplacementCover replacement = ReplacementCover.open(r.change(), rasters.grid())) {
                FootprintTerrain terrain = FootprintTerrain.compute(
                        rasters.band(RasterInputs.DEM.input()),
                        cells.box(),
                        cells.cells(),
                        params.constant(GepParameters.SLOPE_LENGTH_CAP.name()));
                GridWindow w = terrain.window();
                boolean[] inFootprint = cells.maskIn(w);
                WindowInputs in = readInputs(w, terrain);
                int[] after = CoverChange.apply(r.change(), params, in.cover(), inFootprint, replacement, w);
                List<Geometry> geoms =
                        zones.zones().stream().map(ZonesFile.Zone::geometry).toList();
                int[] countyOfZone = countyOfZone();
                int[] county = CountyCaps.countyOf(w, geoms, countyOfZone);
                Map<String, CapFactors> factors = caches.capFactors(
                        key(),
                        () -> CountyCaps.compute(
                                rasters.band(GepInputs.LAND_COVER.name()),
                                geoms,
                                countyOfZone,
                                params,
                                tables.emissions()));
                DeltaCalculator calc =
                        new DeltaCalculator(params, w.grid().cellAreaSquareMetres(), in, county, factors);
                int[] fpIdx = indices(inFootprint);
                List<IndicatorDelta> deltas = calc.deltas(fpIdx, in.cover(), after);
                FootprintTerrain.Downstream down = terrain.downstream(inFootprint);
                BigDecimal downDelta = calc.soilRetentionDelta(down.cells(), in.cover(), after);
                BigDecimal total =
                        deltas.stream().map(IndicatorDelta::deltaYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
                return new ProjectImpactResult(
                        BigDecimal.valueOf(fp.areaSquareMetres() / 1e4).setScale(3, java.math.RoundingMode.HALF_EVEN),
                        fpIdx.length,
                        r.year(),
                        params.id(),
                        String.valueOf(r.inputs().toAbsolutePath().normalize().getFileName()),
                        classes(in.cover(), fpIdx),
                        classes(after, fpIdx),
                        deltas,
                        total,
                        new FlowPath(
                                down.cells().length,
                                down.leavesWindow(),
                                terrain.margin(),
                                terrain.wholeGrid(),
                                terrain.converged(),
                                downDelta),
                        provenance(fp, replacement));
            }
        }

        private WindowInputs readInputs(GridWindow w, FootprintTerrain terrain) {
            GeoTiffBand lc = rasters.band(GepInputs.LAND_COVER.name());
            float[] raw = w.readWindow(lc);
            int[] cover = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                cover[i] = lc.isNoData(raw[i]) ? -1 : (int) raw[i];
            }
            Map<String, float[]> floats = new LinkedHashMap<>();
            Map<String, Float> noData = new LinkedHashMap<>();
            for (RasterInputs.File f : RasterInputs.FILES) {
                if (f != RasterInputs.LAND_COVER && f != RasterInputs.DEM) {
                    GeoTiffBand b = rasters.band(f.input());
                    floats.put(f.input(), w.readWindow(b));
                    noData.put(
                            f.input(),
                            b.noData().isPresent() ? (float) b.noData().getAsDouble() : Float.NaN);
                }
            }
            floats.put(GepInputs.LS_FACTOR.name(), terrain.ls());
            noData.put(GepInputs.LS_FACTOR.name(), Float.NaN);
            return new WindowInputs(cover, floats, noData);
        }

        private int[] countyOfZone() {
            int[] out = new int[zones.zones().size()];
            for (int z = 0; z < out.length; z++) {
                out[z] = Integer.parseInt(zones.zones().get(z).code().substring(0, 6));
            }
            return out;
        }

        private String key() {
            Path lc = rasters.paths().get(RasterInputs.LAND_COVER.fileName());
            Path em = tables.files().get(EMISSIONS_TABLE);
            return caches.sha256(lc) + "|" + caches.sha256(zonesPath) + "|" + (em == null ? "" : caches.sha256(em))
                    + "|" + params.sha256();
        }

        private Provenance provenance(Footprint fp, ReplacementCover replacement) {
            Map<String, String> sha = new TreeMap<>();
            rasters.paths().forEach((name, path) -> sha.put(name, caches.sha256(path)));
            Path em = tables.files().get(EMISSIONS_TABLE);
            if (em != null) {
                sha.put(EMISSIONS_TABLE, caches.sha256(em));
            }
            sha.put(String.valueOf(zonesPath.getFileName()), caches.sha256(zonesPath));
            String change = r.change() instanceof LandCoverChange.Replacement rep
                    ? "{\"landcoverAfterSha256\":\"" + caches.sha256(rep.landCoverAfter()) + "\"}"
                    : r.change().canonicalJson();
            if (replacement != null) {
                sha.put(String.valueOf(replacement.path().getFileName()), caches.sha256(replacement.path()));
            }
            return new Provenance(
                    params.methodEdition(),
                    params.id(),
                    params.sha256(),
                    EngineVersion.get(),
                    sha,
                    fp.sha256(),
                    liangshan.gep.provenance.Sha256.hex(change.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    change,
                    clock.instant());
        }
    }

    static int[] indices(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    private static Map<Integer, Integer> classes(int[] cover, int[] idx) {
        Map<Integer, Integer> out = new TreeMap<>();
        for (int i : idx) {
            out.merge(Math.max(cover[i], 0), 1, Integer::sum);
        }
        return out;
    }
}
