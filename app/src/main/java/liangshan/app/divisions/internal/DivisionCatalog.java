package liangshan.app.divisions.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The divisions and boundaries held in memory (1,771 divisions; reference data that changes only on
 * import), loaded on first use and dropped after every committed import. Also keeps derived answers
 * (serialised map layers) for the life of one snapshot.
 */
@Component
class DivisionCatalog implements Divisions {

    /**
     * One consistent view of the tables.
     *
     * @param byCode divisions by code
     * @param children direct children by parent code, ordered by code
     * @param boundaries boundaries by code
     * @param derived answers computed from this snapshot, by key
     */
    record Snapshot(
            Map<String, Division> byCode,
            Map<String, List<Division>> children,
            Map<String, Boundary> boundaries,
            Map<String, Object> derived) {

        /** A derived value of this snapshot, computed once. */
        @SuppressWarnings("unchecked")
        <T> T derive(String key, Function<Snapshot, T> compute) {
            Object value = derived.get(key);
            if (value == null) {
                value = compute.apply(this);
                Object raced = derived.putIfAbsent(key, value);
                value = raced == null ? value : raced;
            }
            return (T) value;
        }
    }

    private final DivisionStore store;
    private volatile Snapshot snapshot;

    DivisionCatalog(DivisionStore store) {
        this.store = store;
    }

    Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                current = snapshot;
                if (current == null) {
                    current = load();
                    snapshot = current;
                }
            }
        }
        return current;
    }

    /** Forgets the snapshot now. */
    void invalidate() {
        snapshot = null;
    }

    /** Forgets the snapshot once the current transaction commits (now when there is none). */
    void invalidateAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    invalidate();
                }
            });
        } else {
            invalidate();
        }
    }

    private Snapshot load() {
        Map<String, Division> byCode = new TreeMap<>();
        Map<String, List<Division>> children = new TreeMap<>();
        for (Division division : store.divisions()) {
            byCode.put(division.code(), division);
            if (division.parentCode() != null) {
                children.computeIfAbsent(division.parentCode(), k -> new ArrayList<>())
                        .add(division);
            }
        }
        children.replaceAll((k, v) -> List.copyOf(v));
        Map<String, Boundary> boundaries = new TreeMap<>();
        for (Boundary boundary : store.boundaries()) {
            boundaries.put(boundary.code(), boundary);
        }
        return new Snapshot(
                Collections.unmodifiableMap(byCode),
                Collections.unmodifiableMap(children),
                Collections.unmodifiableMap(boundaries),
                new ConcurrentHashMap<>());
    }

    @Override
    public Optional<Division> find(String code) {
        return code == null
                ? Optional.empty()
                : Optional.ofNullable(snapshot().byCode().get(code));
    }

    @Override
    public List<Division> ancestors(String code) {
        Snapshot s = snapshot();
        Division division = s.byCode().get(code);
        if (division == null) {
            throw new IllegalArgumentException("unknown division " + code);
        }
        List<Division> chain = new ArrayList<>();
        for (String parent = division.parentCode(); parent != null; ) {
            Division ancestor = s.byCode().get(parent);
            if (ancestor == null) {
                break;
            }
            chain.add(0, ancestor);
            parent = ancestor.parentCode();
        }
        return List.copyOf(chain);
    }

    @Override
    public List<Division> children(String code) {
        return snapshot().children().getOrDefault(code, List.of());
    }

    @Override
    public boolean isWithin(String code, String ancestorCode) {
        if (find(code).isEmpty() || find(ancestorCode).isEmpty()) {
            return false;
        }
        return code.equals(ancestorCode)
                || ancestors(code).stream().anyMatch(d -> d.code().equals(ancestorCode));
    }

    @Override
    public Optional<Boundary> boundary(String code) {
        return code == null
                ? Optional.empty()
                : Optional.ofNullable(snapshot().boundaries().get(code));
    }
}
