package liangshan.app.money.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import liangshan.ledger.Account;
import liangshan.ledger.AccountFlag;
import liangshan.ledger.Asset;
import liangshan.ledger.ChangeSet;
import liangshan.ledger.LedgerState;
import liangshan.ledger.PendingStatus;
import liangshan.ledger.ResultCode;
import liangshan.ledger.Transfer;
import liangshan.ledger.TransferOutcome;
import liangshan.ledger.TransferRequest;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's state in PostgreSQL, for ONE database transaction: {@link PgLedger} makes a new instance per
 * attempt and drops it at commit or rollback. An implementation stores, it never decides: every rule stays
 * in {@link liangshan.ledger.LedgerEngine}.
 *
 * <p><b>Concurrency.</b> Every account is read with {@code SELECT … FOR UPDATE} on its balance row and kept
 * (with the lock) for the rest of the transaction, so a read-modify-write of a balance can never interleave
 * with another transaction's: two threads draining one may-not-go-negative account queue on its row lock,
 * and the second one sees the first one's debit before deciding. {@link #lock} takes the locks of a whole
 * batch up front in one statement, ordered by id, so batches over the same accounts never deadlock; an
 * account found only later (an expiry discovered meanwhile) is locked when read, and the rare deadlock that
 * can then arise is resolved by PostgreSQL aborting one transaction, which {@link PgLedger} retries.
 * Pending statuses change only with {@code … where status = 'PENDING'} and fail the transaction (to be
 * retried) if another one got there first; transfer ids, "resolved once" and "reversed once" are unique
 * keys, so a concurrent duplicate fails instead of moving money twice.
 */
final class PgLedgerState implements LedgerState {

    static final String ACCOUNT_COLUMNS = "a.id, a.asset_code, a.asset_scale, a.owner, a.purpose, a.flags, a.closed,"
            + " a.opened_at, b.debits_pending, b.debits_posted, b.credits_pending, b.credits_posted";
    static final String ACCOUNT_FROM = " from ledger_account a join ledger_balance b on b.account_id = a.id";
    static final String TRANSFER_COLUMNS = "id, result, request, debit_account_id, credit_account_id, amount,"
            + " asset_code, asset_scale, code, refs, flags, pending_id, reverses, expires_at, at";

    private final JdbcTemplate jdbc;
    /** Accounts read (and locked) in this transaction, with the values this transaction gave them. */
    private final Map<UUID, Account> locked = new HashMap<>();

    /** When the attempt started; recorded on remembered rejections, which have no transfer timestamp. */
    private final Instant attemptedAt;

    /** Outcomes read or written in this transaction; an empty value means "known to be absent". */
    private final Map<UUID, Optional<TransferOutcome>> outcomes = new HashMap<>();

    /** Divisions of the accounts {@link #lock} loaded (money_account), read with the lock at no extra cost. */
    private final Map<UUID, String> divisions = new HashMap<>();

    private Instant dueAt;
    private List<UUID> dueCache;

    /** False for read-only use: then accounts are read without locks. */
    private final boolean forUpdate;

    PgLedgerState(JdbcTemplate jdbc, Instant attemptedAt) {
        this(jdbc, attemptedAt, true);
    }

    Instant attemptedAt() {
        return attemptedAt;
    }

    PgLedgerState(JdbcTemplate jdbc, Instant attemptedAt, boolean forUpdate) {
        this.jdbc = jdbc;
        this.attemptedAt = attemptedAt;
        this.forUpdate = forUpdate;
    }

    /**
     * Locks the accounts a batch of requests can touch, in id order: the accounts named, the accounts of the
     * transfers they post, void or reverse, and those of reservations due to expire by {@code now}. Answers
     * the accounts the requests themselves touch (without the expiring ones), for the caller's scope check.
     */
    Set<UUID> lockFor(List<TransferRequest> requests, Instant now) {
        Set<UUID> ids = new TreeSet<>();
        Set<UUID> referenced = new TreeSet<>();
        for (TransferRequest r : requests) {
            addIfPresent(ids, r.debitAccountId());
            addIfPresent(ids, r.creditAccountId());
            addIfPresent(referenced, r.pendingId());
            addIfPresent(referenced, r.reverses());
        }
        if (!referenced.isEmpty()) {
            jdbc.query(
                    "select debit_account_id, credit_account_id from ledger_transfer where id = any(cast(? as uuid[]))"
                            + " and result = 'OK'",
                    rs -> {
                        ids.add(rs.getObject(1, UUID.class));
                        ids.add(rs.getObject(2, UUID.class));
                    },
                    uuidArray(referenced));
        }
        Set<UUID> touched = Set.copyOf(ids);
        List<UUID> due = new ArrayList<>();
        jdbc.query(
                "select p.transfer_id, t.debit_account_id, t.credit_account_id from ledger_pending p"
                        + " join ledger_transfer t on t.id = p.transfer_id where p.status = 'PENDING'"
                        + " and p.expires_at <= ? order by p.expires_at, p.transfer_id",
                rs -> {
                    due.add(rs.getObject(1, UUID.class));
                    ids.add(rs.getObject(2, UUID.class));
                    ids.add(rs.getObject(3, UUID.class));
                },
                utc(now));
        lock(ids);
        dueAt = now;
        dueCache = due;
        prefetchOutcomes(requests.stream().map(TransferRequest::id).toList());
        return touched;
    }

    /**
     * Reads the stored outcomes of {@code ids} in one statement, after the accounts are locked; an id found
     * absent stays absent for this transaction unless it commits it itself (a concurrent insert of the same
     * id fails on the primary key and the call is retried).
     */
    private void prefetchOutcomes(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Set<UUID> absent = new HashSet<>(ids);
        jdbc.query(
                "select " + TRANSFER_COLUMNS + " from ledger_transfer where id = any(cast(? as uuid[]))",
                rs -> {
                    TransferOutcome o = outcome(rs);
                    outcomes.put(o.request().id(), Optional.of(o));
                    absent.remove(o.request().id());
                },
                uuidArray(ids));
        absent.forEach(id -> outcomes.put(id, Optional.empty()));
    }

    /** Locks and loads the given accounts in id order (unknown ids are skipped). */
    void lock(Collection<UUID> ids) {
        List<UUID> missing = ids.stream().filter(id -> !locked.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        jdbc.query(
                "select " + ACCOUNT_COLUMNS + ", m.division_code" + ACCOUNT_FROM
                        + " left join money_account m on m.account_id = a.id where a.id = any(cast(? as uuid[]))"
                        + " order by a.id for update of b",
                rs -> {
                    Account a = account(rs);
                    locked.put(a.id(), a);
                    if (rs.getString("division_code") != null) {
                        divisions.put(a.id(), rs.getString("division_code"));
                    }
                },
                uuidArray(missing));
    }

    /** The division of a locked account, null if it has none or was not locked by {@link #lock}. */
    String division(UUID accountId) {
        return divisions.get(accountId);
    }

    @Override
    public Optional<Account> account(UUID id) {
        Account cached = locked.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<Account> found = jdbc.query(
                "select " + ACCOUNT_COLUMNS + ACCOUNT_FROM + " where a.id = ?" + (forUpdate ? " for update of b" : ""),
                (rs, n) -> account(rs),
                id);
        found.forEach(a -> locked.put(a.id(), a));
        return found.stream().findFirst();
    }

    @Override
    public Optional<TransferOutcome> outcome(UUID transferId) {
        Optional<TransferOutcome> known = outcomes.get(transferId);
        if (known != null) {
            return known;
        }
        return jdbc
                .query(
                        "select " + TRANSFER_COLUMNS + " from ledger_transfer where id = ?",
                        (rs, n) -> outcome(rs),
                        transferId)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<PendingStatus> pendingStatus(UUID pendingId) {
        return jdbc
                .query(
                        "select status from ledger_pending where transfer_id = ?",
                        (rs, n) -> PendingStatus.valueOf(rs.getString(1)),
                        pendingId)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<UUID> reversedBy(UUID transferId) {
        return jdbc
                .query(
                        "select id from ledger_transfer where reverses = ?",
                        (rs, n) -> rs.getObject(1, UUID.class),
                        transferId)
                .stream()
                .findFirst();
    }

    /** The first sweep of the transaction at the instant {@link #lockFor} used reuses its query. */
    @Override
    public List<UUID> pendingDueBy(Instant instant) {
        if (dueCache != null && instant.equals(dueAt)) {
            List<UUID> due = dueCache;
            dueCache = null;
            return due;
        }
        return jdbc.query(
                "select transfer_id from ledger_pending where status = 'PENDING' and expires_at <= ?"
                        + " order by expires_at, transfer_id",
                (rs, n) -> rs.getObject(1, UUID.class),
                utc(instant));
    }

    /** All accounts in opening order (unlocked; for reports and checks). */
    @Override
    public Stream<Account> accounts() {
        return jdbc
                .query("select " + ACCOUNT_COLUMNS + ACCOUNT_FROM + " order by a.seq", (rs, n) -> account(rs))
                .stream();
    }

    @Override
    public Stream<Transfer> transfers() {
        return jdbc
                .query(
                        "select " + TRANSFER_COLUMNS + " from ledger_transfer where result = 'OK' order by seq",
                        (rs, n) -> outcome(rs).transfer())
                .stream();
    }

    /**
     * Writes a change set with the transaction's connection. It becomes durable only with the transaction,
     * so a batch's chains, expiries and the caller's audit record commit together or not at all.
     */
    @Override
    public void commit(ChangeSet changes) {
        for (Account a : changes.accounts()) {
            Account before = locked.get(a.id());
            if (before == null) {
                insert(a);
            } else {
                if (a.isClosed() && !before.isClosed()) {
                    jdbc.update("update ledger_account set closed = true where id = ?", a.id());
                }
                jdbc.update(
                        "update ledger_balance set debits_pending = ?, debits_posted = ?, credits_pending = ?,"
                                + " credits_posted = ? where account_id = ?",
                        a.debitsPending(),
                        a.debitsPosted(),
                        a.creditsPending(),
                        a.creditsPosted(),
                        a.id());
            }
            locked.put(a.id(), a);
        }
        insertOutcomes(changes.outcomes());
        changes.outcomes().forEach(o -> outcomes.put(o.request().id(), Optional.of(o)));
        Map<UUID, Instant> expiries = new HashMap<>();
        changes.outcomes().stream()
                .filter(o -> o.transfer() != null)
                .forEach(o -> expiries.put(o.transfer().id(), o.transfer().expiresAt()));
        changes.pendingStatuses().forEach((id, status) -> {
            if (status == PendingStatus.PENDING) {
                jdbc.update(
                        "insert into ledger_pending (transfer_id, status, expires_at) values (?, 'PENDING', ?)",
                        id,
                        utc(expiries.get(id)));
            } else {
                int changed = jdbc.update(
                        "update ledger_pending set status = ? where transfer_id = ? and status = 'PENDING'",
                        status.name(),
                        id);
                if (changed != 1) {
                    throw new Conflict("pending transfer " + id + " was resolved by another transaction");
                }
            }
        });
        // changes.reversals() needs no row: it is the reverses column, unique per original transfer.
    }

    private void insert(Account a) {
        jdbc.update(
                "insert into ledger_account (id, asset_code, asset_scale, owner, purpose, flags, closed, opened_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(),
                a.asset().code(),
                a.asset().scale(),
                a.owner(),
                a.purpose(),
                accountFlags(a.flags()),
                a.isClosed(),
                utc(a.timestamp()));
        jdbc.update(
                "insert into ledger_balance (account_id, debits_pending, debits_posted, credits_pending, credits_posted,"
                        + " no_overdraft, no_credit_excess) values (?, ?, ?, ?, ?, ?, ?)",
                a.id(),
                a.debitsPending(),
                a.debitsPosted(),
                a.creditsPending(),
                a.creditsPosted(),
                a.has(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
                a.has(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS));
    }

    private void insertOutcomes(List<TransferOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(outcomes.size());
        for (TransferOutcome o : outcomes) {
            Transfer t = o.transfer();
            rows.add(new Object[] {
                o.request().id(),
                o.code().name(),
                RequestCodec.encode(o.request()),
                t == null ? null : t.debitAccountId(),
                t == null ? null : t.creditAccountId(),
                t == null ? null : t.amount(),
                t == null ? null : t.asset().code(),
                t == null ? null : t.asset().scale(),
                t == null ? null : t.code(),
                t == null ? null : RequestCodec.refs(t.references()),
                t == null ? null : RequestCodec.flags(t.flags()),
                t == null ? null : t.pendingId(),
                t == null ? null : t.reverses(),
                t == null ? null : utc(t.expiresAt()),
                utc(t == null ? attemptedAt : t.timestamp())
            });
        }
        jdbc.batchUpdate(
                "insert into ledger_transfer (id, result, request, debit_account_id, credit_account_id, amount,"
                        + " asset_code, asset_scale, code, refs, flags, pending_id, reverses, expires_at, at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    static Account account(ResultSet rs) throws SQLException {
        Set<AccountFlag> flags = EnumSet.noneOf(AccountFlag.class);
        String names = rs.getString("flags");
        if (!names.isEmpty()) {
            for (String name : names.split(",")) {
                flags.add(AccountFlag.valueOf(name));
            }
        }
        if (rs.getBoolean("closed")) {
            flags.add(AccountFlag.CLOSED);
        }
        return new Account(
                rs.getObject("id", UUID.class),
                new Asset(rs.getString("asset_code"), rs.getInt("asset_scale")),
                rs.getString("owner"),
                rs.getString("purpose"),
                flags,
                rs.getLong("debits_pending"),
                rs.getLong("debits_posted"),
                rs.getLong("credits_pending"),
                rs.getLong("credits_posted"),
                instant(rs, "opened_at"));
    }

    static TransferOutcome outcome(ResultSet rs) throws SQLException {
        TransferRequest request = RequestCodec.decode(rs.getString("request"));
        ResultCode code = ResultCode.valueOf(rs.getString("result"));
        if (code != ResultCode.OK) {
            return new TransferOutcome(request, code, null);
        }
        Transfer transfer = new Transfer(
                rs.getObject("id", UUID.class),
                rs.getObject("debit_account_id", UUID.class),
                rs.getObject("credit_account_id", UUID.class),
                rs.getLong("amount"),
                new Asset(rs.getString("asset_code"), rs.getInt("asset_scale")),
                rs.getString("code"),
                RequestCodec.parseRefs(rs.getString("refs")),
                RequestCodec.parseFlags(rs.getString("flags")),
                rs.getObject("pending_id", UUID.class),
                rs.getObject("reverses", UUID.class),
                instant(rs, "expires_at"),
                instant(rs, "at"));
        return new TransferOutcome(request, code, transfer);
    }

    /** Account flags as stored: sorted names without CLOSED (that is the closed column). */
    static String accountFlags(Set<AccountFlag> flags) {
        return flags.stream()
                .filter(f -> f != AccountFlag.CLOSED)
                .map(Enum::name)
                .sorted()
                .collect(Collectors.joining(","));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static void addIfPresent(Set<UUID> ids, UUID id) {
        if (id != null) {
            ids.add(id);
        }
    }

    /** Another transaction changed what this one read; {@link PgLedger} retries the whole call. */
    static final class Conflict extends ConcurrencyFailureException {
        Conflict(String message) {
            super(message);
        }
    }
}
