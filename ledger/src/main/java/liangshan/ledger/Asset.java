package liangshan.ledger;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a ledger account holds, with the fixed number of decimal places of its smallest unit.
 *
 * <p>Every amount in the ledger is a {@code long} count of the asset's smallest unit: fen (10⁻² 元) for
 * {@link #CNY}, thousandths of a credit for {@link #ECO_CREDIT}. The scale is chosen once per asset
 * (rights-and-money.md, ledger rule 1) and never changes, so no amount is ever floating point. A transfer
 * and both of its accounts must have the same asset: value is never converted inside the ledger, a trade
 * of credits for money is two linked transfers (delivery versus payment).
 *
 * @param code stable upper-case code, e.g. {@code CNY}
 * @param scale decimal places of the smallest unit: an amount {@code n} means {@code n × 10^-scale} units
 */
public record Asset(String code, int scale) {

    // Declared before the constants below, which are validated against it.
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    /** Renminbi counted in fen (分): 100 fen = 1 元. */
    public static final Asset CNY = new Asset("CNY", 2);

    /**
     * Eco credits (生态积分) counted in thousandths: 1000 = one credit = 1 元/year of regulating-service
     * value (credits-design.md, "Unit").
     */
    public static final Asset ECO_CREDIT = new Asset("ECO_CREDIT", 3);

    /** Rejects malformed assets: they are programmer errors, assets are declared in code or configuration. */
    public Asset {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("asset code must match " + CODE + ": " + code);
        }
        if (scale < 0 || scale > 18) {
            throw new IllegalArgumentException("asset scale must be 0..18: " + scale);
        }
    }

    /** The decimal value of {@code minorUnits}, e.g. 12345 fen → 123.45. */
    public BigDecimal toDecimal(long minorUnits) {
        return BigDecimal.valueOf(minorUnits, scale);
    }

    /**
     * The count of smallest units in {@code value}; throws {@link ArithmeticException} if the value has
     * more decimal places than the asset or does not fit a {@code long} (no silent rounding).
     */
    public long toMinorUnits(BigDecimal value) {
        return value.setScale(scale).unscaledValue().longValueExact();
    }

    @Override
    public String toString() {
        return code;
    }
}
