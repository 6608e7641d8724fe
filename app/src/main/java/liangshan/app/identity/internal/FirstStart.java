package liangshan.app.identity.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DemoUsers;
import liangshan.app.identity.Role;
import liangshan.app.platform.DataDirectory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * No default passwords. On the first start (no users at all) creates {@code admin} (city
 * administrator, scope 3308) with a random one-time password printed once to standard output —
 * not logged, stored only as a bcrypt hash, to be changed at first sign-in. In demo mode
 * ({@code --demo}, or {@code liangshan.demo=true}) also creates one user per role with random
 * passwords, printed when they are created and written to {@code <data-dir>/demo-credentials.txt}
 * (owner read/write only) so the browser tests and a presenter can read them later.
 */
@Component
class FirstStart implements ApplicationRunner, DemoUsers {

    static final String CREDENTIALS_FILE = "demo-credentials.txt";

    /** Demo users: county 330802 柯城区, village 330802005200 童村碓村 in it. */
    static final List<UserRequests.CreateUser> DEMO_USERS = List.of(
            demo("demo-city-admin", "演示 市级管理员", Role.CITY_ADMIN, "3308"),
            demo("demo-county-officer", "演示 柯城区干部", Role.COUNTY_OFFICER, "330802"),
            demo("demo-coop-operator", "演示 柯城区两山合作社", Role.COOPERATIVE_OPERATOR, "330802"),
            demo("demo-village-accountant", "演示 童村碓村会计", Role.VILLAGE_ACCOUNTANT, "330802005200"),
            demo("demo-bank-officer", "演示 银行客户经理", Role.BANK_OFFICER, "3308"),
            demo("demo-investor", "演示 投资企业", Role.INVESTOR, "3308"),
            demo("demo-auditor", "演示 审计人员", Role.AUDITOR, "3308"));

    private final UserService users;
    private final Environment environment;
    private final DataDirectory dataDirectory;
    private PrintStream out = System.out;

    FirstStart(UserService users, Environment environment, DataDirectory dataDirectory) {
        this.users = users;
        this.environment = environment;
        this.dataDirectory = dataDirectory;
    }

    private static UserRequests.CreateUser demo(String username, String name, Role role, String scope) {
        return new UserRequests.CreateUser(username, name, List.of(role), scope, null);
    }

    /** For tests: where the one-time passwords are printed. */
    void printTo(PrintStream stream) {
        this.out = stream;
    }

    @Override
    public void run(ApplicationArguments args) {
        createAdminIfNoUsers();
        if (demoMode(environment)) {
            createDemoUsers();
        }
    }

    /**
     * Demo mode: {@code liangshan.demo=true}, or a bare {@code --demo} on the command line, which
     * Spring Boot turns into the property {@code demo} with an empty value.
     */
    static boolean demoMode(Environment environment) {
        if (environment.getProperty("liangshan.demo", Boolean.class, false)) {
            return true;
        }
        String bare = environment.getProperty("demo");
        return bare != null && !bare.equalsIgnoreCase("false");
    }

    /** Creates {@code admin} when the user table is empty; returns its one-time password, or null. */
    String createAdminIfNoUsers() {
        if (users.count() > 0) {
            return null;
        }
        UserService.Created admin = users.create(
                Actor.SYSTEM,
                new UserRequests.CreateUser("admin", "市级管理员", List.of(Role.CITY_ADMIN), "3308", null),
                true);
        out.println();
        out.println("首次启动：已创建管理员 admin，一次性密码（只显示这一次，登录后须修改）：");
        out.println("First start: created user admin; one-time password (shown only now, change it at first sign-in):");
        out.println("    admin / " + admin.oneTimePassword());
        out.println();
        return admin.oneTimePassword();
    }

    /** A demo user of another module's demo data, created like the built-in ones (password printed once). */
    @Override
    public synchronized boolean ensure(
            String username, String displayName, Role role, String scope, OptionalLong partyId) {
        if (users.byUsername(username).isPresent()) {
            return false;
        }
        UserRequests.CreateUser spec = new UserRequests.CreateUser(
                username, displayName, List.of(role), scope, null, partyId.isPresent() ? partyId.getAsLong() : null);
        String password = users.create(Actor.SYSTEM, spec, false).oneTimePassword();
        writeCredentials(dataDirectory.dataDir().resolve(CREDENTIALS_FILE), Map.of(username, password), List.of(spec));
        out.println("演示模式：已创建演示用户 / demo mode: created demo user " + username + " / " + password);
        return true;
    }

    synchronized void createDemoUsers() {
        Map<String, String> created = new LinkedHashMap<>();
        List<String> existing = new ArrayList<>();
        for (UserRequests.CreateUser spec : DEMO_USERS) {
            if (users.byUsername(spec.username()).isPresent()) {
                existing.add(spec.username());
            } else {
                created.put(
                        spec.username(), users.create(Actor.SYSTEM, spec, false).oneTimePassword());
            }
        }
        Path file = dataDirectory.dataDir().resolve(CREDENTIALS_FILE);
        if (!created.isEmpty()) {
            writeCredentials(file, created, DEMO_USERS);
            out.println("演示模式：已创建演示用户 / demo mode: created demo users (user / password):");
            created.forEach((user, password) -> out.println("    " + user + " / " + password));
        }
        if (!existing.isEmpty()) {
            out.println("演示用户已存在，密码在首次演示启动时显示过 / demo users exist; their passwords were printed at "
                    + "the first demo start: " + String.join(", ", existing));
        }
        out.println("演示账号文件 / demo credentials file: " + file);
    }

    /** Adds the new users to the credentials file (tab-separated: user, password, role, scope), mode 0600. */
    private static synchronized void writeCredentials(
            Path file, Map<String, String> created, List<UserRequests.CreateUser> specs) {
        Map<String, String> lines = new LinkedHashMap<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.startsWith("#") && line.contains("\t")) {
                        lines.put(line.substring(0, line.indexOf('\t')), line);
                    }
                }
            }
            for (UserRequests.CreateUser spec : specs) {
                if (created.containsKey(spec.username())) {
                    lines.put(
                            spec.username(),
                            String.join(
                                    "\t",
                                    spec.username(),
                                    created.get(spec.username()),
                                    spec.roles().get(0).name(),
                                    spec.scope()));
                }
            }
            StringBuilder text = new StringBuilder("# username\tpassword\trole\tscope (两山 Liangshan demo users)\n");
            lines.values().forEach(line -> text.append(line).append('\n'));
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "demo-credentials", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Non-POSIX file systems (Windows): the file inherits the directory's access rules.
            }
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
