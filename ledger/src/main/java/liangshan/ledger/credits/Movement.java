package liangshan.ledger.credits;

import java.util.Objects;
import java.util.UUID;

/**
 * One double entry of credits (invariant 2): {@code units} of one batch leave the debit account and enter
 * the credit account. A movement with equal accounts or a non-positive amount cannot be constructed; each
 * one becomes exactly one ledger transfer of {@link liangshan.ledger.Asset#ECO_CREDIT}.
 */
public record Movement(String batchId, UUID debitAccount, UUID creditAccount, long units) {

    public Movement {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(debitAccount, "debitAccount");
        Objects.requireNonNull(creditAccount, "creditAccount");
        if (debitAccount.equals(creditAccount)) {
            throw new IllegalArgumentException("a movement debits one account and credits another");
        }
        if (units < 1) {
            throw new IllegalArgumentException("a movement moves at least one unit: " + units);
        }
    }
}
