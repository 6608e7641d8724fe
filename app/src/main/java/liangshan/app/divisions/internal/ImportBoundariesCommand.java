package liangshan.app.divisions.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import liangshan.app.identity.Actor;
import liangshan.app.platform.CliCommand;
import liangshan.app.web.ApiException;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code liangshan import-boundaries FILE.geojson}: replaces generated boundaries by real ones. The
 * operator at the server's console acts with city-wide rights. Progress and the problem report go
 * to stderr, the summary to stdout; exit code 0 on success, 1 when the file is rejected (nothing
 * changed), 2 when it cannot be read.
 */
@Component
@Command(
        name = "import-boundaries",
        description = "导入真实边界 / import real division boundaries (GeoJSON FeatureCollection, lon/lat, property code)",
        mixinStandardHelpOptions = true)
class ImportBoundariesCommand implements CliCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "GeoJSON FeatureCollection in lon/lat (EPSG:4326/4490)")
    Path file;

    private final BoundaryImporter importer;
    PrintStream out = System.out;
    PrintStream err = System.err;

    ImportBoundariesCommand(BoundaryImporter importer) {
        this.importer = importer;
    }

    @Override
    public Integer call() {
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("无法读取 / cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        err.println("导入 / importing " + file);
        try {
            BoundaryImporter.Summary summary = importer.importBoundaries(
                    Actor.SYSTEM, body, file.getFileName().toString(), err::println);
            out.printf(
                    "已导入 / imported %d features: %d counties, %d towns, %d villages; recomputed %s%n",
                    summary.features(), summary.counties(), summary.towns(), summary.villages(), summary.recomputed());
            return 0;
        } catch (ApiException e) {
            err.println("未导入，未做任何更改 / not imported, nothing changed (" + e.code() + "):");
            if (e.fieldProblems().isEmpty()) {
                err.println("  " + DivisionsMessages.zh(e.code(), e.args()) + " / "
                        + DivisionsMessages.en(e.code(), e.args()));
            }
            for (ApiException.FieldProblem problem : e.fieldProblems()) {
                err.println("  " + problem.field() + " [" + problem.code() + "]");
                err.println("    " + problem.messageZh());
                err.println("    " + problem.messageEn());
            }
            return 1;
        }
    }
}
