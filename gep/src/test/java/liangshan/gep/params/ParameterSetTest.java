package liangshan.gep.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import liangshan.gep.TestSets;
import liangshan.gep.params.ParameterSet.CarbonPriceBasis;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ParameterSetTest {

    @Test
    void the_default_set_loads_and_carries_the_method_numbers() {
        ParameterSet set = TestSets.defaults();
        assertThat(set.id()).isEqualTo("quzhou-2025-v1");
        assertThat(set.methodEdition()).isEqualTo("LS-2026.1");
        assertThat(set.classes()).hasSize(14);
        assertThat(set.carbonPriceBasis()).isEqualTo(CarbonPriceBasis.NATIONAL_CARBON_MARKET);
        assertThat(set.price("price_reservoir")).isEqualByComparingTo("7.06");
        assertThat(set.price("price_dredging")).isEqualByComparingTo("15.58");
        assertThat(set.price("price_electricity")).isEqualByComparingTo("0.53");
        assertThat(set.constant("sediment_deposition_share")).isEqualTo(0.24);
        assertThat(set.constant("soil_bulk_density")).isEqualTo(0.93);
        assertThat(set.constant("slope_length_cap")).isEqualTo(122);
        assertThat(set.constant("ac_energy_efficiency_ratio")).isEqualTo(3.0);
        assertThat(set.classTable()
                        .get(1)
                        .value("runoff_coefficient")
                        .orElseThrow()
                        .number())
                .isEqualByComparingTo("0.0465");
        assertThat(set.classTable().get(3).gbt21010()).containsExactly("0301");
        assertThat(set.sha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void list_and_export_round_trip_to_the_same_hash() {
        List<ParameterSets.Info> infos = ParameterSets.list();
        assertThat(infos).extracting(ParameterSets.Info::id).contains("quzhou-2025-v1");
        byte[] exported = ParameterSets.export("quzhou-2025-v1");
        ParameterSet reloaded = ParameterSetLoader.load("exported", exported);
        assertThat(reloaded.sha256()).isEqualTo(TestSets.defaults().sha256());
        assertThat(infos.get(0).placeholders()).isPositive();
    }

    @Test
    void the_hash_ignores_layout_but_not_content() {
        Map<String, Object> tree = TestSets.defaultTree();
        // Re-serialised without indentation and with numbers re-spelt: same canonical content.
        String compact = new String(TestSets.bytes(tree), StandardCharsets.UTF_8)
                .replace("\"value\":0.24,", "\"value\":0.2400,");
        assertThat(compact).contains("0.2400");
        assertThat(ParameterSetLoader.canonicalSha256(compact.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(TestSets.defaults().sha256());
        TestSets.scalar(tree, "prices", "price_reservoir").put("value", new BigDecimal("7.07"));
        assertThat(ParameterSetLoader.canonicalSha256(TestSets.bytes(tree)))
                .isNotEqualTo(TestSets.defaults().sha256());
    }

    @Test
    void a_missing_class_parameter_names_the_class_and_the_parameter() {
        Map<String, Object> tree = TestSets.defaultTree();
        @SuppressWarnings("unchecked")
        Map<String, Object> values =
                (Map<String, Object>) TestSets.classRow(tree, 5).get("values");
        values.remove("cover_factor");
        assertThatThrownBy(() -> ParameterSetLoader.load("broken", TestSets.bytes(tree)))
                .isInstanceOfSatisfying(InvalidParameterSetException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.code()).isEqualTo("param.missing_class_parameter");
                        assertThat(p.path()).isEqualTo("classes[code=5].cover_factor");
                        assertThat(p.messageEn())
                                .contains("class 5 (Shrubland)")
                                .contains("'cover_factor'");
                        assertThat(p.messageZh()).contains("地类 5（灌木林）").contains("cover_factor");
                    });
                });
    }

    @Test
    void marsh_counts_as_a_water_class_for_the_runoff_coefficient() {
        // METHOD-CHOICES C2: §R1 says α is 0 for water classes; marsh (category wetland) gets 0 too
        ParameterSet set = TestSets.defaults();
        assertThat(set.classTable().perClass("runoff_coefficient")[10]).isZero();
        assertThat(set.classTable().perClass("runoff_coefficient")[11]).isZero();
        assertThat(set.classTable().perClass("runoff_coefficient")[12]).isZero();
    }

    @Test
    void a_parameter_not_required_for_a_category_may_be_absent() {
        // built-up land is not counted for water conservation, so it needs no runoff coefficient
        ParameterSet set = TestSets.defaults();
        assertThat(set.classTable().get(13).value("runoff_coefficient")).isEmpty();
        assertThat(set.classTable().perClass("runoff_coefficient")[13]).isNaN();
    }

    @Test
    void out_of_range_values_name_the_value_and_the_range_and_all_problems_come_at_once() {
        Map<String, Object> tree = TestSets.defaultTree();
        TestSets.classValue(tree, 1, "runoff_coefficient").put("value", new BigDecimal("1.5"));
        TestSets.scalar(tree, "constants", "soil_nitrogen_content").put("value", new BigDecimal("37"));
        TestSets.scalar(tree, "prices", "price_dredging").put("unit", "元·t⁻¹");
        TestSets.scalar(tree, "prices", "price_carbon").remove("year");
        TestSets.scalar(tree, "constants", "hot_days").put("source", "nowhere");
        List<ParameterProblem> problems = ParameterSetLoader.validate("broken", TestSets.bytes(tree));
        assertThat(problems)
                .extracting(ParameterProblem::code)
                .containsExactly(
                        "param.out_of_range",
                        "param.out_of_range",
                        "param.unknown_source",
                        "param.unit_mismatch",
                        "param.missing_field");
        assertThat(problems.get(0).messageEn())
                .isEqualTo("value 1.5 of 'runoff_coefficient' is outside the valid range [0, 1]");
        assertThat(problems.get(0).path()).isEqualTo("classes[0].values.runoff_coefficient.value");
        assertThat(problems.get(1).messageZh()).contains("37").contains("[0, 10] %");
        assertThat(problems.get(3).messageEn()).contains("元·m⁻³").contains("元·t⁻¹");
        assertThat(problems.get(4).path()).isEqualTo("prices.price_carbon.year");
    }

    @Test
    void structural_rules_of_the_method_are_checked() {
        Map<String, Object> tree = TestSets.defaultTree();
        tree.put("methodEdition", "LS-2025.9");
        TestSets.classValue(tree, 11, "runoff_coefficient").put("value", new BigDecimal("0.1"));
        TestSets.classRow(tree, 4).put("gbt21010", List.of("0302", "0301"));
        @SuppressWarnings("unchecked")
        Map<String, Object> constants = (Map<String, Object>) tree.get("constants");
        constants.put("lambda_typo", Map.of("value", 1, "unit", "1", "source", "engine-choice", "placeholder", false));
        TestSets.scalar(tree, "prices", "price_oxygen").remove("reason");
        List<ParameterProblem> problems = ParameterSetLoader.validate("broken", TestSets.bytes(tree));
        assertThat(problems)
                .extracting(ParameterProblem::code)
                .containsExactlyInAnyOrder(
                        "param.wrong_edition",
                        "param.water_runoff_nonzero",
                        "param.duplicate_gbt_code",
                        "param.unknown_parameter",
                        "param.placeholder_without_reason");
    }

    @Test
    void bad_json_is_a_problem_not_a_crash() {
        assertThat(ParameterSetLoader.validate("junk", "{\"id\": ".getBytes(StandardCharsets.UTF_8)))
                .extracting(ParameterProblem::code)
                .containsExactly("param.bad_json");
    }

    @Test
    void alternatives_replace_one_parameter_and_are_recorded() {
        ParameterSet set = TestSets.defaults();
        ParameterSet alt = set.withAlternative("runoff-alternative-table");
        assertThat(alt.classTable().perClass("runoff_coefficient")[1]).isEqualTo(0.0267);
        assertThat(alt.classTable().perClass("runoff_coefficient")[2]).isEqualTo(0.0302);
        assertThat(set.classTable().perClass("runoff_coefficient")[1]).isEqualTo(0.0465);
        assertThat(alt.alternativesApplied()).containsExactly("runoff-alternative-table");
        assertThat(alt.sha256()).isEqualTo(set.sha256());
    }

    @Test
    void placeholders_are_listed_with_reasons() {
        List<ParameterSet.Placeholder> placeholders = TestSets.defaults().placeholders();
        assertThat(placeholders)
                .extracting(ParameterSet.Placeholder::path)
                .contains("constants.soil_bulk_density", "prices.price_carbon", "classes[code=8].runoff_coefficient")
                .doesNotContain("constants.slope_length_cap", "constants.water_density");
        assertThat(placeholders).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
    }

    @Test
    void land_cover_codes_missing_from_the_class_table_are_named() {
        assertThat(TestSets.defaults().missingClasses(List.of(1, 14, 15, 3, 15, 200)))
                .extracting(ParameterProblem::code, ParameterProblem::messageEn)
                .containsExactly(
                        Tuple.tuple(
                                "param.missing_class",
                                "land-cover code 15 occurs in the input but parameter set quzhou-2025-v1 has no such"
                                        + " class"),
                        Tuple.tuple(
                                "param.missing_class",
                                "land-cover code 200 occurs in the input but parameter set quzhou-2025-v1 has no such"
                                        + " class"));
        assertThat(TestSets.defaults().missingClasses(List.of(1, 2, 13))).isEmpty();
    }
}
