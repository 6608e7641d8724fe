package liangshan.ledger.credits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/** The registry's data, package-private: commands read it while planning and change it only in apply. */
final class RegistryState {

    /** A remembered answer and the command it answered (invariant 11). */
    record Remembered(CreditCommand command, CreditOutcome outcome) {}

    final Map<String, CreditPolicy> policies = new LinkedHashMap<>();
    final Map<String, CreditParty> parties = new LinkedHashMap<>();
    final Map<String, CountyPool> pools = new LinkedHashMap<>();
    final Map<String, CreditProject> projects = new LinkedHashMap<>();
    final Map<String, IssuanceBatch> batches = new LinkedHashMap<>();
    final Map<String, Verification> verifications = new LinkedHashMap<>();
    final Map<String, ReleaseProposal> proposals = new LinkedHashMap<>();
    /** Live blocks by first serial. */
    final TreeMap<Long, SerialBlock> blocks = new TreeMap<>();

    final Map<String, Listing> listings = new LinkedHashMap<>();
    final Map<String, Bid> bids = new LinkedHashMap<>();
    final Map<String, Obligation> obligations = new LinkedHashMap<>();
    final Map<String, PoolLiability> liabilities = new LinkedHashMap<>();
    final Map<UUID, Remembered> outcomes = new HashMap<>();
    final History history = new History();
    final List<RegisterEntry> register = new ArrayList<>();
    long nextSerial = 1;
    long nextBlockId = 1;

    /** Live blocks matching {@code filter}, in serial order. */
    List<SerialBlock> select(Predicate<SerialBlock> filter) {
        List<SerialBlock> result = new ArrayList<>();
        for (SerialBlock b : blocks.values()) {
            if (filter.test(b)) {
                result.add(b);
            }
        }
        return result;
    }

    static long sum(List<SerialBlock> blocks) {
        long total = 0;
        for (SerialBlock b : blocks) {
            total = Math.addExact(total, b.count());
        }
        return total;
    }

    /** Units of {@code obligation}'s open pool liabilities: reserved for the pool, not retirable by others. */
    long openLiabilityUnits(String obligationId) {
        long total = 0;
        for (PoolLiability l : liabilities.values()) {
            if (l.obligationId().equals(obligationId)) {
                total += l.outstandingUnits();
            }
        }
        return total;
    }

    /** Whether {@code block}'s credits satisfy {@code obligation}'s matching rules (invariant 5). */
    boolean matches(SerialBlock block, Obligation obligation) {
        IssuanceBatch batch = batches.get(block.batchId());
        CreditPolicy policy = policies.get(obligation.policyVersion());
        if (policy.sameCounty() && !batch.county().equals(obligation.county())) {
            return false;
        }
        if (policy.matchServiceType() && obligation.serviceType() != null) {
            CreditProject project = projects.get(batch.projectId());
            return obligation.serviceType().equals(project.serviceType());
        }
        return true;
    }
}
