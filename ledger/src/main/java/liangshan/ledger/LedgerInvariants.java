package liangshan.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The global checks of a ledger, recomputed from scratch. They run after every operation in the
 * simulation test and at period close in production; an empty list means the ledger is sound.
 *
 * <ul>
 *   <li>{@code balanced.posted}, {@code balanced.pending}: per asset, Σ debits = Σ credits (double entry);
 *   <li>{@code limit.debits}, {@code limit.credits}: no account breaks its limit flag, pending included;
 *   <li>{@code closed.pending}: a closed account holds nothing pending;
 *   <li>{@code balances.recomputed}: each account's four balances equal the sums of its transfers;
 *   <li>{@code transfer.accounts}: each transfer's accounts exist and hold its asset;
 *   <li>{@code pending.resolution}: each pending transfer is resolved at most once, its status agrees with
 *       the journal, a post moves at most the pending amount between the same accounts;
 *   <li>{@code reversal}: each reversal mirrors a posted transfer, at most one per transfer.
 * </ul>
 */
public final class LedgerInvariants {

    /** One broken rule, with enough detail to find the record. */
    public record Violation(String rule, String detail) {}

    private LedgerInvariants() {}

    public static List<Violation> check(LedgerState state) {
        List<Violation> violations = new ArrayList<>();
        Map<UUID, Account> accounts = new LinkedHashMap<>();
        state.accounts().forEach(a -> accounts.put(a.id(), a));
        checkAccounts(accounts, violations);
        Map<UUID, long[]> recomputed = new HashMap<>();
        Map<UUID, List<Transfer>> resolutions = new HashMap<>();
        Map<UUID, List<Transfer>> reversals = new HashMap<>();
        Map<UUID, Transfer> transfers = new HashMap<>();
        state.transfers().forEach(t -> {
            transfers.put(t.id(), t);
            checkAccountsOf(t, accounts, violations);
            addToBalances(t, state, recomputed, violations);
            if (t.pendingId() != null) {
                resolutions
                        .computeIfAbsent(t.pendingId(), k -> new ArrayList<>())
                        .add(t);
            }
            if (t.reverses() != null) {
                reversals.computeIfAbsent(t.reverses(), k -> new ArrayList<>()).add(t);
            }
        });
        for (Account a : accounts.values()) {
            long[] sums = recomputed.getOrDefault(a.id(), new long[4]);
            long[] stored = {a.debitsPending(), a.debitsPosted(), a.creditsPending(), a.creditsPosted()};
            for (int k = 0; k < 4; k++) {
                if (sums[k] != stored[k]) {
                    violations.add(new Violation(
                            "balances.recomputed",
                            a.id() + " balance " + k + " stored " + stored[k] + " but transfers sum to " + sums[k]));
                }
            }
        }
        checkPendings(state, transfers, resolutions, violations);
        checkReversals(state, transfers, reversals, violations);
        return List.copyOf(violations);
    }

    private static void checkAccounts(Map<UUID, Account> accounts, List<Violation> violations) {
        Map<Asset, BigInteger[]> perAsset = new LinkedHashMap<>();
        for (Account a : accounts.values()) {
            BigInteger[] sums = perAsset.computeIfAbsent(a.asset(), k -> zeros());
            add(sums, 0, a.debitsPending());
            add(sums, 1, a.debitsPosted());
            add(sums, 2, a.creditsPending());
            add(sums, 3, a.creditsPosted());
            BigInteger debits = BigInteger.valueOf(a.debitsPending()).add(BigInteger.valueOf(a.debitsPosted()));
            BigInteger credits = BigInteger.valueOf(a.creditsPending()).add(BigInteger.valueOf(a.creditsPosted()));
            if (a.has(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)
                    && debits.compareTo(BigInteger.valueOf(a.creditsPosted())) > 0) {
                violations.add(new Violation("limit.debits", a.id() + " debits " + debits + " > credits posted"));
            }
            if (a.has(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)
                    && credits.compareTo(BigInteger.valueOf(a.debitsPosted())) > 0) {
                violations.add(new Violation("limit.credits", a.id() + " credits " + credits + " > debits posted"));
            }
            if (a.isClosed() && (a.debitsPending() != 0 || a.creditsPending() != 0)) {
                violations.add(new Violation("closed.pending", a.id() + " is closed with pending amounts"));
            }
        }
        perAsset.forEach((asset, sums) -> {
            if (!sums[1].equals(sums[3])) {
                violations.add(new Violation(
                        "balanced.posted", asset + ": debits posted " + sums[1] + " ≠ credits posted " + sums[3]));
            }
            if (!sums[0].equals(sums[2])) {
                violations.add(new Violation(
                        "balanced.pending", asset + ": debits pending " + sums[0] + " ≠ credits pending " + sums[2]));
            }
        });
    }

    private static void checkAccountsOf(Transfer t, Map<UUID, Account> accounts, List<Violation> violations) {
        Account debit = accounts.get(t.debitAccountId());
        Account credit = accounts.get(t.creditAccountId());
        if (debit == null || credit == null) {
            violations.add(new Violation("transfer.accounts", t.id() + " names an account that does not exist"));
        } else if (!debit.asset().equals(t.asset()) || !credit.asset().equals(t.asset())) {
            violations.add(
                    new Violation("transfer.accounts", t.id() + " moves " + t.asset() + " between other assets"));
        }
    }

    /**
     * Pending reservations count while PENDING; posts, plain transfers and reversals count as posted. A sum
     * that leaves the 64-bit range cannot equal a stored balance, so it is reported at once.
     */
    private static void addToBalances(
            Transfer t, LedgerState state, Map<UUID, long[]> balances, List<Violation> violations) {
        long[] debit = balances.computeIfAbsent(t.debitAccountId(), k -> new long[4]);
        long[] credit = balances.computeIfAbsent(t.creditAccountId(), k -> new long[4]);
        try {
            if (t.isPending()) {
                if (state.pendingStatus(t.id()).orElse(null) == PendingStatus.PENDING) {
                    debit[0] = Math.addExact(debit[0], t.amount());
                    credit[2] = Math.addExact(credit[2], t.amount());
                }
            } else if (t.movesPostedBalances()) {
                debit[1] = Math.addExact(debit[1], t.amount());
                credit[3] = Math.addExact(credit[3], t.amount());
            }
        } catch (ArithmeticException e) {
            violations.add(new Violation("balances.recomputed", "transfers up to " + t.id() + " overflow a balance"));
        }
    }

    private static void checkPendings(
            LedgerState state,
            Map<UUID, Transfer> transfers,
            Map<UUID, List<Transfer>> resolutions,
            List<Violation> violations) {
        resolutions.forEach((pendingId, list) -> {
            Transfer pending = transfers.get(pendingId);
            if (pending == null || !pending.isPending()) {
                violations.add(
                        new Violation("pending.resolution", pendingId + " is resolved but not a pending transfer"));
            } else if (list.size() > 1) {
                violations.add(new Violation("pending.resolution", pendingId + " resolved " + list.size() + " times"));
            }
        });
        for (Transfer pending : transfers.values()) {
            if (!pending.isPending()) {
                continue;
            }
            Optional<PendingStatus> status = state.pendingStatus(pending.id());
            List<Transfer> list = resolutions.getOrDefault(pending.id(), List.of());
            PendingStatus expected =
                    list.isEmpty() ? null : list.get(0).isPost() ? PendingStatus.POSTED : PendingStatus.VOIDED;
            boolean consistent = status.isPresent()
                    && (expected != null
                            ? status.get() == expected
                            : status.get() == PendingStatus.PENDING
                                    || (status.get() == PendingStatus.EXPIRED && pending.expiresAt() != null));
            if (!consistent) {
                violations.add(new Violation(
                        "pending.resolution",
                        pending.id() + " has status " + status + " but journal says " + expected));
            }
            for (Transfer r : list) {
                boolean sameAccounts = r.debitAccountId().equals(pending.debitAccountId())
                        && r.creditAccountId().equals(pending.creditAccountId())
                        && r.asset().equals(pending.asset());
                boolean amountOk = r.isPost() ? r.amount() <= pending.amount() : r.amount() == pending.amount();
                if (!sameAccounts || !amountOk) {
                    violations.add(
                            new Violation("pending.resolution", r.id() + " does not match pending " + pending.id()));
                }
            }
        }
    }

    private static void checkReversals(
            LedgerState state,
            Map<UUID, Transfer> transfers,
            Map<UUID, List<Transfer>> reversals,
            List<Violation> violations) {
        reversals.forEach((originalId, list) -> {
            Transfer original = transfers.get(originalId);
            Transfer reversal = list.get(0);
            boolean mirrors = original != null
                    && original.movesPostedBalances()
                    && reversal.debitAccountId().equals(original.creditAccountId())
                    && reversal.creditAccountId().equals(original.debitAccountId())
                    && reversal.amount() == original.amount()
                    && reversal.asset().equals(original.asset());
            if (list.size() > 1 || !mirrors) {
                violations.add(
                        new Violation("reversal", originalId + " reversed " + list.size() + " times or not mirrored"));
            }
            if (!Objects.equals(state.reversedBy(originalId).orElse(null), reversal.id())) {
                violations.add(
                        new Violation("reversal", originalId + " is not marked as reversed by " + reversal.id()));
            }
        });
    }

    private static BigInteger[] zeros() {
        return new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
    }

    private static void add(BigInteger[] sums, int index, long amount) {
        sums[index] = sums[index].add(BigInteger.valueOf(amount));
    }
}
