package liangshan.kernel.money.benefit;

/**
 * Conversion of a lease's option (期权) into equity when the project starts operating.
 *
 * <p>Rule: {@code shares = ⌊valuation / pricePerShare⌋} (both in fen; whole shares, rounded down) and
 * {@code residual = valuation − shares × pricePerShare} — the part of the agreed valuation too small for
 * one more share, recorded beside the cap-table entry and not converted.
 *
 * @param shares whole shares (≥ 0)
 * @param residualFen 0 ≤ residual &lt; price per share
 */
public record EquityConversion(long shares, long residualFen) {

    /** Converts an agreed package valuation at a price per share. */
    public static EquityConversion of(long valuationFen, long pricePerShareFen) {
        if (valuationFen <= 0 || pricePerShareFen <= 0) {
            throw new IllegalArgumentException(
                    "valuation and price per share must be > 0: " + valuationFen + ", " + pricePerShareFen);
        }
        long shares = valuationFen / pricePerShareFen;
        return new EquityConversion(shares, valuationFen - Math.multiplyExact(shares, pricePerShareFen));
    }
}
