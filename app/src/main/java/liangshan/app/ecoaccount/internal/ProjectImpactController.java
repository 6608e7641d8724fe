package liangshan.app.ecoaccount.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import liangshan.app.identity.Actor;
import liangshan.app.identity.CurrentActor;
import liangshan.app.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/gep/project-impact}: project-level GEP (Δ of the regulating indicators for a
 * footprint and a land-cover change). Any signed-in user may compute it; it reads input sets and
 * stores nothing, so it is neither scoped to a division nor audited.
 */
@RestController
@Tag(name = "gep", description = "GEP 核算 / GEP accounting")
class ProjectImpactController {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final CurrentActor current;
    private final ProjectImpactService service;

    ProjectImpactController(CurrentActor current, ProjectImpactService service) {
        this.current = current;
        this.service = service;
    }

    @PostMapping("/api/v1/gep/project-impact")
    @Operation(summary = "项目级 GEP：足迹内土地覆被变化引起的调节服务变化 / project-level GEP Δ of regulating services")
    ProjectImpactJson projectImpact(@RequestBody(required = false) ProjectImpactService.ProjectImpactRequest body) {
        Actor actor = current.get();
        if (actor.isAnonymous()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "auth.required");
        }
        return service.compute(body);
    }

    /**
     * The same calculation with the land cover after the project given as a GeoTIFF: part {@code
     * request} is the JSON body without {@code change}, part {@code replacement} the raster.
     */
    @PostMapping(path = "/api/v1/gep/project-impact", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "项目级 GEP（上传替换地类栅格）/ project-level GEP with a replacement land-cover GeoTIFF")
    ProjectImpactJson projectImpactWithReplacement(
            @RequestPart(name = "request", required = false) String request,
            @RequestPart(name = "replacement", required = false) MultipartFile replacement) {
        Actor actor = current.get();
        if (actor.isAnonymous()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "auth.required");
        }
        ProjectImpactService.ProjectImpactRequest body;
        try {
            body = request == null ? null : JSON.readValue(request, ProjectImpactService.ProjectImpactRequest.class);
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.malformed-json");
        }
        return service.computeWithReplacement(body, replacement);
    }
}
