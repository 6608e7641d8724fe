package liangshan.ledger.credits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import liangshan.ledger.Asset;
import liangshan.ledger.TransferRequest;

/**
 * What an accepted command will change, computed without touching the registry: block replacements, the
 * double entries they imply, CNY legs, record updates and register lines. The registry submits the legs as
 * one linked ledger batch and applies the rest only when the whole batch succeeded.
 */
final class Plan {

    private record Key(String batchId, UUID debit, UUID credit) {}

    /** A CNY leg of a settlement. */
    record CashLeg(UUID debit, UUID credit, long amountFen, String code) {}

    final UUID requestId;
    final Instant at;
    private final RegistryState state;
    private final CreditAccounts accounts;
    private final List<SerialBlock> removed = new ArrayList<>();
    private final List<SerialBlock> added = new ArrayList<>();
    private final Set<SerialBlock> addedHere = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Key, Long> movements = new LinkedHashMap<>();
    private final List<CashLeg> cash = new ArrayList<>();
    private final List<Runnable> effects = new ArrayList<>();
    final List<RegisterEntry> entries = new ArrayList<>();
    long units;

    Plan(UUID requestId, Instant at, RegistryState state, CreditAccounts accounts) {
        this.requestId = requestId;
        this.at = at;
        this.state = state;
        this.accounts = accounts;
    }

    /** A new block in the registry, its units coming from the issuance account. */
    void issue(SerialBlock block) {
        added.add(block);
        addedHere.add(block);
        addMovement(block.batchId(), accounts.issuance(), accounts.of(block), block.count());
    }

    /**
     * Changes the first {@code count} units of {@code candidates} (serial order) by {@code change}, splitting
     * the last block touched when needed; answers the candidates left over (the split-off tail first).
     * Every changed block yields a double entry from its old account to its new one.
     */
    List<SerialBlock> move(List<SerialBlock> candidates, long count, UnaryOperator<SerialBlock> change) {
        long left = count;
        List<SerialBlock> rest = new ArrayList<>();
        for (SerialBlock block : candidates) {
            if (left == 0) {
                rest.add(block);
            } else if (block.count() <= left) {
                replace(block, change.apply(block));
                left -= block.count();
            } else {
                List<SerialBlock> parts = block.split(left, state.nextBlockId++, state.nextBlockId++);
                drop(block);
                record(change.apply(parts.get(0)), block);
                added.add(parts.get(1));
                addedHere.add(parts.get(1));
                rest.add(parts.get(1));
                left = 0;
            }
        }
        if (left != 0) {
            throw new IllegalStateException("planned a move of more units than selected: " + count);
        }
        return rest;
    }

    private void replace(SerialBlock before, SerialBlock after) {
        drop(before);
        record(after, before);
    }

    /** Adds {@code after} and the double entry from the account of {@code before} to its own. */
    private void record(SerialBlock after, SerialBlock before) {
        added.add(after);
        addedHere.add(after);
        UUID from = accounts.of(before);
        UUID to = accounts.of(after);
        if (!from.equals(to)) {
            addMovement(after.batchId(), from, to, after.count());
        }
    }

    private void drop(SerialBlock block) {
        if (addedHere.remove(block)) {
            added.removeIf(b -> b == block);
        } else {
            removed.add(block);
        }
    }

    private void addMovement(String batchId, UUID debit, UUID credit, long count) {
        movements.merge(new Key(batchId, debit, credit), count, Long::sum);
    }

    void cash(UUID debit, UUID credit, long amountFen, String code) {
        if (amountFen > 0) {
            cash.add(new CashLeg(debit, credit, amountFen, code));
        }
    }

    void effect(Runnable runnable) {
        effects.add(runnable);
    }

    void entry(RegisterEntry entry) {
        entries.add(entry);
    }

    /** Blocks this plan creates or changes, in serial order (for register lines). */
    List<SerialBlock> changed(Predicate<SerialBlock> filter) {
        TreeMap<Long, SerialBlock> sorted = new TreeMap<>();
        for (SerialBlock b : added) {
            if (filter.test(b)) {
                sorted.put(b.start(), b);
            }
        }
        return List.copyOf(sorted.values());
    }

    List<Movement> movements() {
        List<Movement> result = new ArrayList<>();
        movements.forEach((k, v) -> result.add(new Movement(k.batchId(), k.debit(), k.credit(), v)));
        return result;
    }

    /** The linked ledger batch: credit legs, then CNY legs; every leg but the last carries LINKED. */
    List<TransferRequest> legs(String kind) {
        List<TransferRequest> legs = new ArrayList<>();
        for (Movement m : movements()) {
            TransferRequest t = TransferRequest.transfer(
                            accounts.leg(requestId, legs.size()),
                            m.debitAccount(),
                            m.creditAccount(),
                            m.units(),
                            Asset.ECO_CREDIT,
                            "credits." + kind)
                    .withReferences(Map.of("credits.batch", m.batchId(), "credits.request", requestId.toString()));
            legs.add(t);
        }
        for (CashLeg c : cash) {
            legs.add(TransferRequest.transfer(
                            accounts.leg(requestId, legs.size()),
                            c.debit(),
                            c.credit(),
                            c.amountFen(),
                            Asset.CNY,
                            c.code())
                    .withReferences(Map.of("credits.request", requestId.toString())));
        }
        for (int i = 0; i < legs.size() - 1; i++) {
            legs.set(i, legs.get(i).linked());
        }
        return legs;
    }

    /** Applies the planned block replacements and record updates to the registry. */
    void apply() {
        for (SerialBlock b : removed) {
            SerialBlock live = state.blocks.remove(b.start());
            if (live == null || !live.equals(b)) {
                throw new IllegalStateException("planned against a block that changed: " + b.id());
            }
        }
        for (SerialBlock b : added) {
            if (state.blocks.put(b.start(), b) != null) {
                throw new IllegalStateException("serials " + b.start() + " are already in a live block");
            }
        }
        effects.forEach(Runnable::run);
        state.register.addAll(entries);
    }

    static List<String> ranges(List<SerialBlock> blocks) {
        List<String> result = new ArrayList<>();
        for (SerialBlock b : blocks) {
            result.add(b.start() + "-" + b.end());
        }
        return result;
    }
}
