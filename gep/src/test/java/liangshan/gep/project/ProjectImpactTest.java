package liangshan.gep.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.project.ProjectImpactResult.IndicatorDelta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-computed project Δ on 5 × 5 grids of 10 m cells (a = 100 m² = 0.01 hm²), default set
 * quzhou-2025-v1, inputs of {@link ProjectFixture}: P 1600 mm, ET 700 mm, R 4000, K 0.03125,
 * NPP 500 g C·m⁻²·a⁻¹, a plane rising 1 m per cell eastwards.
 *
 * <p>LS of the centre cell (2, 2): Horn ∂z/∂x = 8 / 80 = 0.1, θ = atan 0.1 = 5.711° (slope 10 %, m
 * = 0.5), aspect 270° (x = 1), one cell drains into it (A_in = 100 m²): L = (200^1.5 − 100^1.5) /
 * (10^2.5 × 22.13^0.5) = 1.229109, S = 16.8 sin θ − 0.5 = 1.171663, LS = 1.440089.
 */
class ProjectImpactTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private ProjectImpactResult run(ProjectFixture f, String footprint, LandCoverChange change) {
        return new ProjectImpact(CLOCK)
                .compute(new ProjectImpact.Request(f.write(), footprint, change, "quzhou-2025-v1", 2025, null));
    }

    static IndicatorDelta indicator(ProjectImpactResult r, String id) {
        return r.indicators().stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static void assertDelta(ProjectImpactResult r, String id, String quantity, String yuan) {
        IndicatorDelta d = indicator(r, id);
        assertThat(d.deltaQuantity()).as(id + " Δ quantity").isEqualByComparingTo(quantity);
        assertThat(d.deltaYuan()).as(id + " Δ 元").isEqualByComparingTo(yuan);
    }

    @Test
    void forest_to_built_up_in_the_centre_cell_by_hand() {
        ProjectFixture f = new ProjectFixture(dir, 5, 5, 1);
        ProjectImpactResult r = run(f, f.footprint(2, 2, 2, 2), new LandCoverChange.ToClass(13));
        assertThat(r.cells()).isEqualTo(1);
        assertThat(r.footprintAreaHm2()).isEqualByComparingTo("0.010");
        assertThat(r.classesBefore()).isEqualTo(Map.of(1, 1));
        assertThat(r.classesAfter()).isEqualTo(Map.of(13, 1));
        // §R1: (1600 − 0.0465 × 1600 − 700) mm × 100 m² × 10⁻³ = 82.560 m³ × 7.06 = 582.87 元; built-up 0.
        assertDelta(r, "water_conservation", "-82.560", "-582.87");
        // §R2: 4000 × 0.03125 × 1.440089 × (1 − 0.006 × 1) × 0.01 hm² = 1.789311 t; value lines
        // 0.24 × 1.789311 / 0.93 × 15.58 = 7.19, 1.789311 × 0.37 % × 875 = 5.79, × 0.108 % × 2800 = 5.41.
        assertDelta(r, "soil_retention", "-1.789", "-18.39");
        assertThat(indicator(r, "soil_retention").quantityBefore()).isEqualByComparingTo("1.789");
        assertDelta(r, "flood_regulation", "0", "0");
        assertDelta(r, "water_purification", "0", "0");
        // §R5: SO₂ 0.08865 × 0.01 = 0.0008865 t (1.06 元), NOₓ 0.00006 t (0.04), dust 0.1011 t (15.16);
        // Σ 0.102 t, 16.26 元 (emissions 1000 t: cap factor 1).
        assertDelta(r, "air_purification", "-0.102", "-16.26");
        // §R6: 500 × 0.35 g C/m² × 100 m² × 10⁻⁶ × 44/12 = 0.064167 t CO₂ × 90 = 5.77 元.
        assertDelta(r, "carbon_sequestration", "-0.064", "-5.77");
        // §R7: 0.064167 × 32/44 = 0.046667 t O₂ × 727 = 33.93 元.
        assertDelta(r, "oxygen_release", "-0.047", "-33.93");
        // §R8: 2837.27 kJ/m²/d × 100 m² × 90 d / (3600 × 3.0) = 2364.392 kWh × 0.53 = 1253.13 元.
        assertDelta(r, "climate_regulation", "-2364.392", "-1253.13");
        // Σ = −(582.87 + 18.39 + 16.26 + 5.77 + 33.93 + 1253.13)
        assertThat(r.totalDeltaYuan()).isEqualByComparingTo("-1910.35");
        assertThat(r.indicators())
                .extracting(IndicatorDelta::id)
                .containsExactly(
                        "water_conservation",
                        "soil_retention",
                        "flood_regulation",
                        "water_purification",
                        "air_purification",
                        "carbon_sequestration",
                        "oxygen_release",
                        "climate_regulation");
    }

    @Test
    void marsh_to_forest_by_mapping_by_hand() {
        ProjectFixture f = new ProjectFixture(dir, 5, 5, 1);
        f.cover[f.index(2, 2)] = 10;
        ProjectImpactResult r = run(f, f.footprint(1, 1, 3, 3), new LandCoverChange.Mapping(Map.of(10, 1)));
        assertThat(r.cells()).isEqualTo(9);
        assertThat(r.classesBefore()).isEqualTo(Map.of(1, 8, 10, 1));
        assertThat(r.classesAfter()).isEqualTo(Map.of(1, 9));
        // §R3: marsh 0.3 m × 100 m² = 30 m³ × 7.06 = 211.80 元.
        assertDelta(r, "flood_regulation", "-30.000", "-211.80");
        // §R4: COD 1.0, NH₃-N 0.1, TN 0.3, TP 0.03 t/hm² × 0.01 hm² → 7.00 + 0.88 + 2.63 + 0.84 元.
        assertDelta(r, "water_purification", "-0.014", "-11.35");
        // §R1: marsh α = 0: 900 mm → 90 m³ (635.40 元); forest 82.56 m³ (582.87 元).
        assertDelta(r, "water_conservation", "-7.440", "-52.53");
        // §R8: marsh evaporates ET 700 mm × 100 m² = 70 m³ × 1000 kg × 2260 kJ / (3600 × 3) =
        // 14648.148 kWh (7763.52 元); forest 2364.392 kWh (1253.13 元).
        assertDelta(r, "climate_regulation", "-12283.756", "-6510.39");
    }

    @Test
    void purification_is_capped_with_the_county_factor_of_the_accounting_landscape() {
        // C24: the only COD capacity of county 330802 is the marsh cell (0.01 t); emission 0.005 t →
        // factor 0.5, so the marsh's COD before is 0.005 t (3.50 元) and the loss is 0.005 t.
        ProjectFixture f = new ProjectFixture(dir, 5, 5, 1);
        f.cover[f.index(2, 2)] = 10;
        f.emissions = f.emissions.replace("330802,cod,1000", "330802,cod,0.005");
        ProjectImpactResult r = run(f, f.footprint(2, 2, 2, 2), new LandCoverChange.ToClass(13));
        IndicatorDelta wp = indicator(r, "water_purification");
        // 0.005 + 0.001 + 0.003 + 0.0003 = 0.0093 t; 3.50 + 0.88 + 2.63 + 0.84 = 7.85 元
        assertThat(wp.quantityBefore()).isEqualByComparingTo("0.009");
        assertThat(wp.valueBeforeYuan()).isEqualByComparingTo("7.85");
        assertThat(wp.deltaYuan()).isEqualByComparingTo("-7.85");
    }

    @Test
    void a_gain_in_a_capped_county_counts_at_the_county_factor() {
        // C24: two marsh cells (COD capacity 0.02 t) against 0.01 t emitted → factor 0.5. A new
        // marsh cell adds 0.01 t of capacity, credited 0.5 × 0.01 = 0.005 t COD = 3.50 元. (A second
        // full run would show 0 for COD: the county stays at its cap — see METHOD-CHOICES C24.)
        ProjectFixture f = new ProjectFixture(dir, 5, 5, 1);
        f.cover[f.index(0, 0)] = 10;
        f.cover[f.index(4, 4)] = 10;
        f.emissions = f.emissions.replace("330802,cod,1000", "330802,cod,0.01");
        ProjectImpactResult r = run(f, f.footprint(2, 2, 2, 2), new LandCoverChange.ToClass(10));
        IndicatorDelta wp = indicator(r, "water_purification");
        // COD 3.50 + NH₃-N 0.88 + TN 2.63 + TP 0.84 (the other pollutants are not capped)
        assertThat(wp.deltaYuan()).isEqualByComparingTo("7.85");
    }

    @Test
    void forest_to_built_up_lowers_every_vegetation_dependent_indicator() {
        ProjectFixture f = new ProjectFixture(dir, 5, 5, 1);
        ProjectImpactResult r = run(f, f.footprint(1, 1, 3, 3), new LandCoverChange.ToClass(13));
        for (String id : new String[] {
            "water_conservation",
            "soil_retention",
            "air_purification",
            "carbon_sequestration",
            "oxygen_release",
            "climate_regulation"
        }) {
            assertThat(indicator(r, id).deltaYuan()).as(id).isNegative();
            assertThat(indicator(r, id).valueAfterYuan()).as(id).isZero();
        }
        assertThat(r.totalDeltaYuan()).isNegative();
    }

    @Test
    void identity_changes_give_exactly_zero() {
        ProjectFixture f = new ProjectFixture(dir, 5, 5, 1);
        f.cover[f.index(2, 2)] = 10;
        f.write();
        for (LandCoverChange c : new LandCoverChange[] {
            new LandCoverChange.Mapping(Map.of(1, 1, 10, 10)), new LandCoverChange.Mapping(Map.of(5, 13))
        }) {
            ProjectImpactResult r = new ProjectImpact(CLOCK)
                    .compute(
                            new ProjectImpact.Request(f.dir, f.footprint(0, 0, 4, 4), c, "quzhou-2025-v1", 2025, null));
            for (IndicatorDelta d : r.indicators()) {
                assertThat(d.deltaYuan()).as(d.id()).isEqualByComparingTo(BigDecimal.ZERO);
                assertThat(d.deltaQuantity()).as(d.id()).isEqualByComparingTo(BigDecimal.ZERO);
                assertThat(d.valueBeforeYuan()).as(d.id()).isEqualTo(d.valueAfterYuan());
            }
            assertThat(r.totalDeltaYuan()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(r.classesAfter()).isEqualTo(r.classesBefore());
        }
    }

    @Test
    void provenance_names_method_parameters_and_every_file_hash() {
        ProjectFixture f = new ProjectFixture(dir, 5, 5, 1);
        String footprint = f.footprint(2, 2, 2, 2);
        ProjectImpactResult r = run(f, footprint, new LandCoverChange.ToClass(13));
        ProjectImpactResult.Provenance p = r.provenance();
        assertThat(p.methodEdition()).isEqualTo("LS-2026.1");
        assertThat(p.paramsId()).isEqualTo("quzhou-2025-v1");
        assertThat(p.inputsSha256())
                .containsOnlyKeys(
                        "landcover.tif",
                        "dem.tif",
                        "precip.tif",
                        "et.tif",
                        "r_factor.tif",
                        "k_factor.tif",
                        "npp.tif",
                        "tables/emissions.csv",
                        "villages.geojson");
        assertThat(p.inputsSha256().get("dem.tif"))
                .isEqualTo(liangshan.gep.provenance.Sha256.hex(f.dir.resolve("dem.tif")));
        assertThat(p.footprintSha256())
                .isEqualTo(liangshan.gep.provenance.Sha256.hex(
                        footprint.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(p.change()).isEqualTo("{\"toClass\":13}");
        assertThat(p.changeSha256()).isEqualTo(new LandCoverChange.ToClass(13).sha256());
        assertThat(p.computedAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void unknown_classes_are_named() {
        ProjectFixture f = new ProjectFixture(dir, 5, 5, 1);
        assertThatThrownBy(() -> run(f, f.footprint(2, 2, 2, 2), new LandCoverChange.ToClass(42)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.code()).isEqualTo("project.unknown_class");
                            assertThat(p.messageEn()).contains("42");
                            assertThat(p.messageZh()).contains("42");
                        }));
        assertThatThrownBy(() -> run(f, f.footprint(2, 2, 2, 2), new LandCoverChange.Mapping(Map.of(99, 1, 1, 77))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.messageEn())
                        .anySatisfy(m -> assertThat(m).contains("class 77"))
                        .anySatisfy(m -> assertThat(m).contains("class 99")));
    }

    @Test
    void bad_footprints_are_rejected_with_their_reason() {
        ProjectFixture f = new ProjectFixture(dir, 5, 5, 1);
        f.write();
        double x0 = f.grid.originX();
        double y0 = f.grid.originY();
        String crs = "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4549\"}},";
        String outside = "{" + crs + "\"type\":\"Feature\",\"geometry\":"
                + ProjectFixture.rect(x0 + 1000, y0 - 20, x0 + 1010, y0 - 10) + "}";
        String between = "{" + crs + "\"type\":\"Feature\",\"geometry\":"
                + ProjectFixture.rect(x0 + 1, y0 - 4, x0 + 4, y0 - 1) + "}";
        String huge = "{\"type\":\"Polygon\",\"coordinates\":[[[118,28],[119,28],[119,29],[118,29],[118,28]]]}";
        String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[118.9,28.9],[118.91,28.91],[118.91,28.9],"
                + "[118.9,28.91],[118.9,28.9]]]}";
        String point = "{\"type\":\"Point\",\"coordinates\":[118.9,28.9]}";
        assertCode(f, outside, "project.footprint_outside");
        assertCode(f, between, "project.footprint_empty");
        assertCode(f, huge, "project.footprint_too_large");
        assertCode(f, bowtie, "project.footprint_invalid");
        assertCode(f, point, "project.footprint_bad_geometry");
        assertCode(f, "{not json", "project.footprint_bad_json");
    }

    private static void assertCode(ProjectFixture f, String footprint, String code) {
        assertThatThrownBy(() -> new ProjectImpact(CLOCK)
                        .compute(new ProjectImpact.Request(
                                f.dir, footprint, new LandCoverChange.ToClass(13), "quzhou-2025-v1", 2025, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.code()).containsExactly(code));
    }

    @Test
    void a_misaligned_replacement_raster_is_rejected_by_name_and_an_aligned_one_is_used() {
        ProjectFixture f = new ProjectFixture(dir, 5, 5, 1);
        f.write();
        ProjectFixture shifted = new ProjectFixture(dir.resolve("other"), 6, 5, 13);
        Path bad = dir.resolve("after-wrong-grid.tif");
        shifted.writeCover(bad, shifted.cover);
        assertThatThrownBy(() -> new ProjectImpact(CLOCK)
                        .compute(new ProjectImpact.Request(
                                f.dir,
                                f.footprint(2, 2, 2, 2),
                                new LandCoverChange.Replacement(bad),
                                "quzhou-2025-v1",
                                2025,
                                null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.code()).isEqualTo("project.change_misaligned");
                            assertThat(p.messageEn()).startsWith("after-wrong-grid.tif: ");
                        }));
        int[] after = f.cover.clone();
        java.util.Arrays.fill(after, 13);
        Path good = dir.resolve("after.tif");
        f.writeCover(good, after);
        ProjectImpactResult r = new ProjectImpact(CLOCK)
                .compute(new ProjectImpact.Request(
                        f.dir,
                        f.footprint(2, 2, 2, 2),
                        new LandCoverChange.Replacement(good),
                        "quzhou-2025-v1",
                        2025,
                        null));
        // Only the footprint changes: the same Δ as toClass 13 on the centre cell.
        assertThat(r.totalDeltaYuan()).isEqualByComparingTo("-1910.35");
        assertThat(r.provenance().inputsSha256()).containsKey("after.tif");
    }
}
