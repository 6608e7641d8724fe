package liangshan.gep;

import static org.assertj.core.api.Assertions.assertThat;

import liangshan.gep.params.ParameterSet;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.IndicatorSpecs;
import org.junit.jupiter.api.Test;

class MethodAppendixTest {

    @Test
    void the_appendix_names_every_indicator_value_and_placeholder() {
        ParameterSet set = TestSets.defaults().withAlternative("runoff-alternative-table");
        String md = MethodAppendix.markdown(set);
        assertThat(md).contains("LS-2026.1", set.sha256(), "runoff-alternative-table");
        for (IndicatorSpec s : IndicatorSpecs.all()) {
            assertThat(md).contains("(`" + s.id() + "`)", s.clause().citation());
        }
        assertThat(md).contains("| 7.06 (2010) **占位 placeholder** |");
        assertThat(md).contains("## 占位值 / Placeholders (" + set.placeholders().size() + ")");
        assertThat(md).contains("`classes[code=1].runoff_coefficient` | 0.0267");
    }
}
