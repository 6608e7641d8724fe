package liangshan.app.credits.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The register's words for people, in Chinese and English, from the module's bundles ({@code
 * register.*} keys of {@code i18n/credits_{zh,en}.properties}): kinds of transfer and project, statuses
 * and the reason of a retirement. The stored values stay codes; these are only their texts.
 */
@Component("creditsRegisterTexts")
class RegisterTexts {

    /** A text in both languages. */
    record Text(String zh, String en) {
        static Text same(String s) {
            return new Text(s, s);
        }
    }

    private final MessageSource messages;

    RegisterTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code register.<group>.<code>} in both languages; the code itself when no text is defined. */
    Text of(String group, String code, Object... args) {
        if (code == null) {
            return new Text(null, null);
        }
        String key = "register." + group + "." + code;
        return new Text(
                messages.getMessage(key, args, code, Locale.CHINESE),
                messages.getMessage(key, args, code, Locale.ENGLISH));
    }

    /**
     * The reason of a retirement: the codes the module writes ({@code self-balance}, {@code market purchase
     * <listing>}, {@code pool.sale}, {@code pool.liability}) in words; any other reason as it was given.
     */
    Text reason(String reason) {
        if (reason == null) {
            return new Text(null, null);
        }
        if (reason.startsWith("market purchase ")) {
            return of("reason", "market-purchase", reason.substring("market purchase ".length()));
        }
        return switch (reason) {
            case "self-balance", "pool.sale", "pool.liability" -> of("reason", reason.replace('.', '-'));
            default -> Text.same(reason);
        };
    }
}
