package liangshan.ledger.credits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The registry's append-only history (invariant 8): each entry carries the SHA-256 of its predecessor, so
 * changing, removing or reordering any entry breaks {@link #verify}. There is no update or delete; a
 * correction is a new, compensating command.
 */
public final class History {

    static final String GENESIS = "0".repeat(64);

    private final List<HistoryEntry> entries = new ArrayList<>();

    HistoryEntry append(Instant at, UUID requestId, String kind, String payload, List<Movement> movements) {
        String previous =
                entries.isEmpty() ? GENESIS : entries.get(entries.size() - 1).hash();
        long sequence = entries.size() + 1L;
        String hash = hash(previous, sequence, at, requestId, kind, payload, movements);
        HistoryEntry entry = new HistoryEntry(sequence, at, requestId, kind, payload, movements, previous, hash);
        entries.add(entry);
        return entry;
    }

    /** The entries, oldest first, read-only. */
    public List<HistoryEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** Replaces an entry in place: only for tests that prove tampering is detected. */
    void tamper(int index, HistoryEntry forged) {
        entries.set(index, forged);
    }

    /** −1 when the chain is intact, else the index of the first entry that does not verify. */
    public int verify() {
        return verifyFrom(0);
    }

    /** As {@link #verify} for the entries from {@code from} on (the simulation checks the tail each step). */
    public int verifyFrom(int from) {
        String previous = from == 0 ? GENESIS : entries.get(from - 1).hash();
        for (int i = from; i < entries.size(); i++) {
            HistoryEntry e = entries.get(i);
            String expected = hash(previous, i + 1L, e.at(), e.requestId(), e.kind(), e.payload(), e.movements());
            if (e.sequence() != i + 1L
                    || !e.previousHash().equals(previous)
                    || !e.hash().equals(expected)) {
                return i;
            }
            previous = e.hash();
        }
        return -1;
    }

    /**
     * −1 when {@code entries} (e.g. read back from storage) form an intact chain from the genesis: every
     * sequence, predecessor hash and hash recomputed from the entry's own content; else the index of the
     * first entry that does not verify.
     */
    public static int verify(List<HistoryEntry> entries) {
        History h = new History();
        h.entries.addAll(entries);
        return h.verify();
    }

    static String hash(
            String previous,
            long sequence,
            Instant at,
            UUID requestId,
            String kind,
            String payload,
            List<Movement> movements) {
        StringBuilder text = new StringBuilder(previous)
                .append('\n')
                .append(sequence)
                .append('\n')
                .append(at)
                .append('\n')
                .append(requestId)
                .append('\n')
                .append(kind)
                .append('\n')
                .append(payload);
        for (Movement m : movements) {
            text.append('\n')
                    .append(m.batchId())
                    .append(' ')
                    .append(m.debitAccount())
                    .append(' ')
                    .append(m.creditAccount())
                    .append(' ')
                    .append(m.units());
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
