package liangshan.app.eledger.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's resource kinds and how they follow the GEP land cover (classes of {@code
 * quzhou-2025-v1}): forest (1–3) → forest land (public-welfare forest above 600 m, some economic
 * forest), bamboo (4) → bamboo forest, shrubland (5) → hill land, orchard/tea (6) → garden land,
 * grassland (7), paddy (8) and dry farmland (9) → cultivated land, marsh (10) → wetland, river (11)
 * → water surface, reservoir/pond (12) → pond, built-up (13) → idle farmhouses and rammed-earth
 * houses (points with a floor area) or collective construction land, bare land (14) → abandoned mine.
 */
final class EledgerDemoKinds {

    private EledgerDemoKinds() {}

    /** How a household holds the resource: a contract (承包), a homestead (宅基地) or not at all (collective). */
    enum Tenure {
        CONTRACT,
        HOMESTEAD,
        COLLECTIVE
    }

    /**
     * A resource kind of the demo.
     *
     * @param statusWeights weights of idle, semi_idle, low_efficiency, in_use
     */
    record Kind(
            String type,
            String subtype,
            String nameZh,
            boolean point,
            double minSide,
            double maxSide,
            Tenure tenure,
            int[] statusWeights,
            List<String> conditions,
            List<String> directions) {

        String status(Random rnd) {
            int total = 0;
            for (int w : statusWeights) {
                total += w;
            }
            int pick = rnd.nextInt(total);
            for (int i = 0; i < STATUSES.length; i++) {
                pick -= statusWeights[i];
                if (pick < 0) {
                    return STATUSES[i];
                }
            }
            return STATUSES[STATUSES.length - 1];
        }

        String condition(Random rnd) {
            return conditions.get(rnd.nextInt(conditions.size()));
        }

        /** One or two of the kind's directions, sorted (as the resource service stores them). */
        List<String> directions(Random rnd) {
            List<String> out = new ArrayList<>();
            out.add(directions.get(rnd.nextInt(directions.size())));
            String second = directions.get(rnd.nextInt(directions.size()));
            if (rnd.nextBoolean() && !out.contains(second)) {
                out.add(second);
            }
            return out.stream().sorted().toList();
        }
    }

    private static final String[] STATUSES = {"idle", "semi_idle", "low_efficiency", "in_use"};

    static final Kind FOREST = new Kind(
            "forest",
            "forest_land",
            "林地",
            false,
            120,
            300,
            Tenure.CONTRACT,
            new int[] {3, 3, 3, 1},
            List.of("杉木、马尾松为主，林龄 20 年左右", "阔叶混交林，郁闭度 0.7", "林相较好，有机耕路到山脚"),
            List.of("under_forest", "carbon_sink", "eco_tourism"));
    static final Kind WELFARE_FOREST = new Kind(
            "forest",
            "public_welfare_forest",
            "公益林",
            false,
            150,
            320,
            Tenure.CONTRACT,
            new int[] {4, 3, 2, 1},
            List.of("省级公益林，禁止皆伐", "天然次生林，坡度较陡"),
            List.of("carbon_sink", "eco_tourism"));
    static final Kind ECONOMIC_FOREST = new Kind(
            "forest",
            "economic_forest",
            "经济林",
            false,
            80,
            200,
            Tenure.CONTRACT,
            new int[] {2, 3, 4, 2},
            List.of("油茶林，部分抛荒", "胡柚林，管理粗放"),
            List.of("under_forest", "modern_agriculture"));
    static final Kind BAMBOO = new Kind(
            "forest",
            "bamboo",
            "竹林",
            false,
            80,
            220,
            Tenure.CONTRACT,
            new int[] {3, 4, 3, 1},
            List.of("毛竹林，立竹度中等", "竹林老化，需改造"),
            List.of("under_forest", "carbon_sink"));
    static final Kind HILL = new Kind(
            "mountain",
            "hill_land",
            "山地",
            false,
            80,
            200,
            Tenure.COLLECTIVE,
            new int[] {6, 2, 2, 0},
            List.of("灌木丛生，坡度 15–25°", "土层较薄，向阳坡"),
            List.of("solar_pv", "eco_tourism"));
    static final Kind GARDEN = new Kind(
            "farmland",
            "garden",
            "园地",
            false,
            50,
            130,
            Tenure.CONTRACT,
            new int[] {2, 3, 3, 3},
            List.of("茶园，品种老化", "柑橘园，部分抛荒"),
            List.of("modern_agriculture", "eco_tourism"));
    static final Kind GRASS = new Kind(
            "grassland",
            "grassland",
            "草地",
            false,
            60,
            160,
            Tenure.CONTRACT,
            new int[] {5, 3, 2, 0},
            List.of("山顶草甸", "撂荒草地"),
            List.of("solar_pv", "eco_tourism"));
    static final Kind PADDY = new Kind(
            "farmland",
            "cultivated",
            "水田",
            false,
            40,
            120,
            Tenure.CONTRACT,
            new int[] {1, 2, 3, 4},
            List.of("水源充足，机耕路通达", "单季稻，部分冬闲", "高标准农田"),
            List.of("modern_agriculture"));
    static final Kind DRY = new Kind(
            "farmland",
            "cultivated",
            "旱地",
            false,
            40,
            110,
            Tenure.CONTRACT,
            new int[] {2, 3, 3, 2},
            List.of("种植玉米、番薯", "坡耕地，灌溉不便"),
            List.of("modern_agriculture", "solar_pv"));
    static final Kind WETLAND = new Kind(
            "lake",
            "wetland",
            "湿地",
            false,
            60,
            150,
            Tenure.COLLECTIVE,
            new int[] {5, 3, 2, 0},
            List.of("河漫滩湿地，芦苇丛生"),
            List.of("eco_tourism", "carbon_sink"));
    static final Kind WATER = new Kind(
            "water",
            "water_surface",
            "水面",
            false,
            40,
            110,
            Tenure.COLLECTIVE,
            new int[] {3, 3, 2, 2},
            List.of("河湾水面，水质 II 类", "缓流水面，可发展垂钓"),
            List.of("eco_tourism"));
    static final Kind POND = new Kind(
            "water",
            "pond",
            "山塘",
            false,
            30,
            90,
            Tenure.CONTRACT,
            new int[] {3, 3, 3, 1},
            List.of("养鱼山塘，水深 2 米", "灌溉山塘，堤坝完好"),
            List.of("eco_tourism", "modern_agriculture"));
    static final Kind FARMHOUSE = new Kind(
            "house",
            "idle_farmhouse",
            "闲置农房",
            true,
            0,
            0,
            Tenure.HOMESTEAD,
            new int[] {7, 2, 1, 0},
            List.of("砖混两层，屋况良好", "长期无人居住，需修缮", "临溪，交通便利"),
            List.of("homestay", "whole_village"));
    static final Kind EARTH_HOUSE = new Kind(
            "house",
            "rammed_earth_house",
            "夯土房",
            true,
            0,
            0,
            Tenure.HOMESTEAD,
            new int[] {8, 1, 1, 0},
            List.of("夯土墙体完整，屋面漏雨", "传统夯土民居，保留木构架"),
            List.of("homestay", "whole_village", "eco_tourism"));
    static final Kind CONSTRUCTION = new Kind(
            "house",
            "collective_construction_land",
            "集体经营性建设用地",
            false,
            30,
            70,
            Tenure.COLLECTIVE,
            new int[] {4, 3, 3, 0},
            List.of("原村办厂房用地", "闲置仓库用地，已平整"),
            List.of("whole_village", "homestay", "solar_pv"));
    static final Kind MINE = new Kind(
            "mine",
            "abandoned_mine",
            "废弃矿山",
            false,
            60,
            150,
            Tenure.COLLECTIVE,
            new int[] {10, 0, 0, 0},
            List.of("废弃石灰石矿，需生态修复", "采石宕口，边坡裸露"),
            List.of("solar_pv", "eco_tourism"));

    static final List<Kind> ALL = List.of(
            FOREST,
            WELFARE_FOREST,
            ECONOMIC_FOREST,
            BAMBOO,
            HILL,
            GARDEN,
            GRASS,
            PADDY,
            DRY,
            WETLAND,
            WATER,
            POND,
            FARMHOUSE,
            EARTH_HOUSE,
            CONSTRUCTION,
            MINE);

    static int index(Kind kind) {
        return ALL.indexOf(kind);
    }

    /**
     * The kind for a land-cover class at a point, or null to skip the point. Forest is most of the
     * land: only some forest points are taken so that farmland, water and houses show up too.
     */
    static Kind forCover(int cover, java.util.function.DoubleSupplier elevationMetres, Random rnd) {
        return switch (cover) {
            case 1, 2, 3 ->
                rnd.nextInt(4) != 0
                        ? null
                        : elevationMetres.getAsDouble() > 600
                                ? WELFARE_FOREST
                                : rnd.nextInt(4) == 0 ? ECONOMIC_FOREST : FOREST;
            case 4 -> rnd.nextInt(2) == 0 ? null : BAMBOO;
            case 5 -> HILL;
            case 6 -> GARDEN;
            case 7 -> GRASS;
            case 8 -> PADDY;
            case 9 -> DRY;
            case 10 -> WETLAND;
            case 11 -> WATER;
            case 12 -> POND;
            case 13 -> rnd.nextInt(10) < 6 ? FARMHOUSE : rnd.nextInt(3) < 2 ? EARTH_HOUSE : CONSTRUCTION;
            case 14 -> MINE;
            default -> null;
        };
    }

    /** Groups of land cover a parcel must not straddle: forest, farmland, water, built-up, other. */
    static int group(int cover) {
        return switch (cover) {
            case 1, 2, 3, 4 -> 1;
            case 6, 8, 9 -> 2;
            case 10, 11, 12 -> 3;
            case 13 -> 4;
            default -> 5 + cover;
        };
    }
}
