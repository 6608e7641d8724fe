package liangshan.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import liangshan.app.credits.internal.CreditsE2eSeed;
import liangshan.app.distribution.internal.MoneyE2eSeed;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * Drives the real application in headless Chromium: {@code web/e2e/smoke.mjs} (playwright-core)
 * signs in as a demo user, lands on the user's scope, opens the map, clicks a village polygon,
 * checks the village page at desktop and 360 px width, the city and centre pages, the village
 * e-ledger (a resource drawn on the map, a transfer recorded by the village accountant and approved
 * by the first user, packages with the title check; {@code web/e2e/ledger.mjs}), the English switch
 * and sign-out. Screenshots are kept in {@code target/browser-screenshots/} to be looked at.
 */
@IntegrationTest
@TestPropertySource(properties = "liangshan.demo=true")
class BrowserSmokeTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Duration CREDENTIALS_WAIT = Duration.ofSeconds(30);
    /** Preferred demo roles, most useful first: a county user sees the county, map and villages. */
    private static final List<String> ROLE_PREFERENCE = List.of("COUNTY_OFFICER", "VILLAGE_ACCOUNTANT", "CITY_ADMIN");

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    ApplicationContext context;

    @Test
    void userSignsInOpensTheMapAndAVillage() throws Exception {
        assumeTrue(
                getClass().getResource("/static/index.html") != null,
                "the web UI is not built (-Dweb.skip=true): no UI is served, so there is nothing to test in a"
                        + " browser");
        assertTrue(
                Files.isExecutable(CHROMIUM),
                "browser test needs Debian's Chromium at " + CHROMIUM
                        + ": apt-get install -y chromium fonts-wqy-microhei");
        Path web = webDirectory();
        assertTrue(
                Files.isDirectory(web.resolve("node_modules/playwright-core")),
                "browser test needs playwright-core: run `npm ci` in " + web);

        List<DemoCredential> demo = demoCredentials();
        DemoCredential user = preferred(demo);
        // The e-ledger part needs a second person to decide a transfer the first one did not record:
        // the village accountant of a village in the first user's scope.
        DemoCredential second = demo.stream()
                .filter(d -> d.role().equals("VILLAGE_ACCOUNTANT") && d.scope().startsWith(user.scope()) && d != user)
                .findFirst()
                .orElse(null);
        // A new account that must change its password at first sign-in, as every account created by
        // an administrator must.
        TestAccounts.Account newcomer =
                TestAccounts.createMustChangePassword(context, "smoke-newcomer", Role.INVESTOR, "3308");
        Path screenshots = Path.of("target", "browser-screenshots").toAbsolutePath();
        Files.createDirectories(screenshots);
        Path log = screenshots.resolve("smoke.log");
        String baseUrl = "http://localhost:" + port;

        ProcessBuilder builder = new ProcessBuilder(
                        "node",
                        "e2e/smoke.mjs",
                        baseUrl,
                        user.username(),
                        user.password(),
                        screenshots.toString(),
                        newcomer.username(),
                        newcomer.password(),
                        second == null ? "" : second.username(),
                        second == null ? "" : second.password(),
                        second == null ? "" : second.scope())
                .directory(web.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        seed(builder.environment(), user, second);
        Process process = builder.start();
        boolean finished = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        if (!finished) {
            fail("browser smoke test did not finish within " + TIMEOUT + "; output:\n" + output);
        }
        assertEquals(
                0, process.exitValue(), "browser smoke test failed (screenshots in " + screenshots + "):\n" + output);
        assertTrue(output.contains("SMOKE OK"), "smoke script did not report success:\n" + output);
        assertTrue(Files.exists(screenshots.resolve("06-village.png")), "village screenshot was taken");
        assertTrue(Files.exists(screenshots.resolve("14-password-forced.png")), "password screenshot was taken");
        if (user.scope().length() >= 6) {
            assertTrue(
                    Files.exists(screenshots.resolve("84-credits-market.png")),
                    "the credit market flow ran (market screenshot)");
        }
        if (second != null) {
            assertTrue(
                    Files.exists(screenshots.resolve("29-ledger-package-clear.png")),
                    "the e-ledger flow ran (package screenshot)");
        }
    }

    /** The repository's web/ folder, found from the app module's directory (the test's working dir). */
    private static Path webDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path web = dir.resolve("web");
            if (Files.isRegularFile(web.resolve("e2e/smoke.mjs"))) {
                return web;
            }
        }
        return fail("cannot find web/e2e/smoke.mjs above " + Path.of("").toAbsolutePath());
    }

    /**
     * Reads {@code <liangshan.data-dir>/demo-credentials.txt}, written by the identity module in demo
     * mode: one user per line, tab-separated {@code username password role scope}; lines starting
     * with {@code #} are comments.
     */
    private List<DemoCredential> demoCredentials() throws IOException, InterruptedException {
        String dataDir = environment.getProperty("liangshan.data-dir");
        assertTrue(dataDir != null && !dataDir.isBlank(), "liangshan.data-dir is not set");
        Path file = Path.of(dataDir).resolve("demo-credentials.txt");
        Instant deadline = Instant.now().plus(CREDENTIALS_WAIT);
        while (!Files.isRegularFile(file) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertTrue(
                Files.isRegularFile(file),
                "demo mode (liangshan.demo=true) did not write " + file
                        + " (expected lines username<TAB>password<TAB>role<TAB>scope)");
        List<DemoCredential> users = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\t"))
                .filter(parts -> parts.length >= 3)
                .map(parts -> new DemoCredential(
                        parts[2].strip(), parts[0].strip(), parts[1].strip(), parts.length > 3 ? parts[3].strip() : ""))
                .toList();
        assertTrue(!users.isEmpty(), "no username<TAB>password<TAB>role line in " + file);
        return users;
    }

    private static DemoCredential preferred(List<DemoCredential> users) {
        for (String role : ROLE_PREFERENCE) {
            for (DemoCredential user : users) {
                if (user.role().equals(role)) {
                    return user;
                }
            }
        }
        return users.get(0);
    }

    private record DemoCredential(String role, String username, String password, String scope) {}

    /**
     * Seeds the data of the flows that need it and tells smoke.mjs about it: money views
     * (web/e2e/money.mjs) in the second user's village, eco credits (web/e2e/credits.mjs) in the first
     * user's county — both made through the services as the demo does.
     */
    private void seed(java.util.Map<String, String> env, DemoCredential user, DemoCredential second) throws Exception {
        if (second != null) {
            env.putAll(MoneyE2eSeed.seed(context, second.scope()).env());
        }
        if (user.scope().length() >= 6) {
            CreditsE2eSeed.Seeded credits =
                    CreditsE2eSeed.seed(context, user.scope().substring(0, 6));
            env.put("CREDITS_COUNTY", credits.county());
            env.put("CREDITS_SELLER", credits.seller());
            env.put("CREDITS_BUYER", credits.buyer());
        }
    }
}
