package liangshan.ledger.credits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deliberately simple model of the registry for the simulation: no blocks, no serials, no hashes, only
 * counts of units per (holder, batch) in each state and CNY per party. It predicts the code of every
 * command from the rules as written in credits-design.md and applies the effect when it predicts OK. Credits
 * are consumed batch by batch in creation order, which is what "lowest serial first" means when each batch
 * owns one contiguous serial range. Policy p1 only: same county, service type matching, 10 % buffer.
 */
final class CreditAuditor {

    static final class Party {
        final String id;
        final String county;
        final boolean pool;
        long cash;
        final TreeMap<Integer, Long> issued = new TreeMap<>();

        Party(String id, String county, boolean pool) {
            this.id = id;
            this.county = county;
            this.pool = pool;
        }
    }

    static final class Batch {
        final int index;
        final String id;
        final String county;
        final String owner;
        final String service;
        final long estimate;
        final Map<String, Long> caps;
        final Set<String> verified = new HashSet<>();
        long released;
        long cancelledPending;
        long buffer;
        long cancelled;

        Batch(
                int index,
                String id,
                String county,
                String owner,
                String service,
                long estimate,
                Map<String, Long> caps) {
            this.index = index;
            this.id = id;
            this.county = county;
            this.owner = owner;
            this.service = service;
            this.estimate = estimate;
            this.caps = caps;
        }

        long pending() {
            return estimate - released - cancelledPending;
        }
    }

    record Project(String id, String county, String owner, String service) {}

    static final class Proposal {
        final String batchId;
        final String milestone;
        final String maker;
        boolean approved;

        Proposal(String batchId, String milestone, String maker) {
            this.batchId = batchId;
            this.milestone = milestone;
            this.maker = maker;
        }
    }

    static final class Listing {
        final String seller;
        final long price;
        boolean open = true;
        final TreeMap<Integer, Long> units;

        Listing(String seller, long price, TreeMap<Integer, Long> units) {
            this.seller = seller;
            this.price = price;
            this.units = units;
        }

        long remaining() {
            return units.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static final class Bid {
        final String buyer;
        final long price;
        long remaining;
        boolean open = true;

        Bid(String buyer, long price, long remaining) {
            this.buyer = buyer;
            this.price = price;
            this.remaining = remaining;
        }
    }

    static final class Obligation {
        final String county;
        final String service;
        final long amount;
        long retired;
        long owedByPool;

        Obligation(String county, String service, long amount) {
            this.county = county;
            this.service = service;
            this.amount = amount;
        }
    }

    static final class Liability {
        final String county;
        final String obligationId;
        long outstanding;

        Liability(String county, String obligationId, long outstanding) {
            this.county = county;
            this.obligationId = obligationId;
            this.outstanding = outstanding;
        }
    }

    final Map<String, Party> parties = new LinkedHashMap<>();
    final Map<String, String> poolOfCounty = new HashMap<>();
    final Map<String, Long> poolPrice = new HashMap<>();
    final Map<String, Project> projects = new LinkedHashMap<>();
    final Set<String> parcels = new HashSet<>();
    final List<Batch> batches = new ArrayList<>();
    final Map<String, Batch> batchById = new HashMap<>();
    final Set<String> verificationIds = new HashSet<>();
    final Map<String, Proposal> proposals = new LinkedHashMap<>();
    final Map<String, Listing> listings = new LinkedHashMap<>();
    final Map<String, Obligation> obligations = new LinkedHashMap<>();
    final Map<String, Bid> bids = new LinkedHashMap<>();
    final List<Liability> liabilities = new ArrayList<>();
    long retiredTotal;

    static long payment(long units, long fenPerCredit) {
        return (units * fenPerCredit + 999) / 1000;
    }

    static long sum(TreeMap<Integer, Long> units) {
        return units.values().stream().mapToLong(Long::longValue).sum();
    }

    boolean matches(Batch b, Obligation o) {
        return b.county.equals(o.county) && (o.service == null || o.service.equals(b.service));
    }

    /** Takes {@code units} from {@code from}, lowest batch first, among batches accepted by {@code filter}. */
    TreeMap<Integer, Long> take(TreeMap<Integer, Long> from, long units, java.util.function.IntPredicate filter) {
        TreeMap<Integer, Long> taken = new TreeMap<>();
        long left = units;
        for (Map.Entry<Integer, Long> e : new ArrayList<>(from.entrySet())) {
            if (left == 0) {
                break;
            }
            if (!filter.test(e.getKey())) {
                continue;
            }
            long n = Math.min(left, e.getValue());
            taken.put(e.getKey(), n);
            left -= n;
            if (e.getValue() == n) {
                from.remove(e.getKey());
            } else {
                from.put(e.getKey(), e.getValue() - n);
            }
        }
        if (left != 0) {
            throw new IllegalStateException("auditor took more than available");
        }
        return taken;
    }

    static void add(TreeMap<Integer, Long> to, TreeMap<Integer, Long> units) {
        units.forEach((k, v) -> to.merge(k, v, Long::sum));
    }

    long matchingIssued(String party, Obligation o) {
        long n = 0;
        for (Map.Entry<Integer, Long> e : parties.get(party).issued.entrySet()) {
            if (matches(batches.get(e.getKey()), o)) {
                n += e.getValue();
            }
        }
        return n;
    }

    long matchingPending(String party, Obligation o) {
        long n = 0;
        for (Batch b : batches) {
            if (b.owner.equals(party) && matches(b, o)) {
                n += b.pending();
            }
        }
        return n;
    }

    long openOf(String obligationId) {
        Obligation o = obligations.get(obligationId);
        return o.amount - o.retired - o.owedByPool;
    }

    void retire(String party, String obligationId, long units) {
        Obligation o = obligations.get(obligationId);
        take(parties.get(party).issued, units, i -> matches(batches.get(i), o));
        o.retired += units;
        retiredTotal += units;
    }

    long releasable(Batch b, String milestone) {
        return Math.min(b.caps.get(milestone) - b.released, b.pending());
    }
}
