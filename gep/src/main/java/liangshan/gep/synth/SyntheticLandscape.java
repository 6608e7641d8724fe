package liangshan.gep.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import liangshan.raster.geotiff.GeoTiffWriter;
import liangshan.raster.zonal.ZoneIndex;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * Writes an illustrative (示意) Quzhou landscape — the rasters and tables {@code gep run} reads —
 * inside the given county and village polygons, deterministically from a seed. See the package
 * documentation for files and units. Memory: about 10 bytes per cell of the city's bounding box
 * (elevation, land cover, two zone indexes), e.g. 0.15 GB at 30 m and 1.4 GB at 10 m.
 */
public final class SyntheticLandscape {

    /** Generator version, recorded in {@code synth.json}; change it when the output changes. */
    public static final String VERSION = "synth-2";

    static final float NO_DATA = -9999f;
    private static final int STRIP_ROWS = 64;
    private static final String CRS = "EPSG:4549";

    /** Converts between lon/lat (EPSG:4490) and the grid's metres (EPSG:4549). */
    public interface Projection {
        double[] toGrid(double lon, double lat);

        double[] toLonLat(double x, double y);
    }

    /** A county or village: code, name, polygon in EPSG:4549 and in lon/lat. */
    public record Zone(String code, String name, Geometry grid, Geometry lonLat) {}

    /**
     * A change of the landscape between accounting years, applied to the same seed so that the
     * terrain stays the same: precipitation (and with it rainfall erosivity) scaled by {@code
     * precipitationFactor}, and forest cells (classes 1–4) within {@code seatGrowthMetres} of a
     * county seat's built-up reach converted to built-up land (class 13). Illustrative only.
     *
     * @param precipitationFactor factor on precipitation, 0.5–1.5 (1 = unchanged)
     * @param seatGrowthMetres growth of the built-up reach of the county seats in metres, 0–5,000
     */
    public record Variation(double precipitationFactor, double seatGrowthMetres) {

        /** The landscape as generated (no change). */
        public static final Variation NONE = new Variation(1, 0);

        public Variation {
            if (!(precipitationFactor >= 0.5 && precipitationFactor <= 1.5)) {
                throw new IllegalArgumentException("precipitation factor must be 0.5–1.5, was " + precipitationFactor);
            }
            if (!(seatGrowthMetres >= 0 && seatGrowthMetres <= 5_000)) {
                throw new IllegalArgumentException("seat growth must be 0–5000 m, was " + seatGrowthMetres);
            }
        }
    }

    /** What was written: the grid and the share of each land-cover class 1–14 (index = class). */
    public record Result(Path out, GridGeometry grid, double[] classShares, int villages) {}

    private SyntheticLandscape() {}

    /**
     * Generates into {@code out} (created; existing files of the same names are replaced).
     *
     * @throws IllegalArgumentException on a cell size outside 5–5,000 m, no counties or villages,
     *     or a grid too large for the heap
     */
    public static Result generate(
            long seed,
            double cellSizeMetres,
            List<Zone> counties,
            List<Zone> villages,
            Projection projection,
            Path out,
            Consumer<String> progress) {
        return generate(seed, cellSizeMetres, counties, villages, projection, out, progress, Variation.NONE);
    }

    /**
     * As {@link #generate(long, double, List, List, Projection, Path, Consumer)}, with the landscape
     * changed by {@code variation} (recorded in {@code synth.json}).
     */
    public static Result generate(
            long seed,
            double cellSizeMetres,
            List<Zone> counties,
            List<Zone> villages,
            Projection projection,
            Path out,
            Consumer<String> progress,
            Variation variation) {
        if (!(cellSizeMetres >= 5 && cellSizeMetres <= 5_000)) {
            throw new IllegalArgumentException("cell size must be between 5 and 5000 m, was " + cellSizeMetres);
        }
        if (counties.isEmpty() || villages.isEmpty()) {
            throw new IllegalArgumentException("counties and villages are required");
        }
        GridGeometry grid = grid(counties, cellSizeMetres);
        long needed = grid.cellCount() * 10L;
        if (grid.cellCount() > Integer.MAX_VALUE / 2
                || needed > Runtime.getRuntime().maxMemory() * 0.8) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "a %.0f m grid (%d cells) needs about %d MB of heap; give Java more (-Xmx) or a larger cell size",
                    cellSizeMetres,
                    grid.cellCount(),
                    needed >> 20));
        }
        try {
            Files.createDirectories(out.resolve("tables"));
            Terrain terrain = Geography.terrain(seed, projection, cellSizeMetres);
            progress.accept("栅格 grid " + grid.width() + " × " + grid.height() + " @ " + cellSizeMetres + " m");
            ZoneIndex inCity =
                    ZoneIndex.rasterise(grid, counties.stream().map(Zone::grid).toList());
            ZoneIndex inVillage =
                    ZoneIndex.rasterise(grid, villages.stream().map(Zone::grid).toList());
            progress.accept("地形 terrain");
            float[] dem = elevations(grid, terrain);
            progress.accept("土地覆被 land cover");
            byte[] cover = landCover(grid, terrain, dem, inCity, variation.seatGrowthMetres());
            progress.accept("写出栅格 writing rasters");
            writeRasters(out, grid, seed, dem, cover, variation.precipitationFactor());
            int[][] classCells = classCells(cover, inVillage, villages.size());
            progress.accept("写出表格 writing tables");
            SynthTables.write(out.resolve("tables"), seed, grid, villages, classCells);
            writeVillages(out.resolve("villages.geojson"), villages);
            double[] shares = shares(cover);
            writeManifest(out.resolve("synth.json"), seed, grid, shares, variation);
            return new Result(out, grid, shares, villages.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic landscape to " + out, e);
        }
    }

    /** The city's bounding box, snapped outwards to multiples of the cell size. */
    static GridGeometry grid(List<Zone> counties, double cell) {
        Envelope e = new Envelope();
        counties.forEach(c -> e.expandToInclude(c.grid().getEnvelopeInternal()));
        double minX = Math.floor(e.getMinX() / cell) * cell;
        double maxY = Math.ceil(e.getMaxY() / cell) * cell;
        int width = (int) Math.ceil((e.getMaxX() - minX) / cell);
        int height = (int) Math.ceil((maxY - e.getMinY()) / cell);
        return new GridGeometry(CRS, minX, maxY, cell, cell, width, height);
    }

    private static float[] elevations(GridGeometry grid, Terrain terrain) {
        float[] dem = new float[Math.toIntExact(grid.cellCount())];
        for (int row = 0; row < grid.height(); row++) {
            double y = grid.centreY(row);
            for (int col = 0; col < grid.width(); col++) {
                dem[grid.index(col, row)] = terrain.elevation(grid.centreX(col), y);
            }
        }
        return dem;
    }

    private static byte[] landCover(
            GridGeometry grid, Terrain terrain, float[] dem, ZoneIndex inCity, double seatGrowthMetres) {
        byte[] cover = new byte[dem.length];
        int w = grid.width();
        int h = grid.height();
        double cell = grid.cellWidth();
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                int i = grid.index(col, row);
                if (inCity.zoneOf(i) == ZoneIndex.OUTSIDE) {
                    continue;
                }
                double dzdx =
                        (dem[grid.index(Math.min(col + 1, w - 1), row)] - dem[grid.index(Math.max(col - 1, 0), row)])
                                / (2 * cell);
                double dzdy =
                        (dem[grid.index(col, Math.min(row + 1, h - 1))] - dem[grid.index(col, Math.max(row - 1, 0))])
                                / (2 * cell);
                double slope = Math.toDegrees(Math.atan(Math.hypot(dzdx, dzdy)));
                int c = terrain.landCover(grid.centreX(col), grid.centreY(row), dem[i], slope);
                if (seatGrowthMetres > 0
                        && c >= 1
                        && c <= 4
                        && terrain.nearSeat(grid.centreX(col), grid.centreY(row), seatGrowthMetres)) {
                    c = 13;
                }
                cover[i] = (byte) c;
            }
        }
        return cover;
    }

    private static void writeRasters(
            Path out, GridGeometry grid, long seed, float[] dem, byte[] cover, double precipitationFactor) {
        String[] names = {"landcover", "dem", "precip", "et", "r_factor", "k_factor", "npp"};
        List<GeoTiffWriter> writers = new ArrayList<>();
        try {
            for (String name : names) {
                boolean classes = name.equals("landcover");
                writers.add(GeoTiffWriter.create(
                        out.resolve(name + ".tif"),
                        grid,
                        classes ? CellType.UINT8 : CellType.FLOAT32,
                        OptionalDouble.of(classes ? 0 : NO_DATA)));
            }
            int w = grid.width();
            float[][] strips = new float[names.length][w * STRIP_ROWS];
            for (int row0 = 0; row0 < grid.height(); row0 += STRIP_ROWS) {
                int rows = Math.min(STRIP_ROWS, grid.height() - row0);
                for (int r = 0; r < rows; r++) {
                    for (int col = 0; col < w; col++) {
                        int i = grid.index(col, row0 + r);
                        CellValues.fill(
                                strips,
                                r * w + col,
                                cover[i],
                                dem[i],
                                seed,
                                grid.centreX(col),
                                grid.centreY(row0 + r),
                                precipitationFactor);
                    }
                }
                for (int b = 0; b < names.length; b++) {
                    writers.get(b).writeRows(strips[b], rows);
                }
            }
        } finally {
            for (GeoTiffWriter writer : writers) {
                writer.close();
            }
        }
    }

    private static int[][] classCells(byte[] cover, ZoneIndex inVillage, int villages) {
        int[][] counts = new int[villages][15];
        for (int i = 0; i < cover.length; i++) {
            int zone = inVillage.zoneOf(i);
            if (zone != ZoneIndex.OUTSIDE && cover[i] != 0) {
                counts[zone][cover[i]]++;
            }
        }
        return counts;
    }

    private static double[] shares(byte[] cover) {
        long[] counts = new long[15];
        long total = 0;
        for (byte c : cover) {
            if (c != 0) {
                counts[c]++;
                total++;
            }
        }
        double[] shares = new double[15];
        for (int c = 1; c < 15; c++) {
            shares[c] = total == 0 ? 0 : (double) counts[c] / total;
        }
        return shares;
    }

    private static void writeVillages(Path file, List<Zone> villages) throws IOException {
        GeoJsonWriter geojson = new GeoJsonWriter(7);
        geojson.setEncodeCRS(false);
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (int i = 0; i < villages.size(); i++) {
            Zone v = villages.get(i);
            json.append(i == 0 ? "" : ",\n")
                    .append("{\"type\":\"Feature\",\"properties\":{\"code\":\"")
                    .append(v.code())
                    .append("\",\"name\":\"")
                    .append(v.name().replace("\"", "\\\""))
                    .append("\",\"county_code\":\"")
                    .append(v.code(), 0, 6)
                    .append("\",\"illustrative\":true},\"geometry\":")
                    .append(geojson.write(v.lonLat()))
                    .append('}');
        }
        json.append("\n]}\n");
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }

    private static void writeManifest(Path file, long seed, GridGeometry grid, double[] shares, Variation variation)
            throws IOException {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"generator\": \"").append(VERSION).append("\",\n");
        json.append("  \"illustrative\": true,\n  \"note\": \"示意数据：合成景观，非真实观测 / illustrative synthetic data\",\n");
        json.append("  \"seed\": ").append(seed).append(",\n");
        if (!variation.equals(Variation.NONE)) {
            json.append(String.format(
                    Locale.ROOT,
                    "  \"variation\": {\"precipitationFactor\": %.4f, \"seatGrowthMetres\": %.1f},%n",
                    variation.precipitationFactor(),
                    variation.seatGrowthMetres()));
        }
        json.append(String.format(
                Locale.ROOT,
                "  \"grid\": {\"crs\": \"%s\", \"originX\": %.3f, \"originY\": %.3f, \"cellSize\": %.3f, \"width\": %d, \"height\": %d},%n",
                grid.crs(),
                grid.originX(),
                grid.originY(),
                grid.cellWidth(),
                grid.width(),
                grid.height()));
        json.append("  \"classShares\": {");
        for (int c = 1; c < 15; c++) {
            json.append(String.format(Locale.ROOT, "%s\"%d\": %.4f", c == 1 ? "" : ", ", c, shares[c]));
        }
        json.append("}\n}\n");
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }
}
