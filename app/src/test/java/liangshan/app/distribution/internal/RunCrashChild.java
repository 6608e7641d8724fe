package liangshan.app.distribution.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import liangshan.app.LiangshanApplication;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The process that {@link RunCrashTest} kills: the real application (non-web, as the CLI runs it) against
 * the shared test database, posting approved runs one after the other with the real {@link RunPoster}.
 * Prints {@code begin k} before and {@code done k <status>} after each post.
 *
 * <p>Arguments: JDBC URL, username of the poster, village, run ids…
 */
public final class RunCrashChild {

    private RunCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("crash-child");
        SpringApplication spring = new SpringApplication(LiangshanApplication.class);
        spring.setWebApplicationType(WebApplicationType.NONE);
        spring.setBannerMode(Banner.Mode.OFF);
        spring.setAdditionalProfiles("cli");
        try (ConfigurableApplicationContext context = spring.run(
                "--spring.datasource.url=" + args[0],
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--liangshan.data-dir=" + dataDir)) {
            RunPoster poster = context.getBean(RunPoster.class);
            Actor clerk = new Actor(1, args[1], Set.of(Role.VILLAGE_ACCOUNTANT), new DataScope(args[2]));
            for (int k = 3; k < args.length; k++) {
                System.out.println("begin " + (k - 3));
                System.out.flush();
                RunView view = poster.post(clerk, args[k]);
                System.out.println("done " + (k - 3) + " " + view.status());
                System.out.flush();
            }
        }
        System.exit(0);
    }
}
