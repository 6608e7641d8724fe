package liangshan.app.ecoaccount.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import liangshan.app.identity.CurrentActor;
import liangshan.app.web.ApiException;
import liangshan.gep.params.LandCoverClass;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.params.ParameterSets;
import liangshan.raster.Crs;
import liangshan.raster.GridGeometry;
import liangshan.raster.geotiff.GeoTiff;
import liangshan.raster.geotiff.GeoTiffBand;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/gep/inputs}, {@code /params} and {@code /classes}: what a GEP run can be started
 * with — the input sets on this server, the shipped parameter sets and their land-cover classes.
 * Reference data for any signed-in user.
 */
@RestController
@RequestMapping("/api/v1/gep")
@Tag(name = "gep-catalog", description = "GEP 输入与参数 / GEP inputs and parameters")
class GepCatalogController {

    /**
     * One input set: the grid of its {@code landcover.tif} (read from the file header only; null
     * fields when the file is missing or unreadable) and its files, relative to the set's folder.
     *
     * @param cellSizeM cell size in metres; null for a geographic CRS
     */
    record InputSetView(
            String name,
            Double cellSizeM,
            Integer rows,
            Integer cols,
            String crs,
            List<String> files,
            boolean illustrative,
            Integer year,
            String descriptionZh,
            String descriptionEn) {}

    /** One shipped parameter set; {@code placeholders} counts values still flagged 暂定 (placeholder). */
    record ParamsView(String id, String edition, int placeholders, String titleZh, String titleEn, String sha256) {}

    /** One land-cover class with its GB/T 21010-2017 mapping. */
    record ClassView(
            int code, String nameZh, String nameEn, String category, List<String> gbt21010, String gbt21010Note) {}

    private final CurrentActor current;
    private final GepInputSets inputSets;

    GepCatalogController(CurrentActor current, GepInputSets inputSets) {
        this.current = current;
        this.inputSets = inputSets;
    }

    @GetMapping("/inputs")
    @Operation(summary = "GEP 输入数据集 / GEP input sets on this server")
    List<InputSetView> inputs() {
        requireSignedIn();
        return inputSets.list().stream().map(GepCatalogController::view).toList();
    }

    @GetMapping("/params")
    @Operation(summary = "GEP 参数集 / shipped GEP parameter sets")
    List<ParamsView> params() {
        requireSignedIn();
        return ParameterSets.list().stream()
                .map(i -> new ParamsView(
                        i.id(), i.methodEdition(), i.placeholders(), i.titleZh(), i.titleEn(), i.sha256()))
                .toList();
    }

    @GetMapping("/classes")
    @Operation(summary = "参数集的土地覆被类别 / land-cover classes of a parameter set (default: first shipped)")
    List<ClassView> classes(@RequestParam(required = false) String params) {
        requireSignedIn();
        String id = params == null ? ParameterSets.list().get(0).id() : params;
        ParameterSet set;
        try {
            set = ParameterSets.get(id);
        } catch (NoSuchElementException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "gep.params.not-found", id);
        }
        return set.classes().stream().map(GepCatalogController::view).toList();
    }

    private void requireSignedIn() {
        if (current.get().isAnonymous()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "auth.required");
        }
    }

    private static ClassView view(LandCoverClass c) {
        return new ClassView(
                c.code(),
                c.nameZh(),
                c.nameEn(),
                c.category().name().toLowerCase(java.util.Locale.ROOT),
                c.gbt21010(),
                c.gbt21010Note());
    }

    private static InputSetView view(GepInputSets.InputSet set) {
        Double cell = null;
        Integer rows = null;
        Integer cols = null;
        String crs = null;
        Path landCover = set.dir().resolve("landcover.tif");
        if (Files.isRegularFile(landCover)) {
            try (GeoTiffBand band = GeoTiff.open(landCover, "class")) {
                GridGeometry g = band.grid();
                rows = g.height();
                cols = g.width();
                crs = g.crs();
                cell = Crs.isGeographic(crs) ? null : g.cellWidth();
            } catch (RuntimeException unreadable) {
                // Reported as a set without a grid; `gep run` names the problem when it is started.
            }
        }
        return new InputSetView(
                set.name(),
                cell,
                rows,
                cols,
                crs,
                files(set.dir()),
                set.illustrative(),
                set.year(),
                set.descriptionZh(),
                set.descriptionEn());
    }

    private static List<String> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
