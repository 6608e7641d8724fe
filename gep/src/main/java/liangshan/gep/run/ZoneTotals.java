package liangshan.gep.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-zone sums (double) of per-cell quantity outputs. Slot 0 is {@code outside}, slot {@code z
 * + 1} is zone {@code z} of the zone index. Memory: one {@code double} per zone and output.
 */
final class ZoneTotals {

    private final int zoneCount;
    private final Map<String, double[]> sums = new LinkedHashMap<>();

    ZoneTotals(int zoneCount, List<String> outputs) {
        this.zoneCount = zoneCount;
        for (String o : outputs) {
            sums.put(o, new double[zoneCount + 1]);
        }
    }

    /** The sums of {@code output} by slot, writable (the indicator pass adds to it directly). */
    double[] array(String output) {
        double[] s = sums.get(output);
        if (s == null) {
            throw new IllegalArgumentException("no output " + output);
        }
        return s;
    }

    /** Adds {@code amount} to {@code output} of slot {@code slot}. */
    void addTo(String output, int slot, double amount) {
        sums.get(output)[slot] += amount;
    }

    /** The sum of {@code output} in slot {@code slot} (0 = outside). */
    double get(String output, int slot) {
        return sums.get(output)[slot];
    }

    int zoneCount() {
        return zoneCount;
    }

    Set<String> outputs() {
        return sums.keySet();
    }
}
