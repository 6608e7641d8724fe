package liangshan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The product's default mode: embedded PostgreSQL under the data directory. Data written before a
 * restart with the same data directory is there after it.
 */
class RestartTest {

    @Test
    void dataSurvivesARestartWithTheSameDataDirectory() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "restart");
        String marker = "restart-" + UUID.randomUUID();

        String before;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            JdbcClient jdbc = JdbcClient.create(first.getBean(javax.sql.DataSource.class));
            jdbc.sql("insert into platform_setting(key, value) values (:k, 'kept')")
                    .param("k", marker)
                    .update();
            before = state(jdbc);
        }
        assertThat(before)
                .as("first start created the admin, loaded divisions, audited both")
                .doesNotContain("|0|");
        assertThat(dataDir.resolve("pgdata/PG_VERSION")).exists();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            JdbcClient jdbc = JdbcClient.create(second.getBean(javax.sql.DataSource.class));
            assertThat(jdbc.sql("select value from platform_setting where key = :k")
                            .param("k", marker)
                            .query(String.class)
                            .optional())
                    .contains("kept");
            assertThat(state(jdbc))
                    .as("users, password hashes, divisions and the audit chain")
                    .isEqualTo(before);
            assertThat(second.getBean(liangshan.app.audit.internal.AuditVerifier.class)
                            .verify()
                            .intact())
                    .isTrue();
        }
    }

    /** Everything a restart must keep, in one comparable string. */
    private static String state(JdbcClient jdbc) {
        return jdbc.sql("""
                        select '|' || (select count(*) from identity_user)
                            || '|' || (select string_agg(username || ':' || password_hash, ',' order by username) from identity_user)
                            || '|' || (select count(*) from division)
                            || '|' || (select count(*) from audit_log)
                            || '|' || (select string_agg(last_hash, ',' order by id) from audit_chain_head) || '|'
                        """).query(String.class).single();
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(LiangshanApplication.class)
                .run("--liangshan.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
    }
}
