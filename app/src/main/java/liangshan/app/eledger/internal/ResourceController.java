package liangshan.app.eledger.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import liangshan.app.eledger.internal.ResourceRequests.Filter;
import liangshan.app.eledger.internal.ResourceRequests.ResourceInput;
import liangshan.app.eledger.internal.ResourceRequests.ResourceView;
import liangshan.app.identity.CurrentActor;
import liangshan.app.web.ApiException;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/eledger}: the catalogue, resources of a village, the map layer and roll-ups. */
@RestController
@RequestMapping("/api/v1/eledger")
class ResourceController {

    private final ResourceService resources;
    private final Rollups rollups;
    private final CurrentActor currentActor;

    ResourceController(ResourceService resources, Rollups rollups, CurrentActor currentActor) {
        this.resources = resources;
        this.rollups = rollups;
        this.currentActor = currentActor;
    }

    @GetMapping("/catalog")
    Map<String, Object> catalog() {
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("types", Catalog.TYPES);
        catalog.put("useStatuses", Catalog.USE_STATUSES);
        catalog.put("directions", Catalog.DIRECTIONS);
        catalog.put("partyKinds", Catalog.PARTY_KINDS);
        catalog.put("rightKinds", Catalog.RIGHT_KINDS);
        catalog.put("restrictionKinds", Catalog.RESTRICTION_KINDS);
        return catalog;
    }

    @GetMapping("/villages/{village}/resources")
    Page<ResourceView> list(
            @PathVariable String village,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String subtype,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String direction,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return resources.list(
                currentActor.get(),
                village,
                filter(type, subtype, status, direction, q, bbox),
                PageRequest.of(page, size),
                false);
    }

    /** The map layer: a GeoJSON FeatureCollection (lon/lat) of the filtered resources, at most 5,000. */
    @GetMapping(value = "/villages/{village}/resources.geojson")
    ResponseEntity<String> map(
            @PathVariable String village,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String direction,
            @RequestParam(required = false) String bbox) {
        Page<ResourceView> page = resources.list(
                currentActor.get(),
                village,
                filter(type, null, status, direction, null, bbox),
                new PageRequest(0, Page.MAX_SIZE),
                true);
        StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < page.items().size(); i++) {
            ResourceView r = page.items().get(i);
            out.append(i > 0 ? "," : "")
                    .append("{\"type\":\"Feature\",\"id\":\"")
                    .append(r.id())
                    .append("\",\"geometry\":")
                    .append(r.geometry())
                    .append(",\"properties\":")
                    .append(tools.jackson.databind.json.JsonMapper.shared()
                            .writeValueAsString(Map.of(
                                    "id", r.id(),
                                    "name", r.name(),
                                    "type", r.type(),
                                    "subtype", r.subtype(),
                                    "useStatus", r.useStatus(),
                                    "areaM2", r.areaM2().toPlainString())))
                    .append('}');
        }
        out.append("],\"total\":").append(page.total()).append('}');
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .body(out.toString());
    }

    @PostMapping("/villages/{village}/resources")
    ResponseEntity<ResourceView> create(@PathVariable String village, @RequestBody ResourceInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(resources.create(currentActor.get(), village, input));
    }

    @GetMapping("/resources/{id}")
    ResourceView get(@PathVariable String id) {
        return resources.get(currentActor.get(), id);
    }

    @PutMapping("/resources/{id}")
    ResourceView update(@PathVariable String id, @RequestBody ResourceInput input) {
        return resources.update(currentActor.get(), id, input);
    }

    @DeleteMapping("/resources/{id}")
    ResponseEntity<Void> retire(@PathVariable String id, @RequestParam int version) {
        resources.retire(currentActor.get(), id, version);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/rollups/{code}")
    Rollups.Rollup rollup(@PathVariable String code) {
        return rollups.rollup(currentActor.get(), code);
    }

    static Filter filter(String type, String subtype, String status, String direction, String q, String bbox) {
        double[] box = null;
        if (bbox != null && !bbox.isBlank()) {
            String[] parts = bbox.split(",");
            try {
                if (parts.length != 4) {
                    throw new NumberFormatException();
                }
                box = new double[4];
                for (int i = 0; i < 4; i++) {
                    box[i] = Double.parseDouble(parts[i].strip());
                }
            } catch (NumberFormatException e) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.bad-bbox", bbox);
            }
        }
        return new Filter(blank(type), blank(subtype), blank(status), blank(direction), blank(q), box);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
