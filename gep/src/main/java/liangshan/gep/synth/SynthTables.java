package liangshan.gep.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import liangshan.raster.GridGeometry;

/**
 * The statistics tables of the synthetic landscape, consistent with its land cover: per village,
 * tea and rice harvests from garden and paddy area, forestry output from forest area, fish from
 * water area and visitors, water supply and hydropower output from open water; per county, the
 * livestock output value and the
 * emissions that cap water and air purification; the reservoir table. All illustrative. Yields and
 * prices are round figures of the right order for Zhejiang (tea 0.75 t/hm² at 80,000 元/t, rice
 * 6.8 t/hm² at 2,800 元/t, fish 0.9 t/hm² at 14,000 元/t, visitors at 150 元 per trip).
 */
final class SynthTables {

    private static final String STATISTICS_HEADER =
            "level,zone_code,indicator,item,quantity,unit,unit_price_yuan,output_value_yuan\n";

    /** City-wide emissions (t/a) split over counties by area: COD, NH₃-N, TN, TP, SO₂, NOₓ, dust. */
    private static final Map<String, Double> CITY_EMISSIONS = Map.of(
            "cod", 38_000.0, "nh3n", 3_600.0, "tn", 11_000.0, "tp", 1_200.0, "so2", 14_000.0, "nox", 33_000.0, "dust",
            17_000.0);

    private SynthTables() {}

    static void write(
            Path dir, long seed, GridGeometry grid, List<SyntheticLandscape.Zone> villages, int[][] classCells)
            throws IOException {
        double cellHectares = grid.cellAreaSquareMetres() / 10_000.0;
        StringBuilder statistics = new StringBuilder(STATISTICS_HEADER);
        StringBuilder visitors = new StringBuilder("zone_code,person_trips\n");
        Map<String, Double> countyHectares = new TreeMap<>();
        for (int v = 0; v < villages.size(); v++) {
            String code = villages.get(v).code();
            int[] cells = classCells[v];
            double garden = cells[6] * cellHectares;
            double paddy = cells[8] * cellHectares;
            double forest = (cells[1] + cells[2] + cells[3] + cells[4]) * cellHectares;
            double water = (cells[10] + cells[11] + cells[12]) * cellHectares;
            quantityRow(statistics, code, "agriculture", "茶叶 tea", garden * 0.75, "t", 80_000);
            quantityRow(statistics, code, "agriculture", "稻谷 rice", paddy * 6.8, "t", 2_800);
            if (forest > 0) {
                statistics.append(
                        row("village", code, "forestry", "林业产值 forestry output", "", "", "", money(forest * 260)));
            }
            quantityRow(statistics, code, "fishery", "水产品 fish", water * 0.9, "t", 14_000);
            // water supply and hydropower as village output values where the village has rivers or
            // reservoirs (12,000 and 30,000 元 per hm² of open water / reservoir, illustrative)
            double openWater = (cells[11] + cells[12]) * cellHectares;
            if (openWater > 0) {
                statistics.append(
                        row("village", code, "water_supply", "供水 water supply", "", "", "", money(openWater * 12_000)));
            }
            if (cells[12] > 0) {
                statistics.append(row(
                        "village",
                        code,
                        "hydropower",
                        "水电 hydropower",
                        "",
                        "",
                        "",
                        money(cells[12] * cellHectares * 30_000)));
            }
            long trips = 500 + Math.round(20_000 * Math.pow(Noise.value(seed + 211, v * 0.37, 0.5), 3));
            visitors.append(code).append(',').append(trips).append('\n');
            quantityRow(statistics, code, "recreation", "游客 visitors", trips, "人次", 150);
            double hectares = 0;
            for (int c = 1; c < cells.length; c++) {
                hectares += cells[c] * cellHectares;
            }
            countyHectares.merge(code.substring(0, 6), hectares, Double::sum);
        }
        String emissions = countyRows(statistics, countyHectares);
        StringBuilder reservoirs = new StringBuilder("name,lon,lat,capacity_m3\n");
        for (Object[] r : Geography.RESERVOIRS) {
            reservoirs.append(
                    String.format(Locale.ROOT, "%s,%.5f,%.5f,%d%n", r[0], (Double) r[1], (Double) r[2], (Long) r[4]));
        }
        Files.writeString(dir.resolve("statistics.csv"), statistics, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("visitors.csv"), visitors, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("emissions.csv"), emissions, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("reservoirs.csv"), reservoirs, StandardCharsets.UTF_8);
    }

    /** Livestock output per county into {@code statistics}; returns the emissions table. */
    private static String countyRows(StringBuilder statistics, Map<String, Double> countyHectares) {
        double cityHectares = countyHectares.values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        StringBuilder emissions = new StringBuilder("county_code,pollutant,tonnes\n");
        for (Map.Entry<String, Double> county : countyHectares.entrySet()) {
            double share = county.getValue() / cityHectares;
            statistics.append(row(
                    "county",
                    county.getKey(),
                    "livestock",
                    "畜牧业产值 livestock output",
                    "",
                    "",
                    "",
                    money(9.0e8 * share)));
            for (Map.Entry<String, Double> pollutant : new TreeMap<>(CITY_EMISSIONS).entrySet()) {
                emissions
                        .append(county.getKey())
                        .append(',')
                        .append(pollutant.getKey())
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.1f", pollutant.getValue() * share))
                        .append('\n');
            }
        }
        return emissions.toString();
    }

    private static void quantityRow(
            StringBuilder out, String code, String indicator, String item, double quantity, String unit, long price) {
        if (quantity > 0) {
            out.append(row(
                    "village",
                    code,
                    indicator,
                    item,
                    String.format(Locale.ROOT, "%.3f", quantity),
                    unit,
                    Long.toString(price),
                    ""));
        }
    }

    private static String money(double yuan) {
        return String.format(Locale.ROOT, "%.2f", yuan);
    }

    private static String row(String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i];
            line.append(i == 0 ? "" : ",").append(f.contains(",") ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        }
        return line.append('\n').toString();
    }
}
