package liangshan.gep.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Version of the GEP engine, from the Maven project version filtered into a resource. */
public final class EngineVersion {

    private static final String VERSION = load();

    private EngineVersion() {}

    /** E.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("/liangshan/gep/engine-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("engine-version.properties is missing from the gep jar");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("engine.version");
            if (v == null || v.contains("${")) {
                throw new IllegalStateException("engine version was not filtered: " + v);
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
