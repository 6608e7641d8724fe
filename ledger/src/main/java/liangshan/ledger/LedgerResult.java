package liangshan.ledger;

import java.util.Objects;
import java.util.UUID;

/** The result of one command of a batch, in the batch's order. */
public record LedgerResult(UUID id, ResultCode code) {

    public LedgerResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
    }

    public boolean isSuccess() {
        return code.isSuccess();
    }
}
