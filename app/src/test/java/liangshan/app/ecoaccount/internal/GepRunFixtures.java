package liangshan.app.ecoaccount.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import liangshan.app.web.ApiClient;
import liangshan.gep.synth.SyntheticLandscape;
import tools.jackson.databind.JsonNode;

/**
 * Shared fixtures of the GEP job and account tests: small synthetic input sets of one county
 * (柯城区 330802, 291 villages) at a coarse cell size, so a run takes a second or two, and helpers
 * to start runs and wait for them.
 */
final class GepRunFixtures {

    static final String COUNTY = "330802";
    static final String OTHER_COUNTY = "330803";
    static final String PARAMS = "quzhou-2025-v1";
    /** Base year of the tests' runs: far from the demo's years, unique to these tests. */
    static final String BASE = "it-330802-base";

    static final String DRY = "it-330802-dry";
    static final String BAD = "it-330802-bad";
    static final double CELL = 200;

    private GepRunFixtures() {}

    /** Writes the input sets (idempotent): base, a drier year with built-up growth, and a broken one. */
    static void writeInputSets(GepSynthLandscapes landscapes, GepInputSets inputSets) {
        landscapes.write(new GepSynthLandscapes.Spec(
                BASE, COUNTY, 5, CELL, SyntheticLandscape.Variation.NONE, 2081, "测试", "test"));
        landscapes.write(new GepSynthLandscapes.Spec(
                DRY, COUNTY, 5, CELL, new SyntheticLandscape.Variation(0.9, 1_500), 2082, "测试", "test"));
        Path bad = inputSets.root().resolve(BAD);
        if (!Files.isDirectory(bad)) {
            copy(inputSets.root().resolve(BASE), bad);
            try {
                Files.writeString(
                        bad.resolve("tables/statistics.csv"),
                        "level,zone_code,indicator,item,quantity,unit,unit_price_yuan,output_value_yuan,bogus\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static ApiClient.Response start(ApiClient client, String inputs, int year, String scope) {
        return client.post(
                "/api/v1/gep/runs",
                ApiClient.json(Map.of("inputs", inputs, "year", year, "params", PARAMS, "scope", scope)));
    }

    /** Starts a run and waits until it has finished; fails unless it succeeded. */
    static JsonNode runToSuccess(ApiClient client, String inputs, int year, String scope) {
        ApiClient.Response r = start(client, inputs, year, scope);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        JsonNode done = awaitFinished(client, r.json().path("id").asString());
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("succeeded");
        return done;
    }

    static JsonNode awaitFinished(ApiClient client, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = client.get("/api/v1/gep/runs/" + id).json();
            String status = run.path("status").asString();
            if (status.equals("succeeded") || status.equals("failed") || status.equals("cancelled")) {
                return run;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + id + " did not finish in 180 s");
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
