package liangshan.app.credits.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import java.util.List;
import liangshan.ledger.credits.CreditCommand;
import liangshan.ledger.credits.Movement;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registry commands as JSON for {@code credit_command} (the replay source) and movements for {@code
 * credit_history}. Records are written from their fields (their components), never from helper methods
 * such as {@code Money.isZero()}, and read back through their canonical constructors, so {@code
 * decode(kind, encode(c)).equals(c)}.
 */
final class CommandCodec {

    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                    .withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                    .withVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY))
            .build();

    private CommandCodec() {}

    /** The simple name of the command's record, e.g. {@code Buy}. */
    static String kind(CreditCommand c) {
        return c.getClass().getSimpleName();
    }

    static String encode(Object value) {
        return JSON.writeValueAsString(value);
    }

    static CreditCommand decode(String kind, String json) {
        for (Class<?> type : CreditCommand.class.getPermittedSubclasses()) {
            if (type.getSimpleName().equals(kind)) {
                return (CreditCommand) JSON.readValue(json, type);
            }
        }
        throw new IllegalStateException("unknown credit command kind " + kind);
    }

    static String movements(List<Movement> movements) {
        return JSON.writeValueAsString(movements);
    }

    /** The movements of {@code credit_history.movements}, as written by {@link #movements}. */
    static Movement[] decodeMovements(String json) {
        return JSON.readValue(json, Movement[].class);
    }
}
