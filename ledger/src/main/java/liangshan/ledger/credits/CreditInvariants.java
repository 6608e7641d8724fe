package liangshan.ledger.credits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import liangshan.ledger.Account;

/**
 * Recomputes the registry's invariants (credits-design.md) from its state and the ledger; answers every
 * violation found, empty when all hold. Tests run it after every command; production runs it at period
 * close. Where an invariant is enforced:
 *
 * <ol>
 *   <li>batch conservation, no negative balance — {@link #checkBatches}; ledger no-overdraft accounts;
 *   <li>double entry — {@link Movement} (cannot be unbalanced), {@link #checkLedger} (registry = ledger);
 *   <li>serial ranges — {@link SerialBlock}, {@link #checkSerials};
 *   <li>state machine — {@link BlockState#canMoveTo}, {@link SerialBlock#moveTo};
 *   <li>retirements name obligation, beneficiary, reason; matching — {@link MarketCommands#retire},
 *       {@link #checkObligations};
 *   <li>verification, pending not retirable, milestones — {@link SupplyCommands#approveRelease},
 *       {@link #checkBatches};
 *   <li>land/period overlap — {@link SupplyCommands#registerProject}, {@link #checkProjects};
 *   <li>tamper-evident history — {@link History#verify};
 *   <li>maker-checker — {@link ReleaseProposal}, {@link #checkBatches};
 *   <li>public register — {@link #checkRegister};
 *   <li>idempotency — {@link CreditRegistry#execute};
 *   <li>exact revenue shares — {@link RevenueShareRule}, {@link #checkRegister}.
 * </ol>
 */
public final class CreditInvariants {

    /** History kinds that must have a line in the public register. */
    private static final Set<String> PUBLISHED_KINDS = Set.of(
            "transfer",
            "buy",
            "buy_and_retire",
            "retire",
            "buy_from_pool",
            "settle_pool_liabilities",
            "approve_release",
            "cancel",
            "accept_bid");

    private CreditInvariants() {}

    /** Every violation, or an empty list. Verifies the whole history chain. */
    public static List<String> check(CreditRegistry registry) {
        return check(registry, 0);
    }

    /** As {@link #check(CreditRegistry)} but verifies the history chain only from entry {@code historyFrom}. */
    public static List<String> check(CreditRegistry registry, int historyFrom) {
        synchronized (registry) {
            RegistryState s = registry.state();
            List<String> v = new ArrayList<>();
            checkSerials(s, v);
            checkBatches(s, v);
            checkLedger(registry, s, v);
            checkObligations(s, v);
            checkProjects(s, v);
            checkRegister(s, v);
            int broken = s.history.verifyFrom(
                    Math.min(historyFrom, s.history.entries().size()));
            if (broken >= 0) {
                v.add("8: history entry " + broken + " does not verify");
            }
            return v;
        }
    }

    /** Invariant 3: live blocks are disjoint and partition each batch's range exactly; serials never reused. */
    static void checkSerials(RegistryState s, List<String> v) {
        long previousEnd = 0;
        Map<String, Long> covered = new HashMap<>();
        Set<Long> ids = new HashSet<>();
        for (SerialBlock b : s.blocks.values()) {
            if (b.start() <= previousEnd) {
                v.add("3: block " + b.id() + " overlaps the block before it");
            }
            previousEnd = b.end();
            if (!ids.add(b.id())) {
                v.add("3: block id " + b.id() + " used twice");
            }
            IssuanceBatch batch = s.batches.get(b.batchId());
            if (batch == null || b.start() < batch.start() || b.end() > batch.end()) {
                v.add("3: block " + b.id() + " lies outside its batch " + b.batchId());
            }
            covered.merge(b.batchId(), b.count(), Long::sum);
            if (b.end() >= s.nextSerial) {
                v.add("3: block " + b.id() + " uses serials not yet allocated");
            }
        }
        for (IssuanceBatch batch : s.batches.values()) {
            if (covered.getOrDefault(batch.id(), 0L) != batch.estimated()) {
                v.add("3: blocks of batch " + batch.id() + " do not cover its range exactly");
            }
        }
    }

    /**
     * Invariants 1, 6 and 9: per batch, pending = estimate − released − cancelled pending, and issued +
     * listed + retired + buffer + cancelled after release = released; released never exceeds the cap of
     * the highest verified milestone; every release was approved by someone other than its maker.
     */
    static void checkBatches(RegistryState s, List<String> v) {
        Map<String, Map<BlockState, Long>> byBatch = new HashMap<>();
        for (SerialBlock b : s.blocks.values()) {
            byBatch.computeIfAbsent(b.batchId(), k -> new HashMap<>()).merge(b.state(), b.count(), Long::sum);
        }
        Map<String, Long> approved = new HashMap<>();
        for (ReleaseProposal p : s.proposals.values()) {
            if (p.approved()) {
                if (p.checker().equals(p.maker())) {
                    v.add("9: release " + p.id() + " approved by its maker");
                }
                approved.merge(p.batchId(), p.units(), Long::sum);
            }
        }
        for (IssuanceBatch batch : s.batches.values()) {
            Map<BlockState, Long> n = byBatch.getOrDefault(batch.id(), Map.of());
            long pending = n.getOrDefault(BlockState.PENDING, 0L);
            long afterRelease = n.getOrDefault(BlockState.ISSUED, 0L)
                    + n.getOrDefault(BlockState.LISTED, 0L)
                    + n.getOrDefault(BlockState.RETIRED, 0L)
                    + n.getOrDefault(BlockState.BUFFER, 0L)
                    + n.getOrDefault(BlockState.CANCELLED, 0L)
                    - batch.cancelledPending();
            if (pending != batch.estimated() - batch.released() - batch.cancelledPending()) {
                v.add("1: batch " + batch.id() + " pending units do not match its counters");
            }
            if (afterRelease != batch.released()) {
                v.add("1: batch " + batch.id() + " available+listed+retired+cancelled+buffer ≠ issued");
            }
            if (batch.released() > verifiedCap(s, batch)) {
                v.add("6: batch " + batch.id() + " released beyond its verified milestones");
            }
            if (approved.getOrDefault(batch.id(), 0L) != batch.released()) {
                v.add("9: batch " + batch.id() + " released units without an approved release");
            }
        }
    }

    private static long verifiedCap(RegistryState s, IssuanceBatch batch) {
        long cap = 0;
        for (Verification ver : s.verifications.values()) {
            if (ver.completed() && ver.batchId().equals(batch.id())) {
                cap = Math.max(cap, batch.milestone(ver.milestoneCode()).cumulativeUnits());
            }
        }
        return cap;
    }

    /** Invariants 1 and 2: each ledger account holds exactly the registry's units in its bucket. */
    static void checkLedger(CreditRegistry registry, RegistryState s, List<String> v) {
        CreditAccounts a = registry.accounts();
        Map<UUID, Long> expected = new HashMap<>();
        long total = 0;
        for (SerialBlock b : s.blocks.values()) {
            expected.merge(a.of(b), b.count(), Long::sum);
            total += b.count();
        }
        expected.put(a.issuance(), -total);
        List<UUID> all = new ArrayList<>(List.of(a.issuance(), a.escrow(), a.retired(), a.cancelled(), a.buffer()));
        for (String party : s.parties.keySet()) {
            all.add(a.holding(party));
            all.add(a.pending(party));
        }
        for (UUID id : all) {
            Account account = registry.ledgerAccount(id).orElse(null);
            long registryUnits = expected.getOrDefault(id, 0L);
            if (account == null) {
                // Not opened yet (a registry that never wrote to this ledger) holds nothing: only a
                // missing account the registry has units in is a violation.
                if (registryUnits != 0) {
                    v.add("2: ledger account " + id + " missing, registry says " + registryUnits);
                }
            } else if (account.creditBalancePosted() != registryUnits) {
                v.add("2: ledger account " + account.purpose() + " of " + account.owner() + " holds "
                        + account.creditBalancePosted() + ", registry says " + registryUnits);
            }
        }
        for (HistoryEntry e : s.history
                .entries()
                .subList(
                        Math.max(0, s.history.entries().size() - 1),
                        s.history.entries().size())) {
            for (Movement m : e.movements()) {
                if (m.units() < 1 || m.debitAccount().equals(m.creditAccount())) {
                    v.add("2: history entry " + e.sequence() + " has an unbalanced movement");
                }
            }
        }
    }

    /**
     * Invariant 5: an obligation's retired units are exactly its RETIRED blocks, all matching its rules;
     * it is acquitted only when they cover it.
     */
    static void checkObligations(RegistryState s, List<String> v) {
        Map<String, Long> retired = new HashMap<>();
        for (SerialBlock b : s.blocks.values()) {
            if (b.state() == BlockState.RETIRED) {
                Obligation o = s.obligations.get(b.obligationId());
                if (o == null) {
                    v.add("5: block " + b.id() + " retired against unknown obligation " + b.obligationId());
                    continue;
                }
                if (!s.matches(b, o)) {
                    v.add("5: block " + b.id() + " does not match obligation " + o.id());
                }
                retired.merge(o.id(), b.count(), Long::sum);
            }
        }
        Map<String, Long> owed = new HashMap<>();
        for (PoolLiability l : s.liabilities.values()) {
            owed.merge(l.obligationId(), l.outstandingUnits(), Long::sum);
        }
        for (Obligation o : s.obligations.values()) {
            if (retired.getOrDefault(o.id(), 0L) != o.retiredUnits()) {
                v.add("5: obligation " + o.id() + " counts retired units it has no blocks for");
            }
            if (o.retiredUnits() + owed.getOrDefault(o.id(), 0L) > o.amountUnits()) {
                v.add("5: obligation " + o.id() + " is covered more than once");
            }
        }
        Map<String, Long> listedBy = new HashMap<>();
        for (SerialBlock b : s.blocks.values()) {
            if (b.state() == BlockState.LISTED) {
                listedBy.merge(b.listingId(), b.count(), Long::sum);
            }
        }
        for (Listing l : s.listings.values()) {
            long listed = listedBy.getOrDefault(l.id(), 0L);
            if (listed != l.remainingUnits()) {
                v.add("1: listing " + l.id() + " escrows " + listed + " units, says " + l.remainingUnits());
            }
        }
    }

    /** Invariant 7: no two projects claim the same land and period unless the stacking rule allows it. */
    static void checkProjects(RegistryState s, List<String> v) {
        List<CreditProject> projects = new ArrayList<>(s.projects.values());
        for (int i = 0; i < projects.size(); i++) {
            for (int j = 0; j < i; j++) {
                CreditProject later = projects.get(i);
                CreditProject earlier = projects.get(j);
                StackingRule rule = s.policies.get(later.policyVersion()).stacking();
                if (later.land().overlaps(earlier.land()) && !SupplyCommands.stackingAllows(rule, earlier, later)) {
                    v.add("7: projects " + earlier.id() + " and " + later.id() + " overlap");
                }
            }
        }
    }

    /**
     * Invariants 10 and 12: every transfer, sale and retirement in the history has its register line with
     * a date; a sale's shares sum exactly to its amount.
     */
    static void checkRegister(RegistryState s, List<String> v) {
        Set<UUID> published = new HashSet<>();
        for (RegisterEntry e : s.register) {
            published.add(e.requestId());
            if (e.kind() == RegisterEntry.Kind.SALE) {
                long sum =
                        e.shares().values().stream().mapToLong(Long::longValue).sum();
                if (sum != e.amountFen()) {
                    v.add("12: sale " + e.requestId() + " shares sum to " + sum + ", not " + e.amountFen());
                }
            }
            if (e.kind() == RegisterEntry.Kind.RETIREMENT
                    && (e.obligationId() == null || e.beneficiary() == null || e.reason() == null)) {
                v.add("5: retirement " + e.requestId() + " does not name obligation, beneficiary and reason");
            }
        }
        for (HistoryEntry h : s.history.entries()) {
            boolean mustPublish = PUBLISHED_KINDS.contains(h.kind());
            if (mustPublish && !published.contains(h.requestId())) {
                v.add("10: " + h.kind() + " " + h.requestId() + " is not in the public register");
            }
        }
    }
}
