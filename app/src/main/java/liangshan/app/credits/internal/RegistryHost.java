package liangshan.app.credits.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import liangshan.app.money.MoneyLedger;
import liangshan.app.web.ApiException;
import liangshan.ledger.credits.CreditCode;
import liangshan.ledger.credits.CreditCommand;
import liangshan.ledger.credits.CreditOutcome;
import liangshan.ledger.credits.CreditPolicy;
import liangshan.ledger.credits.CreditRegistry;
import liangshan.ledger.credits.HistoryEntry;
import liangshan.ledger.credits.RegisterEntry;
import liangshan.ledger.credits.RevenueShare;
import liangshan.ledger.credits.RevenueShareRule;
import liangshan.ledger.credits.StackingRule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the one in-memory {@link CreditRegistry} of this process equal to what PostgreSQL has committed.
 *
 * <p>The pure registry is deterministic: replaying the committed commands ({@code credit_command} with code
 * OK, in {@code seq} order, each at its stored instant) rebuilds exactly the same state and hash chain. A
 * write runs in ONE transaction that holds a PostgreSQL advisory lock (so processes sharing the database
 * are serialised too) and this JVM's lock: it first replays what other processes committed meanwhile,
 * then the registry plans each command and posts its linked ECO_CREDIT (+ CNY) batch through the money
 * ledger in the same transaction, and the command, its history entry and its public register lines are
 * written. Only a commit keeps the in-memory state: on any failure the registry is marked stale and
 * rebuilt from the database before it is used again, so it never runs ahead of what is committed.
 *
 * <p>Idempotency (invariant 11) is answered from {@code credit_command} first: the same request id and
 * command returns the stored answer (replay), another command {@code REQUEST_ID_REUSED}. Rejections are
 * stored too, and committed, so a retry answers the same rejection even after a restart.
 */
@Component("creditsRegistryHost")
class RegistryHost {

    /** The advisory lock key of the registry ("LSCRED"). */
    static final long LOCK_KEY = 0x4c53_4352_4544L;

    static final String NAMESPACE = "liangshan";

    private final ReentrantLock lock = new ReentrantLock();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final MoneyLedger money;
    private final Clock clock;
    private final Map<String, String> partyCounty = new ConcurrentHashMap<>();

    private CreditRegistry registry;
    private HostLedger ledger;
    private SettableClock registryClock;
    private long lastSeq;
    private int policies;
    private boolean stale = true;

    RegistryHost(JdbcTemplate jdbc, PlatformTransactionManager transactions, MoneyLedger money, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.money = money;
        this.clock = clock;
    }

    /** A rejection to answer after the transaction committed (it stores the rejected command). */
    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ApiException problem;

        Rejected(ApiException problem) {
            super(problem.code(), null, false, false);
            this.problem = problem;
        }
    }

    /**
     * Runs {@code work} in one transaction with the registry current and locked. A {@link Rejected} thrown
     * by the work commits what was written (the rejected command) and then throws its problem; any other
     * exception rolls everything back.
     */
    <T> T write(Function<Session, T> work) {
        lock.lock();
        try {
            ApiException[] deferred = new ApiException[1];
            T result;
            try {
                result = tx.execute(status -> {
                    jdbc.queryForList("select pg_advisory_xact_lock(?)", LOCK_KEY);
                    catchUp();
                    try {
                        return work.apply(new Session());
                    } catch (Rejected r) {
                        deferred[0] = r.problem;
                        return null;
                    }
                });
            } catch (RuntimeException | Error e) {
                stale = true;
                throw e;
            }
            if (deferred[0] != null) {
                throw deferred[0];
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Reads the registry after catching up with what other processes committed. */
    <T> T read(Function<CreditRegistry, T> query) {
        lock.lock();
        try {
            return tx.execute(status -> {
                try {
                    catchUp();
                } catch (RuntimeException e) {
                    stale = true;
                    throw e;
                }
                return query.apply(registry);
            });
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the in-memory state: the next call rebuilds it from the database (as a restart does). */
    void invalidate() {
        lock.lock();
        try {
            stale = true;
        } finally {
            lock.unlock();
        }
    }

    /** The county of a party (parties never move). */
    String countyOf(String party) {
        return partyCounty.computeIfAbsent(
                party,
                p -> jdbc.queryForList("select county_code from credit_party where id = ?", String.class, p).stream()
                        .findFirst()
                        .orElse("330800"));
    }

    private void catchUp() {
        Map<String, Object> head = jdbc.queryForMap("select (select coalesce(max(seq), 0) from credit_command) as seq,"
                + " (select count(*) from credit_policy) as policies");
        long seq = ((Number) head.get("seq")).longValue();
        int policyCount = ((Number) head.get("policies")).intValue();
        if (stale || registry == null || policyCount != policies) {
            fresh();
            policies = policyCount;
        }
        if (seq == lastSeq) {
            return;
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select seq, kind, command::text as command, at from credit_command where seq > ? and code = 'OK'"
                        + " order by seq",
                lastSeq);
        ledger.replaying(true);
        try {
            for (Map<String, Object> row : rows) {
                registryClock.set(((java.sql.Timestamp) row.get("at")).toInstant());
                CreditCommand c = CommandCodec.decode((String) row.get("kind"), (String) row.get("command"));
                CreditOutcome o = registry.execute(c);
                if (!o.isSuccess()) {
                    stale = true;
                    throw new IllegalStateException("replay of committed credit command " + row.get("seq") + " ("
                            + c.requestId() + ") answered " + o.code());
                }
            }
        } finally {
            ledger.replaying(false);
        }
        lastSeq = seq;
    }

    /** A new registry with the stored policies; opens its system accounts (idempotent). */
    private void fresh() {
        ledger = new HostLedger(money);
        registryClock = new SettableClock();
        registry = new CreditRegistry(NAMESPACE, ledger, registryClock, policies(jdbc));
        lastSeq = 0;
        stale = false;
    }

    /** The stored policies, oldest first (a registry is built with all of them). */
    static List<CreditPolicy> policies(JdbcTemplate jdbc) {
        return jdbc.query("select * from credit_policy order by created_at, version", (rs, n) -> {
            Map<RevenueShare, Integer> bp = Map.of(
                    RevenueShare.VILLAGE, rs.getInt("village_bp"),
                    RevenueShare.HOUSEHOLDS, rs.getInt("households_bp"),
                    RevenueShare.OPERATOR, rs.getInt("operator_bp"),
                    RevenueShare.FUNDS, rs.getInt("funds_bp"));
            BigDecimal multiplier = rs.getBigDecimal("multiplier");
            return new CreditPolicy(
                    rs.getString("version"),
                    multiplier,
                    rs.getBoolean("same_county"),
                    rs.getBoolean("match_service_type"),
                    StackingRule.valueOf(rs.getString("stacking")),
                    rs.getInt("buffer_bp"),
                    new RevenueShareRule(rs.getString("rule_version"), bp));
        });
    }

    /** The registry inside a write: executes commands and persists what they did. */
    final class Session {

        private int applied;

        CreditRegistry registry() {
            return registry;
        }

        /** True when a command of this session has already changed state (a later rejection must roll back). */
        boolean changedState() {
            return applied > 0;
        }

        /**
         * Executes one command (or answers its stored first answer) and writes the command row, its
         * history entry and its register lines.
         */
        CreditOutcome execute(CreditCommand c, String actor) {
            String kind = CommandCodec.kind(c);
            List<Map<String, Object>> prior = jdbc.queryForList(
                    "select kind, command::text as command, code, ledger_code, units from credit_command"
                            + " where request_id = ?",
                    c.requestId());
            if (!prior.isEmpty()) {
                return stored(c, prior.get(0));
            }
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            registryClock.set(at);
            int historyBefore = registry.historySize();
            int registerBefore = registry.registerSize();
            CreditOutcome o = registry.execute(c);
            lastSeq = jdbc.queryForObject(
                    "insert into credit_command (request_id, kind, command, code, ledger_code, units, actor, at)"
                            + " values (?, ?, cast(? as jsonb), ?, ?, ?, ?, ?) returning seq",
                    Long.class,
                    c.requestId(),
                    kind,
                    CommandCodec.encode(c),
                    o.code().name(),
                    o.ledgerCode() == null ? null : o.ledgerCode().name(),
                    o.units(),
                    actor,
                    java.sql.Timestamp.from(at));
            if (o.isSuccess()) {
                applied++;
                writeHistory(registry.historyFrom(historyBefore));
                writeRegister(registry.registerFrom(registerBefore));
            }
            return o;
        }

        /** Executes {@code c} and answers it when OK; a rejection becomes the registry's problem. */
        CreditOutcome require(CreditCommand c, String actor) {
            CreditOutcome o = execute(c, actor);
            if (o.isSuccess()) {
                return o;
            }
            ApiException problem = CreditProblems.of(o);
            throw changedState() ? problem : new Rejected(problem);
        }

        private CreditOutcome stored(CreditCommand c, Map<String, Object> row) {
            boolean same = row.get("kind").equals(CommandCodec.kind(c))
                    && CommandCodec.decode((String) row.get("kind"), (String) row.get("command"))
                            .equals(c);
            if (!same) {
                return new CreditOutcome(c.requestId(), CreditCode.REQUEST_ID_REUSED, null, List.of(), 0, true);
            }
            String ledgerCode = (String) row.get("ledger_code");
            return new CreditOutcome(
                    c.requestId(),
                    CreditCode.valueOf((String) row.get("code")),
                    ledgerCode == null ? null : liangshan.ledger.ResultCode.valueOf(ledgerCode),
                    List.of(),
                    ((Number) row.get("units")).longValue(),
                    true);
        }

        private void writeHistory(List<HistoryEntry> entries) {
            for (HistoryEntry h : entries) {
                jdbc.update(
                        "insert into credit_history (sequence, at, request_id, kind, payload, movements,"
                                + " previous_hash, hash) values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)",
                        h.sequence(),
                        java.sql.Timestamp.from(h.at()),
                        h.requestId(),
                        h.kind(),
                        h.payload(),
                        CommandCodec.movements(h.movements()),
                        h.previousHash(),
                        h.hash());
            }
        }

        private void writeRegister(List<RegisterEntry> entries) {
            List<Object[]> rows = new ArrayList<>();
            for (RegisterEntry e : entries) {
                String party = e.kind() == RegisterEntry.Kind.ISSUANCE ? e.to() : e.from();
                rows.add(new Object[] {
                    e.kind().name(),
                    e.requestId(),
                    java.sql.Timestamp.from(e.at()),
                    countyOf(party),
                    e.from(),
                    e.to(),
                    e.units(),
                    String.join(",", e.serials()),
                    e.priceFenPerCredit(),
                    e.amountFen(),
                    CommandCodec.encode(e.shares()),
                    e.obligationId(),
                    e.beneficiary(),
                    e.reason()
                });
            }
            jdbc.batchUpdate(
                    "insert into credit_register (kind, request_id, at, county_code, from_party, to_party, units,"
                            + " serials, price_fen_per_credit, amount_fen, shares, obligation_id, beneficiary,"
                            + " reason) values (?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?,"
                            + " cast(? as jsonb), ?, ?, ?)",
                    rows);
        }
    }

    /** A request id from a client's key: the same user and key always give the same id. */
    static UUID requestId(String actor, String key, String purpose) {
        if (key == null || key.isBlank()) {
            return UUID.randomUUID();
        }
        return UUID.nameUUIDFromBytes(("liangshan.credits:" + actor + ":" + purpose + ":" + key)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
