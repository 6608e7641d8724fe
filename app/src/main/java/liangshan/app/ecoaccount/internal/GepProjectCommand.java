package liangshan.app.ecoaccount.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import liangshan.app.platform.CliCommand;
import liangshan.app.web.ApiException;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.project.LandCoverChange;
import liangshan.gep.project.ProjectImpact;
import liangshan.gep.project.ProjectImpactResult;
import liangshan.raster.RasterException;
import org.springframework.stereotype.Component;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code liangshan gep project --inputs DIR --footprint F.geojson (--to-class C | --mapping M.json |
 * --landcover-after F.tif) --params ID --year Y [--zones Z.geojson] [--out F.json]}: project-level
 * GEP ({@link ProjectImpact}). The result JSON (the API's shape) goes to stdout or {@code --out};
 * problems to stderr in zh and en. Exit 0 on success; 1 when the inputs are rejected (every problem
 * listed); 2 on another failure (an unreadable file, the disk).
 */
@Component
@Command(
        name = "gep project",
        description = "项目级 GEP：足迹内土地覆被变化引起的调节服务变化 / project-level GEP: Δ of regulating services",
        mixinStandardHelpOptions = true)
class GepProjectCommand implements CliCommand {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Option(names = "--inputs", required = true, paramLabel = "DIR", description = "输入目录 / inputs directory")
    Path inputs;

    @Option(
            names = "--footprint",
            required = true,
            paramLabel = "FILE",
            description = "项目足迹 GeoJSON（经纬度）/ footprint GeoJSON (lon/lat)")
    Path footprint;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Change change;

    /** Exactly one way to give the change. */
    static class Change {
        @Option(names = "--to-class", paramLabel = "C", description = "足迹内全部改为该地类 / every footprint cell becomes C")
        Integer toClass;

        @Option(
                names = "--mapping",
                paramLabel = "FILE",
                description = "地类映射 JSON {\"原\": 新} / class mapping JSON {\"from\": to}")
        Path mapping;

        @Option(
                names = "--landcover-after",
                paramLabel = "FILE",
                description = "变化后的土地覆被栅格（同一网格）/ land cover after, on the same grid")
        Path landCoverAfter;
    }

    @Option(names = "--params", required = true, paramLabel = "ID", description = "参数集 / parameter set id")
    String params;

    @Option(names = "--year", required = true, paramLabel = "Y", description = "核算年份 / accounting year")
    int year;

    @Option(
            names = "--zones",
            paramLabel = "FILE",
            description = "村界 GeoJSON（默认为输入目录下的 villages.geojson）/ zones (default: villages.geojson of the inputs)")
    Path zones;

    @Option(names = "--out", paramLabel = "FILE", description = "结果 JSON 文件（默认标准输出）/ result JSON (default stdout)")
    Path out;

    private final Clock clock;
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;

    GepProjectCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(footprint)) {
            stderr.println("输入有误 / inputs rejected:");
            stderr.println("  [input.missing_file] " + footprint);
            stderr.println("    足迹文件不存在");
            stderr.println("    the footprint file is missing");
            return 1;
        }
        try {
            LandCoverChange c = change();
            String geoJson = Files.readString(footprint, StandardCharsets.UTF_8);
            ProjectImpactResult r = new ProjectImpact(clock)
                    .compute(new ProjectImpact.Request(inputs, geoJson, c, params, year, zones));
            String json = JSON.writeValueAsString(ProjectImpactJson.of(r, r.inputs()));
            if (out != null) {
                Files.writeString(out, json + "\n", StandardCharsets.UTF_8);
                stderr.println(
                        "完成 / done: " + out + " — Δ " + r.totalDeltaYuan().toPlainString() + " 元");
            } else {
                stdout.println(json);
            }
            return 0;
        } catch (InvalidInputException e) {
            CliProblems.print("输入有误 / inputs rejected:", e.problems(), stderr);
            return 1;
        } catch (ApiException e) {
            stderr.println("输入有误 / inputs rejected: [" + e.code() + "] 地类映射应为 {\"原地类\": 新地类} / the mapping must be"
                    + " {\"from\": to}");
            return 1;
        } catch (IOException | UncheckedIOException | RasterException e) {
            stderr.println("计算失败 / failed: " + e.getMessage());
            return 2;
        }
    }

    private LandCoverChange change() throws IOException {
        if (change.toClass != null) {
            return new LandCoverChange.ToClass(change.toClass);
        }
        if (change.landCoverAfter != null) {
            return new LandCoverChange.Replacement(change.landCoverAfter);
        }
        try {
            String text = Files.readString(change.mapping, StandardCharsets.UTF_8);
            return ProjectImpactService.change(JSON.readTree("{\"mapping\":" + text + "}"));
        } catch (JacksonException e) {
            throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "gep.project.bad-change");
        }
    }
}
