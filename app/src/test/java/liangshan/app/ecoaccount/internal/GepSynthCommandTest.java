package liangshan.app.ecoaccount.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import liangshan.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;

/**
 * {@code gep synth} over the platform's real county outlines and its 1,664 village boundaries at a
 * coarse cell size, then {@code gep run} on what it wrote: the two commands fit together.
 */
@IntegrationTest
class GepSynthCommandTest {

    @Autowired
    GepSynthCommand synth;

    @Autowired
    GepRunCommand run;

    @TempDir
    Path tmp;

    @Test
    void synthWritesALandscapeThatGepRunAccounts() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        synth.stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        Path landscape = tmp.resolve("synth");
        int code = new CommandLine(synth).execute("--seed", "7", "--cell-size", "1000", "--out", landscape.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        for (String file : new String[] {
            "landcover.tif",
            "dem.tif",
            "precip.tif",
            "et.tif",
            "r_factor.tif",
            "k_factor.tif",
            "npp.tif",
            "villages.geojson",
            "synth.json",
            "tables/statistics.csv",
            "tables/emissions.csv"
        }) {
            assertThat(landscape.resolve(file)).exists();
        }
        assertThat(Files.readString(landscape.resolve("villages.geojson"))).contains("\"illustrative\":true");

        ByteArrayOutputStream runErr = new ByteArrayOutputStream();
        run.stderr = new PrintStream(runErr, true, StandardCharsets.UTF_8);
        run.stdout = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path out = tmp.resolve("gep");
        int runCode = new CommandLine(run)
                .execute(
                        "--inputs", landscape.toString(),
                        "--zones", landscape.resolve("villages.geojson").toString(),
                        "--params", "quzhou-2025-v1",
                        "--year", "2025",
                        "--out", out.toString());
        assertThat(runCode).as(runErr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllLines(out.resolve("zones.csv")).stream()
                        .filter(l -> l.contains(",water_conservation,"))
                        .count())
                .as("one water conservation row per village, plus outside")
                .isEqualTo(1_665);
    }

    @Test
    void aNegativeCellSizeIsRefusedWithAMessage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        synth.stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = new CommandLine(synth)
                .execute("--cell-size", "-5", "--out", tmp.resolve("x").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cell size");
        assertThat(tmp.resolve("x")).doesNotExist();
    }
}
