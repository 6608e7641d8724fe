package liangshan.app.divisions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every problem code of the module has a zh and an en message, and the bundles have the same keys. */
class DivisionsMessagesTest {

    private static Properties bundle(String language) throws Exception {
        Properties properties = new Properties();
        try (var in = DivisionsMessagesTest.class.getResourceAsStream("/i18n/divisions_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws Exception {
        assertThat(new TreeSet<>(bundle("zh").stringPropertyNames()))
                .isEqualTo(new TreeSet<>(bundle("en").stringPropertyNames()));
    }

    @Test
    void everyProblemCodeInTheSourceHasAMessage() throws Exception {
        Pattern code = Pattern.compile("\"(divisions\\.[a-z-]+(?:\\.[a-z-]+)?)\"");
        TreeSet<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/liangshan/app/divisions"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = code.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        // Codes built as "divisions.import." + GeoJsonGeometry.Malformed#code()
        for (String suffix :
                new String[] {"missing-geometry", "bad-coordinates", "unsupported-geometry", "invalid-geometry"}) {
            used.add("divisions.import." + suffix);
        }
        used.removeIf(c -> c.startsWith("divisions.boundaries.")
                || c.startsWith("divisions.reference-data.")
                || c.equals("divisions.initialise"));
        assertThat(used).contains("divisions.not-found", "divisions.import.overlap");
        Properties zh = bundle("zh");
        Properties en = bundle("en");
        for (String c : used) {
            assertThat(zh.getProperty("problem." + c)).as(c).isNotBlank();
            assertThat(en.getProperty("problem." + c)).as(c).isNotBlank();
        }
        assertThat(DivisionsMessages.zh("divisions.not-found", "1")).contains("1");
    }
}
