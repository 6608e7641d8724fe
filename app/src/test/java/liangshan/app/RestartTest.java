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

        try (ConfigurableApplicationContext first = start(dataDir)) {
            JdbcClient jdbc = JdbcClient.create(first.getBean(javax.sql.DataSource.class));
            jdbc.sql("insert into platform_setting(key, value) values (:k, 'kept')")
                    .param("k", marker)
                    .update();
        }
        assertThat(dataDir.resolve("pgdata/PG_VERSION")).exists();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            JdbcClient jdbc = JdbcClient.create(second.getBean(javax.sql.DataSource.class));
            assertThat(jdbc.sql("select value from platform_setting where key = :k")
                            .param("k", marker)
                            .query(String.class)
                            .optional())
                    .contains("kept");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(LiangshanApplication.class)
                .run("--liangshan.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
    }
}
