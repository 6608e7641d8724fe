package liangshan.ledger.credits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import liangshan.kernel.money.Money;
import liangshan.ledger.Asset;

/**
 * The credit unit and its two roundings (decision record 0005).
 *
 * <p>One serial number is one unit = 0.001 credit = one smallest unit of {@link Asset#ECO_CREDIT}; one
 * credit is 1 元 per year of regulating-service value at the frozen price set. Quantities are counts of
 * units in a {@code long}, never floating point.
 */
public final class CreditUnits {

    /** Units (serials) per credit: the scale of {@link Asset#ECO_CREDIT}. */
    public static final long UNITS_PER_CREDIT = 1000;

    private CreditUnits() {}

    /**
     * The obligation for a loss of regulating value: |Δ| 元/yr × multiplier credits, rounded UP to the
     * unit, so the developer never owes less than the loss (units = ⌈|Δ fen| × multiplier × 10⌉).
     *
     * @param lossPerYear the Δ regulating value of the footprint; its sign is ignored
     * @param multiplier the policy multiplier, &gt; 0
     */
    public static long obligationUnits(Money lossPerYear, BigDecimal multiplier) {
        if (multiplier.signum() <= 0) {
            throw new IllegalArgumentException("multiplier must be > 0: " + multiplier);
        }
        BigDecimal credits = lossPerYear.abs().toYuan().multiply(multiplier);
        return credits.multiply(BigDecimal.valueOf(UNITS_PER_CREDIT))
                .setScale(0, RoundingMode.CEILING)
                .longValueExact();
    }

    /**
     * The price of {@code units} at {@code fenPerCredit}, rounded UP to the fen: ⌈units × price / 1000⌉.
     * The buyer pays at most one fen more than the exact product, and never less.
     */
    public static long paymentFen(long units, long fenPerCredit) {
        if (units < 0 || fenPerCredit < 0) {
            throw new IllegalArgumentException("units and price are never negative");
        }
        return BigDecimal.valueOf(units)
                .multiply(BigDecimal.valueOf(fenPerCredit))
                .divide(BigDecimal.valueOf(UNITS_PER_CREDIT), 0, RoundingMode.CEILING)
                .longValueExact();
    }

    /** Units as credits with three decimals, e.g. 12345 → "12.345". */
    public static String format(long units) {
        return Asset.ECO_CREDIT.toDecimal(units).toPlainString();
    }
}
