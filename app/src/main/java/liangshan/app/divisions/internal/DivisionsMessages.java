package liangshan.app.divisions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import liangshan.app.web.ApiException.FieldProblem;

/**
 * The module's zh and en messages ({@code i18n/divisions_*.properties}, UTF-8), used to spell out
 * each problem of a rejected import in both languages.
 */
final class DivisionsMessages {

    private static final Properties ZH = load("zh");
    private static final Properties EN = load("en");

    private DivisionsMessages() {}

    private static Properties load(String language) {
        String resource = "/i18n/divisions_" + language + ".properties";
        try (InputStream in = DivisionsMessages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String zh(String code, Object... args) {
        return format(ZH, Locale.CHINA, code, args);
    }

    static String en(String code, Object... args) {
        return format(EN, Locale.ROOT, code, args);
    }

    /** A field problem with both messages; {@code code} without the {@code problem.} prefix. */
    static FieldProblem problem(String field, String code, Object... args) {
        return new FieldProblem(field, code, zh(code, args), en(code, args));
    }

    private static String format(Properties bundle, Locale locale, String code, Object... args) {
        String pattern = bundle.getProperty("problem." + code);
        if (pattern == null) {
            throw new IllegalArgumentException("no message for problem." + code);
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
