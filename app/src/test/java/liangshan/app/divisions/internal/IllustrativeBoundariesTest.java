package liangshan.app.divisions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/** The generated town and village boundaries inside the real counties (decision 0002). */
class IllustrativeBoundariesTest {

    private static List<Division> divisions;
    private static Map<String, Polygon> counties;
    private static Map<String, Polygon> generated;

    @BeforeAll
    static void generate() {
        divisions = DivisionCsv.load();
        counties = CountyBoundaryFile.load();
        generated = IllustrativeBoundaries.generate(counties, divisions);
    }

    private static List<Division> level(DivisionLevel level) {
        return divisions.stream().filter(d -> d.level() == level).toList();
    }

    @Test
    void everyTownAndVillageGetsOneValidPolygonOfModestSize() {
        assertThat(generated).hasSize(100 + 1664);
        long vertices = 0;
        for (Division village : level(DivisionLevel.VILLAGE)) {
            Polygon polygon = generated.get(village.code());
            assertThat(polygon != null).as(village.code()).isTrue();
            assertThat(polygon.isValid()).as(village.code()).isTrue();
            assertThat(polygon.getArea()).as(village.code()).isGreaterThan(50_000); // ≥ 5 hm²
            vertices += polygon.getNumPoints();
        }
        assertThat(vertices / 1664.0).as("mean vertices per village").isLessThan(60);
    }

    @Test
    void villagesOfEachCountyPartitionItWithoutOverlap() {
        for (Map.Entry<String, Polygon> county : counties.entrySet()) {
            List<Polygon> villages = level(DivisionLevel.VILLAGE).stream()
                    .filter(v -> v.code().startsWith(county.getKey()))
                    .map(v -> generated.get(v.code()))
                    .toList();
            double countyArea = county.getValue().getArea();
            double sum = villages.stream().mapToDouble(Polygon::getArea).sum();
            Geometry union = OverlayNGRobust.union(
                    villages.stream().map(Geometry.class::cast).toList());
            assertThat(Math.abs(union.getArea() - countyArea) / countyArea)
                    .as(county.getKey())
                    .isLessThan(0.005);
            assertThat(Math.abs(sum - countyArea) / countyArea)
                    .as(county.getKey())
                    .isLessThan(0.0001);
            assertThat(maxPairwiseOverlap(villages)).as(county.getKey()).isLessThan(0.01);
        }
    }

    /** Largest overlap area (m²) between any two polygons, pairs found with an STRtree. */
    static double maxPairwiseOverlap(List<Polygon> polygons) {
        STRtree index = new STRtree();
        for (int i = 0; i < polygons.size(); i++) {
            index.insert(polygons.get(i).getEnvelopeInternal(), i);
        }
        double max = 0;
        for (int i = 0; i < polygons.size(); i++) {
            for (Object candidate : index.query(polygons.get(i).getEnvelopeInternal())) {
                int j = (Integer) candidate;
                if (j > i) {
                    double overlap = OverlayNGRobust.overlay(polygons.get(i), polygons.get(j), OverlayNG.INTERSECTION)
                            .getArea();
                    max = Math.max(max, overlap);
                }
            }
        }
        return max;
    }

    @Test
    void villagesOfATownFormOneContiguousRegionEqualToTheTown() {
        for (Division town : level(DivisionLevel.TOWN)) {
            Geometry[] villages = level(DivisionLevel.VILLAGE).stream()
                    .filter(v -> v.parentCode().equals(town.code()))
                    .map(v -> generated.get(v.code()))
                    .toArray(Geometry[]::new);
            Geometry union = CoverageUnion.union(villages);
            assertThat(union instanceof Polygon).as(town.code()).isTrue();
            assertThat(union.norm().equalsExact(generated.get(town.code())))
                    .as(town.code())
                    .isTrue();
            assertThat(generated.get(town.code()).isValid()).isTrue();
        }
    }

    @Test
    void townsPartitionTheirCounty() {
        for (Map.Entry<String, Polygon> county : counties.entrySet()) {
            List<Polygon> towns = level(DivisionLevel.TOWN).stream()
                    .filter(t -> t.parentCode().equals(county.getKey()))
                    .map(t -> generated.get(t.code()))
                    .toList();
            double sum = towns.stream().mapToDouble(Polygon::getArea).sum();
            assertThat(Math.abs(sum - county.getValue().getArea())
                            / county.getValue().getArea())
                    .isLessThan(0.0001);
            assertThat(maxPairwiseOverlap(towns)).as(county.getKey()).isLessThan(0.01);
        }
    }

    @Test
    void generationIsDeterministic() {
        Map<String, Polygon> again = IllustrativeBoundaries.generate(CountyBoundaryFile.load(), DivisionCsv.load());
        assertThat(again.keySet()).isEqualTo(generated.keySet());
        for (Map.Entry<String, Polygon> entry : generated.entrySet()) {
            assertThat(again.get(entry.getKey()).equalsExact(entry.getValue()))
                    .as(entry.getKey())
                    .isTrue();
        }
    }
}
