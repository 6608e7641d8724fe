package liangshan.app.eledger.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import liangshan.app.audit.AuditTrail;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Divisions;
import liangshan.app.eledger.internal.ResourceRequests.Filter;
import liangshan.app.eledger.internal.ResourceRequests.ResourceInput;
import liangshan.app.eledger.internal.ResourceRequests.ResourceView;
import liangshan.app.identity.Actor;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import liangshan.kernel.id.Ulid;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resources (V1): validation of type, subtype, status, directions and geometry, the area in EPSG:4549,
 * the rule that a resource lies in its village, optimistic updates and the audit of every change.
 */
@Service
class ResourceService {

    /** A polygon may stick out of the village boundary by at most this much (digitising slack), m². */
    static final double OUTSIDE_TOLERANCE_M2 = 1.0;

    private final ResourceStore store;
    private final EledgerAccess access;
    private final Divisions divisions;
    private final AuditTrail audit;
    private final Clock clock;
    private final Random random = new Random();

    ResourceService(ResourceStore store, EledgerAccess access, Divisions divisions, AuditTrail audit, Clock clock) {
        this.store = store;
        this.access = access;
        this.divisions = divisions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ResourceView create(Actor actor, String village, ResourceInput input) {
        access.writableVillage(actor, village);
        Checked checked = check(village, input);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ResourceStore.Row row = new ResourceStore.Row(
                Ulid.next(clock, random).value(),
                village,
                input.name().strip(),
                input.type(),
                input.subtype(),
                input.useStatus(),
                input.condition() == null ? "" : input.condition().strip(),
                checked.directions(),
                checked.kind(),
                checked.gk120(),
                checked.areaM2(),
                checked.declaredAreaM2(),
                1,
                false,
                actor.username(),
                now,
                now);
        store.insert(row);
        audit.record(
                "eledger.resource.created", "eledger_resource", row.id(), village, null, ResourceStore.auditState(row));
        return view(row, true);
    }

    @Transactional
    ResourceView update(Actor actor, String id, ResourceInput input) {
        ResourceStore.Row old = readable(actor, id);
        access.writableVillage(actor, old.villageCode());
        Checked checked = check(old.villageCode(), input);
        if (input.version() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.resource.version-required");
        }
        ResourceStore.Row row = new ResourceStore.Row(
                old.id(),
                old.villageCode(),
                input.name().strip(),
                input.type(),
                input.subtype(),
                input.useStatus(),
                input.condition() == null ? "" : input.condition().strip(),
                checked.directions(),
                checked.kind(),
                checked.gk120(),
                checked.areaM2(),
                checked.declaredAreaM2(),
                input.version() + 1,
                false,
                old.createdBy(),
                old.createdAt(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!store.update(row, input.version())) {
            throw new ApiException(HttpStatus.CONFLICT, "eledger.resource.stale", old.version());
        }
        audit.record(
                "eledger.resource.updated",
                "eledger_resource",
                id,
                old.villageCode(),
                ResourceStore.auditState(old),
                ResourceStore.auditState(row));
        return view(row, true);
    }

    /** Retires a resource (kept for the history of its rights, hidden from lists and sums). */
    @Transactional
    void retire(Actor actor, String id, int version) {
        ResourceStore.Row old = readable(actor, id);
        access.writableVillage(actor, old.villageCode());
        ResourceStore.Row retired = new ResourceStore.Row(
                old.id(),
                old.villageCode(),
                old.name(),
                old.type(),
                old.subtype(),
                old.useStatus(),
                old.condition(),
                old.directions(),
                old.geometryKind(),
                old.gk120(),
                old.areaM2(),
                old.declaredAreaM2(),
                version + 1,
                true,
                old.createdBy(),
                old.createdAt(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!store.update(retired, version)) {
            throw new ApiException(HttpStatus.CONFLICT, "eledger.resource.stale", old.version());
        }
        audit.record(
                "eledger.resource.retired",
                "eledger_resource",
                id,
                old.villageCode(),
                ResourceStore.auditState(old),
                ResourceStore.auditState(retired));
    }

    ResourceView get(Actor actor, String id) {
        return view(readable(actor, id), true);
    }

    /** A resource the actor may read (retired ones too); 404 otherwise. */
    /** Locks the resource's row until the transaction ends (see {@link ResourceStore#lock}). */
    void lock(String id) {
        store.lock(id);
    }

    ResourceStore.Row readable(Actor actor, String id) {
        ResourceStore.Row row = store.find(id)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "eledger.resource.not-found", id));
        if (!EledgerAccess.readsVillage(actor, row.villageCode())) {
            throw new ApiException(HttpStatus.NOT_FOUND, "eledger.resource.not-found", id);
        }
        return row;
    }

    Page<ResourceView> list(Actor actor, String village, Filter filter, PageRequest page, boolean withGeometry) {
        access.readableVillage(actor, village);
        List<ResourceView> items = store.list(village, filter, page.offset(), page.size()).stream()
                .map(r -> view(r, withGeometry))
                .toList();
        return page.toPage(items, store.count(village, filter));
    }

    private record Checked(
            List<String> directions, String kind, Geometry gk120, BigDecimal areaM2, BigDecimal declaredAreaM2) {}

    /** Every problem with the input at once (400 {@code eledger.resource.invalid}). */
    private Checked check(String village, ResourceInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.name() == null || in.name().isBlank() || in.name().length() > 200) {
            problems.add(problem("name", "eledger.resource.bad-name"));
        }
        if (!Catalog.isType(in.type())) {
            problems.add(problem("type", "eledger.resource.bad-type"));
        } else if (!Catalog.isSubtype(in.type(), in.subtype())) {
            problems.add(problem("subtype", "eledger.resource.bad-subtype"));
        }
        if (!Catalog.has(Catalog.USE_STATUSES, in.useStatus())) {
            problems.add(problem("useStatus", "eledger.resource.bad-status"));
        }
        List<String> directions = in.directions() == null
                ? List.of()
                : in.directions().stream().distinct().sorted().toList();
        for (String d : directions) {
            if (!Catalog.has(Catalog.DIRECTIONS, d)) {
                problems.add(problem("directions", "eledger.resource.bad-direction"));
            }
        }
        Geometry gk = null;
        try {
            gk = geometry(village, in);
        } catch (GeoJson.Malformed e) {
            problems.add(problem("geometry", e.code()));
        }
        BigDecimal declared = null;
        if (gk != null && gk.getDimension() == 0 && in.declaredAreaM2() != null) {
            if (in.declaredAreaM2().signum() < 0 || in.declaredAreaM2().scale() > 2) {
                problems.add(problem("declaredAreaM2", "eledger.resource.bad-declared-area"));
            } else {
                declared = in.declaredAreaM2();
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.resource.invalid", problems);
        }
        BigDecimal area = BigDecimal.valueOf(gk.getArea()).setScale(2, RoundingMode.HALF_UP);
        return new Checked(directions, gk.getDimension() == 0 ? "point" : "polygon", gk, area, declared);
    }

    /** Parses, projects to EPSG:4549 on the 1 cm grid, validates and checks containment in the village. */
    private Geometry geometry(String village, ResourceInput in) throws GeoJson.Malformed {
        Geometry lonLat = GeoJson.read(in.geometry());
        Geometry gk = Cgcs2000.gkFactory().createGeometry(Cgcs2000.toGk120(lonLat));
        gk.apply(new org.locationtech.jts.precision.CoordinatePrecisionReducerFilter(Cgcs2000.CENTIMETRES));
        gk.geometryChanged();
        if (!gk.isValid() || gk.getDimension() == 2 && gk.getArea() <= 0) {
            throw new GeoJson.Malformed("eledger.geometry.invalid");
        }
        Boundary boundary = divisions.boundary(village).orElse(null);
        if (boundary != null && !inside(gk, boundary.gk120())) {
            throw new GeoJson.Malformed("eledger.geometry.outside-village");
        }
        return gk;
    }

    static boolean inside(Geometry gk, Geometry village) {
        if (village.covers(gk)) {
            return true;
        }
        return gk.getDimension() == 2 && gk.difference(village).getArea() <= OUTSIDE_TOLERANCE_M2;
    }

    private static FieldProblem problem(String field, String code) {
        return new FieldProblem(field, code, null, null);
    }

    ResourceView view(ResourceStore.Row r, boolean withGeometry) {
        BigDecimal effective = r.declaredAreaM2() != null ? r.declaredAreaM2() : r.areaM2();
        return new ResourceView(
                r.id(),
                r.villageCode(),
                r.name(),
                r.type(),
                r.subtype(),
                r.useStatus(),
                r.condition(),
                r.directions(),
                r.geometryKind(),
                r.areaM2(),
                ResourceStore.mu(effective),
                r.declaredAreaM2(),
                ResourceStore.centroid(r.gk120()),
                r.version(),
                r.createdBy(),
                r.createdAt(),
                r.updatedAt(),
                withGeometry ? JsonMapper.shared().readTree(GeoJson.write(Cgcs2000.toLonLat(r.gk120()))) : null);
    }
}
