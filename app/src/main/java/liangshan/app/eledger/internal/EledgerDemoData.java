package liangshan.app.eledger.internal;

import java.util.List;
import liangshan.app.identity.DemoUsers;
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
 * Demo mode ({@code --demo} or {@code liangshan.demo=true}): generates the illustrative e-ledger of
 * every village ({@link EledgerDemoGenerator}, seed {@value #SEED}) on a background thread, so the
 * server answers at once. Villages that already have e-ledger data are skipped, so a second start adds
 * nothing. The land cover comes from the GEP demo landscape's rules directly ({@code DemoLandscape}),
 * so the e-ledger neither waits for nor depends on the GEP demo input sets being written. Not in the
 * {@code test} profile: integration tests share one database and own the villages they write to, and a
 * background load of every village would race them ({@code EledgerDemoDataTest} loads its own three).
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.LOWEST_PRECEDENCE - 90)
@Profile("!test")
class EledgerDemoData implements ApplicationRunner {

    static final long SEED = 1;

    private static final Logger log = LoggerFactory.getLogger(EledgerDemoData.class);

    private final Environment environment;
    private final EledgerDemo demo;
    private final DemoUsers accounts;

    EledgerDemoData(Environment environment, EledgerDemo demo, DemoUsers accounts) {
        this.environment = environment;
        this.demo = demo;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode(environment)) {
            return;
        }
        Thread thread = new Thread(this::load, "eledger-demo");
        thread.setDaemon(true);
        thread.start();
    }

    void load() {
        try {
            List<String> villages = demo.allVillages();
            EledgerDemo.Summary s = demo.load(villages, SEED, EledgerDemoGenerator.DEMO, true);
            log.info(
                    "演示台账已生成 / demo e-ledger loaded: {} villages ({} skipped), {} parties, {} resources,"
                            + " {} right rows, {} pending applications, {} packages in {} ms",
                    s.villages(),
                    s.skipped(),
                    s.parties(),
                    s.resources(),
                    s.rights(),
                    s.applications(),
                    s.packages(),
                    s.millis());
            List<String> households = demo.householdUsers(accounts, villages);
            log.info("演示农户用户 / demo household users: {} created", households.size());
        } catch (RuntimeException e) {
            log.error("演示台账生成失败 / demo e-ledger failed", e);
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
