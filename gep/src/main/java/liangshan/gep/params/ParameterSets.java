package liangshan.gep.params;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parameter sets shipped with the engine, as versioned JSON files under {@code
 * liangshan/gep/params/} listed in {@code index.txt}. Sets are immutable: a change is a new file
 * with a new id, so the SHA-256 a run recorded always identifies the exact content it used.
 */
public final class ParameterSets {

    private static final String DIR = "/liangshan/gep/params/";
    private static final Map<String, ParameterSet> CACHE = new ConcurrentHashMap<>();

    private ParameterSets() {}

    /** Summary of one shipped set. */
    public record Info(
            String id, String methodEdition, String titleZh, String titleEn, String sha256, int placeholders) {}

    /** Every shipped set, validated, in index order. */
    public static List<Info> list() {
        List<Info> out = new ArrayList<>();
        for (String file : files()) {
            ParameterSet set = load(file);
            out.add(new Info(
                    set.id(),
                    set.methodEdition(),
                    set.titleZh(),
                    set.titleEn(),
                    set.sha256(),
                    set.placeholders().size()));
        }
        return out;
    }

    /** The shipped set with {@code id}. */
    public static ParameterSet get(String id) {
        return load(fileOf(id));
    }

    /** The exact bytes of the shipped file of set {@code id} (for download and audit). */
    public static byte[] export(String id) {
        return read(fileOf(id));
    }

    private static String fileOf(String id) {
        for (String file : files()) {
            if (load(file).id().equals(id)) {
                return file;
            }
        }
        throw new NoSuchElementException("no parameter set '" + id + "'");
    }

    private static ParameterSet load(String file) {
        return CACHE.computeIfAbsent(file, f -> {
            ParameterSet set = ParameterSetLoader.load(f, read(f));
            if (!f.equals(set.id() + ".json")) {
                throw new IllegalStateException("parameter-set file " + f + " holds set " + set.id());
            }
            return set;
        });
    }

    private static List<String> files() {
        String index = new String(read("index.txt"), StandardCharsets.UTF_8);
        return index.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    private static byte[] read(String file) {
        try (InputStream in = ParameterSets.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DIR + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
