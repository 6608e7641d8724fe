package liangshan.ledger;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A balanced accounting entry with any number of debit and credit lines, e.g. a rent receipt split over
 * a village's cash, a reserve fund and household payables. It cannot be constructed unless, for every
 * asset, the debit lines sum to exactly the credit lines (rights-and-money.md, ledger rule 2); an entry
 * may mix assets (delivery versus payment) as long as each asset balances on its own.
 *
 * <p>It is applied as one linked chain of two-account transfers ({@link #toTransfers()}): all legs or
 * none. Leg ids are derived from the entry id, so submitting the same entry again is an idempotent retry.
 *
 * @param id the entry's client-chosen id, from which leg ids are derived
 * @param code the reason, given to every leg
 * @param references business references, given to every leg with {@code journal.entry} and
 *     {@code journal.leg} added
 */
public record JournalEntry(
        UUID id, String code, SortedMap<String, String> references, List<Line> debits, List<Line> credits) {

    /** One side of an entry: an account, its asset and a positive amount in the asset's smallest unit. */
    public record Line(UUID accountId, Asset asset, long amount) {
        public Line {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(asset, "asset");
            if (amount <= 0) {
                throw new IllegalArgumentException("a journal line amount must be positive: " + amount);
            }
        }
    }

    /** Throws {@link IllegalArgumentException} unless the entry balances per asset. */
    public JournalEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        references = references == null || references.isEmpty()
                ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(references));
        debits = List.copyOf(debits);
        credits = List.copyOf(credits);
        if (debits.isEmpty() || credits.isEmpty()) {
            throw new IllegalArgumentException("a journal entry needs debit and credit lines: " + id);
        }
        Map<Asset, Long> debitTotals = totals(debits);
        Map<Asset, Long> creditTotals = totals(credits);
        if (!debitTotals.equals(creditTotals)) {
            throw new IllegalArgumentException(
                    "journal entry " + id + " does not balance: debits " + debitTotals + ", credits " + creditTotals);
        }
        Set<UUID> debited = new HashSet<>();
        debits.forEach(line -> debited.add(line.accountId()));
        for (Line line : credits) {
            if (debited.contains(line.accountId())) {
                throw new IllegalArgumentException(
                        "account " + line.accountId() + " is both debited and credited in " + id);
            }
        }
    }

    private static Map<Asset, Long> totals(List<Line> lines) {
        Map<Asset, Long> totals = new LinkedHashMap<>();
        for (Line line : lines) {
            totals.merge(line.asset(), line.amount(), Math::addExact);
        }
        return totals;
    }

    /**
     * The legs as a linked chain. Per asset (in order of first debit line), debit and credit lines are
     * paired front to back and each pair moves the smaller remaining amount, so n debit and m credit lines
     * give at most n + m − 1 legs and every line is covered exactly.
     */
    public List<TransferRequest> toTransfers() {
        List<TransferRequest> legs = new ArrayList<>();
        for (Asset asset : totals(debits).keySet()) {
            List<Line> d = debits.stream().filter(l -> l.asset().equals(asset)).toList();
            List<Line> c = credits.stream().filter(l -> l.asset().equals(asset)).toList();
            int i = 0;
            int j = 0;
            long debitLeft = d.get(0).amount();
            long creditLeft = c.get(0).amount();
            while (i < d.size()) {
                long amount = Math.min(debitLeft, creditLeft);
                int leg = legs.size();
                legs.add(TransferRequest.transfer(
                                legId(id, leg), d.get(i).accountId(), c.get(j).accountId(), amount, asset, code)
                        .withReferences(legReferences(leg)));
                debitLeft -= amount;
                creditLeft -= amount;
                if (debitLeft == 0 && ++i < d.size()) {
                    debitLeft = d.get(i).amount();
                }
                if (creditLeft == 0 && ++j < c.size()) {
                    creditLeft = c.get(j).amount();
                }
            }
        }
        return chain(legs);
    }

    /**
     * A linked chain reversing every leg of this entry (after {@link #toTransfers()} was applied); leg ids
     * are derived from {@code reversalEntryId}.
     */
    public List<TransferRequest> toReversals(UUID reversalEntryId) {
        List<TransferRequest> legs = toTransfers();
        List<TransferRequest> reversals = new ArrayList<>(legs.size());
        for (int leg = 0; leg < legs.size(); leg++) {
            reversals.add(TransferRequest.reversal(
                    legId(reversalEntryId, leg), legs.get(leg).id()));
        }
        return chain(reversals);
    }

    private SortedMap<String, String> legReferences(int leg) {
        SortedMap<String, String> legReferences = new TreeMap<>(references);
        legReferences.put("journal.entry", id.toString());
        legReferences.put("journal.leg", Integer.toString(leg));
        return legReferences;
    }

    private static List<TransferRequest> chain(List<TransferRequest> legs) {
        List<TransferRequest> linked = new ArrayList<>(legs.size());
        for (int i = 0; i < legs.size(); i++) {
            linked.add(i < legs.size() - 1 ? legs.get(i).linked() : legs.get(i).unlinked());
        }
        return List.copyOf(linked);
    }

    /** A name-based (RFC 4122 version 3) UUID from the entry id and the leg number: stable across retries. */
    static UUID legId(UUID entryId, int leg) {
        ByteBuffer bytes = ByteBuffer.allocate(20);
        bytes.putLong(entryId.getMostSignificantBits())
                .putLong(entryId.getLeastSignificantBits())
                .putInt(leg);
        return UUID.nameUUIDFromBytes(bytes.array());
    }

    /** Starts an entry. */
    public static Builder builder(UUID id, String code) {
        return new Builder(id, code);
    }

    /** Collects lines; {@link #build()} checks the balance. */
    public static final class Builder {
        private final UUID id;
        private final String code;
        private final SortedMap<String, String> references = new TreeMap<>();
        private final List<Line> debits = new ArrayList<>();
        private final List<Line> credits = new ArrayList<>();

        private Builder(UUID id, String code) {
            this.id = id;
            this.code = code;
        }

        public Builder debit(UUID accountId, Asset asset, long amount) {
            debits.add(new Line(accountId, asset, amount));
            return this;
        }

        public Builder credit(UUID accountId, Asset asset, long amount) {
            credits.add(new Line(accountId, asset, amount));
            return this;
        }

        public Builder reference(String key, String value) {
            references.put(key, value);
            return this;
        }

        public JournalEntry build() {
            return new JournalEntry(id, code, references, debits, credits);
        }
    }
}
