package liangshan.app.ecoaccount.internal;

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
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Project-level GEP for the API: resolves the input set ({@code inputs} by name, else the set for
 * {@code year}), the year (default: the input set's year, else last calendar year) and the parameter
 * set (default: the first shipped one), then runs the pure {@link ProjectImpact}, which keeps its file
 * hashes and county cap factors between requests. A read-only calculation: nothing is stored or
 * audited.
 */
@Service
class ProjectImpactService {

    /** The request body of {@code POST /api/v1/gep/project-impact}. */
    record ProjectImpactRequest(JsonNode footprint, Integer year, String inputs, String params, JsonNode change) {}

    /**
     * Prefix of the engine's problem codes in {@code errors[]}; those problems carry the engine's own
     * zh and en messages, so they need no bundle keys.
     */
    private static final String ENGINE_CODE = "gep.";

    private final GepInputSets inputSets;
    private final ProjectImpactCounties counties;
    private final Clock clock;
    private final ProjectImpact engine;

    ProjectImpactService(GepInputSets inputSets, ProjectImpactCounties counties, Clock clock) {
        this.inputSets = inputSets;
        this.counties = counties;
        this.clock = clock;
        this.engine = new ProjectImpact(clock);
    }

    ProjectImpactJson compute(ProjectImpactRequest body) {
        if (body == null || body.footprint() == null || !body.footprint().isObject()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "gep.project.footprint-required");
        }
        LandCoverChange change = change(body.change());
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
        String params = body.params() != null ? body.params() : defaultParams();
        try {
            ProjectImpactResult r = engine.compute(new ProjectImpact.Request(
                    set.dir(), body.footprint().toString(), change, params, year, zonesFor(set)));
            return ProjectImpactJson.of(r, set.name());
        } catch (InvalidInputException e) {
            throw rejected(e);
        }
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
