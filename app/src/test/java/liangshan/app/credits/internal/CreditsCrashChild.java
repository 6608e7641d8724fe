package liangshan.app.credits.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import liangshan.app.LiangshanApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The process that {@link CreditsCrashTest} kills: the real application (non-web, as the CLI runs it)
 * against the shared test database, settling purchases one after the other with the real {@link
 * MarketService}: each buys {@code credits} from the listing and retires them against the obligation, in
 * one transaction. Prints {@code begin k} before and {@code done k} after each settlement.
 *
 * <p>Arguments: JDBC URL, listing id, buyer party, obligation id, credits per settlement, settlements.
 */
public final class CreditsCrashChild {

    private CreditsCrashChild() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("credits-crash-child");
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
            MarketService market = context.getBean(MarketService.class);
            int count = Integer.parseInt(args[5]);
            for (int k = 0; k < count; k++) {
                System.out.println("begin " + k);
                System.out.flush();
                market.purchase(
                        CreditsFixtures.ADMIN,
                        args[1],
                        new MarketService.PurchaseInput(args[2], args[4], args[3]),
                        CreditsCrashTest.requestId(args[1], k));
                System.out.println("done " + k);
                System.out.flush();
            }
        }
        System.exit(0);
    }
}
