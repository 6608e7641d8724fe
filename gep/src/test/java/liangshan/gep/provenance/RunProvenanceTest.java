package liangshan.gep.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import liangshan.gep.TestSets;
import liangshan.gep.params.ParameterSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunProvenanceTest {

    /** SHA-256("abc") from FIPS 180-2, appendix B.1. */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void records_edition_set_inputs_version_and_clock_times(@TempDir Path dir) throws IOException {
        Path dem = Files.writeString(dir.resolve("dem.tif"), "abc");
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
        ParameterSet set = TestSets.defaults().withAlternative("runoff-alternative-table");
        RunProvenance.Builder run = RunProvenance.start(clock, set)
                .input("dem", dem)
                .input("statistics", "stats.csv", new ByteArrayInputStream("".getBytes(StandardCharsets.UTF_8)));
        clock.advance(Duration.ofSeconds(42));
        RunProvenance p = run.finish();
        assertThat(p.methodEdition()).isEqualTo("LS-2026.1");
        assertThat(p.parameterSetId()).isEqualTo("quzhou-2025-v1");
        assertThat(p.parameterSetSha256()).isEqualTo(TestSets.defaults().sha256());
        assertThat(p.alternativesApplied()).containsExactly("runoff-alternative-table");
        assertThat(p.inputs())
                .containsExactly(
                        new RunProvenance.InputDigest("dem", "dem.tif", ABC),
                        // SHA-256 of the empty string
                        new RunProvenance.InputDigest(
                                "statistics",
                                "stats.csv",
                                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThat(p.engineVersion()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(p.startedAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(p.finishedAt()).isEqualTo(Instant.parse("2026-03-01T08:00:42Z"));
    }

    @Test
    void file_and_stream_digests_agree_for_large_files(@TempDir Path dir) throws IOException {
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        Path f = Files.write(dir.resolve("big.bin"), data);
        assertThat(Sha256.hex(f)).isEqualTo(Sha256.hex(data)).isEqualTo(Sha256.hex(new ByteArrayInputStream(data)));
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
