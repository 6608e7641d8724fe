package liangshan.app.ecoaccount.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import liangshan.app.support.IntegrationTest;
import liangshan.gep.params.ParameterSets;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import liangshan.raster.geotiff.GeoTiffWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;

/** {@code liangshan gep params list|export} and {@code gep run} through picocli, as the launcher runs them. */
@IntegrationTest
class GepCommandsTest {

    @Autowired
    GepRunCommand runCommand;

    @Autowired
    GepParamsCommand paramsCommand;

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Object command, String... args) {
        out.reset();
        err.reset();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        if (command instanceof GepRunCommand c) {
            c.stdout = o;
            c.stderr = e;
        } else if (command instanceof GepParamsCommand c) {
            c.stdout = o;
            c.stderr = e;
        }
        return new CommandLine(command).execute(args);
    }

    @Test
    void params_list_and_export() throws IOException {
        assertThat(run(paramsCommand, "list")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("quzhou-2025-v1", "LS-2026.1");
        Path file = tmp.resolve("set.json");
        assertThat(run(paramsCommand, "export", "--params", "quzhou-2025-v1", "--out", file.toString()))
                .isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(ParameterSets.export("quzhou-2025-v1"));
        assertThat(run(
                        paramsCommand,
                        "export",
                        "--params",
                        "nope",
                        "--out",
                        tmp.resolve("x.json").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope", "quzhou-2025-v1");
        assertThat(tmp.resolve("x.json")).doesNotExist();
    }

    @Test
    void gep_run_writes_outputs_and_rejects_bad_inputs_without_writing() throws IOException {
        Path in = tmp.resolve("in");
        Path zones = writeInputs(in);
        Path result = tmp.resolve("out");
        int exit = run(
                runCommand,
                "--inputs",
                in.toString(),
                "--zones",
                zones.toString(),
                "--params",
                "quzhou-2025-v1",
                "--year",
                "2025",
                "--out",
                result.toString());
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("indicators");
        List<String> csv = Files.readAllLines(result.resolve("zones.csv"));
        assertThat(csv.get(0)).isEqualTo("zone_code,indicator,quantity,unit,value_yuan");
        assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("330802001001,water_conservation,"));
        assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("outside,carbon_sequestration,"));
        assertThat(result.resolve("report.html")).isRegularFile();

        Files.delete(in.resolve("npp.tif"));
        Path second = tmp.resolve("out2");
        exit = run(
                runCommand,
                "--inputs",
                in.toString(),
                "--zones",
                zones.toString(),
                "--params",
                "quzhou-2025-v1",
                "--year",
                "2025",
                "--out",
                second.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("npp.tif", "input.missing_file");
        assertThat(second).doesNotExist();
    }

    /** A 4 × 4 set at 10 m: zone 330802001001 covers columns 0–1, columns 2–3 are outside. */
    private static Path writeInputs(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("tables"));
        GridGeometry g = new GridGeometry("EPSG:4549", 470_000, 3_200_040, 10, 10, 4, 4);
        float[] cover = {1, 1, 8, 11, 1, 4, 8, 11, 2, 5, 9, 12, 3, 6, 9, 12};
        tif(dir.resolve("landcover.tif"), g, CellType.UINT8, 0, cover);
        float[] dem = new float[16];
        for (int i = 0; i < 16; i++) {
            dem[i] = 100 + 3 * (i % 4) + 5 * (i / 4);
        }
        tif(dir.resolve("dem.tif"), g, CellType.FLOAT32, -9999, dem);
        tif(dir.resolve("precip.tif"), g, CellType.FLOAT32, -9999, filled(1700));
        tif(dir.resolve("et.tif"), g, CellType.FLOAT32, -9999, filled(750));
        tif(dir.resolve("r_factor.tif"), g, CellType.FLOAT32, -9999, filled(4200));
        tif(dir.resolve("k_factor.tif"), g, CellType.FLOAT32, -9999, filled(0.03f));
        tif(dir.resolve("npp.tif"), g, CellType.FLOAT32, -9999, filled(600));
        Files.writeString(dir.resolve("tables/statistics.csv"), """
                level,zone_code,indicator,item,quantity,unit,unit_price_yuan,output_value_yuan
                village,330802001001,agriculture,茶叶 tea,1.5,t,80000,
                """);
        StringBuilder em = new StringBuilder("county_code,pollutant,tonnes\n");
        for (String p : List.of("cod", "nh3n", "tn", "tp", "so2", "nox", "dust")) {
            em.append("330802,").append(p).append(",100\n");
        }
        Files.writeString(dir.resolve("tables/emissions.csv"), em);
        Path zones = dir.resolve("zones.geojson");
        Files.writeString(zones, """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4549"}},
                 "features":[{"type":"Feature","properties":{"code":"330802001001"},"geometry":{"type":"Polygon",
                 "coordinates":[[[470000,3200000],[470020,3200000],[470020,3200040],[470000,3200040],[470000,3200000]]]}}]}
                """);
        return zones;
    }

    private static float[] filled(float v) {
        float[] a = new float[16];
        Arrays.fill(a, v);
        return a;
    }

    private static void tif(Path p, GridGeometry g, CellType type, double noData, float[] values) {
        try (GeoTiffWriter w = GeoTiffWriter.create(p, g, type, OptionalDouble.of(noData), 16)) {
            w.writeRows(values, g.height());
        }
    }
}
