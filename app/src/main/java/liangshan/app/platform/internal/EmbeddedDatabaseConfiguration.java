package liangshan.app.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import liangshan.app.platform.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL from the zonky binaries with its cluster under {@code <data-dir>/pgdata} when no
 * external server is configured ({@code spring.datasource.url} / {@code LIANGSHAN_DB_URL} empty).
 * The cluster is never cleaned, so a restart keeps all data. When the JVM runs as root, zonky runs
 * the PostgreSQL binaries inside {@code unshare -U}, because PostgreSQL refuses to run as root.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "liangshan";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DataDirectory dataDirectory, @Value("${liangshan.db.embedded-port:0}") int port) {
        Path cluster = dataDirectory.resolve("pgdata");
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dataDirectory.resolve("pgbin").toFile())
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("listen_addresses", "localhost");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            createDatabaseIfMissing(postgres);
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), cluster);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + cluster, e);
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${liangshan.db.pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("liangshan");
        return new HikariDataSource(config);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs =
                    statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE, e);
        }
    }
}
