package liangshan.ledger.credits;

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

/** Every credit code has a zh and an en message, and the bundles hold no other keys. */
class CreditCodeMessagesTest {

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CreditCode.class.getResourceAsStream(
                "/liangshan/ledger/credits/messages_" + language + ".properties")) {
            assertThat(in).as("bundle %s", language).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @EnumSource(CreditCode.class)
    void everyCodeHasAChineseAndAnEnglishMessage(CreditCode code) {
        assertThat(code.message(Locale.SIMPLIFIED_CHINESE)).matches(".*\\p{IsHan}.*");
        assertThat(code.message(Locale.ENGLISH)).isNotBlank().matches("[\\p{ASCII}]+");
        assertThat(code.message(Locale.FRENCH)).isEqualTo(code.message(Locale.ENGLISH));
    }

    @Test
    void bundlesHoldExactlyTheCodesKeys() throws IOException {
        Set<String> keys =
                Arrays.stream(CreditCode.values()).map(CreditCode::messageKey).collect(Collectors.toSet());
        assertThat(bundle("zh").stringPropertyNames()).isEqualTo(keys);
        assertThat(bundle("en").stringPropertyNames()).isEqualTo(keys);
    }
}
