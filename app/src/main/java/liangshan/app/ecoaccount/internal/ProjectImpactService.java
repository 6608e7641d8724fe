package liangshan.app.ecoaccount.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import liangshan.app.web.ApiException;
import liangshan.gep.cell.InputProblem;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.params.ParameterSets;
import liangshan.gep.project.LandCoverChange;
import liangshan.gep.project.ProjectImpact;
import liangshan.gep.project.ProjectImpactResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Project-level GEP for the API: resolves the input set ({@code inputs} by name, else the set for
 * {@code year}), the year (default: the input set's year, else last calendar year) and the parameter
 * set (default: the first shipped one), then runs the pure {@link ProjectImpact}, which keeps its file
 * hashes and county cap factors between requests. A read-only calculation: nothing is stored or
 * audited.
 */
@Service
class ProjectImpactService implements liangshan.app.ecoaccount.ProjectGep {

    /** The request body of {@code POST /api/v1/gep/project-impact}. */
    record ProjectImpactRequest(JsonNode footprint, Integer year, String inputs, String params, JsonNode change) {}

    /**
     * Prefix of the engine's problem codes in {@code errors[]}; those problems carry the engine's own
     * zh and en messages, so they need no bundle keys.
     */
    private static final String ENGINE_CODE = "gep.";

    /** File name of an uploaded replacement raster as the engine's problems name it. */
    static final String REPLACEMENT_FILE = "replacement.tif";

    private final GepInputSets inputSets;
    private final ProjectImpactCounties counties;
    private final Clock clock;
    private final ProjectImpact engine;
    private final long maxReplacementBytes;

    ProjectImpactService(
            GepInputSets inputSets,
            ProjectImpactCounties counties,
            Clock clock,
            @Value("${liangshan.gep.project.max-replacement-bytes:104857600}") long maxReplacementBytes) {
        this.inputSets = inputSets;
        this.counties = counties;
        this.clock = clock;
        this.engine = new ProjectImpact(clock);
        this.maxReplacementBytes = maxReplacementBytes;
    }

    ProjectImpactJson compute(ProjectImpactRequest body) {
        requireFootprint(body);
        return compute(body, change(body.change()));
    }

    /**
     * The multipart form: {@code body} without {@code change}, the land cover after the project
     * being the uploaded GeoTIFF {@code replacement} ({@link #checkReplacement}); the engine then
     * checks it like the CLI's {@code --landcover-after}: on the grid of {@code landcover.tif}, an
     * integer raster, every class in the parameter set.
     */
    ProjectImpactJson computeWithReplacement(ProjectImpactRequest body, MultipartFile replacement) {
        requireFootprint(body);
        if (body.change() != null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "gep.project.bad-change");
        }
        checkReplacement(replacement);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("gep-replacement-");
            Path file = dir.resolve(REPLACEMENT_FILE);
            try (InputStream in = replacement.getInputStream()) {
                Files.copy(in, file);
            }
            return compute(body, new LandCoverChange.Replacement(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the replacement raster", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** 400 when missing or not a TIFF (byte-order mark and 42), 413 over the size limit. */
    void checkReplacement(MultipartFile replacement) {
        if (replacement == null || replacement.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "gep.project.replacement-required");
        }
        if (replacement.getSize() > maxReplacementBytes) {
            throw new ApiException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "gep.project.replacement-too-large",
                    String.valueOf(replacement.getSize()),
                    String.valueOf(maxReplacementBytes));
        }
        byte[] head = new byte[4];
        try (InputStream in = replacement.getInputStream()) {
            if (in.readNBytes(head, 0, 4) < 4 || !isTiff(head)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "gep.project.replacement-not-tiff");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the replacement raster", e);
        }
    }

    private static boolean isTiff(byte[] h) {
        return (h[0] == 'I' && h[1] == 'I' && h[2] == 42 && h[3] == 0)
                || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == 42);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // A temporary file left behind is harmless; the answer matters more.
        }
    }

    private static void requireFootprint(ProjectImpactRequest body) {
        if (body == null || body.footprint() == null || !body.footprint().isObject()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "gep.project.footprint-required");
        }
    }

    private ProjectImpactJson compute(ProjectImpactRequest body, LandCoverChange change) {
        Resolved r = inputSet(body);
        return ProjectImpactJson.of(
                run(body, change, r, body.footprint().toString()), r.set().name());
    }

    @Override
    public ProjectImpactResult compute(
            String footprintGeoJson, LandCoverChange change, Integer year, String inputs, String params) {
        ProjectImpactRequest body = new ProjectImpactRequest(null, year, inputs, params, null);
        return run(body, change, inputSet(body), footprintGeoJson);
    }

    /** The input set and the year a request resolves to. */
    private record Resolved(GepInputSets.InputSet set, int year) {}

    private ProjectImpactResult run(ProjectImpactRequest body, LandCoverChange change, Resolved r, String footprint) {
        GepInputSets.InputSet set = r.set();
        int year = r.year();
        String params = body.params() != null ? body.params() : defaultParams();
        try {
            return engine.compute(new ProjectImpact.Request(set.dir(), footprint, change, params, year, zonesFor(set)));
        } catch (InvalidInputException e) {
            throw rejected(e);
        }
    }

    private Resolved inputSet(ProjectImpactRequest body) {
        GepInputSets.InputSet set;
        int year;
        if (body.inputs() != null) {
            set = inputSets.get(body.inputs());
            year = body.year() != null ? body.year() : set.year() != null ? set.year() : lastYear();
        } else {
            year = body.year() != null ? body.year() : lastYear();
            set = inputSets
                    .forYear(year)
                    .orElseThrow(() ->
                            new ApiException(HttpStatus.NOT_FOUND, "gep.inputs.none-for-year", String.valueOf(year)));
        }
        return new Resolved(set, year);
    }

    /** The set's own {@code villages.geojson}, else the platform's county boundaries (for the caps). */
    private java.nio.file.Path zonesFor(GepInputSets.InputSet set) {
        if (java.nio.file.Files.isRegularFile(set.dir().resolve(ProjectImpact.DEFAULT_ZONES))) {
            return null;
        }
        return counties.file();
    }

    static ApiException rejected(InvalidInputException e) {
        List<ApiException.FieldProblem> fields = new ArrayList<>();
        for (InputProblem p : e.problems()) {
            fields.add(new ApiException.FieldProblem(p.input(), ENGINE_CODE + p.code(), p.messageZh(), p.messageEn()));
        }
        InputProblem first = e.problems().get(0);
        return new ApiException(
                HttpStatus.UNPROCESSABLE_CONTENT, "gep.project.rejected", fields, first.messageZh(), first.messageEn());
    }

    private int lastYear() {
        return ZonedDateTime.now(clock).getYear() - 1;
    }

    private static String defaultParams() {
        return ParameterSets.list().get(0).id();
    }

    /** {@code {"toClass": C}} or {@code {"mapping": {"from": to, …}}}. */
    static LandCoverChange change(JsonNode c) {
        if (c == null || !c.isObject() || c.size() != 1) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "gep.project.bad-change");
        }
        if (c.has("toClass")) {
            JsonNode v = c.get("toClass");
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "gep.project.bad-change");
            }
            return new LandCoverChange.ToClass(v.asInt());
        }
        JsonNode m = c.get("mapping");
        if (m == null || !m.isObject() || m.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "gep.project.bad-change");
        }
        Map<Integer, Integer> fromTo = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = m.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToInt()) {
                    throw new NumberFormatException(e.getKey());
                }
                fromTo.put(Integer.parseInt(e.getKey()), e.getValue().asInt());
            } catch (NumberFormatException | NoSuchElementException ex) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "gep.project.bad-change");
            }
        }
        return new LandCoverChange.Mapping(fromTo);
    }
}
