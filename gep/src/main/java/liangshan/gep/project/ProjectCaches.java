package liangshan.gep.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import liangshan.gep.cell.InputProblem;
import liangshan.gep.provenance.Sha256;
import liangshan.gep.regulating.EmissionCapped.CapFactors;
import liangshan.gep.run.ZonesFile;

/**
 * What a project computation may reuse from an earlier one: file hashes and parsed zone files
 * (keyed by absolute path, size and modification time — a rewritten file is read again), and the
 * county cap factors (keyed by the hashes of land cover, zones and emissions and the parameter
 * set's hash). Each cache keeps its 16 most recently used entries.
 */
final class ProjectCaches {

    private static final int ENTRIES = 16;

    private final Map<String, String> sha = lru();
    private final Map<String, ZonesFile> zones = lru();
    private final Map<String, Map<String, CapFactors>> factors = lru();

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > ENTRIES;
            }
        };
    }

    /** SHA-256 of {@code file}, computed once per version of the file. */
    String sha256(Path file) {
        String key = fileKey(file);
        synchronized (sha) {
            String hit = sha.get(key);
            if (hit != null) {
                return hit;
            }
        }
        String value = Sha256.hex(file);
        synchronized (sha) {
            sha.put(key, value);
        }
        return value;
    }

    /** The zone file read into the grid's CRS; {@code null} after adding problems. */
    ZonesFile zones(Path file, String gridCrs, List<InputProblem> problems) {
        String key = fileKey(file) + "|" + gridCrs;
        synchronized (zones) {
            ZonesFile hit = zones.get(key);
            if (hit != null) {
                return hit;
            }
        }
        int before = problems.size();
        ZonesFile z = ZonesFile.read(file, gridCrs, problems);
        if (z != null && problems.size() == before) {
            synchronized (zones) {
                zones.put(key, z);
            }
            return z;
        }
        return null;
    }

    /** The cap factors for {@code key}, computed by {@code compute} when not cached. */
    Map<String, CapFactors> capFactors(String key, Supplier<Map<String, CapFactors>> compute) {
        synchronized (factors) {
            Map<String, CapFactors> hit = factors.get(key);
            if (hit != null) {
                return hit;
            }
        }
        Map<String, CapFactors> value = Map.copyOf(compute.get());
        synchronized (factors) {
            factors.put(key, value);
        }
        return value;
    }

    private static String fileKey(Path file) {
        try {
            Path p = file.toAbsolutePath().normalize();
            return p + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
