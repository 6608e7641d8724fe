package liangshan.gep.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalDouble;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import liangshan.raster.geotiff.GeoTiffWriter;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A hand-made input set on a {@code w × h} grid of 10 m cells in EPSG:4549 near Quzhou (north-west
 * corner at 118.9 E, 28.95 N): one village (county 330802) covering the grid, a DEM that is a plane
 * rising 1 m per cell eastwards (so every interior cell drains west by D8), uniform inputs
 * (P 1600 mm, ET 700 mm, R 4000, K 0.03125, NPP 500 g C/m²) and the given land cover.
 */
final class ProjectFixture {

    static final double CELL = 10;
    static final float ND = -9999f;
    static final String VILLAGE = "330802001001";

    final int w;
    final int h;
    final GridGeometry grid;
    final Path dir;
    final int[] cover;
    float[] dem;
    String emissions = "county_code,pollutant,tonnes\n330802,cod,1000\n330802,nh3n,1000\n330802,tn,1000\n"
            + "330802,tp,1000\n330802,so2,1000\n330802,nox,1000\n330802,dust,1000\n";

    ProjectFixture(Path dir, int w, int h, int fillClass) {
        this.dir = dir;
        this.w = w;
        this.h = h;
        ProjCoordinate out = new ProjCoordinate();
        CRSFactory f = new CRSFactory();
        new CoordinateTransformFactory()
                .createTransform(f.createFromName("EPSG:4490"), f.createFromName("EPSG:4549"))
                .transform(new ProjCoordinate(118.9, 28.95), out);
        this.grid = new GridGeometry("EPSG:4549", Math.floor(out.x), Math.floor(out.y), CELL, CELL, w, h);
        this.cover = new int[w * h];
        Arrays.fill(cover, fillClass);
        this.dem = new float[w * h];
        for (int i = 0; i < dem.length; i++) {
            dem[i] = 100 + (i % w);
        }
    }

    int index(int row, int col) {
        return row * w + col;
    }

    /** Writes the input set (and {@code villages.geojson}); returns the directory. */
    Path write() {
        try {
            Files.createDirectories(dir.resolve("tables"));
            writeCover(dir.resolve("landcover.tif"), cover);
            tif("dem.tif", dem);
            tif("precip.tif", filled(1600));
            tif("et.tif", filled(700));
            tif("r_factor.tif", filled(4000));
            tif("k_factor.tif", filled(0.03125f));
            tif("npp.tif", filled(500));
            Files.writeString(
                    dir.resolve("tables/statistics.csv"),
                    "level,zone_code,indicator,item,quantity,unit,unit_price_yuan,output_value_yuan\n",
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("tables/emissions.csv"), emissions, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(ProjectImpact.DEFAULT_ZONES), zones(), StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeCover(Path file, int[] codes) {
        float[] v = new float[codes.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = codes[i];
        }
        try (GeoTiffWriter wr = GeoTiffWriter.create(file, grid, CellType.UINT8, OptionalDouble.of(0), 16)) {
            wr.writeRows(v, h);
        }
    }

    private void tif(String name, float[] values) {
        try (GeoTiffWriter wr =
                GeoTiffWriter.create(dir.resolve(name), grid, CellType.FLOAT32, OptionalDouble.of(ND), 16)) {
            wr.writeRows(values, h);
        }
    }

    private float[] filled(float v) {
        float[] a = new float[w * h];
        Arrays.fill(a, v);
        return a;
    }

    private String zones() {
        double x0 = grid.originX();
        double y0 = grid.originY();
        return ("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                        + "\"urn:ogc:def:crs:EPSG::4549\"}},\"features\":[{\"type\":\"Feature\",\"properties\":"
                        + "{\"code\":\"%s\"},\"geometry\":%s}]}")
                .formatted(VILLAGE, rect(x0, y0 - h * CELL, x0 + w * CELL, y0));
    }

    /** A GeoJSON polygon (no CRS member) of the rectangle. */
    static String rect(double xa, double ya, double xb, double yb) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"
                .formatted(xa, ya, xb, ya, xb, yb, xa, yb, xa, ya);
    }

    /** Footprint GeoJSON in the grid's CRS covering rows r0..r1 and columns c0..c1 (inclusive). */
    String footprint(int r0, int c0, int r1, int c1) {
        double x0 = grid.originX();
        double y0 = grid.originY();
        String polygon = rect(x0 + c0 * CELL, y0 - (r1 + 1) * CELL, x0 + (c1 + 1) * CELL, y0 - r0 * CELL);
        return "{\"type\":\"Feature\",\"properties\":{},\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                + "\"EPSG:4549\"}},\"geometry\":" + polygon + "}";
    }
}
