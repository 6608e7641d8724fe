package liangshan.ledger.credits;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import liangshan.ledger.ResultCode;
import liangshan.ledger.TransferRequest;

/**
 * The answer to a command.
 *
 * @param ledgerLegs the linked ledger batch the command submitted (empty when nothing moved)
 * @param ledgerCode the first failing ledger code when {@code code} is {@link CreditCode#LEDGER_REJECTED}
 * @param units units the command moved (issued, listed, bought, retired, cancelled …)
 * @param replay true when this is the remembered answer to a retry
 */
public record CreditOutcome(
        UUID requestId,
        CreditCode code,
        ResultCode ledgerCode,
        List<TransferRequest> ledgerLegs,
        long units,
        boolean replay) {

    public CreditOutcome {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(code, "code");
        ledgerLegs = List.copyOf(ledgerLegs);
    }

    static CreditOutcome rejected(UUID requestId, CreditCode code) {
        return new CreditOutcome(requestId, code, null, List.of(), 0, false);
    }

    public boolean isSuccess() {
        return code.isSuccess();
    }

    CreditOutcome asReplay() {
        return new CreditOutcome(requestId, code, ledgerCode, ledgerLegs, units, true);
    }
}
