package liangshan.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every result code has a zh and an en message, and the bundles hold no other keys. */
class ResultCodeMessagesTest {

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in =
                ResultCode.class.getResourceAsStream("/liangshan/ledger/messages_" + language + ".properties")) {
            assertThat(in).as("bundle %s", language).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @EnumSource(ResultCode.class)
    void everyCodeHasAChineseAndAnEnglishMessage(ResultCode code) {
        String zh = code.message(Locale.SIMPLIFIED_CHINESE);
        String en = code.message(Locale.ENGLISH);
        assertThat(zh).isNotBlank().matches(".*\\p{IsHan}.*");
        assertThat(en).isNotBlank().matches("[\\p{ASCII}]+");
        assertThat(code.message(Locale.GERMAN))
                .as("other languages fall back to English")
                .isEqualTo(en);
    }

    @Test
    void bundlesHoldExactlyTheCodesKeys() throws IOException {
        Set<String> keys =
                Arrays.stream(ResultCode.values()).map(ResultCode::messageKey).collect(Collectors.toSet());
        assertThat(bundle("zh").stringPropertyNames()).isEqualTo(keys);
        assertThat(bundle("en").stringPropertyNames()).isEqualTo(keys);
    }
}
