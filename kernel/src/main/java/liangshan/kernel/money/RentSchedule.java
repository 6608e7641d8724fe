package liangshan.kernel.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The rent schedule of a transfer or lease contract (e-ledger transfers, distribution leases). Rent years run from the term's start; year {@code k}
 * (0-based) costs {@code annual × (1 + escalation)^⌊k / every⌋}, each step rounded half-up to whole
 * fen (the contract rounds each escalation, so the rounding compounds as written on paper). A last,
 * shorter year is prorated by days, rounded half-up. Due dates fall on the contract's payment day
 * (MM-dd) within each rent year, or the year's first day when that date lies outside it.
 */
public final class RentSchedule {

    private RentSchedule() {}

    /** One rent year: its period [from, to), due date and amount. */
    public record Instalment(int year, LocalDate from, LocalDate to, LocalDate dueOn, Money amount) {}

    /** The instalments of a term [termFrom, termTo); {@code paymentDay} is {@code MM-dd}. */
    public static List<Instalment> of(
            LocalDate termFrom, LocalDate termTo, Money annual, int escalationBp, int everyYears, String paymentDay) {
        List<Instalment> out = new ArrayList<>();
        BigDecimal factor = BigDecimal.ONE.add(BigDecimal.valueOf(escalationBp, 4));
        Money yearly = annual;
        LocalDate from = termFrom;
        for (int k = 0; from.isBefore(termTo); k++) {
            if (k > 0 && k % everyYears == 0) {
                yearly = yearly.multiply(factor, RoundingMode.HALF_UP);
            }
            LocalDate fullTo = termFrom.plusYears(k + 1L);
            LocalDate to = fullTo.isAfter(termTo) ? termTo : fullTo;
            Money amount = yearly;
            if (to.isBefore(fullTo)) {
                long days = ChronoUnit.DAYS.between(from, to);
                long yearDays = ChronoUnit.DAYS.between(from, fullTo);
                amount = Money.ofFen(BigDecimal.valueOf(yearly.fen())
                        .multiply(BigDecimal.valueOf(days))
                        .divide(BigDecimal.valueOf(yearDays), 0, RoundingMode.HALF_UP)
                        .longValueExact());
            }
            out.add(new Instalment(k + 1, from, to, dueOn(from, to, paymentDay), amount));
            from = to;
        }
        return out;
    }

    private static LocalDate dueOn(LocalDate from, LocalDate to, String paymentDay) {
        int month = Integer.parseInt(paymentDay.substring(0, 2));
        int day = Integer.parseInt(paymentDay.substring(3));
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            LocalDate candidate = LocalDate.of(
                    year, month, Math.min(day, LocalDate.of(year, month, 1).lengthOfMonth()));
            if (!candidate.isBefore(from) && candidate.isBefore(to)) {
                return candidate;
            }
        }
        return from;
    }
}
