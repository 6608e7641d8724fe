package liangshan.app.divisions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.BoundarySource;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.Divisions;
import liangshan.app.divisions.VillageKind;
import liangshan.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The tables after first start, the module API, and a second start that changes nothing. */
@IntegrationTest
class DivisionsStoreIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Divisions divisions;

    @Autowired
    DivisionsInitializer initializer;

    @Autowired
    DivisionCatalog catalog;

    @Test
    void firstStartLoadedAllDivisionsWithABoundaryEach() {
        Map<String, Long> byLevel = jdbc
                .sql("select level, count(*) as n from division group by level")
                .query((rs, i) -> Map.entry(rs.getString("level"), rs.getLong("n")))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byLevel).isEqualTo(Map.of("city", 1L, "county", 6L, "town", 100L, "village", 1664L));
        assertThat(jdbc.sql("select count(*) from division_boundary")
                        .query(Long.class)
                        .single())
                .isEqualTo(1771L);
        assertThat(jdbc.sql("select count(*) from division where kind = 'community'")
                        .query(Long.class)
                        .single())
                .isEqualTo(184L);
    }

    @Test
    void aSecondStartWithTheSameDatabaseChangesNothing() throws Exception {
        String divisionsBefore = divisionDigest();
        String boundariesBefore = BoundaryTableSnapshot.digest(jdbc);
        initializer.run(null);
        assertThat(divisionDigest()).isEqualTo(divisionsBefore);
        assertThat(BoundaryTableSnapshot.digest(jdbc)).isEqualTo(boundariesBefore);
    }

    private String divisionDigest() {
        return jdbc.sql(
                        "select md5(string_agg(code || name || level || coalesce(kind, '') || coalesce(parent_code, ''),"
                                + " ',' order by code)) from division")
                .query(String.class)
                .single();
    }

    @Test
    void storedGeneratedBoundariesAreExactlyTheDeterministicGeneration() {
        Map<String, org.locationtech.jts.geom.Polygon> fresh =
                IllustrativeBoundaries.generate(CountyBoundaryFile.load(), DivisionCsv.load());
        for (Map.Entry<String, org.locationtech.jts.geom.Polygon> entry : fresh.entrySet()) {
            Boundary stored = divisions.boundary(entry.getKey()).orElseThrow();
            assertThat(stored.source()).as(entry.getKey()).isEqualTo(BoundarySource.GENERATED);
            assertThat(stored.gk120().equalsExact(entry.getValue()))
                    .as(entry.getKey())
                    .isTrue();
        }
    }

    @Test
    void everyVillageChainGoesCityCountyTownWithPrefixCodes() {
        int villages = 0;
        for (Division town : divisions.children("330881")) {
            for (Division village : divisions.children(town.code())) {
                List<Division> chain = divisions.ancestors(village.code());
                assertThat(chain)
                        .extracting(Division::level)
                        .containsExactly(DivisionLevel.CITY, DivisionLevel.COUNTY, DivisionLevel.TOWN);
                assertThat(chain).extracting(Division::code).containsExactly("3308", "330881", town.code());
                assertThat(village.code()).startsWith(town.code());
                villages++;
            }
        }
        assertThat(villages).isGreaterThan(200);
        assertThat(divisions.ancestors("3308")).isEmpty();
    }

    @Test
    void isWithinFollowsTheHierarchy() {
        assertThat(divisions.isWithin("330802005001", "330802")).isTrue();
        assertThat(divisions.isWithin("330802005001", "3308")).isTrue();
        assertThat(divisions.isWithin("330802005001", "330802005001")).isTrue();
        assertThat(divisions.isWithin("330802005001", "330803")).isFalse();
        assertThat(divisions.isWithin("330802", "330802005001")).isFalse();
        assertThat(divisions.isWithin("330899999999", "3308")).isFalse();
        assertThat(divisions.find("330802005001").orElseThrow().kind()).isEqualTo(VillageKind.COMMUNITY);
        assertThat(divisions.find("nonsense")).isEmpty();
    }

    @Test
    void storedBoundariesAreGeneratedForVillagesAndRealForCounties() {
        Boundary village = divisions.boundary("330881109201").orElseThrow();
        assertThat(village.source()).isEqualTo(BoundarySource.GENERATED);
        assertThat(village.illustrative()).isTrue();
        assertThat(village.gk120().getArea()).isCloseTo(village.areaSquareMetres(), within(0.01));
        Envelope lonLat = village.lonLat().getEnvelopeInternal();
        assertThat(lonLat.getMinX()).isBetween(118.0, 119.3);
        assertThat(lonLat.getMinY()).isBetween(28.0, 29.6);
        assertThat(village.gk120().getSRID()).isEqualTo(Cgcs2000.GK_120);

        Boundary county = divisions.boundary("330802").orElseThrow();
        assertThat(county.source()).isEqualTo(BoundarySource.IMPORTED);
        assertThat(county.illustrative()).isFalse();
        assertThat(county.areaSquareMetres() / 1e6).isCloseTo(607.5, within(6.0));
        double villagesOfKecheng = catalog.snapshot().boundaries().values().stream()
                .filter(b -> b.code().length() == 12 && b.code().startsWith("330802"))
                .mapToDouble(Boundary::areaSquareMetres)
                .sum();
        assertThat(villagesOfKecheng).isCloseTo(county.areaSquareMetres(), within(county.areaSquareMetres() * 0.001));
    }
}
