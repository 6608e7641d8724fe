package liangshan.app.money.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.springframework.jdbc.core.RowCallbackHandler;

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
     *
     * <p>One round trip (two statements sent together): the lock, which finds the referenced and expiring
     * accounts itself, locks them with the named ones in one ordered {@code SELECT … FOR UPDATE} and answers
     * the reservations due; then, once the locks are held, the stored outcomes of the request ids. An
     * id found absent stays absent for this transaction unless it commits it itself (a concurrent insert of
     * the same id fails on the primary key and the call is retried).
     */
    Set<UUID> lockFor(List<TransferRequest> requests, Instant now) {
        Set<UUID> named = new TreeSet<>();
        Set<UUID> referenced = new TreeSet<>();
        Set<UUID> requestIds = new TreeSet<>();
        for (TransferRequest r : requests) {
            addIfPresent(named, r.debitAccountId());
            addIfPresent(named, r.creditAccountId());
            addIfPresent(referenced, r.pendingId());
            addIfPresent(referenced, r.reverses());
            requestIds.add(r.id());
        }
        Set<UUID> touched = new HashSet<>(named);
        List<UUID> due = new ArrayList<>();
        if (referenced.isEmpty()
                && !named.isEmpty()
                && named.size() + requestIds.size() <= LIST_LIMIT
                && lockNamed(named, requestIds, now)) {
            dueAt = now;
            dueCache = due;
            return Set.copyOf(touched);
        }
        boolean[] first = {true};
        List<Object> args = new ArrayList<>(List.of(uuidArray(referenced), utc(now), uuidArray(named)));
        List<RowCallbackHandler> handlers = new ArrayList<>();
        handlers.add(rs -> {
            Account a = account(rs);
            locked.put(a.id(), a);
            if (rs.getString("division_code") != null) {
                divisions.put(a.id(), rs.getString("division_code"));
            }
            if (rs.getBoolean("referenced")) {
                touched.add(a.id());
            }
            if (first[0] && rs.getArray("due_ids") != null) {
                due.addAll(Arrays.asList((UUID[]) rs.getArray("due_ids").getArray()));
            }
            first[0] = false;
        });
        String sql = LOCK;
        if (!requestIds.isEmpty()) {
            sql += ";\nselect " + TRANSFER_COLUMNS + " from ledger_transfer where id = any(cast(? as uuid[]))";
            args.add(uuidArray(requestIds));
            handlers.add(storedOutcomes(requestIds));
        }
        Statements.query(jdbc, sql, args, handlers);
        dueAt = now;
        dueCache = due;
        return Set.copyOf(touched);
    }

    /**
     * The common case of {@link #lockFor} — plain transfers, no reservation referenced — in one round trip
     * of two short statements whose plans PostgreSQL keeps (literal parameter lists, not arrays, so the
     * prepared plan is as good as a fresh one and is not re-planned per call; the general lock re-plans or
     * scans). Locks the named accounts in id order and loads the stored outcomes of the request ids.
     * Answers false when the general lock is still needed: a reservation is due (its accounts must be
     * locked too) or a named account does not exist; that lock then re-takes these row locks, harmlessly.
     */
    private boolean lockNamed(Set<UUID> named, Set<UUID> requestIds, Instant now) {
        List<Object> args = new ArrayList<>();
        args.add(utc(now));
        args.addAll(named);
        int[] rows = {0};
        boolean[] due = {false};
        List<RowCallbackHandler> handlers = new ArrayList<>();
        handlers.add(rs -> {
            rows[0]++;
            Account a = account(rs);
            locked.put(a.id(), a);
            if (rs.getString("division_code") != null) {
                divisions.put(a.id(), rs.getString("division_code"));
            }
            due[0] |= rs.getBoolean("due");
        });
        String sql = LOCK_NAMED.formatted(parameters(named.size()));
        if (!requestIds.isEmpty()) {
            sql += ";\nselect " + TRANSFER_COLUMNS + " from ledger_transfer where id in ("
                    + parameters(requestIds.size()) + ")";
            args.addAll(requestIds);
            handlers.add(storedOutcomes(requestIds));
        }
        Statements.query(jdbc, sql, args, handlers);
        return !due[0] && rows[0] == named.size();
    }

    /** Marks {@code requestIds} as not stored, then records each stored outcome the handler is given. */
    private RowCallbackHandler storedOutcomes(Set<UUID> requestIds) {
        requestIds.forEach(id -> outcomes.put(id, Optional.empty()));
        return rs -> {
            TransferOutcome o = outcome(rs);
            outcomes.put(o.request().id(), Optional.of(o));
        };
    }

    /** {@code n} comma-separated JDBC parameters. */
    private static String parameters(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /**
     * Locks, in id order, the accounts of the transfers referenced (posted, voided, reversed), of the
     * reservations due, and those named; {@code referenced} is false only for accounts locked for an expiry.
     * Every row also carries the reservations due, in the order the engine expires them (when some are due,
     * their accounts are locked, so there is a row to carry them).
     */
    private static final String LOCK = """
            with ref as (
                select debit_account_id, credit_account_id from ledger_transfer
                 where id = any(cast(? as uuid[])) and result = 'OK'),
            due as (
                select p.transfer_id, p.expires_at, t.debit_account_id, t.credit_account_id from ledger_pending p
                  join ledger_transfer t on t.id = p.transfer_id
                 where p.status = 'PENDING' and p.expires_at <= ?),
            wanted as (
                select unnest(cast(? as uuid[])) as id, true as referenced
                union all select debit_account_id, true from ref
                union all select credit_account_id, true from ref
                union all select debit_account_id, false from due
                union all select credit_account_id, false from due),
            ids as (select id, bool_or(referenced) as referenced from wanted group by id)
            select %s, m.division_code, ids.referenced,
                   (select array_agg(transfer_id order by expires_at, transfer_id) from due) as due_ids
              from ids join ledger_account a on a.id = ids.id join ledger_balance b on b.account_id = a.id
              left join money_account m on m.account_id = a.id
             order by a.id for update of b""".formatted(ACCOUNT_COLUMNS);

    /** Most ids {@link #lockNamed} puts in literal lists (the server takes at most 65,535 parameters). */
    private static final int LIST_LIMIT = 256;

    /** The named accounts locked in id order, and whether any reservation is due at the instant. */
    private static final String LOCK_NAMED = "select " + ACCOUNT_COLUMNS + ", m.division_code,"
            + " exists (select 1 from ledger_pending where status = 'PENDING' and expires_at <= ?) as due"
            + ACCOUNT_FROM + " left join money_account m on m.account_id = a.id where a.id in (%s)"
            + " order by a.id for update of b";

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
     * so a batch's chains, expiries and the caller's audit record commit together or not at all. The
     * balances of all accounts it changes, its journal rows and its new reservations go in one round trip
     * (one statement each); opening and closing accounts and resolving reservations, rare in a batch, go
     * row by row.
     */
    @Override
    public void commit(ChangeSet changes) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        List<Account> balances = new ArrayList<>();
        for (Account a : changes.accounts()) {
            Account before = locked.get(a.id());
            if (before == null) {
                insert(a);
            } else {
                if (a.isClosed() && !before.isClosed()) {
                    jdbc.update("update ledger_account set closed = true where id = ?", a.id());
                }
                balances.add(a);
            }
            locked.put(a.id(), a);
        }
        appendBalances(balances, sql, args);
        appendOutcomes(changes.outcomes(), sql, args);
        changes.outcomes().forEach(o -> outcomes.put(o.request().id(), Optional.of(o)));
        Map<UUID, Instant> expiries = new HashMap<>();
        changes.outcomes().stream()
                .filter(o -> o.transfer() != null)
                .forEach(o -> expiries.put(o.transfer().id(), o.transfer().expiresAt()));
        List<UUID> created = changes.pendingStatuses().entrySet().stream()
                .filter(e -> e.getValue() == PendingStatus.PENDING)
                .map(Map.Entry::getKey)
                .toList();
        appendRows(
                sql,
                "insert into ledger_pending (transfer_id, status, expires_at) values ",
                "(cast(? as uuid), 'PENDING', cast(? as timestamptz))",
                created.size());
        created.forEach(id -> {
            args.add(id);
            args.add(utc(expiries.get(id)));
        });
        if (!sql.isEmpty()) {
            Statements.update(jdbc, sql.toString(), args);
        }
        changes.pendingStatuses().forEach((id, status) -> {
            if (status != PendingStatus.PENDING) {
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

    /** One UPDATE for the new balances of all {@code accounts} (rows already locked by this transaction). */
    private static void appendBalances(List<Account> accounts, StringBuilder sql, List<Object> args) {
        if (accounts.isEmpty()) {
            return;
        }
        appendRows(
                sql,
                "update ledger_balance b set debits_pending = v.dp, debits_posted = v.dpo,"
                        + " credits_pending = v.cp, credits_posted = v.cpo from (values ",
                "(cast(? as uuid), cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint))",
                accounts.size(),
                ") v (id, dp, dpo, cp, cpo) where b.account_id = v.id");
        for (Account a : accounts) {
            args.add(a.id());
            args.add(a.debitsPending());
            args.add(a.debitsPosted());
            args.add(a.creditsPending());
            args.add(a.creditsPosted());
        }
    }

    /** Appends {@code head} and {@code rows} copies of {@code row}, comma-separated, ending the statement. */
    private static void appendRows(StringBuilder sql, String head, String row, int rows) {
        appendRows(sql, head, row, rows, "");
    }

    /** As above, with {@code tail} after the rows. */
    private static void appendRows(StringBuilder sql, String head, String row, int rows, String tail) {
        if (rows == 0) {
            return;
        }
        sql.append(head);
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        sql.append(tail).append(";\n");
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

    /** One multi-row INSERT of the journal rows (applied transfers and remembered rejections). */
    private void appendOutcomes(List<TransferOutcome> outcomes, StringBuilder sql, List<Object> args) {
        appendRows(
                sql,
                "insert into ledger_transfer (id, result, request, debit_account_id, credit_account_id, amount,"
                        + " asset_code, asset_scale, code, refs, flags, pending_id, reverses, expires_at, at) values ",
                "(cast(? as uuid), ?, ?, cast(? as uuid), cast(? as uuid), cast(? as bigint), ?, cast(? as integer),"
                        + " ?, ?, ?, cast(? as uuid), cast(? as uuid), cast(? as timestamptz), cast(? as timestamptz))",
                outcomes.size());
        for (TransferOutcome o : outcomes) {
            Transfer t = o.transfer();
            args.addAll(Arrays.asList(
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
                    utc(t == null ? attemptedAt : t.timestamp())));
        }
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
