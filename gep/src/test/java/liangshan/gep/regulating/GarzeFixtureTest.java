package liangshan.gep.regulating;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import liangshan.gep.Indicators;
import liangshan.gep.TestSets;
import liangshan.gep.cell.ValuedIndicator;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.spec.IndicatorSpecs;
import liangshan.gep.valuation.ValueLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Garze 2010 fixture of LS-2026.1: each line's value is computed by the engine's valuation
 * from the line's quantity and the default set's prices, and compared with the published value
 * within 0.05 %. Lines for which the method gives no published value are compared with the
 * hand-computed products below (exact to the fen):
 *
 * <pre>
 * SO₂    1 137 t × 1 200 元/t =   1 364 400 元
 * NOₓ    2 772 t ×   630 元/t =   1 746 360 元
 * dust     941 t ×   150 元/t =     141 150 元
 * COD    5 424 t ×   700 元/t =   3 796 800 元
 * NH₃-N    625 t ×   875 元/t =     546 875 元
 * </pre>
 *
 * Published lines, checked in the method: 321.49 亿m³ × 7.06 = 2 269.72 亿元; 38.86 亿t × 0.24 / 0.93
 * × 15.58 = 156.24 亿元; 38.86 亿t × 0.37 % × 875 = 125.81 亿元; 38.86 亿t × 0.108 % × 2800 = 117.51 亿元;
 * 2 799.10 亿kWh × 0.53 = 1 483.52 亿元; 1 272.35 亿kWh × 0.53 = 674.35 亿元.
 */
class GarzeFixtureTest {

    private static final BigDecimal TOLERANCE = new BigDecimal("0.0005");
    private static final Map<String, BigDecimal> HAND = Map.of(
            "so2_t", new BigDecimal("1364400.00"),
            "nox_t", new BigDecimal("1746360.00"),
            "dust_t", new BigDecimal("141150.00"),
            "cod_t", new BigDecimal("3796800.00"),
            "nh3n_t", new BigDecimal("546875.00"));

    record Line(
            String indicator,
            String quantityOutput,
            double quantity,
            String valueOutput,
            String item,
            BigDecimal published) {}

    static Stream<Line> lines() throws IOException {
        try (InputStream in = GarzeFixtureTest.class.getResourceAsStream("/liangshan/gep/garze-2010.csv")) {
            List<Line> out = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split(",", -1))
                    .map(f -> new Line(
                            f[0],
                            f[1],
                            Double.parseDouble(f[2]),
                            f[4],
                            f[5],
                            f[6].isEmpty() ? null : new BigDecimal(f[6])))
                    .toList();
            assertThat(out).hasSize(11);
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void each_line_is_quantity_times_price(Line line) {
        ParameterSet set = TestSets.defaults();
        ValuedIndicator indicator =
                (ValuedIndicator) Indicators.implementationOf(IndicatorSpecs.byId(line.indicator()));
        ValueLine computed = indicator.value(Map.of(line.quantityOutput(), line.quantity()), set).lines().stream()
                .filter(l -> l.output().equals(line.valueOutput()) && l.item().equals(line.item()))
                .findFirst()
                .orElseThrow();
        if (line.published() != null) {
            BigDecimal relative = computed.valueYuan()
                    .subtract(line.published())
                    .abs()
                    .divide(line.published(), MathContext.DECIMAL64);
            assertThat(relative)
                    .as("%s: %s vs published %s", line.item(), computed.valueYuan(), line.published())
                    .isLessThanOrEqualTo(TOLERANCE);
        } else {
            assertThat(computed.valueYuan()).isEqualByComparingTo(HAND.get(line.item()));
        }
    }
}
