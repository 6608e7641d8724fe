package liangshan.ledger.credits;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import liangshan.kernel.money.Allocation;

/**
 * A versioned split of a sale's net revenue (invariant 12), in basis points that total exactly 10,000.
 * Amounts are split by {@link Allocation} (largest remainder), so the parts sum to the net amount exactly.
 */
public record RevenueShareRule(String version, Map<RevenueShare, Integer> basisPoints) {

    public static final int TOTAL_BASIS_POINTS = 10_000;

    public RevenueShareRule {
        Objects.requireNonNull(version, "version");
        EnumMap<RevenueShare, Integer> copy = new EnumMap<>(RevenueShare.class);
        int total = 0;
        for (RevenueShare share : RevenueShare.values()) {
            int bp = basisPoints.getOrDefault(share, 0);
            if (bp < 0) {
                throw new IllegalArgumentException("negative share " + share + " in rule " + version);
            }
            copy.put(share, bp);
            total += bp;
        }
        if (total != TOTAL_BASIS_POINTS) {
            throw new IllegalArgumentException("shares of rule " + version + " total " + total + " bp, not 10000");
        }
        basisPoints = Map.copyOf(copy);
    }

    /** The split of {@code netFen}: one amount per share, summing exactly to {@code netFen}. */
    public Map<RevenueShare, Long> split(long netFen) {
        RevenueShare[] shares = RevenueShare.values();
        long[] weights = new long[shares.length];
        for (int i = 0; i < shares.length; i++) {
            weights[i] = basisPoints.get(shares[i]);
        }
        long[] parts = Allocation.allocate(netFen, weights);
        Map<RevenueShare, Long> result = new EnumMap<>(RevenueShare.class);
        for (int i = 0; i < shares.length; i++) {
            result.put(shares[i], parts[i]);
        }
        return result;
    }
}
