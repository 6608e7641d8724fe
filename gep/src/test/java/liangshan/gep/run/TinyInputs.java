package liangshan.gep.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import liangshan.raster.Band;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import liangshan.raster.geotiff.GeoTiffWriter;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A hand-made 6 × 6 input set, 10 m cells in EPSG:4549 near Quzhou. Zone A ({@link #ZONE_A})
 * covers columns 0–2, zone B ({@link #ZONE_B}) columns 3–4, column 5 is outside every zone. Both
 * villages are in county 330802. The reservoir's dam point projects into cell (1, 1) of zone A.
 */
final class TinyInputs {

    static final int W = 6;
    static final int H = 6;
    static final double CELL = 10;
    static final String ZONE_A = "330802001001";
    static final String ZONE_B = "330802001002";
    static final float ND = -9999f;
    static final double DAM_LON = 118.9;
    static final double DAM_LAT = 28.95;

    static final int[] COVER = {
        1, 1, 8, 10, 11, 13,
        1, 4, 8, 10, 11, 13,
        2, 5, 9, 10, 12, 7,
        3, 6, 9, 12, 14, 1,
        1, 1, 8, 8, 1, 1,
        0, 1, 8, 8, 1, 1
    };

    final GridGeometry grid;
    final Path dir;

    TinyInputs(Path dir) {
        this.dir = dir;
        ProjCoordinate out = new ProjCoordinate();
        CRSFactory f = new CRSFactory();
        new CoordinateTransformFactory()
                .createTransform(f.createFromName("EPSG:4490"), f.createFromName("EPSG:4549"))
                .transform(new ProjCoordinate(DAM_LON, DAM_LAT), out);
        // Dam point at 15 m east and 15 m south of the origin: centre of cell (1, 1).
        this.grid = new GridGeometry("EPSG:4549", out.x - 15, out.y + 15, CELL, CELL, W, H);
    }

    static float[] dem() {
        float[] v = new float[W * H];
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                v[r * W + c] = 100 + 2.5f * c + 4f * r + (r == 2 && c == 2 ? -3f : 0f) + 0.3f * ((r * 7 + c * 3) % 5);
            }
        }
        return v;
    }

    static float[] precip() {
        float[] v = ramp(1600, 10);
        v[4 * W + 4] = ND;
        return v;
    }

    static float[] et() {
        return ramp(700, 5);
    }

    static float[] rFactor() {
        return ramp(4000, 3);
    }

    static float[] kFactor() {
        float[] v = new float[W * H];
        java.util.Arrays.fill(v, 0.03f);
        return v;
    }

    static float[] npp() {
        return ramp(500, 1);
    }

    static float[] ramp(float base, float step) {
        float[] v = new float[W * H];
        for (int i = 0; i < v.length; i++) {
            v[i] = base + step * i;
        }
        return v;
    }

    static float[] cover() {
        float[] v = new float[W * H];
        for (int i = 0; i < v.length; i++) {
            v[i] = COVER[i];
        }
        return v;
    }

    /** Writes every file of a valid input set and the zones in EPSG:4549; returns the zones file. */
    Path writeAll() {
        try {
            Files.createDirectories(dir.resolve("tables"));
            tif("landcover.tif", grid, CellType.UINT8, OptionalDouble.of(0), cover());
            tif("dem.tif", grid, CellType.FLOAT32, OptionalDouble.of(ND), dem());
            tif("precip.tif", grid, CellType.FLOAT32, OptionalDouble.of(ND), precip());
            tif("et.tif", grid, CellType.FLOAT32, OptionalDouble.of(ND), et());
            tif("r_factor.tif", grid, CellType.FLOAT32, OptionalDouble.of(ND), rFactor());
            tif("k_factor.tif", grid, CellType.FLOAT32, OptionalDouble.of(ND), kFactor());
            tif("npp.tif", grid, CellType.FLOAT32, OptionalDouble.of(ND), npp());
            write("tables/statistics.csv", """
                    level,zone_code,indicator,item,quantity,unit,unit_price_yuan,output_value_yuan
                    village,330802001001,agriculture,茶叶 tea,2.5,t,80000,
                    county,330802,forestry,"木材, timber",,,,10000.00
                    village,330802001002,forestry,"木材, timber",,,,1234.56
                    village,330802001002,recreation,游客 visitors,1000,人次,150,
                    """);
            write("tables/emissions.csv", """
                    county_code,pollutant,tonnes
                    330802,cod,0.001
                    330802,nh3n,1000
                    330802,tn,1000
                    330802,tp,1000
                    330802,so2,1000
                    330802,nox,1000
                    330802,dust,1000
                    """);
            write(
                    "tables/reservoirs.csv",
                    "name,lon,lat,capacity_m3\n示例水库,%s,%s,1000000\n".formatted(DAM_LON, DAM_LAT));
            return writeZones(dir.resolve("zones.geojson"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path writeZones(Path file) throws IOException {
        double x0 = grid.originX();
        double y0 = grid.originY();
        double y1 = y0 - H * CELL;
        String json = """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},
                 "features":[%s,%s]}
                """.formatted(rect(ZONE_A, x0, x0 + 30, y1, y0), rect(ZONE_B, x0 + 30, x0 + 50, y1, y0));
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private static String rect(String code, double xa, double xb, double ya, double yb) {
        return ("{\"type\":\"Feature\",\"properties\":{\"code\":\"%s\"},\"geometry\":{\"type\":\"Polygon\","
                        + "\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}")
                .formatted(code, xa, ya, xb, ya, xb, yb, xa, yb, xa, ya);
    }

    void tif(String name, GridGeometry g, CellType type, OptionalDouble noData, float[] values) {
        try (GeoTiffWriter w = GeoTiffWriter.create(dir.resolve(name), g, type, noData, 16)) {
            w.writeRows(values, g.height());
        }
    }

    void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    Band band(String name, float[] values) {
        return Band.ofFloat(name, "-", grid, ND, values);
    }

    /** Zone slot of a cell: 1 = A, 2 = B, 0 = outside. */
    static int slot(int i) {
        int c = i % W;
        return c < 3 ? 1 : c < 5 ? 2 : 0;
    }
}
