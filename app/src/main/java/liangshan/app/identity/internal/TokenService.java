package liangshan.app.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import liangshan.app.audit.AuditTrail;
import liangshan.app.identity.Actor;
import liangshan.app.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for machine clients ({@code Authorization: Bearer ls_…}). A token is 32 random bytes
 * (256 bits), shown once; only its SHA-256 is stored — a fast hash suffices because the token is
 * random, not guessable like a password. Revoked tokens stop working at once.
 */
@Service
public class TokenService {

    static final String PREFIX = "ls_";

    /**
     * A token as listed (never the token itself).
     *
     * @param revokedAt null while the token works
     */
    public record TokenView(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}

    /** The answer of creation: the token, shown this once. */
    public record CreatedToken(long id, String name, String token) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TokenService(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CreatedToken create(Actor actor, String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("""
                insert into identity_api_token (user_id, name, token_hash, created_at)
                values (?, ?, ?, ?) returning id
                """)
                .params(actor.userId(), name.trim(), sha256(token), UserRepository.utc(clock.instant()))
                .query(Long.class)
                .single();
        TokenView view = find(actor.userId(), id).orElseThrow();
        audit.record(
                "identity.token.created",
                "api-token",
                String.valueOf(id),
                actor.scope().divisionCode(),
                null,
                view);
        return new CreatedToken(id, view.name(), token);
    }

    @Transactional(readOnly = true)
    public List<TokenView> list(Actor actor) {
        return jdbc.sql(
                        "select id, name, created_at, last_used_at, revoked_at from identity_api_token where user_id = ?"
                                + " order by id")
                .param(actor.userId())
                .query((rs, n) -> view(rs))
                .list();
    }

    @Transactional
    public void revoke(Actor actor, long id) {
        TokenView before =
                find(actor.userId(), id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "tokens.not-found"));
        if (before.revokedAt() != null) {
            return;
        }
        jdbc.sql("update identity_api_token set revoked_at = ? where id = ?")
                .params(UserRepository.utc(clock.instant()), id)
                .update();
        audit.record(
                "identity.token.revoked",
                "api-token",
                String.valueOf(id),
                actor.scope().divisionCode(),
                before,
                find(actor.userId(), id).orElseThrow());
    }

    /** The owner of a working token; records its use. */
    @Transactional
    public Optional<Long> ownerOf(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("""
                update identity_api_token set last_used_at = ?
                 where token_hash = ? and revoked_at is null
                returning user_id
                """)
                .params(UserRepository.utc(clock.instant()), sha256(token))
                .query(Long.class)
                .optional();
    }

    private Optional<TokenView> find(long userId, long id) {
        return jdbc.sql("select id, name, created_at, last_used_at, revoked_at from identity_api_token"
                        + " where user_id = ? and id = ?")
                .params(userId, id)
                .query((rs, n) -> view(rs))
                .optional();
    }

    private static TokenView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new TokenView(
                rs.getLong("id"),
                rs.getString("name"),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                instant(rs.getObject("revoked_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
