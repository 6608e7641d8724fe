package liangshan.app.divisions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import liangshan.app.divisions.Cgcs2000;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/** Seeded property tests of {@link PowerPartition} on random star-shaped (often concave) regions. */
class PowerPartitionTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234, 99_991, 20_231_130})
    void splitsARandomRegionIntoOneNonOverlappingPolygonPerSite(long seed) {
        System.out.println("PowerPartitionTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        Polygon region = randomStar(random);
        int n = 2 + random.nextInt(40);
        List<PowerPartition.Site> sites = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sites.add(new PowerPartition.Site(String.format("%03d", i), random.nextBoolean() ? 1.0 : 0.25));
        }
        Map<String, Polygon> pieces =
                PowerPartition.split(List.of(new PowerPartition.Parent("R", region, sites)), seed);

        assertThat(pieces).hasSize(n);
        double sum = 0;
        for (Polygon piece : pieces.values()) {
            assertThat(piece.isValid()).isTrue();
            sum += piece.getArea();
        }
        assertThat(Math.abs(sum - region.getArea()) / region.getArea()).isLessThan(1e-6);
        assertThat(IllustrativeBoundariesTest.maxPairwiseOverlap(List.copyOf(pieces.values())))
                .isLessThan(0.01);
        assertThat(PowerPartition.split(List.of(new PowerPartition.Parent("R", region, sites)), seed))
                .isEqualTo(pieces);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8})
    void aSingleSiteGetsTheWholeRegion(long seed) throws Exception {
        Polygon square = (Polygon) new WKTReader(Cgcs2000.gkFactory())
                .read("POLYGON ((500000 3200000, 501000 3200000, 501000 3201000, 500000 3201000, 500000 3200000))");
        Map<String, Polygon> pieces = PowerPartition.split(
                List.of(new PowerPartition.Parent("R", square, List.of(new PowerPartition.Site("A", 1)))), seed);
        assertThat(pieces.get("A").getArea()).isEqualTo(1_000_000.0);
    }

    /** A star-shaped polygon of 5–10 km radius with 12–60 random spikes, on the 1 cm grid. */
    private static Polygon randomStar(SplittableRandom random) {
        int vertices = 12 + random.nextInt(48);
        Coordinate[] ring = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double angle = 2 * Math.PI * i / vertices;
            double radius = 5_000 + random.nextDouble() * 5_000;
            ring[i] = new Coordinate(480_000 + radius * Math.cos(angle), 3_200_000 + radius * Math.sin(angle));
        }
        ring[vertices] = ring[0].copy();
        return (Polygon)
                GeometryPrecisionReducer.reduce(Cgcs2000.gkFactory().createPolygon(ring), Cgcs2000.CENTIMETRES);
    }
}
