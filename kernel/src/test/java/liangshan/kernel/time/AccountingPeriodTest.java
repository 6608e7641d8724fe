package liangshan.kernel.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AccountingPeriodTest {

    @Test
    void yearBoundsAreHalfOpen() {
        AccountingPeriod y = AccountingPeriod.year(2025);
        assertThat(y.start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(y.end()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(y.contains(LocalDate.of(2025, 12, 31))).isTrue();
        assertThat(y.contains(LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(y.contains(LocalDate.of(2024, 12, 31))).isFalse();
        assertThat(y.next()).isEqualTo(AccountingPeriod.year(2026));
        assertThat(y.previous()).isEqualTo(AccountingPeriod.year(2024));
    }

    @Test
    void monthsRollOverYears() {
        AccountingPeriod dec = AccountingPeriod.month(2025, 12);
        assertThat(dec.next()).isEqualTo(AccountingPeriod.month(2026, 1));
        assertThat(AccountingPeriod.month(2026, 1).previous()).isEqualTo(dec);
        assertThat(AccountingPeriod.month(2024, 2).end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(AccountingPeriod.year(2025).contains(AccountingPeriod.month(2025, 6)))
                .isTrue();
        assertThat(AccountingPeriod.month(2025, 6).contains(AccountingPeriod.year(2025)))
                .isFalse();
        assertThat(dec.toYear()).isEqualTo(AccountingPeriod.year(2025));
    }

    @Test
    void parsesAndPrintsBothForms() {
        assertThat(AccountingPeriod.parse("2025")).isEqualTo(AccountingPeriod.year(2025));
        assertThat(AccountingPeriod.parse("2025-06")).isEqualTo(AccountingPeriod.month(2025, 6));
        assertThat(AccountingPeriod.month(2025, 6)).hasToString("2025-06");
        assertThat(AccountingPeriod.year(2025)).hasToString("2025");
        for (String bad : new String[] {"25", "2025-6", "2025-13", "2025-00", "2025/06", "x"}) {
            assertThatThrownBy(() -> AccountingPeriod.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void currentPeriodComesFromTheClockInItsZone() {
        // 2025-12-31T20:00Z is already 2026-01-01 in Shanghai (UTC+8).
        Clock clock = Clock.fixed(Instant.parse("2025-12-31T20:00:00Z"), ZoneId.of("Asia/Shanghai"));
        assertThat(AccountingPeriod.current(AccountingPeriod.Kind.YEAR, clock)).isEqualTo(AccountingPeriod.year(2026));
        assertThat(AccountingPeriod.current(AccountingPeriod.Kind.MONTH, clock))
                .isEqualTo(AccountingPeriod.month(2026, 1));
    }

    @Test
    void ordersByStartWithYearBeforeItsFirstMonth() {
        assertThat(AccountingPeriod.year(2025)).isLessThan(AccountingPeriod.month(2025, 1));
        assertThat(AccountingPeriod.month(2025, 12)).isLessThan(AccountingPeriod.year(2026));
    }
}
