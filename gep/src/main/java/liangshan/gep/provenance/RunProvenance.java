package liangshan.gep.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.spec.MethodClause;

/**
 * What a GEP run used, so that an auditor can reproduce it: the method edition, the parameter
 * set (id, SHA-256 of its canonical content, alternatives applied), the SHA-256 of every input
 * file, the engine version, and start and finish times taken from the injected {@link Clock}.
 *
 * @param methodEdition e.g. {@code LS-2026.1}
 * @param parameterSetId e.g. {@code quzhou-2025-v1}
 * @param parameterSetSha256 canonical-content SHA-256 of the set
 * @param alternativesApplied alternatives applied (e.g. a runoff table), in order
 * @param inputs digests of every input, in the order given
 * @param engineVersion version of this engine
 * @param startedAt start time
 * @param finishedAt finish time
 */
public record RunProvenance(
        String methodEdition,
        String parameterSetId,
        String parameterSetSha256,
        List<String> alternativesApplied,
        List<InputDigest> inputs,
        String engineVersion,
        Instant startedAt,
        Instant finishedAt) {

    /**
     * Digest of one input.
     *
     * @param name input name (spec input name, or a file label)
     * @param source file name or other label of where the bytes came from
     * @param sha256 SHA-256 of the bytes, lower-case hex
     */
    public record InputDigest(String name, String source, String sha256) {}

    public RunProvenance {
        Objects.requireNonNull(methodEdition);
        Objects.requireNonNull(parameterSetId);
        Objects.requireNonNull(parameterSetSha256);
        alternativesApplied = List.copyOf(alternativesApplied);
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(engineVersion);
        Objects.requireNonNull(startedAt);
        Objects.requireNonNull(finishedAt);
        if (finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("finished before started");
        }
    }

    /** Starts recording a run at {@code clock.instant()}. */
    public static Builder start(Clock clock, ParameterSet params) {
        return new Builder(clock, params);
    }

    /** Collects input digests during a run. */
    public static final class Builder {
        private final Clock clock;
        private final ParameterSet params;
        private final Instant startedAt;
        private final List<InputDigest> inputs = new ArrayList<>();

        private Builder(Clock clock, ParameterSet params) {
            this.clock = Objects.requireNonNull(clock);
            this.params = Objects.requireNonNull(params);
            this.startedAt = clock.instant();
        }

        /** Records the SHA-256 of the file at {@code path}. */
        public Builder input(String name, Path path) {
            Path fileName = path.getFileName();
            inputs.add(
                    new InputDigest(name, fileName == null ? path.toString() : fileName.toString(), Sha256.hex(path)));
            return this;
        }

        /**
         * Records the file at {@code path} with its SHA-256 {@code sha256} (lower-case hex) computed
         * by the caller earlier in the run; a null digest is computed now.
         */
        public Builder input(String name, Path path, String sha256) {
            if (sha256 == null) {
                return input(name, path);
            }
            Path fileName = path.getFileName();
            inputs.add(new InputDigest(name, fileName == null ? path.toString() : fileName.toString(), sha256));
            return this;
        }

        /** Records the SHA-256 of everything in {@code in} (read to the end, not closed). */
        public Builder input(String name, String source, InputStream in) {
            try {
                inputs.add(new InputDigest(name, source, Sha256.hex(in)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read input " + name, e);
            }
            return this;
        }

        /** Finishes the record at {@code clock.instant()}. */
        public RunProvenance finish() {
            return new RunProvenance(
                    MethodClause.EDITION,
                    params.id(),
                    params.sha256(),
                    params.alternativesApplied(),
                    inputs,
                    EngineVersion.get(),
                    startedAt,
                    clock.instant());
        }
    }
}
