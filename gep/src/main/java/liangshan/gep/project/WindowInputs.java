package liangshan.gep.project;

import java.util.Map;

/**
 * The inputs of the terrain window: land-cover codes (−1 = no-data) and the float inputs by spec
 * name (precipitation, ET, R, K, NPP and the LS factor) with their no-data values.
 */
record WindowInputs(int[] cover, Map<String, float[]> floats, Map<String, Float> noData) {}
