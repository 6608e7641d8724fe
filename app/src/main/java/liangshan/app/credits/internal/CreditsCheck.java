package liangshan.app.credits.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import liangshan.app.money.MoneyLedger;
import liangshan.ledger.credits.CreditCommand;
import liangshan.ledger.credits.CreditInvariants;
import liangshan.ledger.credits.CreditOutcome;
import liangshan.ledger.credits.CreditRegistry;
import liangshan.ledger.credits.History;
import liangshan.ledger.credits.HistoryEntry;
import liangshan.ledger.credits.IssuanceBatch;
import liangshan.ledger.credits.Obligation;
import liangshan.ledger.credits.RegisterEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit of the stored eco-credit registry ({@code credits check}): in ONE read-only snapshot of
 * PostgreSQL, a registry of its own is rebuilt by replaying the committed commands (nothing is written, the
 * running server's registry is not touched); then the stored hash chain is verified from its own content and
 * compared with the rebuilt one, the 12 invariants of {@link CreditInvariants} are checked (including that
 * every ECO_CREDIT account of the money ledger holds what the registry says), and the module's tables are
 * compared with the registry: commands, history, public register, parties, obligations of developments,
 * estimates of projects. Each finding is one line in Chinese and English.
 */
@Component("creditsCheck")
class CreditsCheck {

    /** What the check found; clean when there are no findings. */
    record Report(long commands, long history, long register, List<String> findings) {
        boolean clean() {
            return findings.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;
    private final MoneyLedger money;
    private final TransactionTemplate snapshot;

    CreditsCheck(JdbcTemplate jdbc, MoneyLedger money, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.money = money;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    Report run() {
        return snapshot.execute(status -> check());
    }

    private Report check() {
        List<String> findings = new ArrayList<>();
        HostLedger ledger = new HostLedger(money);
        ledger.replaying(true);
        SettableClock clock = new SettableClock();
        CreditRegistry registry =
                new CreditRegistry(RegistryHost.NAMESPACE, ledger, clock, RegistryHost.policies(jdbc));
        long commands = replay(registry, clock, findings);
        long history = checkHistory(registry, findings);
        for (String v : CreditInvariants.check(registry)) {
            findings.add("不变量 / invariant " + v);
        }
        long register = checkRegister(registry, findings);
        checkParties(registry, findings);
        checkObligations(registry, findings);
        checkProjects(registry, findings);
        return new Report(commands, history, register, List.copyOf(findings));
    }

    /** Replays every committed OK command in commit order at its stored instant; answers how many. */
    private long replay(CreditRegistry registry, SettableClock clock, List<String> findings) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select seq, request_id, kind, command::text as command, at from credit_command where code = 'OK'"
                        + " order by seq");
        for (Map<String, Object> row : rows) {
            clock.set(((Timestamp) row.get("at")).toInstant());
            try {
                CreditCommand c = CommandCodec.decode((String) row.get("kind"), (String) row.get("command"));
                if (!c.requestId().equals(row.get("request_id"))) {
                    findings.add("指令 / command " + row.get("seq") + ": 请求号与内容不符 / request id differs from its"
                            + " content (" + row.get("request_id") + " vs " + c.requestId() + ")");
                }
                CreditOutcome o = registry.execute(c);
                if (!o.isSuccess()) {
                    findings.add("重放 / replay: 指令 / command " + row.get("seq") + " (" + row.get("kind") + " "
                            + row.get("request_id") + ") 答复 / answered " + o.code());
                }
            } catch (RuntimeException e) {
                findings.add("重放 / replay: 指令 / command " + row.get("seq") + " 无法读取或执行 / cannot be read or"
                        + " executed: " + e.getMessage());
            }
        }
        return rows.size();
    }

    /**
     * The stored chain verifies from its own content (invariant 8) and equals the rebuilt one entry by
     * entry; answers the number of stored entries.
     */
    private long checkHistory(CreditRegistry registry, List<String> findings) {
        List<HistoryEntry> stored = jdbc.query(
                "select sequence, at, request_id, kind, payload, movements::text as movements, previous_hash, hash"
                        + " from credit_history order by sequence",
                (rs, n) -> new HistoryEntry(
                        rs.getLong("sequence"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getObject("request_id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("payload"),
                        Arrays.asList(CommandCodec.decodeMovements(rs.getString("movements"))),
                        rs.getString("previous_hash"),
                        rs.getString("hash")));
        int broken = History.verify(stored);
        if (broken >= 0) {
            findings.add("历史哈希链 / history hash chain: 第 " + (broken + 1) + " 条起不成立 / broken from entry " + (broken + 1)
                    + " (" + stored.get(broken).requestId() + ")");
        }
        List<HistoryEntry> rebuilt = registry.history();
        if (rebuilt.size() != stored.size()) {
            findings.add("历史 / history: 存储 " + stored.size() + " 条，重建 " + rebuilt.size() + " 条 / stored "
                    + stored.size() + " entries, rebuilt " + rebuilt.size());
        }
        for (int i = 0; i < Math.min(rebuilt.size(), stored.size()); i++) {
            if (!rebuilt.get(i).equals(stored.get(i))) {
                findings.add("历史 / history: 第 " + (i + 1) + " 条与重建不同 / entry " + (i + 1)
                        + " differs from the rebuilt one (" + stored.get(i).requestId() + ")");
                break;
            }
        }
        return stored.size();
    }

    /** The public register table equals the registry's lines, in order (invariant 10). */
    private long checkRegister(CreditRegistry registry, List<String> findings) {
        List<List<Object>> stored = jdbc.query(
                "select kind, request_id, from_party, to_party, units, array_to_string(serials, ',') as serials,"
                        + " price_fen_per_credit, amount_fen, obligation_id, beneficiary, reason"
                        + " from credit_register order by id",
                (rs, n) -> Arrays.asList(
                        rs.getString("kind"),
                        rs.getObject("request_id", UUID.class),
                        rs.getString("from_party"),
                        rs.getString("to_party"),
                        rs.getLong("units"),
                        rs.getString("serials"),
                        rs.getLong("price_fen_per_credit"),
                        rs.getLong("amount_fen"),
                        rs.getString("obligation_id"),
                        rs.getString("beneficiary"),
                        rs.getString("reason")));
        List<RegisterEntry> lines = registry.register();
        if (lines.size() != stored.size()) {
            findings.add("公示 / register: 存储 " + stored.size() + " 条，登记簿 " + lines.size() + " 条 / stored "
                    + stored.size() + " lines, registry " + lines.size());
        }
        for (int i = 0; i < Math.min(lines.size(), stored.size()); i++) {
            RegisterEntry e = lines.get(i);
            List<Object> expected = Arrays.asList(
                    e.kind().name(),
                    e.requestId(),
                    e.from(),
                    e.to(),
                    e.units(),
                    String.join(",", e.serials()),
                    e.priceFenPerCredit(),
                    e.amountFen(),
                    e.obligationId(),
                    e.beneficiary(),
                    e.reason());
            if (!expected.equals(stored.get(i))) {
                findings.add("公示 / register: 第 " + (i + 1) + " 条与登记簿不同 / line " + (i + 1)
                        + " differs from the registry: " + stored.get(i) + " vs " + expected);
            }
        }
        return stored.size();
    }

    private void checkParties(CreditRegistry registry, List<String> findings) {
        Set<String> stored = new HashSet<>(jdbc.queryForList("select id from credit_party", String.class));
        Set<String> known = new HashSet<>(registry.parties());
        for (String id : stored) {
            if (!known.contains(id)) {
                findings.add("账户 / party " + id + ": 有表行无登记簿账户 / a row without a registry account");
            }
        }
        for (String id : known) {
            if (!stored.contains(id)) {
                findings.add("账户 / party " + id + ": 登记簿有账户而无表行 / a registry account without a row");
            }
        }
    }

    /** Each development's obligation is in the registry with the development's loss, obligor and policy. */
    private void checkObligations(CreditRegistry registry, List<String> findings) {
        List<Map<String, Object>> rows =
                jdbc.queryForList("select id, obligation_id, developer_party, delta_fen, policy_version, price_set_id"
                        + " from credit_development where obligation_id is not null");
        Set<String> stored = new HashSet<>();
        for (Map<String, Object> d : rows) {
            String id = (String) d.get("obligation_id");
            stored.add(id);
            Obligation o = registry.obligation(id).orElse(null);
            if (o == null) {
                findings.add("义务 / obligation " + id + ": 不在登记簿 / not in the registry");
            } else if (!o.developmentProjectId().equals(d.get("id"))
                    || !o.obligor().equals(d.get("developer_party"))
                    || o.lossFen() != -((Number) d.get("delta_fen")).longValue()
                    || !o.policyVersion().equals(d.get("policy_version"))
                    || !o.priceSetId().equals(d.get("price_set_id"))) {
                findings.add("义务 / obligation " + id + ": 开发项目表与登记簿不符 / the development row (loss "
                        + (-((Number) d.get("delta_fen")).longValue()) + " fen) differs from the registry (loss "
                        + o.lossFen() + " fen)");
            }
        }
        for (Obligation o : registry.obligations()) {
            if (!stored.contains(o.id())) {
                findings.add("义务 / obligation " + o.id() + ": 无开发项目表行 / no development row");
            }
        }
    }

    /** An estimated project's batch is in the registry, for that project, with the stored estimate. */
    private void checkProjects(CreditRegistry registry, List<String> findings) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, batch_id, (estimate->>'units')::bigint as units from credit_project where batch_id is not null");
        for (Map<String, Object> p : rows) {
            String batchId = (String) p.get("batch_id");
            IssuanceBatch b = registry.batch(batchId).orElse(null);
            Number units = (Number) p.get("units");
            if (b == null
                    || !b.projectId().equals(p.get("id"))
                    || units == null
                    || b.estimated() != units.longValue()) {
                findings.add("项目 / project " + p.get("id") + ": 预估 " + units + " 与登记簿批次 " + batchId
                        + " 不符 / the estimate differs from the registry batch ("
                        + (b == null ? "missing" : b.estimated() + " units") + ")");
            }
        }
    }
}
