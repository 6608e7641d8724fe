package liangshan.ledger;

import static liangshan.ledger.ResultCode.*;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The simulation's auditor: the ledger's documented rules written a second time, as plainly as
 * possible and without sharing code with the engine. Balances are checked against {@link BigInteger}
 * bounds instead of the engine's subtractions; a chain is undone by restoring copies of every map.
 */
final class NaiveLedgerModel {

    static final UUID NIL = new UUID(0, 0);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** An account as the model sees it. */
    record Acct(
            Asset asset,
            String owner,
            String purpose,
            Set<AccountFlag> limits,
            boolean closed,
            long dPend,
            long dPost,
            long cPend,
            long cPost) {
        Acct with(long newDPend, long newDPost, long newCPend, long newCPost) {
            return new Acct(asset, owner, purpose, limits, closed, newDPend, newDPost, newCPend, newCPost);
        }
    }

    /** What is remembered under a transfer id: the request, its answer and, if applied, what moved. */
    record Entry(
            TransferRequest request,
            ResultCode answer,
            UUID debit,
            UUID credit,
            long amount,
            Asset asset,
            String code,
            Instant expiresAt) {}

    Map<UUID, Acct> accounts = new HashMap<>();
    Map<UUID, Entry> entries = new HashMap<>();
    Map<UUID, PendingStatus> statuses = new HashMap<>();
    Set<UUID> reversed = new HashSet<>();

    ResultCode createAccount(NewAccount a) {
        Set<AccountFlag> f = a.flags();
        if (a.id().equals(NIL)) {
            return ID_MUST_NOT_BE_ZERO;
        }
        if (f.contains(AccountFlag.CLOSED)) {
            return ACCOUNT_CANNOT_BE_CREATED_CLOSED;
        }
        if (f.contains(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)
                && f.contains(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)) {
            return FLAGS_ARE_MUTUALLY_EXCLUSIVE;
        }
        if (a.owner().trim().isEmpty() || a.owner().length() > 100) {
            return OWNER_INVALID;
        }
        if (!isCode(a.purpose())) {
            return PURPOSE_INVALID;
        }
        Acct old = accounts.get(a.id());
        if (old != null) {
            boolean same = old.asset().equals(a.asset())
                    && old.owner().equals(a.owner())
                    && old.purpose().equals(a.purpose())
                    && old.limits().equals(f);
            return same ? EXISTS : EXISTS_WITH_DIFFERENT_FIELDS;
        }
        accounts.put(a.id(), new Acct(a.asset(), a.owner(), a.purpose(), f, false, 0, 0, 0, 0));
        return OK;
    }

    ResultCode close(UUID id, Instant now) {
        expire(now);
        Acct a = accounts.get(id);
        if (a == null) {
            return ACCOUNT_NOT_FOUND;
        }
        if (a.closed()) {
            return ACCOUNT_ALREADY_CLOSED;
        }
        if (a.dPend() > 0 || a.cPend() > 0) {
            return ACCOUNT_HAS_PENDING_TRANSFERS;
        }
        accounts.put(
                id,
                new Acct(
                        a.asset(),
                        a.owner(),
                        a.purpose(),
                        a.limits(),
                        true,
                        a.dPend(),
                        a.dPost(),
                        a.cPend(),
                        a.cPost()));
        return OK;
    }

    int expire(Instant now) {
        int count = 0;
        for (Map.Entry<UUID, PendingStatus> s : new ArrayList<>(statuses.entrySet())) {
            Entry p = entries.get(s.getKey());
            if (s.getValue() == PendingStatus.PENDING
                    && p.expiresAt() != null
                    && !p.expiresAt().isAfter(now)) {
                statuses.put(s.getKey(), PendingStatus.EXPIRED);
                Acct d = accounts.get(p.debit());
                accounts.put(p.debit(), d.with(d.dPend() - p.amount(), d.dPost(), d.cPend(), d.cPost()));
                Acct c = accounts.get(p.credit());
                accounts.put(p.credit(), c.with(c.dPend(), c.dPost(), c.cPend() - p.amount(), c.cPost()));
                count++;
            }
        }
        return count;
    }

    List<ResultCode> submit(List<TransferRequest> batch, Instant now) {
        expire(now);
        List<ResultCode> answers = new ArrayList<>();
        List<TransferRequest> chain = new ArrayList<>();
        for (TransferRequest r : batch) {
            chain.add(r);
            if (!r.flags().contains(TransferFlag.LINKED)) {
                answers.addAll(chain(chain, now));
                chain.clear();
            }
        }
        if (!chain.isEmpty()) {
            for (int i = 0; i < chain.size() - 1; i++) {
                answers.add(LINKED_EVENT_FAILED);
            }
            answers.add(LINKED_EVENT_CHAIN_OPEN);
        }
        return answers;
    }

    private List<ResultCode> chain(List<TransferRequest> chain, Instant now) {
        // A lone request changes nothing before its last check passes, so only chains need copies.
        boolean copy = chain.size() > 1;
        Map<UUID, Acct> accountsBefore = copy ? new HashMap<>(accounts) : accounts;
        Map<UUID, Entry> entriesBefore = copy ? new HashMap<>(entries) : entries;
        Map<UUID, PendingStatus> statusesBefore = copy ? new HashMap<>(statuses) : statuses;
        Set<UUID> reversedBefore = copy ? new HashSet<>(reversed) : reversed;
        List<ResultCode> answers = new ArrayList<>();
        for (TransferRequest r : chain) {
            ResultCode answer = one(r, now);
            if (answer != OK && answer != EXISTS) {
                accounts = accountsBefore;
                entries = entriesBefore;
                statuses = statusesBefore;
                reversed = reversedBefore;
                if (answer.kind() == ResultCode.Kind.STATE) {
                    entries.put(r.id(), new Entry(r, answer, null, null, 0, null, null, null));
                }
                List<ResultCode> failed = new ArrayList<>();
                for (TransferRequest other : chain) {
                    failed.add(other == r ? answer : LINKED_EVENT_FAILED);
                }
                return failed;
            }
            answers.add(answer);
        }
        return answers;
    }

    private ResultCode one(TransferRequest r, Instant now) {
        ResultCode bad = requestProblem(r);
        if (bad != null) {
            return bad;
        }
        Entry earlier = entries.get(r.id());
        if (earlier != null) {
            if (!earlier.request().equals(r)) {
                return EXISTS_WITH_DIFFERENT_FIELDS;
            }
            return earlier.answer() == OK ? EXISTS : earlier.answer();
        }
        ResultCode answer;
        if (r.flags().contains(TransferFlag.POST_PENDING) || r.flags().contains(TransferFlag.VOID_PENDING)) {
            answer = postOrVoid(r, now);
        } else if (r.reverses() != null) {
            answer = reverse(r, now);
        } else {
            answer = move(r, r.debitAccountId(), r.creditAccountId(), r.amount(), r.asset(), r.code(), now);
        }
        return answer;
    }

    private static ResultCode requestProblem(TransferRequest r) {
        Set<TransferFlag> f = r.flags();
        boolean pending = f.contains(TransferFlag.PENDING);
        boolean post = f.contains(TransferFlag.POST_PENDING);
        boolean voids = f.contains(TransferFlag.VOID_PENDING);
        if (r.id().equals(NIL)) {
            return ID_MUST_NOT_BE_ZERO;
        }
        if ((pending ? 1 : 0) + (post ? 1 : 0) + (voids ? 1 : 0) > 1) {
            return FLAGS_ARE_MUTUALLY_EXCLUSIVE;
        }
        if (r.reverses() != null && (pending || post || voids)) {
            return REVERSAL_MUST_BE_PLAIN;
        }
        if ((post || voids) && r.pendingId() == null) {
            return PENDING_ID_REQUIRED;
        }
        if (!(post || voids) && r.pendingId() != null) {
            return PENDING_ID_NOT_ALLOWED;
        }
        if (r.timeout() != null && !pending) {
            return TIMEOUT_RESERVED_FOR_PENDING;
        }
        if (r.timeout() != null && (r.timeout().toNanos() <= 0 || r.timeout().compareTo(Duration.ofDays(3653)) > 0)) {
            return TIMEOUT_INVALID;
        }
        if (r.amount() < 0) {
            return AMOUNT_MUST_NOT_BE_NEGATIVE;
        }
        boolean full = !post && !voids && r.reverses() == null;
        if (full && r.debitAccountId() == null) {
            return DEBIT_ACCOUNT_REQUIRED;
        }
        if (full && r.creditAccountId() == null) {
            return CREDIT_ACCOUNT_REQUIRED;
        }
        if (full && r.asset() == null) {
            return ASSET_REQUIRED;
        }
        if (full && r.amount() == 0) {
            return AMOUNT_MUST_NOT_BE_ZERO;
        }
        if (r.debitAccountId() != null && r.debitAccountId().equals(r.creditAccountId())) {
            return ACCOUNTS_MUST_BE_DIFFERENT;
        }
        if ((full || r.code() != null) && !isCode(r.code())) {
            return CODE_INVALID;
        }
        for (Map.Entry<String, String> e : r.references().entrySet()) {
            if (!isCode(e.getKey())
                    || e.getValue() == null
                    || e.getValue().trim().isEmpty()
                    || e.getValue().length() > 200) {
                return REFERENCE_INVALID;
            }
        }
        return null;
    }

    private ResultCode move(
            TransferRequest r, UUID debitId, UUID creditId, long amount, Asset asset, String code, Instant now) {
        Acct d = accounts.get(debitId);
        Acct c = accounts.get(creditId);
        if (d == null || c == null) {
            return ACCOUNT_NOT_FOUND;
        }
        if (!d.asset().equals(asset) || !c.asset().equals(asset)) {
            return ASSETS_MUST_MATCH;
        }
        if (d.closed() || c.closed()) {
            return ACCOUNT_CLOSED;
        }
        boolean pending = r.flags().contains(TransferFlag.PENDING);
        if (pending && over(d.dPend(), amount)) {
            return OVERFLOWS_DEBITS_PENDING;
        }
        if (pending && over(c.cPend(), amount)) {
            return OVERFLOWS_CREDITS_PENDING;
        }
        if (!pending && over(d.dPost(), amount)) {
            return OVERFLOWS_DEBITS_POSTED;
        }
        if (!pending && over(c.cPost(), amount)) {
            return OVERFLOWS_CREDITS_POSTED;
        }
        if (over(d.dPend(), d.dPost(), amount)) {
            return OVERFLOWS_DEBITS;
        }
        if (over(c.cPend(), c.cPost(), amount)) {
            return OVERFLOWS_CREDITS;
        }
        if (d.limits().contains(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)
                && sum(d.dPend(), d.dPost(), amount).compareTo(BigInteger.valueOf(d.cPost())) > 0) {
            return EXCEEDS_CREDITS;
        }
        if (c.limits().contains(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)
                && sum(c.cPend(), c.cPost(), amount).compareTo(BigInteger.valueOf(c.dPost())) > 0) {
            return EXCEEDS_DEBITS;
        }
        if (pending) {
            accounts.put(debitId, d.with(d.dPend() + amount, d.dPost(), d.cPend(), d.cPost()));
            Acct c2 = accounts.get(creditId);
            accounts.put(creditId, c2.with(c2.dPend(), c2.dPost(), c2.cPend() + amount, c2.cPost()));
            statuses.put(r.id(), PendingStatus.PENDING);
        } else {
            accounts.put(debitId, d.with(d.dPend(), d.dPost() + amount, d.cPend(), d.cPost()));
            Acct c2 = accounts.get(creditId);
            accounts.put(creditId, c2.with(c2.dPend(), c2.dPost(), c2.cPend(), c2.cPost() + amount));
        }
        Instant expiresAt = pending && r.timeout() != null ? now.plus(r.timeout()) : null;
        entries.put(r.id(), new Entry(r, OK, debitId, creditId, amount, asset, code, expiresAt));
        return OK;
    }

    private ResultCode postOrVoid(TransferRequest r, Instant now) {
        Entry p = entries.get(r.pendingId());
        if (p == null || p.answer() != OK) {
            return PENDING_NOT_FOUND;
        }
        if (!p.request().flags().contains(TransferFlag.PENDING)) {
            return NOT_A_PENDING_TRANSFER;
        }
        boolean post = r.flags().contains(TransferFlag.POST_PENDING);
        if ((r.debitAccountId() != null && !r.debitAccountId().equals(p.debit()))
                || (r.creditAccountId() != null && !r.creditAccountId().equals(p.credit()))
                || (r.asset() != null && !r.asset().equals(p.asset()))
                || (r.code() != null && !r.code().equals(p.code()))
                || (!post && r.amount() != 0 && r.amount() != p.amount())) {
            return DIFFERENT_FROM_PENDING;
        }
        PendingStatus s = statuses.get(r.pendingId());
        if (s == PendingStatus.POSTED) {
            return PENDING_ALREADY_POSTED;
        }
        if (s == PendingStatus.VOIDED) {
            return PENDING_ALREADY_VOIDED;
        }
        if (s == PendingStatus.EXPIRED || (p.expiresAt() != null && !now.isBefore(p.expiresAt()))) {
            return PENDING_EXPIRED;
        }
        long amount = post ? (r.amount() == 0 ? p.amount() : r.amount()) : p.amount();
        if (amount > p.amount()) {
            return EXCEEDS_PENDING_AMOUNT;
        }
        Acct d = accounts.get(p.debit());
        Acct c = accounts.get(p.credit());
        long posted = post ? amount : 0;
        if (over(d.dPost(), posted)) {
            return OVERFLOWS_DEBITS_POSTED;
        }
        if (over(c.cPost(), posted)) {
            return OVERFLOWS_CREDITS_POSTED;
        }
        accounts.put(p.debit(), d.with(d.dPend() - p.amount(), d.dPost() + posted, d.cPend(), d.cPost()));
        accounts.put(p.credit(), c.with(c.dPend(), c.dPost(), c.cPend() - p.amount(), c.cPost() + posted));
        statuses.put(r.pendingId(), post ? PendingStatus.POSTED : PendingStatus.VOIDED);
        String code = r.code() != null ? r.code() : p.code();
        entries.put(r.id(), new Entry(r, OK, p.debit(), p.credit(), amount, p.asset(), code, null));
        return OK;
    }

    private ResultCode reverse(TransferRequest r, Instant now) {
        Entry o = entries.get(r.reverses());
        if (o == null || o.answer() != OK) {
            return TRANSFER_TO_REVERSE_NOT_FOUND;
        }
        Set<TransferFlag> f = o.request().flags();
        if (f.contains(TransferFlag.PENDING) || f.contains(TransferFlag.VOID_PENDING)) {
            return NOT_REVERSIBLE;
        }
        if (reversed.contains(r.reverses())) {
            return ALREADY_REVERSED;
        }
        if ((r.debitAccountId() != null && !r.debitAccountId().equals(o.credit()))
                || (r.creditAccountId() != null && !r.creditAccountId().equals(o.debit()))
                || (r.asset() != null && !r.asset().equals(o.asset()))
                || (r.amount() != 0 && r.amount() != o.amount())) {
            return DIFFERENT_FROM_REVERSED;
        }
        String code = r.code() != null ? r.code() : o.code();
        ResultCode answer = move(r, o.credit(), o.debit(), o.amount(), o.asset(), code, now);
        if (answer == OK) {
            reversed.add(r.reverses());
        }
        return answer;
    }

    private static boolean over(long... parts) {
        return sum(parts).compareTo(MAX) > 0;
    }

    private static BigInteger sum(long... parts) {
        BigInteger s = BigInteger.ZERO;
        for (long p : parts) {
            s = s.add(BigInteger.valueOf(p));
        }
        return s;
    }

    private static boolean isCode(String s) {
        return s != null && s.length() <= 100 && s.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    }
}
