package liangshan.app.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import liangshan.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

/** {@code liangshan users add|list} through picocli, as the launcher runs them. */
@IntegrationTest
class UsersCommandTest {

    @Autowired
    UsersCommand command;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Passwords passwords;

    private String run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(stream);
        System.setErr(stream);
        try {
            int exit = new CommandLine(command).execute(args);
            return exit + ":" + captured.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void addPrintsOneTimePasswordAndListShowsTheUser() {
        String username = TestAccounts.unique("cli-user");
        String output = run(
                "add",
                "--username",
                username,
                "--role",
                "COUNTY_OFFICER",
                "--scope",
                "330803",
                "--display-name",
                "衢江区干部");
        assertThat(output).startsWith("0:");
        String password = output.substring(output.lastIndexOf(": ") + 2).trim();
        String hash = jdbc.sql("select password_hash from identity_user where username = ?")
                .param(username)
                .query(String.class)
                .single();
        assertThat(passwords.matches(password, hash)).isTrue();
        assertThat(run("list")).startsWith("0:").contains(username).contains("330803");
    }

    @Test
    void badInputFailsWithTheProblemsAndCreatesNothing() {
        String username = TestAccounts.unique("cli-bad");
        String output = run("add", "--username", username, "--role", "VILLAGE_ACCOUNTANT", "--scope", "330803");
        assertThat(output).startsWith("1:").contains("users.role-scope-mismatch");
        assertThat(run("add", "--username", username, "--role", "EMPEROR", "--scope", "3308"))
                .startsWith("2:");
        long count = jdbc.sql("select count(*) from identity_user where username = ?")
                .param(username)
                .query(Long.class)
                .single();
        assertThat(count).isZero();
    }
}
