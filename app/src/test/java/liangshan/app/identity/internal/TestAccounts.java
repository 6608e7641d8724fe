package liangshan.app.identity.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import org.springframework.context.ApplicationContext;

/**
 * Test users with known passwords (created directly, no password change needed). Usernames get a
 * unique suffix because all tests share one database.
 */
public final class TestAccounts {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

    private TestAccounts() {}

    /** A user created by this test run. */
    public record Account(long id, String username, String password) {}

    public static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    public static Account create(ApplicationContext context, String prefix, Role role, String scope) {
        return createActive(context, prefix, role, scope, null);
    }

    /** A {@link Role#HOUSEHOLD} user of village {@code village} acting for e-ledger party {@code partyId}. */
    public static Account createHousehold(ApplicationContext context, String prefix, String village, long partyId) {
        return createActive(context, prefix, Role.HOUSEHOLD, village, partyId);
    }

    private static Account createActive(
            ApplicationContext context, String prefix, Role role, String scope, Long partyId) {
        UserService users = context.getBean(UserService.class);
        String username = unique(prefix);
        String password = "Pw-" + username + "-secret";
        UserService.Created created = users.create(
                Actor.SYSTEM,
                new UserRequests.CreateUser(username, "测试 " + username, List.of(role), scope, password, partyId),
                false);
        return new Account(created.user().id(), username, password);
    }

    /** Like {@link #create}, but the account must change its password at first sign-in. */
    public static Account createMustChangePassword(ApplicationContext context, String prefix, Role role, String scope) {
        UserService users = context.getBean(UserService.class);
        String username = unique(prefix);
        String password = "Pw-" + username + "-initial";
        UserService.Created created = users.create(
                Actor.SYSTEM, new UserRequests.CreateUser(username, "测试 " + username, List.of(role), scope, password));
        return new Account(created.user().id(), username, password);
    }
}
