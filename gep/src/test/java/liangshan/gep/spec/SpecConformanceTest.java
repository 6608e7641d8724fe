package liangshan.gep.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import liangshan.gep.Indicators;
import liangshan.gep.TestSets;
import liangshan.gep.cell.CellKernel;
import liangshan.gep.cell.ValuedIndicator;
import liangshan.gep.params.LandCoverClass;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.params.SourcedValue;
import liangshan.gep.regulating.EmissionCapped;
import liangshan.gep.tables.TableIndicator;
import org.junit.jupiter.api.Test;

/** Walks every spec (STYLE.md §7): one test for the whole catalogue. */
class SpecConformanceTest {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Test
    void the_catalogue_has_the_sixteen_indicators_of_the_method() {
        assertThat(IndicatorSpecs.all())
                .extracting(IndicatorSpec::id)
                .containsExactly(
                        "agriculture",
                        "forestry",
                        "livestock",
                        "fishery",
                        "water_supply",
                        "hydropower",
                        "water_conservation",
                        "soil_retention",
                        "flood_regulation",
                        "water_purification",
                        "air_purification",
                        "carbon_sequestration",
                        "oxygen_release",
                        "climate_regulation",
                        "recreation",
                        "landscape_value");
        assertThat(IndicatorSpecs.all().stream().filter(s -> s.serviceClass() == ServiceClass.REGULATING))
                .hasSize(8);
    }

    @Test
    void ids_are_unique_and_stable_snake_case() {
        Set<String> ids = new HashSet<>();
        for (IndicatorSpec s : IndicatorSpecs.all()) {
            assertThat(ids.add(s.id())).as("duplicate id %s", s.id()).isTrue();
            assertThat(s.id()).matches(ID);
            Set<String> names = new HashSet<>();
            s.inputs()
                    .forEach(i ->
                            assertThat(names.add("in:" + i.name())).as(i.name()).isTrue());
            s.outputs().forEach(o -> assertThat(names.add("out:" + o.name()))
                    .as(o.name())
                    .isTrue());
        }
    }

    @Test
    void every_spec_has_an_implementation_of_the_right_kind() {
        for (IndicatorSpec s : IndicatorSpecs.all()) {
            Object impl = Indicators.implementationOf(s);
            if (s.serviceClass() == ServiceClass.REGULATING) {
                assertThat(impl).as(s.id()).isInstanceOfAny(CellKernel.class, EmissionCapped.class);
                assertThat(((ValuedIndicator) impl).spec()).isSameAs(s);
            } else {
                assertThat(impl).as(s.id()).isInstanceOf(TableIndicator.class);
                assertThat(((TableIndicator) impl).spec()).isSameAs(s);
            }
        }
    }

    @Test
    void every_name_exists_in_both_languages() {
        for (IndicatorSpec s : IndicatorSpecs.all()) {
            bilingual(s.id(), s.nameZh(), s.nameEn());
            s.inputs().forEach(i -> bilingual(s.id() + "." + i.name(), i.nameZh(), i.nameEn()));
            s.parameters().forEach(p -> bilingual(s.id() + "." + p.name(), p.nameZh(), p.nameEn()));
            s.outputs().forEach(o -> bilingual(s.id() + "." + o.name(), o.nameZh(), o.nameEn()));
        }
    }

    private static void bilingual(String what, String zh, String en) {
        assertThat(zh).as("zh name of %s", what).isNotBlank();
        assertThat(HAN.matcher(zh).find())
                .as("zh name of %s has Chinese: %s", what, zh)
                .isTrue();
        assertThat(en).as("en name of %s", what).isNotBlank().matches("[\\x20-\\x7E\\u00B0-\\u2093]+");
    }

    @Test
    void every_unit_comes_from_the_fixed_list_and_values_are_in_yuan() {
        Set<Unit> fixed = EnumSet.allOf(Unit.class);
        for (IndicatorSpec s : IndicatorSpecs.all()) {
            s.inputs().forEach(i -> assertThat(fixed).contains(i.unit()));
            s.parameters().forEach(p -> assertThat(fixed).contains(p.unit()));
            s.outputs().forEach(o -> assertThat(fixed).contains(o.unit()));
            assertThat(s.outputs(OutputSpec.Kind.VALUE)).as(s.id()).isNotEmpty().allMatch(o -> o.unit() == Unit.YUAN);
            for (Unit u : Unit.values()) {
                assertThat(Unit.parse(u.symbol())).isSameAs(u);
            }
        }
    }

    @Test
    void every_declared_parameter_exists_in_the_default_set_with_a_source() {
        ParameterSet set = TestSets.defaults();
        for (IndicatorSpec s : IndicatorSpecs.all()) {
            for (ParameterSpec p : s.parameters()) {
                switch (p.scope()) {
                    case CONSTANT -> sourced(s, p, set.constantEntry(p.name()));
                    case PRICE -> {
                        sourced(s, p, set.priceEntry(p.name()));
                        assertThat(set.priceEntry(p.name()).year())
                                .as("price year of %s", p.name())
                                .isNotNull();
                    }
                    case PER_CLASS -> {
                        for (LandCoverClass c : set.classes()) {
                            if (p.categories().contains(c.category())) {
                                sourced(
                                        s,
                                        p,
                                        c.value(p.name())
                                                .orElseThrow(() -> new AssertionError(
                                                        p.name() + " missing for class " + c.code())));
                            }
                        }
                    }
                }
            }
        }
    }

    private static void sourced(IndicatorSpec s, ParameterSpec p, SourcedValue v) {
        assertThat(v.source()).as("source of %s.%s", s.id(), p.name()).isNotBlank();
        assertThat(v.unit()).isSameAs(p.unit());
        if (v.placeholder()) {
            assertThat(v.reason()).as("placeholder reason of %s", p.name()).isNotBlank();
        }
    }

    @Test
    void every_method_clause_exists_in_the_pinned_method_document() throws IOException {
        String method;
        try (InputStream in = getClass().getResourceAsStream("/liangshan/gep/method/LS-2026.1.md")) {
            assertThat(in).isNotNull();
            method = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(method).startsWith("# GEP method, edition " + MethodClause.EDITION);
        for (MethodClause c : MethodClause.values()) {
            assertThat(method).as(c.name()).contains(c.anchor());
        }
        List<MethodClause> used = IndicatorSpecs.all().stream()
                .map(IndicatorSpec::clause)
                .distinct()
                .toList();
        assertThat(used)
                .contains(
                        MethodClause.R1_WATER_CONSERVATION,
                        MethodClause.R8_CLIMATE_REGULATION,
                        MethodClause.PROVISIONING,
                        MethodClause.CULTURAL);
        assertThat(MethodClause.R2_SOIL_RETENTION.citation()).isEqualTo("LS-2026.1 §R2");
    }

    @Test
    void parameter_names_are_declared_once() {
        assertThat(IndicatorSpecs.allParameters())
                .containsKeys("runoff_coefficient", "price_reservoir", "slope_length_cap", "allocates_agriculture");
    }

    @Test
    void input_checks_name_missing_and_unknown_inputs() {
        assertThat(IndicatorSpecs.WATER_CONSERVATION.missingOrUnknownInputs(Set.of("land_cover", "dem")))
                .containsExactlyInAnyOrder(
                        "missing input 'precipitation' for water_conservation",
                        "missing input 'evapotranspiration' for water_conservation",
                        "unknown input 'dem' for water_conservation");
        // reservoirs and lakes are optional tables
        assertThat(IndicatorSpecs.FLOOD_REGULATION.missingOrUnknownInputs(Set.of("land_cover")))
                .isEmpty();
    }
}
