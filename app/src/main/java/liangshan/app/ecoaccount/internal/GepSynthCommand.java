package liangshan.app.ecoaccount.internal;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import liangshan.app.platform.CliCommand;
import liangshan.gep.synth.SyntheticLandscape;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code liangshan gep synth --seed S --cell-size M --out DIR}: writes the illustrative (示意)
 * synthetic Quzhou landscape inside the real county outlines and the platform's village
 * boundaries (generated or imported), in the layout {@code gep run} reads.
 */
@Component
@Command(
        name = "gep synth",
        description = "生成示意合成景观 / write the illustrative synthetic landscape",
        mixinStandardHelpOptions = true)
class GepSynthCommand implements CliCommand {

    PrintStream stderr = System.err;

    private final GepSynthLandscapes landscapes;

    @Option(names = "--seed", defaultValue = "1", description = "随机种子 / seed")
    long seed;

    @Option(names = "--cell-size", required = true, paramLabel = "M", description = "像元边长（米）/ cell size in metres")
    double cellSize;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    GepSynthCommand(GepSynthLandscapes landscapes) {
        this.landscapes = landscapes;
    }

    @Override
    public Integer call() {
        GepSynthLandscapes.Zones zones = landscapes.zones("3308");
        try {
            SyntheticLandscape.Result result = SyntheticLandscape.generate(
                    seed,
                    cellSize,
                    zones.counties(),
                    zones.villages(),
                    GepSynthLandscapes.PROJECTION,
                    out,
                    line -> stderr.println("… " + line));
            stderr.printf(
                    Locale.ROOT,
                    "已写出示意景观 / wrote the illustrative landscape: %s (%d × %d cells, %d villages)%n",
                    result.out(),
                    result.grid().width(),
                    result.grid().height(),
                    result.villages());
            return 0;
        } catch (IllegalArgumentException e) {
            stderr.println("参数有误 / bad input: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            stderr.println("无法写出 / cannot write: " + e.getMessage());
            return 2;
        }
    }
}
