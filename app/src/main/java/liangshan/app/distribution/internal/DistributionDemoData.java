package liangshan.app.distribution.internal;

import java.time.Duration;
import liangshan.app.eledger.AssetPackages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo mode ({@code --demo} or {@code liangshan.demo=true}): once the e-ledger demo has leased its eco asset
 * packages (it runs in the background too), seeds the money demo of those villages ({@link DistributionDemo})
 * on a background thread. It waits until the number of leased packages is the same on two polls
 * {@value #POLL_SECONDS} s apart, for at most {@value #MAX_MINUTES} minutes. Idempotent; not in the
 * {@code test} profile (tests own the villages they write to).
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.LOWEST_PRECEDENCE - 80)
@Profile("!test")
class DistributionDemoData implements ApplicationRunner {

    static final int POLL_SECONDS = 20;
    static final int MAX_MINUTES = 60;

    private static final Logger log = LoggerFactory.getLogger(DistributionDemoData.class);

    private final Environment environment;
    private final DistributionDemo demo;
    private final AssetPackages eledger;

    DistributionDemoData(Environment environment, DistributionDemo demo, AssetPackages eledger) {
        this.environment = environment;
        this.demo = demo;
        this.eledger = eledger;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode(environment)) {
            return;
        }
        Thread thread = new Thread(this::waitAndLoad, "distribution-demo");
        thread.setDaemon(true);
        thread.start();
    }

    private void waitAndLoad() {
        try {
            int previous = -1;
            long rounds = Duration.ofMinutes(MAX_MINUTES).toSeconds() / POLL_SECONDS;
            for (long i = 0; i < rounds; i++) {
                int leased = eledger.leased("3308").size();
                if (leased > 0 && leased == previous) {
                    int seeded = demo.load();
                    log.info(
                            "演示收益分配数据已生成 / demo distribution loaded: {} villages ({} leased packages)", seeded, leased);
                    return;
                }
                previous = leased;
                Thread.sleep(Duration.ofSeconds(POLL_SECONDS).toMillis());
            }
            log.info("演示收益分配：没有已租赁的资产包 / demo distribution: no leased package appeared");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("演示收益分配数据生成失败 / demo distribution failed", e);
        }
    }

    static boolean demoMode(Environment environment) {
        if (environment.getProperty("liangshan.demo", Boolean.class, false)) {
            return true;
        }
        String bare = environment.getProperty("demo");
        return bare != null && !bare.equalsIgnoreCase("false");
    }
}
