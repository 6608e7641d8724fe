package liangshan.kernel.share;

import java.math.BigDecimal;
import java.util.Objects;
import liangshan.kernel.money.Allocation;

/**
 * Share quantification (折股量化): turning a resource whose boundaries are unclear into a whole
 * number of shares held by households, by contracted area, by household members, or by a mix.
 *
 * <p>The mix first splits the total between the two bases by {@code areaPercent} with the
 * largest-remainder method, then splits each basis among the households the same way, and adds
 * the two parts per household. Every split is {@link Allocation#allocate} (exact, deterministic,
 * ties to the lower index), so the shares always sum to the total exactly, a household with zero
 * weight on a basis gets nothing from it, and each pure split is within one share of the exact
 * proportion.
 */
public final class ShareQuantification {

    private ShareQuantification() {}

    /** The basis of the quantification. */
    public enum Method {
        /** By contracted area (按承包面积). */
        AREA,
        /** By household members (按人口). */
        MEMBERS,
        /** A percentage by area, the rest by members (按面积与人口结合). */
        MIX
    }

    /**
     * Shares per household.
     *
     * @param totalShares the whole number of shares to hand out, at least 0
     * @param areas contracted area per household (m², any scale, not negative)
     * @param members household members per household (not negative)
     * @param method the basis
     * @param areaPercent for {@link Method#MIX}: the share of the total quantified by area, 0–100
     *     (decimals allowed); ignored otherwise
     * @throws IllegalArgumentException when the inputs have different lengths, are empty or negative,
     *     or a basis that must carry shares has zero total weight
     */
    public static long[] quantify(
            long totalShares, BigDecimal[] areas, long[] members, Method method, BigDecimal areaPercent) {
        Objects.requireNonNull(areas, "areas");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(method, "method");
        if (totalShares < 0) {
            throw new IllegalArgumentException("total shares must not be negative: " + totalShares);
        }
        if (areas.length != members.length || areas.length == 0) {
            throw new IllegalArgumentException("need one area and one member count per household");
        }
        return switch (method) {
            case AREA -> Allocation.allocate(totalShares, areas);
            case MEMBERS -> Allocation.allocate(totalShares, members);
            case MIX -> mix(totalShares, areas, members, areaPercent);
        };
    }

    private static long[] mix(long totalShares, BigDecimal[] areas, long[] members, BigDecimal areaPercent) {
        Objects.requireNonNull(areaPercent, "areaPercent");
        if (areaPercent.signum() < 0 || areaPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("area percent must be within 0..100: " + areaPercent);
        }
        long[] bases = Allocation.allocate(
                totalShares,
                new BigDecimal[] {areaPercent, BigDecimal.valueOf(100).subtract(areaPercent)});
        long[] byArea = Allocation.allocate(bases[0], areas);
        long[] byMembers = Allocation.allocate(bases[1], members);
        long[] shares = new long[areas.length];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = Math.addExact(byArea[i], byMembers[i]);
        }
        return shares;
    }
}
