package liangshan.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real PostgreSQL (zonky embedded) per test JVM, shared by every Spring test context, with a
 * clean cluster under {@code target/test-pg}. Tests therefore share data: write rows with unique
 * keys and assert on what you wrote, never on global counts of tables other tests write to.
 */
public final class SharedTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres postgres;

    /** The shared server, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "test-pg"));
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory(dir, "cluster"))
                        .setCleanDataDirectory(true)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "data");
            TestPropertyValues.of(
                            "spring.datasource.url=" + server().getJdbcUrl("postgres", "postgres"),
                            "spring.datasource.username=postgres",
                            "spring.datasource.password=",
                            "spring.datasource.hikari.maximum-pool-size=10",
                            "liangshan.data-dir=" + dataDir.toAbsolutePath())
                    .applyTo(context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
