package liangshan.gep.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MagnitudeCheckTest {

    private static ZoneRow row(String zone, String indicator, String yuan) {
        return new ZoneRow(zone, indicator, null, null, new BigDecimal(yuan));
    }

    @Test
    void comparesTotalsSharesAndMedianVillageWithThePublishedFigures() {
        // City: 1,466 亿 + 0 = 1,466 亿 → ratio to 2,932 亿 = 0.50.
        // Regulating: 1,000 亿 of 1,466 亿 = 68.21 %.
        // Villages (a: 1,000 亿 + 400 亿, b: 66 亿) → median of 2 = the lower, b: 66 亿 → 66 / 1.6 = 41.25.
        List<ZoneRow> rows = List.of(
                row("330802001001", "water_conservation", "100000000000"),
                row("330802001001", "agriculture", "40000000000"),
                row("330802001002", "recreation", "6600000000"),
                row("outside", "carbon_sequestration", "0"));
        List<MagnitudeCheck.Line> lines = MagnitudeCheck.of(rows);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).run()).isEqualTo("1466.00 亿元");
        assertThat(lines.get(0).ratio()).isEqualByComparingTo("0.50");
        assertThat(lines.get(1).run()).isEqualTo("68.21 %");
        assertThat(lines.get(1).ratio()).isNull();
        assertThat(lines.get(2).itemZh()).contains("2 个村");
        assertThat(lines.get(2).run()).isEqualTo("66.00 亿元");
        assertThat(lines.get(2).ratio()).isEqualByComparingTo("41.25");
    }

    @Test
    void emptyRunHasOnlyTheTotalLine() {
        assertThat(MagnitudeCheck.of(List.of())).hasSize(1);
    }
}
