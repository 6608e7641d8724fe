package liangshan.app.eledger.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed vocabularies of the e-ledger: resource types (山水林田湖草房矿) with their subtypes, use
 * statuses, development directions and right kinds. Codes are stable (stored and sent over the
 * API); names are for display.
 */
final class Catalog {

    private Catalog() {}

    /** A code with its Chinese and English names. */
    record Term(String code, String nameZh, String nameEn) {}

    /** A resource type and the subtypes allowed for it. */
    record Type(String code, String nameZh, String nameEn, List<Term> subtypes) {}

    static final List<Type> TYPES = List.of(
            new Type(
                    "mountain",
                    "山",
                    "Mountain",
                    List.of(t("barren_hill", "荒山", "Barren hill"), t("hill_land", "山地", "Hill land"))),
            new Type(
                    "water",
                    "水",
                    "Water",
                    List.of(
                            t("water_surface", "水面", "Water surface"),
                            t("reservoir", "水库", "Reservoir"),
                            t("pond", "山塘", "Pond"),
                            t("river", "河道", "River course"))),
            new Type(
                    "forest",
                    "林",
                    "Forest",
                    List.of(
                            t("forest_land", "林地", "Forest land"),
                            t("bamboo", "竹林", "Bamboo forest"),
                            t("economic_forest", "经济林", "Economic forest"),
                            t("public_welfare_forest", "公益林", "Public-welfare forest"))),
            new Type(
                    "farmland",
                    "田",
                    "Farmland",
                    List.of(
                            t("cultivated", "耕地", "Cultivated land"),
                            t("garden", "园地", "Garden land"),
                            t("facility_farmland", "设施农用地", "Facility farmland"))),
            new Type("lake", "湖", "Lake", List.of(t("lake", "湖泊", "Lake"), t("wetland", "湿地", "Wetland"))),
            new Type(
                    "grassland",
                    "草",
                    "Grassland",
                    List.of(t("grassland", "草地", "Grassland"), t("other_grass", "其他草地", "Other grassland"))),
            new Type(
                    "house",
                    "房",
                    "House",
                    List.of(
                            t("rammed_earth_house", "夯土房", "Rammed-earth house"),
                            t("idle_farmhouse", "闲置农房", "Idle farmhouse"),
                            t("collective_building", "集体用房", "Collective building"),
                            t("collective_construction_land", "集体经营性建设用地", "Collective commercial construction land"))),
            new Type(
                    "mine",
                    "矿",
                    "Mine",
                    List.of(t("abandoned_mine", "废弃矿山", "Abandoned mine"), t("quarry", "采石场", "Quarry"))));

    static final List<Term> USE_STATUSES = List.of(
            t("idle", "闲置", "Idle"),
            t("semi_idle", "半闲置", "Semi-idle"),
            t("low_efficiency", "低效", "Low efficiency"),
            t("in_use", "在用", "In use"));

    /** Suitable development directions (C1 screening categories). */
    static final List<Term> DIRECTIONS = List.of(
            t("solar_pv", "光伏", "Solar PV"),
            t("pumped_storage", "抽水蓄能", "Pumped-storage hydro"),
            t("whole_village", "整村开发", "Whole-village development"),
            t("homestay", "民宿", "Homestay"),
            t("under_forest", "林下经济", "Under-forest economy"),
            t("modern_agriculture", "现代农业", "Modern agriculture"),
            t("carbon_sink", "碳汇", "Carbon sink"),
            t("eco_tourism", "生态旅游", "Eco-tourism"));

    static final List<Term> RIGHT_KINDS = List.of(
            t("ownership", "集体所有权", "Collective ownership"),
            t("contract", "承包权", "Contract right"),
            t("operating", "经营权", "Operating right"),
            t("homestead_eligibility", "宅基地资格权", "Homestead eligibility"),
            t("homestead_use", "宅基地使用权", "Homestead use right"),
            t("forest", "林权", "Forest right"),
            t("construction_land_use", "集体建设用地使用权", "Construction-land use right"));

    static final List<Term> RESTRICTION_KINDS =
            List.of(t("lease", "租赁", "Lease"), t("pledge", "质押", "Pledge"), t("mortgage", "抵押", "Mortgage"));

    static final List<Term> PARTY_KINDS = List.of(
            t("household", "农户", "Household"),
            t("collective", "村集体经济组织", "Village collective"),
            t("cooperative", "两山合作社", "Cooperative"),
            t("enterprise", "企业", "Enterprise"),
            t("person", "个人", "Person"));

    private static final Map<String, Type> BY_CODE = new LinkedHashMap<>();

    static {
        TYPES.forEach(type -> BY_CODE.put(type.code(), type));
    }

    static boolean isType(String code) {
        return BY_CODE.containsKey(code);
    }

    static boolean isSubtype(String type, String subtype) {
        Type t = BY_CODE.get(type);
        return t != null && t.subtypes().stream().anyMatch(s -> s.code().equals(subtype));
    }

    static boolean has(List<Term> terms, String code) {
        return terms.stream().anyMatch(term -> term.code().equals(code));
    }

    private static Term t(String code, String zh, String en) {
        return new Term(code, zh, en);
    }
}
