package liangshan.app.divisions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.GeoJsonGeometry;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;

class CountyBoundaryFileTest {

    /** Areas after repair in EPSG:4549, km² (data README; official total about 8,844 km²). */
    private static final Map<String, Double> EXPECTED_KM2 = Map.of(
            "330802", 607.5,
            "330803", 1750.6,
            "330822", 1098.5,
            "330824", 2233.7,
            "330825", 1144.2,
            "330881", 2020.2);

    private final Map<String, Polygon> counties = CountyBoundaryFile.load();

    @Test
    void repairedCountiesAreValidSinglePolygonsInGaussKruger() {
        assertThat(counties).hasSize(6);
        counties.forEach((code, polygon) -> {
            assertThat(polygon.isValid()).as(code).isTrue();
            assertThat(polygon.getSRID()).isEqualTo(Cgcs2000.GK_120);
            // EPSG:4549 false easting 500 km; Quzhou lies 118–119.3°E, 28.2–29.5°N
            assertThat(polygon.getEnvelopeInternal().getMinX()).isBetween(250_000.0, 500_000.0);
            assertThat(polygon.getEnvelopeInternal().getMinY()).isBetween(3_100_000.0, 3_300_000.0);
        });
    }

    @Test
    void countyAreasAfterRepairAreWithinOnePercentOfTheReference() {
        EXPECTED_KM2.forEach((code, km2) -> {
            double actualKm2 = counties.get(code).getArea() / 1e6;
            assertThat(actualKm2).as(code).isCloseTo(km2, within(km2 * 0.01));
        });
    }

    @Test
    void theRawFileIsInvalidSoTheRepairMatters() throws Exception {
        try (var in = CountyBoundaryFile.class.getResourceAsStream(CountyBoundaryFile.RESOURCE)) {
            var root = tools.jackson.databind.json.JsonMapper.shared().readTree(in);
            for (var feature : root.path("features")) {
                var raw = GeoJsonGeometry.read(feature.path("geometry"), Cgcs2000.lonLatFactory());
                assertThat(raw.isValid()).isFalse();
            }
        }
    }
}
