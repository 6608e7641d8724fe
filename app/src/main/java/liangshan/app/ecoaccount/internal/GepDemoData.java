package liangshan.app.ecoaccount.internal;

import java.util.List;
import liangshan.app.identity.Actor;
import liangshan.gep.synth.SyntheticLandscape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode ({@code --demo} or {@code liangshan.demo=true}): when no GEP result of 2024 or 2025 and no demo run
 * exists yet, writes the illustrative synthetic landscape of the whole city for 2024 and 2025 as
 * input sets {@code synth-2024} and {@code synth-2025} and queues a city-wide run of each, all on a
 * background thread, so the server starts at once. Deterministic: seed 1 at {@value #CELL_SIZE_M}
 * m; 2025 is a drier year (precipitation × {@value #DRY_YEAR_PRECIPITATION}) in which forest
 * within {@value #SEAT_GROWTH_M} m of the county seats' built-up land became built-up land, so the
 * accounts show year-on-year changes and the warning rules have something to find.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class GepDemoData implements ApplicationRunner {

    static final double CELL_SIZE_M = 100;
    static final double DRY_YEAR_PRECIPITATION = 0.92;
    static final double SEAT_GROWTH_M = 1_500;
    static final String PARAMS = "quzhou-2025-v1";

    private static final Logger log = LoggerFactory.getLogger(GepDemoData.class);

    private final Environment environment;
    private final GepSynthLandscapes landscapes;
    private final GepRunService runs;
    private final GepResultStore results;
    private final JdbcClient jdbc;

    GepDemoData(
            Environment environment,
            GepSynthLandscapes landscapes,
            GepRunService runs,
            GepResultStore results,
            JdbcClient jdbc) {
        this.environment = environment;
        this.landscapes = landscapes;
        this.runs = runs;
        this.results = results;
        this.jdbc = jdbc;
    }

    static List<GepSynthLandscapes.Spec> specs() {
        return List.of(
                new GepSynthLandscapes.Spec(
                        "synth-2024",
                        "3308",
                        1,
                        CELL_SIZE_M,
                        SyntheticLandscape.Variation.NONE,
                        2024,
                        "示意数据：衢州合成景观（2024 年）",
                        "Illustrative data: synthetic Quzhou landscape (2024)"),
                new GepSynthLandscapes.Spec(
                        "synth-2025",
                        "3308",
                        1,
                        CELL_SIZE_M,
                        new SyntheticLandscape.Variation(DRY_YEAR_PRECIPITATION, SEAT_GROWTH_M),
                        2025,
                        "示意数据：衢州合成景观（2025 年：偏旱，县城周边部分林地转为建设用地）",
                        "Illustrative data: synthetic Quzhou landscape (2025: drier, some forest near county seats"
                                + " built up)"));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode(environment) || demoYearsHaveResults() || demoRunsExist()) {
            return;
        }
        Thread thread = new Thread(this::prepare, "gep-demo");
        thread.setDaemon(true);
        thread.start();
    }

    /** Writes the input sets and queues the runs (on the demo thread). */
    void prepare() {
        try {
            for (GepSynthLandscapes.Spec spec : specs()) {
                landscapes.write(spec);
                GepRunView run = runs.start(
                        Actor.SYSTEM, new GepRunService.StartRun(spec.name(), spec.year(), PARAMS, spec.scope()));
                log.info("演示 GEP 核算已排队 / demo GEP run queued: {} {} ({})", spec.year(), spec.name(), run.id());
            }
        } catch (RuntimeException e) {
            log.error("演示 GEP 数据准备失败 / demo GEP data failed", e);
        }
    }

    /** Real results of the demo years are never overwritten by illustrative ones. */
    private boolean demoYearsHaveResults() {
        return specs().stream().anyMatch(spec -> results.anyOfYear(spec.year()));
    }

    private boolean demoRunsExist() {
        return jdbc.sql("select exists (select 1 from gep_run where inputs_name in ('synth-2024', 'synth-2025')"
                        + " and status in ('queued', 'running', 'succeeded'))")
                .query(Boolean.class)
                .single();
    }

    static boolean demoMode(Environment environment) {
        if (environment.getProperty("liangshan.demo", Boolean.class, false)) {
            return true;
        }
        String bare = environment.getProperty("demo");
        return bare != null && !bare.equalsIgnoreCase("false");
    }
}
