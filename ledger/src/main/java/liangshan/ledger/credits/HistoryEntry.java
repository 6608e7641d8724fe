package liangshan.ledger.credits;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One applied command in the hash-chained history (invariant 8).
 *
 * @param payload the command as recorded (its canonical text)
 * @param previousHash hex SHA-256 of the entry before, 64 zeros for the first
 * @param hash hex SHA-256 over previousHash, sequence, time, request id, kind, payload and movements
 */
public record HistoryEntry(
        long sequence,
        Instant at,
        UUID requestId,
        String kind,
        String payload,
        List<Movement> movements,
        String previousHash,
        String hash) {

    public HistoryEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        movements = List.copyOf(movements);
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
