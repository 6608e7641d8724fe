package liangshan.app.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import liangshan.app.audit.AuditTrail;
import liangshan.app.audit.AuditVerification;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit chain verifies when untouched and finds every kind of tampering. Tampering bypasses
 * the append-only triggers the way a database superuser could ({@code session_replication_role =
 * replica}); tests that commit tampering restore the original row before they end, because all
 * tests share the database.
 */
@IntegrationTest
class AuditChainTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditCommand command;

    private long appendOne(String tag) {
        audit.record("test.audit.appended", "test", tag, "330802", Map.of("n", 1), Map.of("n", 2, "tag", tag));
        return jdbc.sql("select max(seq) from audit_log").query(Long.class).single();
    }

    @Test
    void untouchedChainVerifies() {
        appendOne("a");
        appendOne("b");
        AuditVerification result = verifier.verify();
        assertThat(result.intact()).as(result.toString()).isTrue();
        assertThat(result.recordsChecked()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void triggersRejectUpdateDeleteAndTruncate() {
        long seq = appendOne("guarded");
        assertThatThrownBy(() -> jdbc.sql("update audit_log set action = 'x' where seq = ?")
                        .param(seq)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where seq = ?")
                        .param(seq)
                        .update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() ->
                        jdbc.sql("update audit_chain_head set last_seq = 0").update())
                .isInstanceOf(DataAccessException.class);
        assertThat(verifier.verify().intact()).isTrue();
    }

    /** Runs {@code tamper} and verify in one transaction that is rolled back. */
    private AuditVerification verifyAfter(String... tamper) {
        return transactions.execute(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            for (String sql : tamper) {
                jdbc.sql(sql).update();
            }
            AuditVerification result = verifier.verify();
            status.setRollbackOnly();
            return result;
        });
    }

    @Test
    void editedRecordIsAHashMismatch() {
        long seq = appendOne("edited");
        appendOne("after-edited");
        AuditVerification r = verifyAfter("update audit_log set after_json = '{\"n\": 3}' where seq = " + seq);
        assertThat(r.intact()).isFalse();
        assertThat(r.firstBrokenSeq()).isEqualTo(seq);
        assertThat(r.breakKind()).isEqualTo("hash-mismatch");
        AuditVerification actor = verifyAfter("update audit_log set actor = 'someone-else' where seq = " + seq);
        assertThat(actor.breakKind()).isEqualTo("hash-mismatch");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void deletedRecordIsAGap() {
        long seq = appendOne("deleted");
        appendOne("after-deleted");
        AuditVerification r = verifyAfter("delete from audit_log where seq = " + seq);
        assertThat(r.intact()).isFalse();
        assertThat(r.firstBrokenSeq()).isEqualTo(seq);
        assertThat(r.breakKind()).isEqualTo("gap");
    }

    @Test
    void deletedLastRecordIsAHeadMismatch() {
        long seq = appendOne("last");
        AuditVerification r = verifyAfter("delete from audit_log where seq = " + seq);
        assertThat(r.intact()).isFalse();
        assertThat(r.firstBrokenSeq()).isEqualTo(seq);
        assertThat(r.breakKind()).isEqualTo("head-mismatch");
    }

    @Test
    void rehashedRecordWithForeignLinkIsABrokenLink() {
        long seq = appendOne("relinked");
        appendOne("after-relinked");
        AuditHash.Fields stored = jdbc.sql("""
                select seq, at, actor_id, actor, roles, action, entity_type, entity_id, division_code,
                       before_json::text, after_json::text, request_id
                  from audit_log where seq = ?
                """)
                .param(seq)
                .query((rs, n) -> new AuditHash.Fields(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12),
                        "f".repeat(64)))
                .single();
        String forged = AuditHash.of(stored, json);
        AuditVerification r = verifyAfter("update audit_log set prev_hash = '" + "f".repeat(64) + "', hash = '" + forged
                + "' where seq = " + seq);
        assertThat(r.firstBrokenSeq()).isEqualTo(seq);
        assertThat(r.breakKind()).isEqualTo("broken-link");
    }

    @Test
    void concurrentAppendsStayLinear() throws Exception {
        long before =
                jdbc.sql("select max(seq) from audit_log").query(Long.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        audit.record("test.audit.concurrent", "test", thread + "-" + i, "3308", null, Map.of("i", i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long after =
                jdbc.sql("select max(seq) from audit_log").query(Long.class).single();
        assertThat(after - before).isGreaterThanOrEqualTo(90);
        assertThat(verifier.verify().intact()).isTrue();
    }

    /** Commits a tampering, checks the API and the CLI both see it, then restores the row. */
    @Test
    void apiAndCliDetectCommittedTampering() throws Exception {
        TestAccounts.Account auditor = TestAccounts.create(context, "c-auditor", Role.AUDITOR, "3308");
        ApiClient client = new ApiClient(port).signedIn(auditor.username(), auditor.password());
        long seq = appendOne("committed-tamper");
        appendOne("after-committed-tamper");
        assertThat(client.get("/api/v1/audit/verify").json().path("intact").asBoolean())
                .isTrue();
        assertThat(runCli()).startsWith("0:");
        String original = jdbc.sql("select action from audit_log where seq = ?")
                .param(seq)
                .query(String.class)
                .single();
        setAction(seq, "test.audit.forged");
        try {
            var answer = client.get("/api/v1/audit/verify").json();
            assertThat(answer.path("intact").asBoolean()).isFalse();
            assertThat(answer.path("firstBrokenSeq").asLong()).isEqualTo(seq);
            assertThat(answer.path("breakKind").asString()).isEqualTo("hash-mismatch");
            String cli = runCli();
            assertThat(cli).startsWith("1:").contains("第 " + seq + " 条").contains("record " + seq);
        } finally {
            setAction(seq, original);
        }
        assertThat(client.get("/api/v1/audit/verify").json().path("intact").asBoolean())
                .isTrue();
    }

    private String runCli() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = new CommandLine(command).execute("verify");
        } finally {
            System.setOut(original);
        }
        return exit + ":" + captured.toString(StandardCharsets.UTF_8);
    }

    private void setAction(long seq, String action) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("set session_replication_role = replica");
            }
            try (PreparedStatement p = c.prepareStatement("update audit_log set action = ? where seq = ?")) {
                p.setString(1, action);
                p.setLong(2, seq);
                p.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("set session_replication_role = origin");
            }
        }
    }
}
