package liangshan.kernel.quantity;

import java.util.Locale;
import java.util.Optional;

/**
 * Units used by the platform, each with its dimension and the factor that converts one of it into
 * the dimension's base unit (m, m², m³, t, kWh). Physical quantities may be {@code double}; money
 * is never a {@link Quantity} (see {@code liangshan.kernel.money.Money} and {@link UnitPrice}).
 *
 * <p>1 hm² = 10⁴ m² = 15 亩, so 1 亩 = 10⁴ / 15 m² (≈ 666.67 m², a non-terminating decimal, hence
 * double). 1 km² = 100 hm². Tonne is the base unit of mass because GEP tables report t.
 */
public enum Unit {
    MILLIMETRE("mm", "毫米", Dimension.LENGTH, 1e-3),
    METRE("m", "米", Dimension.LENGTH, 1),
    KILOMETRE("km", "千米", Dimension.LENGTH, 1e3),
    SQUARE_METRE("m²", "平方米", Dimension.AREA, 1),
    MU("亩", "亩", Dimension.AREA, 10_000.0 / 15.0),
    HECTARE("hm²", "公顷", Dimension.AREA, 1e4),
    SQUARE_KILOMETRE("km²", "平方千米", Dimension.AREA, 1e6),
    CUBIC_METRE("m³", "立方米", Dimension.VOLUME, 1),
    WAN_CUBIC_METRE("万m³", "万立方米", Dimension.VOLUME, 1e4),
    YI_CUBIC_METRE("亿m³", "亿立方米", Dimension.VOLUME, 1e8),
    KILOGRAM("kg", "千克", Dimension.MASS, 1e-3),
    TONNE("t", "吨", Dimension.MASS, 1),
    WAN_TONNE("万t", "万吨", Dimension.MASS, 1e4),
    KILOWATT_HOUR("kWh", "千瓦时", Dimension.ENERGY, 1),
    WAN_KILOWATT_HOUR("万kWh", "万千瓦时", Dimension.ENERGY, 1e4),
    ONE("1", "无量纲", Dimension.DIMENSIONLESS, 1),
    PERCENT("%", "百分比", Dimension.DIMENSIONLESS, 1e-2);

    private final String symbol;
    private final String nameZh;
    private final Dimension dimension;
    private final double toBase;

    Unit(String symbol, String nameZh, Dimension dimension, double toBase) {
        this.symbol = symbol;
        this.nameZh = nameZh;
        this.dimension = dimension;
        this.toBase = toBase;
    }

    /** The printed symbol, e.g. "hm²", "亩". */
    public String symbol() {
        return symbol;
    }

    public String nameZh() {
        return nameZh;
    }

    public Dimension dimension() {
        return dimension;
    }

    /** How many base units (m, m², m³, t, kWh, 1) one of this unit is. */
    public double toBase() {
        return toBase;
    }

    /**
     * Converts {@code value} of this unit into {@code target}.
     *
     * @throws IllegalArgumentException if the dimensions differ
     */
    public double convert(double value, Unit target) {
        if (target.dimension != dimension) {
            throw new IllegalArgumentException("cannot convert " + symbol + " (" + dimension + ") to " + target.symbol
                    + " (" + target.dimension + ")");
        }
        return target == this ? value : value * toBase / target.toBase;
    }

    /**
     * Looks a unit up by symbol ("m2" and "m^2" are accepted for "m²", "ha" for "hm²", "mu" for
     * "亩"), or by enum name, ignoring case.
     */
    public static Optional<Unit> bySymbol(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim()
                .replace("^2", "²")
                .replace("^3", "³")
                .replaceAll("(?<=m)2$", "²")
                .replaceAll("(?<=m)3$", "³");
        if (s.equalsIgnoreCase("ha")) {
            return Optional.of(HECTARE);
        }
        if (s.equalsIgnoreCase("mu")) {
            return Optional.of(MU);
        }
        for (Unit u : values()) {
            if (u.symbol.equals(s) || u.name().equals(s.toUpperCase(Locale.ROOT))) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return symbol;
    }
}
