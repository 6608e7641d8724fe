package liangshan.app.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import liangshan.app.audit.AuditTrail;
import liangshan.app.audit.AuditVerification;
import liangshan.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parallel audit chains (docs/decisions/audit-chains.md): concurrent writers append to different
 * chains without waiting for each other, and verification still finds every edit, deletion and
 * relinking in any chain. Tampering runs in a transaction that is rolled back (the database is shared).
 */
@IntegrationTest
class AuditParallelChainsTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JsonMapper json;

    /**
     * Six transactions hold an audit record uncommitted at the same time (a latch keeps them open): with
     * one chain head they would queue; with parallel chains all six append, each to a different chain.
     */
    @Test
    void openTransactionsAppendToDifferentChainsAtOnce() throws Exception {
        int writers = 6;
        CountDownLatch allAppended = new CountDownLatch(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> chains = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                String tag = "open-" + w + "-" + System.nanoTime();
                chains.add(pool.submit(() -> transactions.execute(status -> {
                    audit.record("test.audit.parallel", "test", tag, "3308", null, Map.of("tag", tag));
                    allAppended.countDown();
                    try {
                        assertThat(allAppended.await(30, TimeUnit.SECONDS))
                                .as("all writers appended while the others were still open")
                                .isTrue();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return jdbc.sql("select chain from audit_log where entity_id = ?")
                            .param(tag)
                            .query(Integer.class)
                            .single();
                })));
            }
            List<Integer> used = new ArrayList<>();
            for (Future<Integer> f : chains) {
                used.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(used).doesNotHaveDuplicates().allMatch(c -> c >= 1 && c <= JdbcAuditTrail.CHAINS);
        } finally {
            pool.shutdownNow();
        }
        AuditVerification result = verifier.verify();
        assertThat(result.intact()).as(result.toString()).isTrue();
    }

    @Test
    void tamperingInAnyChainIsFound() throws Exception {
        spreadOverChains();
        // A record in a chain other than the first that has a successor in its chain.
        long seq = jdbc.sql("""
                        select a.seq from audit_log a
                         where a.chain > 1 and exists (select 1 from audit_log b where b.chain = a.chain and b.prev_seq = a.seq)
                         order by a.seq desc limit 1
                        """).query(Long.class).single();
        int chain = jdbc.sql("select chain from audit_log where seq = ?")
                .param(seq)
                .query(Integer.class)
                .single();
        int other = chain == 2 ? 3 : 2;

        AuditVerification edited = verifyAfter("update audit_log set entity_id = 'forged' where seq = " + seq);
        assertThat(edited.breakKind()).isEqualTo("hash-mismatch");
        assertThat(edited.firstBrokenSeq()).isEqualTo(seq);

        AuditVerification deleted = verifyAfter("delete from audit_log where seq = " + seq);
        assertThat(deleted.breakKind()).isEqualTo("gap");
        assertThat(deleted.firstBrokenSeq()).isEqualTo(seq);

        AuditVerification moved = verifyAfter("update audit_log set chain = " + other + " where seq = " + seq);
        assertThat(moved.intact()).isFalse();
        assertThat(moved.firstBrokenSeq()).isLessThanOrEqualTo(seq);

        AuditVerification relinked =
                verifyAfter("update audit_log set prev_seq = prev_seq - 1 where seq = " + seq + " and prev_seq > 0");
        assertThat(relinked.intact()).isFalse();

        AuditVerification headRewound = verifyAfter(
                "update audit_chain_head set records = records - 1 where id = " + chain,
                "delete from audit_log where seq = (select last_seq from audit_chain_head where id = " + chain + ")");
        assertThat(headRewound.breakKind()).isEqualTo("head-mismatch");

        AuditVerification headGone = verifyAfter("delete from audit_chain_head where id = " + other);
        assertThat(headGone.breakKind()).isEqualTo("head-mismatch");

        assertThat(verifier.verify().intact()).isTrue();
    }

    /** The hash of a record of the first format is what it was before the parallel chains. */
    @Test
    void firstFormatHashIsUnchanged() throws Exception {
        AuditHash.Fields legacy = new AuditHash.Fields(
                7,
                Instant.parse("2026-11-29T01:02:03.456789Z"),
                3,
                "alice",
                "AUDITOR,CITY_ADMIN",
                "test.action",
                "test",
                "x-1",
                "330802",
                null,
                "{\"n\": 2}",
                "req-1",
                "ab".repeat(32));
        String canonical = "[7,\"2026-11-29T01:02:03.456789Z\",3,\"alice\",\"AUDITOR,CITY_ADMIN\",\"test.action\","
                + "\"test\",\"x-1\",\"330802\",null,\"{\\\"n\\\": 2}\",\"req-1\",\"" + "ab".repeat(32) + "\"]";
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        assertThat(AuditHash.of(legacy, json)).isEqualTo(expected);
        assertThat(legacy.chainOrFirst()).isEqualTo(1);
        assertThat(legacy.predecessor()).isEqualTo(6);
    }

    /** Appends from several threads at once until at least two chains other than the first hold records. */
    private void spreadOverChains() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        audit.record("test.audit.spread", "test", thread + "-" + i, "3308", null, Map.of("i", i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long chains = jdbc.sql("select count(distinct chain) from audit_log where chain > 1")
                .query(Long.class)
                .single();
        assertThat(chains).isGreaterThanOrEqualTo(2);
    }

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
}
