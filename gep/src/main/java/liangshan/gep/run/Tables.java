package liangshan.gep.run;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import liangshan.gep.cell.InputProblem;
import liangshan.gep.regulating.EmissionCapped.CountyEmission;
import liangshan.gep.regulating.RegulatingIndicators;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.IndicatorSpecs;
import liangshan.gep.spec.ServiceClass;
import liangshan.gep.tables.StatisticRow;
import liangshan.gep.tables.StatisticRow.Level;

/**
 * The statistics tables of a run, parsed and checked row by row (formats in {@code
 * package-info.java}). Every bad cell is reported with file, line and column.
 *
 * @param statistics provisioning and cultural rows
 * @param visitors person-trips per village (may be empty)
 * @param emissions county emissions per pollutant
 * @param reservoirs dam points with total capacity (m³)
 * @param lakes reference points with area (km²)
 * @param files the table files that exist, by label, for provenance
 */
public record Tables(
        List<StatisticRow> statistics,
        Map<String, Double> visitors,
        List<CountyEmission> emissions,
        List<PointRow> reservoirs,
        List<PointRow> lakes,
        Map<String, Path> files) {

    /**
     * A table row located by a lon/lat point.
     *
     * @param name name
     * @param lon longitude, degrees
     * @param lat latitude, degrees
     * @param amount capacity (m³) or area (km²)
     */
    record PointRow(String name, double lon, double lat, double amount) {}

    static final String STATISTICS = "tables/statistics.csv";
    static final String VISITORS = "tables/visitors.csv";
    static final String EMISSIONS = "tables/emissions.csv";
    static final String RESERVOIRS = "tables/reservoirs.csv";
    static final String LAKES = "tables/lakes.csv";

    private static final Pattern VILLAGE = Pattern.compile("\\d{12}");
    private static final Pattern COUNTY = Pattern.compile("\\d{6}");

    /** Reads every table under {@code inputs}; problems are added to {@code problems}. */
    public static Tables read(Path inputs, List<InputProblem> problems) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String label : List.of(STATISTICS, VISITORS, EMISSIONS, RESERVOIRS, LAKES)) {
            Path p = inputs.resolve(label);
            if (Files.isRegularFile(p)) {
                files.put(label, p);
            } else if (label.equals(STATISTICS) || label.equals(EMISSIONS)) {
                problems.add(Csv.problem(label, "input.missing_file", "文件不存在", "file is missing"));
            }
        }
        return new Tables(
                statistics(files.get(STATISTICS), problems),
                visitors(files.get(VISITORS), problems),
                emissions(files.get(EMISSIONS), problems),
                points(files.get(RESERVOIRS), RESERVOIRS, "capacity_m3", problems),
                points(files.get(LAKES), LAKES, "area_km2", problems),
                files);
    }

    private static List<StatisticRow> statistics(Path file, List<InputProblem> problems) {
        if (file == null) {
            return List.of();
        }
        List<String> cols = List.of(
                "level", "zone_code", "indicator", "item", "quantity", "unit", "unit_price_yuan", "output_value_yuan");
        Set<String> tableIds = Set.copyOf(IndicatorSpecs.all().stream()
                .filter(s -> s.serviceClass() != ServiceClass.REGULATING)
                .map(IndicatorSpec::id)
                .toList());
        List<StatisticRow> out = new ArrayList<>();
        for (Csv.Row r : Csv.read(file, STATISTICS, cols, problems)) {
            int before = problems.size();
            Level level = level(r, problems);
            String code = r.get("zone_code");
            if (level != null
                    && !(level == Level.VILLAGE ? VILLAGE : COUNTY)
                            .matcher(code)
                            .matches()) {
                problems.add(Csv.cell(
                        STATISTICS,
                        r,
                        "zone_code",
                        "“" + code + "”不是 " + (level == Level.VILLAGE ? 12 : 6) + " 位区划代码",
                        "'" + code + "' is not a " + (level == Level.VILLAGE ? 12 : 6) + "-digit division code"));
            }
            String indicator = r.get("indicator");
            if (!tableIds.contains(indicator)) {
                problems.add(Csv.cell(
                        STATISTICS,
                        r,
                        "indicator",
                        "“" + indicator + "”不是物质产品或文化服务指标，应为 " + tableIds,
                        "'" + indicator + "' is not a provisioning or cultural indicator; one of " + tableIds));
            }
            if (r.get("item").isEmpty()) {
                problems.add(Csv.cell(STATISTICS, r, "item", "不能为空", "must not be empty"));
            }
            BigDecimal quantity = decimal(STATISTICS, r, "quantity", problems);
            BigDecimal price = decimal(STATISTICS, r, "unit_price_yuan", problems);
            BigDecimal value = decimal(STATISTICS, r, "output_value_yuan", problems);
            String unit = r.get("unit").isEmpty() ? null : r.get("unit");
            if (problems.size() == before) {
                out.add(new StatisticRow(code, level, indicator, r.get("item"), quantity, unit, price, value));
            }
        }
        return out;
    }

    private static Level level(Csv.Row r, List<InputProblem> problems) {
        return switch (r.get("level")) {
            case "village" -> Level.VILLAGE;
            case "county" -> Level.COUNTY;
            default -> {
                problems.add(Csv.cell(
                        STATISTICS,
                        r,
                        "level",
                        "“" + r.get("level") + "”应为 village 或 county",
                        "'" + r.get("level") + "' must be village or county"));
                yield null;
            }
        };
    }

    private static Map<String, Double> visitors(Path file, List<InputProblem> problems) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (file == null) {
            return out;
        }
        for (Csv.Row r : Csv.read(file, VISITORS, List.of("zone_code", "person_trips"), problems)) {
            String code = r.get("zone_code");
            if (!VILLAGE.matcher(code).matches()) {
                problems.add(Csv.cell(VISITORS, r, "zone_code", "不是 12 位村级代码", "is not a 12-digit village code"));
                continue;
            }
            double n = number(VISITORS, r, "person_trips", problems, true);
            if (!Double.isNaN(n)) {
                out.merge(code, n, Double::sum);
            }
        }
        return out;
    }

    private static List<CountyEmission> emissions(Path file, List<InputProblem> problems) {
        List<CountyEmission> out = new ArrayList<>();
        if (file == null) {
            return out;
        }
        Set<String> pollutants = new java.util.TreeSet<>();
        RegulatingIndicators.WATER_PURIFICATION.pollutants().forEach(p -> pollutants.add(p.id()));
        RegulatingIndicators.AIR_PURIFICATION.pollutants().forEach(p -> pollutants.add(p.id()));
        for (Csv.Row r : Csv.read(file, EMISSIONS, List.of("county_code", "pollutant", "tonnes"), problems)) {
            int before = problems.size();
            String county = r.get("county_code");
            if (!COUNTY.matcher(county).matches()) {
                problems.add(Csv.cell(EMISSIONS, r, "county_code", "不是 6 位区县代码", "is not a 6-digit county code"));
            }
            if (!pollutants.contains(r.get("pollutant"))) {
                problems.add(Csv.cell(
                        EMISSIONS,
                        r,
                        "pollutant",
                        "“" + r.get("pollutant") + "”应为 " + pollutants,
                        "'" + r.get("pollutant") + "' must be one of " + pollutants));
            }
            double t = number(EMISSIONS, r, "tonnes", problems, true);
            if (problems.size() == before) {
                out.add(new CountyEmission(Integer.parseInt(county), r.get("pollutant"), t));
            }
        }
        return out;
    }

    private static List<PointRow> points(Path file, String label, String amount, List<InputProblem> problems) {
        List<PointRow> out = new ArrayList<>();
        if (file == null) {
            return out;
        }
        for (Csv.Row r : Csv.read(file, label, List.of("name", "lon", "lat", amount), problems)) {
            int before = problems.size();
            double lon = number(label, r, "lon", problems, true);
            double lat = number(label, r, "lat", problems, true);
            double a = number(label, r, amount, problems, true);
            if (!Double.isNaN(lon) && (lon < -180 || lon > 180)) {
                problems.add(Csv.cell(label, r, "lon", "经度超出 [-180, 180]", "longitude outside [-180, 180]"));
            }
            if (!Double.isNaN(lat) && (lat < -90 || lat > 90)) {
                problems.add(Csv.cell(label, r, "lat", "纬度超出 [-90, 90]", "latitude outside [-90, 90]"));
            }
            if (problems.size() == before) {
                out.add(new PointRow(r.get("name"), lon, lat, a));
            }
        }
        return out;
    }

    /** A number ({@code req}: must be present), or NaN after a problem. */
    private static double number(String label, Csv.Row r, String column, List<InputProblem> problems, boolean req) {
        BigDecimal d = decimal(label, r, column, problems);
        if (d == null) {
            if (req) {
                problems.add(Csv.cell(label, r, column, "不能为空", "must not be empty"));
            }
            return Double.NaN;
        }
        return d.doubleValue();
    }

    /** An optional plain decimal: {@code null} when empty; a problem when not a number. */
    private static BigDecimal decimal(String label, Csv.Row r, String column, List<InputProblem> problems) {
        String text = r.get(column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(Csv.cell(label, r, column, "“" + text + "”不是数字", "'" + text + "' is not a number"));
            return null;
        }
    }
}
