package liangshan.app.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import liangshan.app.web.ApiException;
import liangshan.app.web.Problems;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing, policy and one-time password generation. Hashes are bcrypt with cost 12 (about
 * a quarter of a second per check on one core), so a stolen table resists guessing. Policy: at least
 * 10 characters, at most 72 UTF-8 bytes (bcrypt ignores the rest), not the username.
 */
@Component
public class Passwords {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;
    /** No 0/O, 1/l/I: one-time passwords are read off a screen and typed. */
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static final int GENERATED_LENGTH = 16;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(12);
    private final SecureRandom random = new SecureRandom();
    private final Problems problems;
    /** Checked against when the username is unknown, so timing does not reveal which names exist. */
    private final String dummyHash;

    Passwords(Problems problems) {
        this.problems = problems;
        this.dummyHash = encoder.encode(generate());
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return password != null
                && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES
                && encoder.matches(password, hash);
    }

    /** Spends the same time as {@link #matches} on a real user. */
    void matchesNothing(String password) {
        if (password != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            encoder.matches(password, dummyHash);
        }
    }

    /** A random 16-character password (about 93 bits) that satisfies the policy. */
    public String generate() {
        StringBuilder sb = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Adds every policy violation of {@code password} for {@code username} to {@code problems}. */
    void check(String field, String password, String username, List<ApiException.FieldProblem> out) {
        if (password == null || password.isEmpty()) {
            out.add(problems.field(field, "validation.required"));
            return;
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            out.add(problems.field(field, "password.too-short"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            out.add(problems.field(field, "password.too-long"));
        }
        if (username != null && password.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            out.add(problems.field(field, "password.equals-username"));
        }
    }
}
