package liangshan.app.divisions.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import liangshan.app.audit.AuditTrail;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.BoundarySource;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;
import liangshan.app.web.ApiException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replaces boundaries by real ones from a GeoJSON file, all or nothing: the whole file is checked
 * first ({@link BoundaryFileCheck}); only a file without any problem is written, in one transaction
 * together with its audit record. A town none of whose own boundary is in the file but some of whose
 * villages are gets the union of its villages' current boundaries; likewise the city when a county
 * changes.
 */
@Component
class BoundaryImporter {

    /**
     * What an import changed.
     *
     * @param features number of features imported
     * @param counties county boundaries replaced
     * @param towns town boundaries replaced from the file
     * @param villages village-level boundaries replaced
     * @param recomputed towns (and the city) whose boundary was recomputed as the union of their parts
     */
    record Summary(int features, int counties, int towns, int villages, List<String> recomputed) {}

    private final DivisionCatalog catalog;
    private final DivisionStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    BoundaryImporter(
            DivisionCatalog catalog,
            DivisionStore store,
            AuditTrail audit,
            Clock clock,
            TransactionTemplate transactions) {
        this.catalog = catalog;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Checks and imports a file for {@code actor}: a city administrator anywhere, a county officer
     * only within the own scope.
     *
     * @param source file name or {@code "api"}, kept as provenance
     * @param progress receives short progress lines (the CLI prints them to stderr)
     */
    Summary importBoundaries(Actor actor, byte[] body, String source, Consumer<String> progress) {
        DataScope scope = authorise(actor);
        progress.accept("检查 / checking " + body.length + " bytes");
        List<BoundaryFileCheck.Checked> checked = new BoundaryFileCheck(catalog::find, scope).check(body);
        progress.accept("写入 / writing " + checked.size() + " boundaries");
        Summary summary = transactions.execute(status -> apply(actor, scope, checked, source));
        progress.accept("完成 / done");
        return summary;
    }

    private static DataScope authorise(Actor actor) {
        if (actor.has(Role.CITY_ADMIN)) {
            return DataScope.CITY;
        }
        if (actor.has(Role.COUNTY_OFFICER) && !actor.isAnonymous()) {
            return actor.scope();
        }
        throw new ApiException(HttpStatus.FORBIDDEN, "divisions.forbidden");
    }

    private Summary apply(Actor actor, DataScope scope, List<BoundaryFileCheck.Checked> checked, String source) {
        Instant now = clock.instant();
        String provenance = "imported from " + source + " by " + actor.username() + " at " + now;
        Map<String, Geometry> fromFile = new TreeMap<>();
        List<DivisionStore.NewBoundary> writes = new ArrayList<>();
        for (BoundaryFileCheck.Checked c : checked) {
            fromFile.put(c.code(), c.gk120());
            writes.add(new DivisionStore.NewBoundary(
                    new Boundary(c.code(), c.gk120(), c.gk120().getArea(), BoundarySource.IMPORTED, false),
                    provenance));
        }
        List<String> recomputed = new ArrayList<>();
        for (String parent : parentsToRecompute(fromFile)) {
            writes.add(recompute(parent, fromFile, now));
            recomputed.add(parent);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        for (DivisionStore.NewBoundary write : writes) {
            String code = write.boundary().code();
            before.put(
                    code, catalog.boundary(code).map(BoundaryImporter::describe).orElse(null));
            after.put(code, describe(write.boundary()));
        }
        store.upsertBoundaries(writes, now);
        audit.record("divisions.boundaries.imported", "division_boundary", source, scope.divisionCode(), before, after);
        catalog.invalidateAfterCommit();
        return new Summary(
                checked.size(),
                count(fromFile, DivisionLevel.COUNTY),
                count(fromFile, DivisionLevel.TOWN),
                count(fromFile, DivisionLevel.VILLAGE),
                recomputed);
    }

    /** Towns with a village in the file but no own feature; the city when a county is in the file. */
    private static TreeSet<String> parentsToRecompute(Map<String, Geometry> fromFile) {
        TreeSet<String> parents = new TreeSet<>();
        for (String code : fromFile.keySet()) {
            if (code.length() == 12 && !fromFile.containsKey(code.substring(0, 9))) {
                parents.add(code.substring(0, 9));
            } else if (code.length() == 6) {
                parents.add("3308");
            }
        }
        return parents;
    }

    /** The union of the parent's children, each as in the file or else as currently stored. */
    private DivisionStore.NewBoundary recompute(String parent, Map<String, Geometry> fromFile, Instant now) {
        List<Geometry> parts = new ArrayList<>();
        boolean allImported = true;
        for (Division child : catalog.children(parent)) {
            Geometry inFile = fromFile.get(child.code());
            Optional<Boundary> stored = catalog.boundary(child.code());
            if (inFile != null) {
                parts.add(inFile);
            } else if (stored.isPresent()) {
                parts.add(stored.get().gk120());
                allImported &= stored.get().source() == BoundarySource.IMPORTED;
            } else {
                allImported = false;
            }
        }
        Geometry union = UnaryUnionNG.union(parts, Cgcs2000.gkFactory(), Cgcs2000.CENTIMETRES);
        BoundarySource source = allImported ? BoundarySource.IMPORTED : BoundarySource.GENERATED;
        return new DivisionStore.NewBoundary(
                new Boundary(parent, union, union.getArea(), source, !allImported),
                "union of its parts' boundaries at " + now);
    }

    private static int count(Map<String, Geometry> fromFile, DivisionLevel level) {
        return (int) fromFile.keySet().stream()
                .filter(code -> code.length() == level.codeLength())
                .count();
    }

    private static Map<String, Object> describe(Boundary boundary) {
        return Map.of(
                "source", boundary.source().key(),
                "illustrative", boundary.illustrative(),
                "areaM2", Math.round(boundary.areaSquareMetres()));
    }
}
