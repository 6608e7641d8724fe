package liangshan.app.identity.internal;

import java.util.List;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.platform.CliCommand;
import liangshan.app.web.ApiException;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code liangshan users add|list}: user administration from the command line, acting as the
 * system (city administrator); changes are audited like those made through the API.
 */
@Component
@Command(name = "users", description = "用户管理 / users: add, list", mixinStandardHelpOptions = true)
public class UsersCommand implements CliCommand {

    private final UserService users;

    UsersCommand(UserService users) {
        this.users = users;
    }

    @Command(name = "add", description = "新建用户并显示一次性密码 / add a user and print a one-time password")
    public int add(
            @Option(names = "--username", required = true) String username,
            @Option(names = "--role", required = true, split = ",", description = "${COMPLETION-CANDIDATES}")
                    List<Role> roles,
            @Option(names = "--scope", required = true, description = "division code, e.g. 3308, 330802") String scope,
            @Option(names = "--display-name") String displayName,
            @Option(names = "--party", description = "e-ledger party id of a HOUSEHOLD user") Long partyId) {
        try {
            UserService.Created created = users.create(
                    Actor.SYSTEM, new UserRequests.CreateUser(username, displayName, roles, scope, null, partyId));
            System.out.println("已创建用户 / created user " + created.user().username() + " (id "
                    + created.user().id() + ")");
            System.out.println("一次性密码（只显示这一次） / one-time password (shown only now): " + created.oneTimePassword());
            return 0;
        } catch (ApiException e) {
            System.err.println("失败 / failed: " + e.code());
            e.fieldProblems()
                    .forEach(p -> System.err.println(
                            "  " + p.field() + " [" + p.code() + "]: " + p.messageZh() + " / " + p.messageEn()));
            return 1;
        }
    }

    @Command(name = "list", description = "列出用户 / list users")
    public int list() {
        int page = 0;
        Page<UserView> result;
        System.out.printf("%-6s %-28s %-24s %-14s %-7s %s%n", "id", "username", "roles", "scope", "enabled", "name");
        do {
            result = users.list(Actor.SYSTEM, PageRequest.of(page++, 500));
            for (UserView u : result.items()) {
                System.out.printf(
                        "%-6d %-28s %-24s %-14s %-7s %s%n",
                        u.id(),
                        u.username(),
                        String.join(",", u.roles().stream().map(Enum::name).toList()),
                        u.scope().code(),
                        u.enabled(),
                        u.displayName());
            }
        } while ((long) page * 500 < result.total());
        return 0;
    }
}
