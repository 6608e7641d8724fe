package liangshan.app.eledger.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import liangshan.app.eledger.internal.EledgerDemoGenerator.Profile;
import liangshan.app.platform.CliCommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code liangshan eledger load [--profile demo|bench] [--villages N] [--seed S]}: writes generated
 * (illustrative) e-ledgers into the database, as demo mode does, or the benchmark's county-scale
 * dataset ({@code bench}: 200 parcels and ~333 households per village, deep right histories; by
 * default 300 villages from the counties with most villages). Villages that have e-ledger data are
 * skipped. Prints counts and the load time.
 */
@Component
@Command(
        name = "eledger load",
        description = "写入示意台账 / load generated (illustrative) e-ledgers",
        mixinStandardHelpOptions = true)
class EledgerBulkCommand implements CliCommand {

    /** The benchmark's village: 200 parcels, ~333 households, ~5 right rows per parcel. */
    static final Profile BENCH = new Profile(333, 334, 200, 200, 80, 75, 50, 1, 2, 45);

    PrintStream out = System.out;

    private final EledgerDemo demo;
    private final Divisions divisions;

    @Option(names = "--profile", defaultValue = "demo", description = "demo | bench")
    String profile;

    @Option(names = "--villages", defaultValue = "-1", description = "村数 / villages (demo: all, bench: 300)")
    int villages;

    @Option(names = "--seed", defaultValue = "1", description = "随机种子 / seed")
    long seed;

    @Option(names = "--dry-run", description = "只生成不写入 / generate in memory only and print counts")
    boolean dryRun;

    EledgerBulkCommand(EledgerDemo demo, Divisions divisions) {
        this.demo = demo;
        this.divisions = divisions;
    }

    @Override
    public Integer call() {
        boolean bench = "bench".equals(profile);
        if (!bench && !"demo".equals(profile)) {
            out.println("未知 profile / unknown profile: " + profile);
            return 2;
        }
        Profile p = bench ? BENCH : EledgerDemoGenerator.DEMO;
        int limit = villages > 0 ? villages : bench ? 300 : Integer.MAX_VALUE;
        List<String> codes = demo.villagesOf(countiesByVillages(), limit);
        if (dryRun) {
            return dry(codes, p);
        }
        EledgerDemo.Summary s = demo.load(codes, seed, p, true);
        out.printf(
                Locale.ROOT,
                "已写入 / loaded: %d villages (%d skipped), %d parties, %d resources, %d right rows,"
                        + " %d pending applications, %d packages in %.1f s%n",
                s.villages(),
                s.skipped(),
                s.parties(),
                s.resources(),
                s.rights(),
                s.applications(),
                s.packages(),
                s.millis() / 1000.0);
        return 0;
    }

    private int dry(List<String> codes, Profile p) {
        long start = System.nanoTime();
        EledgerDemoGenerator generator = demo.generator(seed, p);
        long parties = 0;
        long resources = 0;
        long rights = 0;
        for (String code : codes) {
            Division v = divisions.find(code).orElseThrow();
            EledgerDemoPlan plan = generator.plan(new EledgerDemoGenerator.Village(
                    code,
                    v.name(),
                    code.substring(0, 6),
                    divisions.boundary(code).orElseThrow().gk120(),
                    generator.cooperative(code.substring(0, 6), "", code),
                    false));
            parties += plan.parties().size();
            resources += plan.resources().size();
            rights += plan.rights().size();
        }
        out.printf(
                Locale.ROOT,
                "生成（未写入）/ generated (dry run): %d villages, %d parties, %d resources, %d right rows in %.1f s%n",
                codes.size(),
                parties,
                resources,
                rights,
                (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** Counties by number of villages, most first (a county-scale dataset comes from one county first). */
    private List<String> countiesByVillages() {
        List<String> counties = new ArrayList<>(
                divisions.children("3308").stream().map(Division::code).toList());
        counties.sort(Comparator.comparingInt((String c) ->
                        demo.villagesOf(List.of(c), Integer.MAX_VALUE).size())
                .reversed());
        return counties;
    }
}
