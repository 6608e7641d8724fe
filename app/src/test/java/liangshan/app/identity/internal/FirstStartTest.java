package liangshan.app.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import liangshan.app.platform.DataDirectory;
import liangshan.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start creates exactly one administrator with a printed one-time password stored only as a
 * hash; demo mode creates one user per role. Both run against an emptied user table inside a
 * transaction that is rolled back (the tests share the database).
 */
@IntegrationTest
class FirstStartTest {

    @Autowired
    FirstStart firstStart;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataDirectory dataDirectory;

    private record Admin(String printed, String password, List<String> usernames, String hash, boolean mustChange) {}

    @Test
    void firstStartCreatesOneAdminWithPrintedOneTimePassword() {
        Admin admin = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("delete from identity_user").update();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            firstStart.printTo(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                String password = firstStart.createAdminIfNoUsers();
                assertThat(firstStart.createAdminIfNoUsers())
                        .as("second start creates nothing")
                        .isNull();
                List<String> names = jdbc.sql("select username from identity_user")
                        .query(String.class)
                        .list();
                var row = jdbc.sql("select password_hash, must_change_password from identity_user")
                        .query((rs, n) -> new Object[] {rs.getString(1), rs.getBoolean(2)})
                        .single();
                return new Admin(
                        out.toString(StandardCharsets.UTF_8), password, names, (String) row[0], (Boolean) row[1]);
            } finally {
                firstStart.printTo(System.out);
            }
        });
        assertThat(admin.usernames()).containsExactly("admin");
        assertThat(admin.password()).hasSize(16);
        assertThat(admin.printed().split(admin.password(), -1))
                .as("printed exactly once")
                .hasSize(2);
        assertThat(admin.hash()).startsWith("$2a$12$").doesNotContain(admin.password());
        assertThat(new BCryptPasswordEncoder().matches(admin.password(), admin.hash()))
                .isTrue();
        assertThat(admin.mustChange()).isTrue();
    }

    @Test
    void theRealFirstStartLeftAnAdminThatMustChangeThePassword() {
        Boolean mustChange = jdbc.sql("select must_change_password from identity_user where username = 'admin'")
                .query(Boolean.class)
                .single();
        assertThat(mustChange).isTrue();
    }

    @Test
    void demoModeCreatesOneUserPerRoleAndAPrivateCredentialsFile() throws Exception {
        Path file = dataDirectory.dataDir().resolve(FirstStart.CREDENTIALS_FILE);
        Files.deleteIfExists(file);
        List<String> lines = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("delete from identity_user where username like 'demo-%'").update();
            firstStart.printTo(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            try {
                firstStart.createDemoUsers();
                List<String> content = Files.readAllLines(file).stream()
                        .filter(l -> !l.startsWith("#"))
                        .toList();
                for (String line : content) {
                    String[] f = line.split("\t");
                    String hash = jdbc.sql("select password_hash from identity_user where username = ?")
                            .param(f[0])
                            .query(String.class)
                            .single();
                    assertThat(new BCryptPasswordEncoder().matches(f[1], hash))
                            .as(f[0])
                            .isTrue();
                }
                return content;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                firstStart.printTo(System.out);
            }
        });
        assertThat(lines).hasSize(FirstStart.DEMO_USERS.size());
        assertThat(lines.stream().map(l -> l.split("\t")[2]))
                .containsExactlyInAnyOrder(
                        "CITY_ADMIN",
                        "COUNTY_OFFICER",
                        "COOPERATIVE_OPERATOR",
                        "VILLAGE_ACCOUNTANT",
                        "BANK_OFFICER",
                        "INVESTOR",
                        "AUDITOR");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void bareDemoArgumentTurnsOnDemoMode() {
        StandardEnvironment withDemo = new StandardEnvironment();
        withDemo.getPropertySources().addFirst(new SimpleCommandLinePropertySource("--demo", "--server.port=0"));
        assertThat(FirstStart.demoMode(withDemo)).isTrue();
        StandardEnvironment without = new StandardEnvironment();
        without.getPropertySources().addFirst(new SimpleCommandLinePropertySource("--server.port=0"));
        assertThat(FirstStart.demoMode(without)).isFalse();
        assertThat(FirstStart.demoMode(new MockEnvironment().withProperty("liangshan.demo", "true")))
                .isTrue();
        assertThat(FirstStart.demoMode(new MockEnvironment().withProperty("demo", "false")))
                .isFalse();
    }
}
