package liangshan.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every message key exists in Chinese and in English, in every module's bundle; and every problem
 * code the main sources throw has a message.
 */
class MessageBundlesTest {

    private static Properties load(Resource resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void everyKeyInBothLanguages() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Resource[] zhBundles = resolver.getResources("classpath*:i18n/*_zh.properties");
        Resource[] enBundles = resolver.getResources("classpath*:i18n/*_en.properties");
        assertThat(zhBundles).hasSizeGreaterThanOrEqualTo(3);
        assertThat(enBundles).hasSameSizeAs(zhBundles);
        List<String> problems = new ArrayList<>();
        for (Resource zh : zhBundles) {
            String name = zh.getFilename().replace("_zh.properties", "");
            Resource en = resolver.getResource(zh.getURL().toString().replace("_zh.properties", "_en.properties"));
            if (!en.exists()) {
                problems.add(name + ": no English bundle");
                continue;
            }
            Set<String> zhKeys = load(zh).stringPropertyNames();
            Set<String> enKeys = load(en).stringPropertyNames();
            zhKeys.stream().filter(k -> !enKeys.contains(k)).forEach(k -> problems.add(name + ": only zh: " + k));
            enKeys.stream().filter(k -> !zhKeys.contains(k)).forEach(k -> problems.add(name + ": only en: " + k));
        }
        assertThat(problems).isEmpty();
    }

    /** Codes in {@code new ApiException(HttpStatus.X, "code"} and {@code .field(..., "code"} calls. */
    @Test
    void everyThrownProblemCodeHasAMessage() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Set<String> keys = new TreeSet<>();
        for (Resource zh : resolver.getResources("classpath*:i18n/*_zh.properties")) {
            keys.addAll(load(zh).stringPropertyNames());
        }
        Pattern thrown = Pattern.compile(
                "(?:new ApiException\\(\\s*HttpStatus\\.\\w+,\\s*|\\.field\\([^,]+,\\s*|FieldProblem\\([^,]+,\\s*)\"([a-z][a-z0-9.-]+)\"");
        Set<String> missing = new TreeSet<>();
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/liangshan/app"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = thrown.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group(1));
                    if (!keys.contains("problem." + m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(found).contains("auth.throttled", "users.not-found", "request.too-large");
        assertThat(missing).isEmpty();
    }
}
