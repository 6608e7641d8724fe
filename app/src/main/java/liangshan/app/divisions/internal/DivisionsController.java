package liangshan.app.divisions.internal;

import java.util.Arrays;
import liangshan.app.identity.CurrentActor;
import liangshan.app.web.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code /api/v1/divisions}: public reading of divisions, their details and map layers, and the
 * boundary import for city administrators and county officers.
 */
@RestController
@RequestMapping("/api/v1/divisions")
class DivisionsController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final DivisionQueries queries;
    private final BoundaryImporter importer;
    private final CurrentActor currentActor;

    DivisionsController(DivisionQueries queries, BoundaryImporter importer, CurrentActor currentActor) {
        this.queries = queries;
        this.importer = importer;
        this.currentActor = currentActor;
    }

    @GetMapping
    Page<DivisionQueries.Item> list(
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String parent,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return queries.list(level, parent, q, page, size);
    }

    /** A map layer; answers 304 when the client's {@code If-None-Match} names the current version. */
    @GetMapping("/map")
    ResponseEntity<byte[]> map(
            @RequestParam String level, @RequestParam(required = false) String parent, WebRequest request) {
        byte[] layer = queries.map(level, parent);
        String etag = "\"" + Integer.toHexString(Arrays.hashCode(layer)) + "-" + layer.length + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).contentType(GEO_JSON).body(layer);
    }

    @GetMapping("/{code}")
    DivisionQueries.Detail detail(@PathVariable String code) {
        return queries.detail(code);
    }

    @PostMapping(
            value = "/boundaries",
            consumes = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    BoundaryImporter.Summary importBoundaries(@RequestBody byte[] body) {
        return importer.importBoundaries(currentActor.get(), body, "api", line -> {});
    }
}
