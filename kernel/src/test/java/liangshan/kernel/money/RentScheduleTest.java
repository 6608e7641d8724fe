package liangshan.kernel.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RentScheduleTest {

    @Test
    void escalatesEveryNYearsRoundedHalfUpAndProratesAShortLastYear() {
        List<RentSchedule.Instalment> s = RentSchedule.of(
                LocalDate.of(2026, 1, 1), LocalDate.of(2030, 7, 2), Money.ofFen(100_001), 500, 2, "03-31");
        assertThat(s)
                .extracting(RentSchedule.Instalment::amount)
                .containsExactly(
                        Money.ofFen(100_001),
                        Money.ofFen(100_001),
                        Money.ofFen(105_001), // 105001.05
                        Money.ofFen(105_001),
                        Money.ofFen(54_974)); // 105001 × 1.05 = 110251.05 → 110251; × 182/365 days = 54974.47
        assertThat(s.get(0).dueOn()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(s.get(4).from()).isEqualTo(LocalDate.of(2030, 1, 1));
    }
}
