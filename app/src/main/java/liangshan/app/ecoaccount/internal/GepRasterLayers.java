package liangshan.app.ecoaccount.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import liangshan.app.identity.Actor;
import liangshan.app.platform.DataDirectory;
import liangshan.app.web.ApiException;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.IndicatorSpecs;
import liangshan.gep.spec.OutputSpec;
import liangshan.raster.GridGeometry;
import liangshan.raster.geotiff.GeoTiff;
import liangshan.raster.geotiff.GeoTiffBand;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The per-cell maps of the latest succeeded GEP run of a year as web-map image layers. A run's
 * maps are {@code <data-dir>/gep/runs/<runId>/out/maps/<indicator>.tif} ({@link #RUN_OUTPUT}, the
 * layout agreed with the run jobs). Listing the layers computes (once) only each map's legend and
 * caches it beside the map as {@code <indicator>.legend.properties} (size and range); the PNG of a
 * layer is rendered by {@link GepRasterRenderer} only when that layer is requested, and cached as
 * {@code <indicator>.png}. Both caches are redone when the map is newer than them.
 *
 * <p><b>Which run.</b> The latest succeeded run of the year (by finish time) whose scope overlaps
 * the actor's data scope: runs of the actor's county or of the whole city. A map shows physical
 * quantities per cell, not any village's account; a county officer sees a city-wide run's map.
 */
@Service
public class GepRasterLayers {

    /** The output directory of a run under the data directory ({@code %s} = run id). */
    static final String RUN_OUTPUT = "gep/runs/%s/out";

    private static final Pattern INDICATOR = Pattern.compile("[a-z][a-z_]{0,63}");
    private static final Set<String> INDICATORS =
            IndicatorSpecs.all().stream().map(IndicatorSpec::id).collect(Collectors.toUnmodifiableSet());
    private static final String LON_LAT = "EPSG:4490";

    /**
     * One map layer.
     *
     * @param unit the unit of a cell's value (the indicator's quantity per cell), null when its
     *     outputs have no common unit
     * @param min legend minimum (P2 of positive pixels), 3 decimals
     * @param max legend maximum (P98), 3 decimals
     * @param bounds lon/lat (EPSG:4490) of the image corners: top-left, top-right, bottom-right,
     *     bottom-left
     */
    public record Layer(
            String indicator,
            String nameZh,
            String nameEn,
            String unit,
            String min,
            String max,
            String url,
            double[][] bounds,
            int width,
            int height,
            String runId,
            int year,
            double cellSizeM) {}

    private record Run(String id, int year, String scopeCode) {}

    private final JdbcClient jdbc;
    private final DataDirectory dataDirectory;
    private final Map<Path, Object> locks = new ConcurrentHashMap<>();

    GepRasterLayers(JdbcClient jdbc, DataDirectory dataDirectory) {
        this.jdbc = jdbc;
        this.dataDirectory = dataDirectory;
    }

    /** The layers of {@code year} (null: the latest year with a visible run); empty when none. */
    public List<Layer> list(Actor actor, Integer year) {
        requireSignedIn(actor);
        Optional<Run> run = latestRun(actor, year);
        if (run.isEmpty()) {
            return List.of();
        }
        Path maps = mapsDir(run.get());
        List<Layer> layers = new ArrayList<>();
        for (IndicatorSpec spec : IndicatorSpecs.all()) {
            Path tif = maps.resolve(spec.id() + ".tif");
            if (Files.isRegularFile(tif)) {
                layers.add(layer(run.get(), spec, tif));
            }
        }
        return layers;
    }

    /** The cached PNG of one layer (rendered when missing or stale); 404 {@code gep.raster.not-found}. */
    public Path png(Actor actor, int year, String indicator) {
        requireSignedIn(actor);
        if (!INDICATOR.matcher(indicator).matches() || !INDICATORS.contains(indicator)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "gep.raster.not-found", String.valueOf(year), indicator);
        }
        Path tif = latestRun(actor, year)
                .map(r -> mapsDir(r).resolve(indicator + ".tif"))
                .filter(Files::isRegularFile)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.NOT_FOUND, "gep.raster.not-found", String.valueOf(year), indicator));
        cachedPng(tif);
        return pngOf(tif);
    }

    private static void requireSignedIn(Actor actor) {
        if (actor.isAnonymous()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "auth.required");
        }
    }

    private Optional<Run> latestRun(Actor actor, Integer year) {
        String scope = actor.scope().divisionCode();
        JdbcClient.StatementSpec query = jdbc.sql("select id, year, scope_code from gep_run where status = 'succeeded'"
                        + (year == null ? "" : " and year = :year")
                        + " and (scope_code like :scope || '%' or :scope like scope_code || '%')"
                        + " order by year desc, finished_at desc nulls last, id desc limit 1")
                .param("scope", scope);
        if (year != null) {
            query = query.param("year", year);
        }
        return query.query((rs, n) -> new Run(rs.getString("id"), rs.getInt("year"), rs.getString("scope_code")))
                .optional();
    }

    private Path mapsDir(Run run) {
        return dataDirectory.dataDir().resolve(RUN_OUTPUT.formatted(run.id())).resolve("maps");
    }

    private Layer layer(Run run, IndicatorSpec spec, Path tif) {
        GepRasterRenderer.Legend legend = legend(tif);
        GridGeometry grid;
        try (GeoTiffBand band = GeoTiff.open(tif, "map")) {
            grid = band.grid();
        }
        Set<String> units = spec.outputs(OutputSpec.Kind.QUANTITY).stream()
                .map(o -> o.unit().symbol())
                .collect(Collectors.toSet());
        return new Layer(
                spec.id(),
                spec.nameZh(),
                spec.nameEn(),
                units.size() == 1 ? units.iterator().next() : null,
                decimal(legend.min()),
                decimal(legend.max()),
                "/api/v1/gep/rasters/" + run.year() + "/" + spec.id() + ".png",
                corners(grid),
                legend.width(),
                legend.height(),
                run.id(),
                run.year(),
                grid.cellWidth());
    }

    private static String decimal(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** The grid's four outer corners in lon/lat: NW, NE, SE, SW (MapLibre image source order). */
    static double[][] corners(GridGeometry grid) {
        CRSFactory factory = new CRSFactory();
        CoordinateReferenceSystem from = factory.createFromName(grid.crs());
        CoordinateReferenceSystem to = factory.createFromName(LON_LAT);
        CoordinateTransform transform = new CoordinateTransformFactory().createTransform(from, to);
        double[][] xy = {
            {grid.originX(), grid.originY()},
            {grid.maxX(), grid.originY()},
            {grid.maxX(), grid.minY()},
            {grid.originX(), grid.minY()}
        };
        double[][] out = new double[4][];
        for (int i = 0; i < 4; i++) {
            ProjCoordinate p = new ProjCoordinate();
            transform.transform(new ProjCoordinate(xy[i][0], xy[i][1]), p);
            out[i] = new double[] {round6(p.x), round6(p.y)};
        }
        return out;
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static Path pngOf(Path tif) {
        String name = tif.getFileName().toString();
        return tif.resolveSibling(name.substring(0, name.length() - ".tif".length()) + ".png");
    }

    /**
     * The legend of {@code tif}: from {@code <indicator>.legend.properties} when it is newer than
     * the map, else computed ({@link GepRasterRenderer#legend}: the map is read and downsampled,
     * no image is encoded) and cached. Listing the layers needs only this.
     */
    private GepRasterRenderer.Legend legend(Path tif) {
        Path meta = legendOf(tif);
        synchronized (locks.computeIfAbsent(tif, k -> new Object())) {
            try {
                if (fresh(meta, tif)) {
                    return readLegend(meta);
                }
                GepRasterRenderer.Legend legend = GepRasterRenderer.legend(tif);
                writeLegend(meta, legend);
                return legend;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot cache the legend of " + tif, e);
            }
        }
    }

    /**
     * Renders {@code tif}'s PNG when it is missing or older than the map — only this layer; the
     * legend is taken from its cache when fresh (so the image matches the listed range) or
     * computed in the same pass and cached.
     */
    private void cachedPng(Path tif) {
        Path png = pngOf(tif);
        Path meta = legendOf(tif);
        synchronized (locks.computeIfAbsent(tif, k -> new Object())) {
            try {
                if (fresh(png, tif)) {
                    return;
                }
                if (fresh(meta, tif)) {
                    writeAtomically(png, GepRasterRenderer.render(tif, readLegend(meta)));
                    return;
                }
                GepRasterRenderer.Rendered r = GepRasterRenderer.render(tif);
                writeLegend(meta, r.legend());
                writeAtomically(png, r.png());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot cache the rendering of " + tif, e);
            }
        }
    }

    private static boolean fresh(Path cache, Path tif) throws IOException {
        return Files.isRegularFile(cache)
                && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(tif)) >= 0;
    }

    private static Path legendOf(Path tif) {
        String name = tif.getFileName().toString();
        return tif.resolveSibling(name.substring(0, name.length() - ".tif".length()) + ".legend.properties");
    }

    private static void writeLegend(Path meta, GepRasterRenderer.Legend legend) throws IOException {
        Properties p = new Properties();
        p.setProperty("width", String.valueOf(legend.width()));
        p.setProperty("height", String.valueOf(legend.height()));
        p.setProperty("min", String.valueOf(legend.min()));
        p.setProperty("max", String.valueOf(legend.max()));
        Path tmp = Files.createTempFile(meta.getParent(), ".legend", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "legend of " + meta.getFileName());
        }
        Files.move(tmp, meta, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".render", ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static GepRasterRenderer.Legend readLegend(Path meta) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new GepRasterRenderer.Legend(
                Integer.parseInt(p.getProperty("width")),
                Integer.parseInt(p.getProperty("height")),
                Double.parseDouble(p.getProperty("min")),
                Double.parseDouble(p.getProperty("max")));
    }
}
