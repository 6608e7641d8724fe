package liangshan.kernel.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar accounting period: a whole year ("2025") or a month ("2025-06"). GEP is accounted
 * per year; distributions and ledgers may close per month. Periods are values; "the current
 * period" needs a {@link Clock} (kernel never reads the system time itself).
 *
 * @param kind year or month
 * @param year the calendar year, 1900..9999
 * @param month 1..12 for a month, 0 for a year
 */
public record AccountingPeriod(Kind kind, int year, int month) implements Comparable<AccountingPeriod> {

    /** Length of a period. */
    public enum Kind {
        YEAR,
        MONTH
    }

    private static final Pattern TEXT = Pattern.compile("^(\\d{4})(?:-(\\d{2}))?$");

    public AccountingPeriod {
        Objects.requireNonNull(kind, "kind");
        if (year < 1900 || year > 9999) {
            throw new IllegalArgumentException("accounting year must be 1900..9999, was " + year);
        }
        if (kind == Kind.YEAR && month != 0) {
            throw new IllegalArgumentException("a yearly period has month 0, was " + month);
        }
        if (kind == Kind.MONTH && (month < 1 || month > 12)) {
            throw new IllegalArgumentException("month must be 1..12, was " + month);
        }
    }

    public static AccountingPeriod year(int year) {
        return new AccountingPeriod(Kind.YEAR, year, 0);
    }

    public static AccountingPeriod month(int year, int month) {
        return new AccountingPeriod(Kind.MONTH, year, month);
    }

    /** Parses "2025" (a year) or "2025-06" (a month). */
    public static AccountingPeriod parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "accounting period must look like 2025 or 2025-06, was \"" + text + "\"");
        }
        int year = Integer.parseInt(m.group(1));
        return m.group(2) == null ? year(year) : month(year, Integer.parseInt(m.group(2)));
    }

    /** The period of {@code kind} containing {@code clock}'s current date. */
    public static AccountingPeriod current(Kind kind, Clock clock) {
        return containing(kind, LocalDate.now(clock));
    }

    /** The period of {@code kind} containing {@code date}. */
    public static AccountingPeriod containing(Kind kind, LocalDate date) {
        return kind == Kind.YEAR ? year(date.getYear()) : month(date.getYear(), date.getMonthValue());
    }

    /** First day of the period. */
    public LocalDate start() {
        return kind == Kind.YEAR ? LocalDate.of(year, 1, 1) : LocalDate.of(year, month, 1);
    }

    /** First day after the period (the period is the half-open interval [start, endExclusive)). */
    public LocalDate endExclusive() {
        return next().start();
    }

    /** Last day of the period. */
    public LocalDate end() {
        return endExclusive().minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && date.isBefore(endExclusive());
    }

    /** True if {@code other} lies entirely inside this period (a month inside its year, or itself). */
    public boolean contains(AccountingPeriod other) {
        return !other.start().isBefore(start()) && !other.endExclusive().isAfter(endExclusive());
    }

    public AccountingPeriod next() {
        if (kind == Kind.YEAR) {
            return year(year + 1);
        }
        YearMonth ym = YearMonth.of(year, month).plusMonths(1);
        return month(ym.getYear(), ym.getMonthValue());
    }

    public AccountingPeriod previous() {
        if (kind == Kind.YEAR) {
            return year(year - 1);
        }
        YearMonth ym = YearMonth.of(year, month).minusMonths(1);
        return month(ym.getYear(), ym.getMonthValue());
    }

    /** The year containing this period. */
    public AccountingPeriod toYear() {
        return year(year);
    }

    /** Orders by start date, a year before its January. */
    @Override
    public int compareTo(AccountingPeriod other) {
        int byStart = start().compareTo(other.start());
        return byStart != 0 ? byStart : kind.compareTo(other.kind);
    }

    /** "2025" or "2025-06", the form {@link #parse(String)} reads. */
    @Override
    public String toString() {
        return kind == Kind.YEAR
                ? Integer.toString(year)
                : String.format(java.util.Locale.ROOT, "%04d-%02d", year, month);
    }
}
