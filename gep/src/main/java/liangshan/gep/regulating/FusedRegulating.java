package liangshan.gep.regulating;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.gep.cell.InputProblem;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.cell.QualityReport;
import liangshan.gep.params.ClassTable;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.regulating.EmissionCapped.CapFactors;
import liangshan.gep.regulating.EmissionCapped.CountyCapacity;
import liangshan.gep.spec.ClassCategory;
import liangshan.gep.spec.GepInputs;
import liangshan.gep.spec.GepParameters;

/**
 * The eight regulating indicators of LS-2026.1 in one pass over the primitive arrays of a strip:
 * the raster engine's hot loop. Per cell it evaluates every kernel's formula with the same
 * expressions in the same order as {@link WaterConservation}, {@link SoilRetention}, {@link
 * FloodRegulation}, {@link CarbonSequestration}, {@link OxygenRelease}, {@link ClimateRegulation}
 * and {@link EmissionCapped} (so the same doubles, bit for bit; {@code FusedRegulatingTest}
 * compares them on random windows), writes each indicator's map value and adds each output to
 * its zone sum. Instead of per-cell quality calls it counts cells in a histogram over (no-data
 * inputs, class); {@link #quality} turns it into the kernels' {@link QualityReport}s.
 *
 * <p>An instance holds the parameter arrays and is read-only during {@link #compute}; the caller
 * owns the buffers. Memory: the histogram, {@code 256 × (classes + 1)} longs.
 */
public final class FusedRegulating {

    /** Indicator ids in map order (§R1, §R2, §R3, §R6, §R7, §R8, §R4, §R5). */
    public static final List<String> INDICATORS = List.of(
            RegulatingIndicators.WATER_CONSERVATION.spec().id(),
            RegulatingIndicators.SOIL_RETENTION.spec().id(),
            RegulatingIndicators.FLOOD_REGULATION.spec().id(),
            RegulatingIndicators.CARBON_SEQUESTRATION.spec().id(),
            RegulatingIndicators.OXYGEN_RELEASE.spec().id(),
            RegulatingIndicators.CLIMATE_REGULATION.spec().id(),
            RegulatingIndicators.WATER_PURIFICATION.spec().id(),
            RegulatingIndicators.AIR_PURIFICATION.spec().id());

    /** Per-cell outputs of each indicator, in {@link #INDICATORS} order; sums use this order flattened. */
    public static final List<List<String>> OUTPUTS = List.of(
            RegulatingIndicators.WATER_CONSERVATION.cellOutputs(),
            RegulatingIndicators.SOIL_RETENTION.cellOutputs(),
            RegulatingIndicators.FLOOD_REGULATION.cellOutputs(),
            RegulatingIndicators.CARBON_SEQUESTRATION.cellOutputs(),
            RegulatingIndicators.OXYGEN_RELEASE.cellOutputs(),
            RegulatingIndicators.CLIMATE_REGULATION.cellOutputs(),
            RegulatingIndicators.WATER_PURIFICATION.cellOutputs(),
            RegulatingIndicators.AIR_PURIFICATION.cellOutputs());

    /** Float inputs of {@link Strip#floats()}, in this order. */
    public static final List<String> FLOAT_INPUTS = List.of(
            GepInputs.PRECIPITATION.name(),
            GepInputs.EVAPOTRANSPIRATION.name(),
            GepInputs.RAINFALL_EROSIVITY.name(),
            GepInputs.SOIL_ERODIBILITY.name(),
            GepInputs.NPP.name(),
            GepInputs.LS_FACTOR.name());

    // Histogram mask bits: which inputs of the cell are no-data.
    static final int COVER = 1;
    static final int PRECIPITATION = 2;
    static final int ET = 4;
    static final int EROSIVITY = 8;
    static final int ERODIBILITY = 16;
    static final int NPP = 32;
    static final int LS = 64;
    static final int COUNTY = 128;
    private static final int MASKS = 256;
    private static final String[] BIT_INPUTS = {
        GepInputs.LAND_COVER.name(),
        GepInputs.PRECIPITATION.name(),
        GepInputs.EVAPOTRANSPIRATION.name(),
        GepInputs.RAINFALL_EROSIVITY.name(),
        GepInputs.SOIL_ERODIBILITY.name(),
        GepInputs.NPP.name(),
        GepInputs.LS_FACTOR.name(),
        GepInputs.COUNTY.name()
    };
    /** Inputs each indicator's formula needs (climate regulation's ET only on water cells). */
    private static final int[] NEEDS = {
        COVER | PRECIPITATION | ET,
        COVER | EROSIVITY | ERODIBILITY | LS,
        COVER,
        COVER | NPP,
        COVER | NPP,
        COVER,
        COVER | COUNTY,
        COVER | COUNTY
    };

    private static final int CLIMATE = 5;
    private static final int WATER_PURIFICATION = 6;
    private static final int AIR_PURIFICATION = 7;

    /**
     * The inputs of one strip (or window): {@code cellCount} cells, class codes, county codes,
     * zone slots (0 = outside) and the float inputs in {@link #FLOAT_INPUTS} order.
     */
    public record Strip(int cellCount, int[] cover, int[] county, int[] slot, float[][] floats) {}

    private final int classes;
    private final boolean[] known;
    private final boolean[][] counted = new boolean[INDICATORS.size()][];
    private final boolean[] vegetation;
    private final boolean[] evaporating;
    private final double[] alpha;
    private final double[] coverFactor;
    private final double[] practiceFactor;
    private final double[] nepRatio;
    private final double[] transpirationHeat;
    private final double[][] waterRates;
    private final double[][] airRates;
    private final double a;
    private final double hectares;
    private final double marshCubicMetres;
    private final double kilowattHoursPerKilojoule;
    private final double hotDays;
    private final double kilojoulesPerCubicMetre;
    private final double humidifierKwhPerCubicMetre;
    private final int coverNoData;
    private final int countyNoData;
    private final float[] floatNoData;
    private final CapFactors waterFactors;
    private final CapFactors airFactors;

    /**
     * @param params the parameter set
     * @param cellAreaSquareMetres area {@code a} of one cell
     * @param factors cap factors by indicator id (water and air purification); may be empty for
     *     {@link #capacity} only
     * @param coverNoData no-data of the class codes
     * @param countyNoData no-data of the county codes
     * @param floatNoData declared no-data of each float input ({@code NaN} when none; NaN is
     *     always no-data)
     */
    public FusedRegulating(
            ParameterSet params,
            double cellAreaSquareMetres,
            Map<String, CapFactors> factors,
            int coverNoData,
            int countyNoData,
            float[] floatNoData) {
        ClassTable table = params.classTable();
        this.classes = table.inCategories(ClassCategory.ALL).length;
        this.known = table.inCategories(ClassCategory.ALL);
        counted[0] = table.inCategories(ClassCategory.WATER_CONSERVATION);
        counted[1] = table.inCategories(ClassCategory.SOIL_RETENTION);
        counted[2] = table.inCategories(ClassCategory.MARSH);
        counted[3] = known;
        counted[4] = known;
        this.vegetation = table.inCategories(ClassCategory.VEGETATION);
        boolean[] water = table.inCategories(ClassCategory.EVAPORATING_WATER);
        counted[CLIMATE] = new boolean[classes];
        this.evaporating = new boolean[classes];
        for (int code = 0; code < classes; code++) {
            counted[CLIMATE][code] = vegetation[code] || water[code];
            evaporating[code] = !vegetation[code] && water[code];
        }
        counted[WATER_PURIFICATION] = known;
        counted[AIR_PURIFICATION] = known;
        this.alpha = table.perClass(GepParameters.RUNOFF_COEFFICIENT.name());
        this.coverFactor = table.perClass(GepParameters.COVER_FACTOR.name());
        this.practiceFactor = table.perClass(GepParameters.PRACTICE_FACTOR.name());
        this.nepRatio = table.perClass(GepParameters.NEP_RATIO.name());
        this.transpirationHeat = table.perClass(GepParameters.TRANSPIRATION_HEAT.name());
        this.waterRates = rates(table, RegulatingIndicators.WATER_PURIFICATION);
        this.airRates = rates(table, RegulatingIndicators.AIR_PURIFICATION);
        this.a = cellAreaSquareMetres;
        this.hectares = cellAreaSquareMetres / SoilRetention.SQUARE_METRES_PER_HECTARE;
        this.marshCubicMetres = params.constant(GepParameters.MARSH_FLOOD_DEPTH.name()) * cellAreaSquareMetres;
        this.kilowattHoursPerKilojoule = 1
                / (ClimateRegulation.KILOJOULES_PER_KILOWATT_HOUR
                        * params.constant(GepParameters.AC_EFFICIENCY.name()));
        this.hotDays = params.constant(GepParameters.HOT_DAYS.name());
        this.kilojoulesPerCubicMetre = params.constant(GepParameters.WATER_DENSITY.name())
                * params.constant(GepParameters.VAPORIZATION_HEAT.name());
        this.humidifierKwhPerCubicMetre = params.flag(GepParameters.HUMIDIFICATION_APPLIES.name())
                ? params.constant(GepParameters.HUMIDIFIER_ENERGY.name())
                : 0;
        this.coverNoData = coverNoData;
        this.countyNoData = countyNoData;
        if (floatNoData.length != FLOAT_INPUTS.size()) {
            throw new IllegalArgumentException("one no-data value per float input expected");
        }
        this.floatNoData = floatNoData.clone();
        this.waterFactors = factors.get(INDICATORS.get(WATER_PURIFICATION));
        this.airFactors = factors.get(INDICATORS.get(AIR_PURIFICATION));
    }

    private static double[][] rates(ClassTable table, EmissionCapped capped) {
        double[][] out = new double[capped.pollutants().size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = table.perClass(capped.pollutants().get(k).rateParameter());
        }
        return out;
    }

    /** A fresh quality histogram for {@link #compute}. */
    public long[] newTally() {
        return new long[MASKS * (classes + 1)];
    }

    /**
     * Which indicators {@link #compute(Part, Strip, float[][], double[][], long[])} computes. The
     * LS factor feeds soil retention only, so a run computes the other seven while the terrain
     * stage still computes LS ({@link #WITHOUT_LS}) and soil retention once LS is ready ({@link
     * #SOIL_RETENTION}). Each part writes only its own maps and sums, with the same expressions
     * in the same cell order as {@link #ALL}, and counts its own histogram over the no-data bits
     * of the inputs it reads; {@link #quality(long[], long[], long)} and {@link
     * #floatNoData(long[], long[])} combine the two histograms into what {@link #ALL} gives.
     */
    public enum Part {
        /** All eight indicators; every float input is read. */
        ALL(EROSIVITY | ERODIBILITY | LS | PRECIPITATION | ET | NPP),
        /** Every indicator but soil retention: reads precipitation, ET and NPP (others may be null). */
        WITHOUT_LS(PRECIPITATION | ET | NPP),
        /** Soil retention only: reads erosivity, erodibility and LS (others may be null); no cap factors needed. */
        SOIL_RETENTION(EROSIVITY | ERODIBILITY | LS);

        private final int floatBits;

        Part(int floatBits) {
            this.floatBits = floatBits;
        }

        /** Whether this part reads float input {@code i} ({@link #FLOAT_INPUTS} order). */
        public boolean reads(int i) {
            return (floatBits & FLOAT_BITS[i]) != 0;
        }

        /** Whether this part computes indicator {@code i} ({@link #INDICATORS} order). */
        public boolean computes(int i) {
            return this == ALL || (i == SOIL ? this == SOIL_RETENTION : this == WITHOUT_LS);
        }
    }

    /** Mask bit of each float input, {@link #FLOAT_INPUTS} order. */
    private static final int[] FLOAT_BITS = {PRECIPITATION, ET, EROSIVITY, ERODIBILITY, NPP, LS};

    /** Index of soil retention in {@link #INDICATORS}. */
    private static final int SOIL = 1;

    /**
     * Computes one strip: {@code maps[i][k]} = the sum (as float) of indicator {@code i}'s outputs
     * at cell {@code k} (NaN where the class code is negative), {@code sums[o][slot[k]] +=} output
     * {@code o} (flattened {@link #OUTPUTS} order; zero values are skipped), and counts every cell
     * in {@code tally}.
     *
     * @throws InvalidInputException when a county with capacity has no cap factor
     */
    public void compute(Strip s, float[][] maps, double[][] sums, long[] tally) {
        compute(Part.ALL, s, maps, sums, tally);
    }

    /**
     * {@link #compute(Strip, float[][], double[][], long[])} restricted to {@code part}: the maps
     * and sums of indicators the part does not compute are not touched (their map buffers may be
     * null), the float inputs it does not read may be null, and {@code tally} counts only the
     * no-data bits of the inputs it reads (use one histogram per part).
     */
    public void compute(Part part, Strip s, float[][] maps, double[][] sums, long[] tally) {
        int[] cover = s.cover();
        int[] county = s.county();
        float[][] f = s.floats();
        Cells cells = new Cells(s, maps, sums, part);
        boolean others = part != Part.SOIL_RETENTION;
        boolean soil = part != Part.WITHOUT_LS;
        for (int k = 0; k < s.cellCount(); k++) {
            int code = cover[k];
            int mask = (code == coverNoData ? COVER : 0) | (county[k] == countyNoData ? COUNTY : 0);
            if (others) {
                mask |= noData(f[0][k], floatNoData[0], PRECIPITATION)
                        | noData(f[1][k], floatNoData[1], ET)
                        | noData(f[4][k], floatNoData[4], NPP);
            }
            if (soil) {
                mask |= noData(f[2][k], floatNoData[2], EROSIVITY)
                        | noData(f[3][k], floatNoData[3], ERODIBILITY)
                        | noData(f[5][k], floatNoData[5], LS);
            }
            boolean isKnown = (mask & COVER) == 0 && code >= 0 && code < classes && known[code];
            tally[mask * (classes + 1) + (isKnown ? code : classes)]++;
            if (isKnown) {
                cells.known(k, code, mask);
            } else {
                float v = code < 0 ? Float.NaN : 0f;
                for (float[] map : maps) {
                    if (map != null) {
                        map[k] = v;
                    }
                }
            }
        }
        cells.throwIfMissingFactors();
    }

    private static int noData(float v, float declared, int bit) {
        return v != v || v == declared ? bit : 0;
    }

    /** The per-cell arithmetic of one strip, with its cap-factor cache. */
    private final class Cells {
        private final float[][] f;
        private final int[] county;
        private final int[] slot;
        private final float[][] maps;
        private final double[][] sums;
        private final double[] water = new double[4];
        private final double[] air = new double[3];
        private final Factors waterCache;
        private final Factors airCache;
        private final boolean soil;
        private final boolean others;

        Cells(Strip s, float[][] maps, double[][] sums, Part part) {
            this.f = s.floats();
            this.county = s.county();
            this.slot = s.slot();
            this.maps = maps;
            this.sums = sums;
            this.waterCache = new Factors(RegulatingIndicators.WATER_PURIFICATION, waterFactors);
            this.airCache = new Factors(RegulatingIndicators.AIR_PURIFICATION, airFactors);
            this.soil = part.computes(SOIL);
            this.others = part.computes(0);
        }

        void known(int k, int code, int mask) {
            int z = slot[k];
            if (soil) {
                double sr = 0;
                if ((mask & (EROSIVITY | ERODIBILITY | LS)) == 0 && counted[SOIL][code]) {
                    double potentialTonnesPerHectare = (double) f[2][k] * f[3][k] * f[5][k];
                    sr = potentialTonnesPerHectare * (1 - coverFactor[code] * practiceFactor[code]) * hectares;
                }
                maps[SOIL][k] = 0f + (float) sr;
                add(1, z, sr);
            }
            if (others) {
                withoutLs(k, code, mask, z);
            }
        }

        /** Every output but soil retention's. */
        private void withoutLs(int k, int code, int mask, int z) {
            double wc = 0;
            if ((mask & (PRECIPITATION | ET)) == 0 && counted[0][code]) {
                double pMillimetres = f[0][k];
                double etMillimetres = f[1][k];
                double retainedMillimetres = Math.max(0, pMillimetres - alpha[code] * pMillimetres - etMillimetres);
                wc = retainedMillimetres * a * WaterConservation.CUBIC_METRES_PER_MILLIMETRE_SQUARE_METRE;
            }
            double fr = counted[2][code] ? marshCubicMetres : 0;
            double co2 = 0;
            double o2 = 0;
            if ((mask & NPP) == 0) {
                double nepGramsCarbonPerSquareMetre = f[4][k] * nepRatio[code];
                double t = nepGramsCarbonPerSquareMetre
                        * a
                        * CarbonSequestration.TONNES_PER_GRAM
                        * CarbonSequestration.CO2_PER_C;
                co2 = t * 1.0;
                o2 = t * OxygenRelease.O2_PER_CO2;
            }
            maps[0][k] = 0f + (float) wc;
            maps[2][k] = 0f + (float) fr;
            maps[3][k] = 0f + (float) co2;
            maps[4][k] = 0f + (float) o2;
            add(0, z, wc);
            add(2, z, fr);
            add(3, z, co2);
            add(4, z, o2);
            climate(k, code, mask, z);
            capped(k, code, mask, z);
        }

        private void climate(int k, int code, int mask, int z) {
            double veg = 0;
            double wat = 0;
            double hum = 0;
            if (vegetation[code]) {
                veg = transpirationHeat[code] * a * hotDays * kilowattHoursPerKilojoule;
            } else if (evaporating[code] && (mask & ET) == 0) {
                double evaporatedCubicMetres = f[1][k] * a * ClimateRegulation.CUBIC_METRES_PER_MILLIMETRE_SQUARE_METRE;
                wat = evaporatedCubicMetres * kilojoulesPerCubicMetre * kilowattHoursPerKilojoule;
                hum = evaporatedCubicMetres * humidifierKwhPerCubicMetre;
            }
            maps[CLIMATE][k] = 0f + (float) veg + (float) wat + (float) hum;
            add(5, z, veg);
            add(6, z, wat);
            add(7, z, hum);
        }

        private void capped(int k, int code, int mask, int z) {
            if ((mask & COUNTY) == 0) {
                int c = county[k];
                waterCache.scaled(waterRates, code, c, water);
                airCache.scaled(airRates, code, c, air);
            } else {
                java.util.Arrays.fill(water, 0);
                java.util.Arrays.fill(air, 0);
            }
            maps[WATER_PURIFICATION][k] =
                    0f + (float) water[0] + (float) water[1] + (float) water[2] + (float) water[3];
            maps[AIR_PURIFICATION][k] = 0f + (float) air[0] + (float) air[1] + (float) air[2];
            add(8, z, water[0]);
            add(9, z, water[1]);
            add(10, z, water[2]);
            add(11, z, water[3]);
            add(12, z, air[0]);
            add(13, z, air[1]);
            add(14, z, air[2]);
        }

        private void add(int output, int z, double x) {
            if (x != 0) { // as ZoneTotals: most cells of a class-specific output are 0
                sums[output][z] += x;
            }
        }

        void throwIfMissingFactors() {
            List<InputProblem> problems = new ArrayList<>();
            waterCache.problems(problems);
            airCache.problems(problems);
            InvalidInputException.throwIfAny(problems);
        }
    }

    /** Cap factors of one capped indicator for the county of the previous cell. */
    private final class Factors {
        private final EmissionCapped capped;
        private final int[] countyCodes;
        private final double[][] factorsOf;
        private final boolean[][] absentOf;
        private final boolean[] unknownCounty;
        private double[] current;
        private boolean[] absent;
        private final boolean[] missing;
        private final int[] missingCounty;
        private int lastCounty;
        private boolean looked;

        Factors(EmissionCapped capped, CapFactors factors) {
            this.capped = capped;
            int n = capped.pollutants().size();
            Map<Integer, Map<String, Double>> all = factors == null ? Map.of() : factors.byCounty();
            this.countyCodes =
                    all.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            this.factorsOf = new double[countyCodes.length][n];
            this.absentOf = new boolean[countyCodes.length][n];
            for (int c = 0; c < countyCodes.length; c++) {
                for (int p = 0; p < n; p++) {
                    Double f = factors.factor(
                            countyCodes[c], capped.pollutants().get(p).id());
                    absentOf[c][p] = f == null;
                    factorsOf[c][p] = f == null ? 0 : f;
                }
            }
            this.unknownCounty = new boolean[n];
            java.util.Arrays.fill(unknownCounty, true);
            this.current = new double[n];
            this.absent = unknownCounty;
            this.missing = new boolean[n];
            this.missingCounty = new int[n];
        }

        /** {@code out[p]} = capacity × factor (t), as {@link EmissionCapped#compute}. */
        void scaled(double[][] rates, int code, int county, double[] out) {
            for (int p = 0; p < out.length; p++) {
                double capacity = rates[p][code] * hectares;
                if (capacity != 0) {
                    if (!looked || county != lastCounty) {
                        lookUp(county);
                    }
                    if (absent[p]) {
                        if (!missing[p]) {
                            missing[p] = true;
                            missingCounty[p] = county;
                        }
                    } else {
                        capacity *= current[p];
                    }
                }
                out[p] = capacity;
            }
        }

        private void lookUp(int county) {
            int at = java.util.Arrays.binarySearch(countyCodes, county);
            current = at < 0 ? current : factorsOf[at];
            absent = at < 0 ? unknownCounty : absentOf[at];
            lastCounty = county;
            looked = true;
        }

        void problems(List<InputProblem> out) {
            for (int p = 0; p < missing.length; p++) {
                if (missing[p]) {
                    out.add(EmissionCapped.missingEmission(
                            missingCounty[p], capped.pollutants().get(p).id()));
                }
            }
        }
    }

    /**
     * Pass 1 of §R4/§R5 for one strip: adds each cell's uncapped capacity to its county's sums,
     * as {@link EmissionCapped#capacity} with {@link CountyCapacity#add} (same order, same
     * doubles). {@code floats} are not read.
     */
    public void capacity(Strip s, CountyCapacity water, CountyCapacity air) {
        capacity(s, waterRates, water);
        capacity(s, airRates, air);
    }

    private void capacity(Strip s, double[][] rates, CountyCapacity sums) {
        int[] cover = s.cover();
        int[] county = s.county();
        int last = countyNoData;
        double[] target = null;
        for (int k = 0; k < s.cellCount(); k++) {
            int c = county[k];
            if (c == countyNoData) {
                continue;
            }
            if (target == null || c != last) {
                target = sums.target(c);
                last = c;
            }
            int code = cover[k];
            boolean counts = code != coverNoData && code >= 0 && code < classes && known[code];
            for (int p = 0; p < rates.length; p++) {
                target[p] += counts ? rates[p][code] * hectares : 0;
            }
        }
    }

    /**
     * The quality reports of the indicators (by id, {@link #INDICATORS} order) from a histogram
     * filled by {@link #compute} over {@code cells} cells: the counts the kernels' per-cell calls
     * would give.
     */
    public Map<String, QualityReport> quality(long[] tally, long cells) {
        Map<String, QualityReport> out = new LinkedHashMap<>();
        for (int i = 0; i < INDICATORS.size(); i++) {
            long noDataCells = 0;
            long unknown = 0;
            long notCounted = 0;
            long[] byBit = new long[BIT_INPUTS.length];
            for (int mask = 0; mask < MASKS; mask++) {
                for (int idx = 0; idx <= classes; idx++) {
                    long c = tally[mask * (classes + 1) + idx];
                    if (c == 0) {
                        continue;
                    }
                    int missing = mask & NEEDS[i];
                    if (missing != 0) {
                        noDataCells += c;
                        addBits(byBit, missing, c);
                    } else if (idx == classes) {
                        unknown += c;
                    } else if (!counted[i][idx]) {
                        notCounted += c;
                    } else if (i == CLIMATE && evaporating[idx] && (mask & ET) != 0) {
                        noDataCells += c;
                        addBits(byBit, ET, c);
                    }
                }
            }
            QualityReport r = new QualityReport();
            r.add(cells, noDataCells, unknown, notCounted);
            for (int b = 0; b < byBit.length; b++) {
                r.addNoData(BIT_INPUTS[b], byBit[b]);
            }
            out.put(INDICATORS.get(i), r);
        }
        return out;
    }

    /**
     * The quality reports from the histograms of {@link Part#WITHOUT_LS} and {@link
     * Part#SOIL_RETENTION} over the same {@code cells} cells: equal to {@link #quality(long[],
     * long)} of one {@link Part#ALL} histogram (an indicator's report depends only on the no-data
     * bits of the inputs it needs, and each part counts exactly those of its indicators).
     */
    public Map<String, QualityReport> quality(long[] withoutLs, long[] soilRetention, long cells) {
        Map<String, QualityReport> out = quality(withoutLs, cells);
        out.put(INDICATORS.get(SOIL), quality(soilRetention, cells).get(INDICATORS.get(SOIL)));
        return out;
    }

    /** {@link #floatNoData(long[])} from the histograms of the two parts (each input from the part that reads it). */
    public long[] floatNoData(long[] withoutLs, long[] soilRetention) {
        long[] a = floatNoData(withoutLs);
        long[] b = floatNoData(soilRetention);
        for (int i = 0; i < a.length; i++) {
            if (Part.SOIL_RETENTION.reads(i)) {
                a[i] = b[i];
            }
        }
        return a;
    }

    /** No-data cells of each float input ({@link #FLOAT_INPUTS} order) in a histogram. */
    public long[] floatNoData(long[] tally) {
        long[] out = new long[FLOAT_INPUTS.size()];
        int[] bits = {PRECIPITATION, ET, EROSIVITY, ERODIBILITY, NPP, LS};
        for (int mask = 0; mask < MASKS; mask++) {
            long c = 0;
            for (int idx = 0; idx <= classes; idx++) {
                c += tally[mask * (classes + 1) + idx];
            }
            for (int j = 0; j < bits.length; j++) {
                if ((mask & bits[j]) != 0) {
                    out[j] += c;
                }
            }
        }
        return out;
    }

    private static void addBits(long[] byBit, int bits, long c) {
        for (int b = 0; b < byBit.length; b++) {
            if ((bits & (1 << b)) != 0) {
                byBit[b] += c;
            }
        }
    }
}
