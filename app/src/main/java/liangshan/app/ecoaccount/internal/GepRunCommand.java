package liangshan.app.ecoaccount.internal;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import liangshan.app.platform.CliCommand;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.run.GepRun;
import liangshan.raster.RasterException;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code liangshan gep run --inputs DIR --zones FILE.geojson --params ID --year Y --out OUT}: one
 * GEP run of method LS-2026.1 ({@link GepRun}). Progress and problems go to stderr, the summary to
 * stdout. Exit 0 on success; 1 when the inputs are rejected (every problem listed, nothing
 * written); 2 when the run fails for another reason (e.g. the disk), also with nothing written.
 */
@Component
@Command(
        name = "gep run",
        description = "GEP 核算 / run a GEP accounting (zones.csv, maps, provenance.json, report.html)",
        mixinStandardHelpOptions = true)
class GepRunCommand implements CliCommand {

    @Option(names = "--inputs", required = true, paramLabel = "DIR", description = "输入目录 / inputs directory")
    Path inputs;

    @Option(names = "--zones", required = true, paramLabel = "FILE", description = "村界 GeoJSON / village zones")
    Path zones;

    @Option(names = "--params", required = true, paramLabel = "ID", description = "参数集 / parameter set id")
    String params;

    @Option(names = "--year", required = true, paramLabel = "Y", description = "核算年份 / accounting year")
    int year;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "OUT",
            description = "输出目录（不得已存在）/ output directory (must not exist)")
    Path out;

    private final Clock clock;
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;

    GepRunCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        String[] last = {""};
        GepRun.Progress progress = (stage, done, total) -> {
            String line = stage + " " + done + "/" + total;
            if (!line.equals(last[0])) {
                stderr.println("进度 / progress: " + line);
                last[0] = line;
            }
        };
        try {
            GepRun.Result r =
                    new GepRun(clock).run(new GepRun.Request(inputs, zones, params, year, out), progress, () -> false);
            stdout.println("完成 / done: " + r.out() + " — " + r.zoneCount() + " 个村 / zones, "
                    + r.rows().size() + " 行 / rows in zones.csv");
            r.totalsYuan().forEach((id, v) -> stdout.println("  " + id + " " + v.toPlainString() + " 元"));
            return 0;
        } catch (InvalidInputException e) {
            CliProblems.print("输入有误，未写出任何结果 / inputs rejected, nothing written:", e.problems(), stderr);
            return 1;
        } catch (RasterException | UncheckedIOException e) {
            stderr.println("核算失败，未写出任何结果 / run failed, nothing written: " + e.getMessage());
            return 2;
        }
    }
}
