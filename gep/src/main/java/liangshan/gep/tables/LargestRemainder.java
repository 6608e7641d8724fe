package liangshan.gep.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits an integer amount (fen) by weights so that the parts sum exactly to the amount: each
 * part gets the floor of its exact share, the fen left over go one each to the largest
 * fractional remainders, ties broken by key order (deterministic).
 */
public final class LargestRemainder {

    private LargestRemainder() {}

    /**
     * @param amount non-negative amount in the smallest unit
     * @param weights non-negative weights by key, at least one positive
     * @return parts by key (sorted keys), summing to {@code amount}
     */
    public static Map<String, Long> split(long amount, Map<String, Double> weights) {
        if (amount < 0) {
            throw new IllegalArgumentException("negative amount " + amount);
        }
        Map<String, BigDecimal> sorted = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            double w = e.getValue();
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("bad weight " + w + " for " + e.getKey());
            }
            BigDecimal exactWeight = new BigDecimal(w);
            sorted.put(e.getKey(), exactWeight);
            total = total.add(exactWeight);
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("all weights are zero");
        }
        // Exact rational shares: amount × w / total, with the fraction kept as a remainder.
        Map<String, Long> parts = new LinkedHashMap<>();
        List<Map.Entry<String, BigDecimal>> remainders = new ArrayList<>();
        long assigned = 0;
        BigDecimal amountDecimal = BigDecimal.valueOf(amount);
        for (Map.Entry<String, BigDecimal> e : sorted.entrySet()) {
            BigDecimal[] qr = amountDecimal.multiply(e.getValue()).divideAndRemainder(total);
            long floor = qr[0].longValueExact();
            parts.put(e.getKey(), floor);
            assigned += floor;
            remainders.add(Map.entry(e.getKey(), qr[1]));
        }
        remainders.sort(Comparator.comparing((Map.Entry<String, BigDecimal> e) -> e.getValue())
                .reversed()
                .thenComparing(Map.Entry::getKey));
        long left = amount - assigned;
        for (int i = 0; left > 0; i = (i + 1) % remainders.size()) {
            String key = remainders.get(i).getKey();
            parts.merge(key, 1L, Long::sum);
            left--;
        }
        return parts;
    }
}
