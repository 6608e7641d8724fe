package liangshan.gep.params;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A validated, immutable parameter set: class table, constants and prices of one edition, each
 * value with its source. Obtain one from {@link ParameterSetLoader} or {@link ParameterSets}; a
 * set that exists has passed validation against every indicator spec.
 */
public final class ParameterSet {

    /** Basis of the carbon price (LS-2026.1 §D: a policy choice the set must state). */
    public enum CarbonPriceBasis {
        NATIONAL_CARBON_MARKET,
        AFFORESTATION_COST
    }

    /** One value flagged as placeholder, for reports. */
    public record Placeholder(String path, String value, String source, String reason) {}

    private final String id;
    private final String methodEdition;
    private final String titleZh;
    private final String titleEn;
    private final CarbonPriceBasis carbonPriceBasis;
    private final List<LandCoverClass> classes;
    private final Map<String, SourcedValue> constants;
    private final Map<String, SourcedValue> prices;
    private final List<Alternative> alternatives;
    private final List<String> alternativesApplied;
    private final String sha256;
    private final ClassTable classTable;

    ParameterSet(
            String id,
            String methodEdition,
            String titleZh,
            String titleEn,
            CarbonPriceBasis carbonPriceBasis,
            List<LandCoverClass> classes,
            Map<String, SourcedValue> constants,
            Map<String, SourcedValue> prices,
            List<Alternative> alternatives,
            List<String> alternativesApplied,
            String sha256) {
        this.id = Objects.requireNonNull(id);
        this.methodEdition = Objects.requireNonNull(methodEdition);
        this.titleZh = titleZh;
        this.titleEn = titleEn;
        this.carbonPriceBasis = Objects.requireNonNull(carbonPriceBasis);
        this.classes = List.copyOf(classes);
        this.constants = new LinkedHashMap<>(constants);
        this.prices = new LinkedHashMap<>(prices);
        this.alternatives = List.copyOf(alternatives);
        this.alternativesApplied = List.copyOf(alternativesApplied);
        this.sha256 = Objects.requireNonNull(sha256);
        this.classTable = new ClassTable(this.classes);
    }

    public String id() {
        return id;
    }

    public String methodEdition() {
        return methodEdition;
    }

    public String titleZh() {
        return titleZh;
    }

    public String titleEn() {
        return titleEn;
    }

    public CarbonPriceBasis carbonPriceBasis() {
        return carbonPriceBasis;
    }

    /** SHA-256 (hex) of the canonical content of the file the set was loaded from. */
    public String sha256() {
        return sha256;
    }

    public List<LandCoverClass> classes() {
        return classes;
    }

    /** Fast per-code lookups for pixel loops. */
    public ClassTable classTable() {
        return classTable;
    }

    public Map<String, SourcedValue> constants() {
        return Map.copyOf(constants);
    }

    public Map<String, SourcedValue> prices() {
        return Map.copyOf(prices);
    }

    public List<Alternative> alternatives() {
        return alternatives;
    }

    /** Names of the alternatives applied on top of the file's defaults, in order. */
    public List<String> alternativesApplied() {
        return alternativesApplied;
    }

    /** A numeric constant, e.g. {@code sediment_deposition_share}. */
    public double constant(String name) {
        return sourced(constants, name, "constant").asDouble();
    }

    /** A switch constant, e.g. {@code humidification_applies}. */
    public boolean flag(String name) {
        Boolean flag = sourced(constants, name, "constant").flag();
        if (flag == null) {
            throw new IllegalStateException("constant " + name + " is not a switch");
        }
        return flag;
    }

    /** A price in 元 per unit of its spec, exact. */
    public BigDecimal price(String name) {
        return sourced(prices, name, "price").number();
    }

    /** The full sourced price entry. */
    public SourcedValue priceEntry(String name) {
        return sourced(prices, name, "price");
    }

    /** The full sourced constant entry. */
    public SourcedValue constantEntry(String name) {
        return sourced(constants, name, "constant");
    }

    /**
     * This set with the named alternative applied. The SHA-256 stays that of the file; the
     * alternative's name is added to {@link #alternativesApplied()} so a run can record it.
     */
    public ParameterSet withAlternative(String name) {
        Alternative alt = alternatives.stream()
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no alternative '" + name + "' in set " + id));
        List<LandCoverClass> replaced = new ArrayList<>();
        for (LandCoverClass c : classes) {
            SourcedValue override = alt.values().get(c.code());
            if (override == null) {
                replaced.add(c);
            } else {
                Map<String, SourcedValue> values = new LinkedHashMap<>(c.values());
                values.put(alt.parameter(), override);
                replaced.add(new LandCoverClass(
                        c.code(), c.nameZh(), c.nameEn(), c.category(), c.gbt21010(), c.gbt21010Note(), values));
            }
        }
        List<String> applied = new ArrayList<>(alternativesApplied);
        applied.add(name);
        return new ParameterSet(
                id,
                methodEdition,
                titleZh,
                titleEn,
                carbonPriceBasis,
                replaced,
                constants,
                prices,
                alternatives,
                applied,
                sha256);
    }

    /**
     * Problems for land-cover codes that occur in a run's input but are missing from the class
     * table (each would otherwise contribute 0 as an unknown class). Empty when all are known.
     *
     * @param codesInInput distinct land-cover codes found in the input raster (no-data excluded)
     */
    public List<ParameterProblem> missingClasses(Collection<Integer> codesInInput) {
        List<ParameterProblem> out = new ArrayList<>();
        new TreeSet<>(codesInInput).forEach(code -> {
            if (!classTable.isKnown(code)) {
                out.add(new ParameterProblem(
                        "param.missing_class",
                        "classes[code=" + code + "]",
                        "土地覆被输入含地类代码 " + code + "，参数集 " + id + " 的类别表中没有该地类",
                        "land-cover code " + code + " occurs in the input but parameter set " + id
                                + " has no such class"));
            }
        });
        return out;
    }

    /** Every value flagged placeholder, with its path, for the run report. */
    public List<Placeholder> placeholders() {
        List<Placeholder> out = new ArrayList<>();
        for (LandCoverClass c : classes) {
            c.values().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .filter(e -> e.getValue().placeholder())
                    .forEach(e -> out.add(placeholder("classes[code=" + c.code() + "]." + e.getKey(), e.getValue())));
        }
        constants.forEach((k, v) -> {
            if (v.placeholder()) {
                out.add(placeholder("constants." + k, v));
            }
        });
        prices.forEach((k, v) -> {
            if (v.placeholder()) {
                out.add(placeholder("prices." + k, v));
            }
        });
        return out;
    }

    private static Placeholder placeholder(String path, SourcedValue v) {
        String text = v.number() != null ? v.number().toPlainString() : String.valueOf(v.flag());
        return new Placeholder(path, text + " " + v.unit().symbol(), v.source(), v.reason());
    }

    private SourcedValue sourced(Map<String, SourcedValue> map, String name, String what) {
        SourcedValue v = map.get(name);
        if (v == null) {
            throw new NoSuchElementException("no " + what + " '" + name + "' in parameter set " + id);
        }
        return v;
    }

    @Override
    public String toString() {
        return "ParameterSet[" + id + ", " + methodEdition + ", sha256=" + sha256 + ", alternatives="
                + alternativesApplied + "]";
    }
}
