package liangshan.app.ecoaccount.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.NoSuchElementException;
import liangshan.app.platform.CliCommand;
import liangshan.gep.params.ParameterSets;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code liangshan gep params list} and {@code gep params export --params ID --out FILE.json}: the
 * parameter sets shipped with the engine. Export writes the exact bytes of the shipped file, so its
 * SHA-256 can be checked against a run's provenance (the canonical-content hash is printed too).
 */
@Component
@Command(
        name = "gep params",
        description = "GEP 参数集 / GEP parameter sets: list, export",
        mixinStandardHelpOptions = true)
class GepParamsCommand implements CliCommand {

    PrintStream stdout = System.out;
    PrintStream stderr = System.err;

    @Command(name = "list", description = "列出参数集 / list parameter sets")
    public int list() {
        stdout.printf("%-20s %-10s %-8s %-64s %s%n", "id", "method", "暂定值/ph", "sha256", "title");
        for (ParameterSets.Info i : ParameterSets.list()) {
            stdout.printf(
                    "%-20s %-10s %-8d %-64s %s / %s%n",
                    i.id(), i.methodEdition(), i.placeholders(), i.sha256(), i.titleZh(), i.titleEn());
        }
        return 0;
    }

    @Command(name = "export", description = "导出参数集 JSON / export a parameter set as JSON")
    public int export(
            @Option(names = "--params", required = true, paramLabel = "ID") String id,
            @Option(names = "--out", required = true, paramLabel = "FILE.json") Path file) {
        byte[] bytes;
        try {
            bytes = ParameterSets.export(id);
        } catch (NoSuchElementException e) {
            stderr.println("没有参数集 / no parameter set '" + id + "'; 可用 / available: "
                    + ParameterSets.list().stream().map(ParameterSets.Info::id).toList());
            return 1;
        }
        try {
            Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            stderr.println("无法写出 / cannot write " + file + ": " + e.getMessage()
                    + (Files.exists(file) ? "（文件已存在，不覆盖 / file exists, not overwritten）" : ""));
            return 2;
        }
        stdout.println("已导出 / exported " + id + " → " + file + " (sha256 canonical "
                + ParameterSets.get(id).sha256() + ")");
        return 0;
    }
}
