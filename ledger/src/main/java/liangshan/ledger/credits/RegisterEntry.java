package liangshan.ledger.credits;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of the public register (invariant 10): every issuance, transfer, sale and retirement with its
 * date and price, readable without login.
 *
 * @param serials the inclusive serial ranges moved, e.g. {@code 1001-1500}
 * @param priceFenPerCredit the unit price, 0 for transfers without payment
 * @param amountFen what the buyer paid (0 without payment)
 * @param shares the revenue split of a sale (empty otherwise); sums to amountFen
 * @param obligationId for retirements: the obligation acquitted
 */
public record RegisterEntry(
        Kind kind,
        UUID requestId,
        Instant at,
        String from,
        String to,
        long units,
        List<String> serials,
        long priceFenPerCredit,
        long amountFen,
        Map<RevenueShare, Long> shares,
        String obligationId,
        String beneficiary,
        String reason) {

    /** What the line records. */
    public enum Kind {
        ISSUANCE,
        TRANSFER,
        SALE,
        POOL_SALE,
        RETIREMENT,
        CANCELLATION
    }

    public RegisterEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(at, "at");
        serials = List.copyOf(serials);
        shares = Map.copyOf(shares);
    }
}
