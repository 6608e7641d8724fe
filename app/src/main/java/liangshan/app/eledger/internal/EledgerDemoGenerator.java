package liangshan.app.eledger.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.ecoaccount.DemoLandscape;
import liangshan.app.eledger.internal.EledgerDemoPlan.Party;
import liangshan.app.eledger.internal.PartyService.Member;
import liangshan.kernel.id.Ulid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.precision.CoordinatePrecisionReducerFilter;

/**
 * Generates one village's illustrative e-ledger (示意数据), deterministically from a seed and the
 * village code: the collective, households with members, and resources placed inside the village
 * boundary where the GEP demo landscape ({@link DemoLandscape}, year {@link DemoLandscape#BASE_YEAR})
 * has the matching land cover — forest and bamboo parcels on forest, paddy and dry farmland in the
 * valleys, ponds and water surfaces on water, idle farmhouses on built-up land — never overlapping
 * one another. Rights come from {@link EledgerDemoRights}. Ids are ULIDs stamped with a fixed demo
 * instant and drawn from the seeded generator, so the same seed gives the same data, ids included.
 */
final class EledgerDemoGenerator {

    /** Who the demo data is recorded by (rows' {@code created_by}, {@code recorded_by}, the applicant). */
    static final String DEMO_USER = "demo-eledger";

    /** Record time of the first registration of the demo ledger. */
    static final Instant RECORDED = Instant.parse("2024-03-01T02:00:00Z");

    /**
     * Sizes of a village's ledger.
     *
     * @param minHouseholds fewest households per village
     * @param maxHouseholds most households per village
     * @param minParcels fewest resources per village (fewer when the village is small)
     * @param maxParcels most resources per village
     * @param transferPercent share of contracted parcels whose operating right went to the collective
     * @param retransferPercent share of those that went on to the cooperative
     * @param correctionPercent share of contract rights corrected later (a household split)
     * @param extraCorrections further corrections of each corrected right (history depth)
     * @param applications pending applications per village
     * @param sizePercent parcel sizes in percent of the kinds' sizes (smaller parcels fit more per village)
     */
    record Profile(
            int minHouseholds,
            int maxHouseholds,
            int minParcels,
            int maxParcels,
            int transferPercent,
            int retransferPercent,
            int correctionPercent,
            int extraCorrections,
            int applications,
            int sizePercent) {}

    /** The demo: plausible village sizes (Quzhou: ~300 households per administrative village). */
    static final Profile DEMO = new Profile(150, 450, 18, 36, 35, 50, 8, 0, 2, 100);

    /** A village to generate, with its county's cooperative (written with the village when {@code withCooperative}). */
    record Village(
            String code,
            String name,
            String countyName,
            Geometry boundaryGk,
            Party cooperative,
            boolean withCooperative) {}

    private static final GeometryFactory GK = Cgcs2000.gkFactory();
    private static final String[] SURNAMES = {
        "徐", "毛", "郑", "王", "余", "周", "叶", "汪", "姜", "祝", "张", "吴", "杨", "刘", "方", "程", "陈", "林", "邵", "占"
    };
    private static final String[] GIVEN = {
        "建国", "国平", "金华", "根土", "志强", "秀英", "美华", "春生", "水根", "丽萍", "海军", "卫东", "德明", "红梅", "立新", "永福", "桂芳", "福生",
        "小军", "雪琴", "爱民", "跃进", "荷花", "长青"
    };
    private static final String[] RELATIONS = {"配偶", "子", "女", "父", "母", "孙子", "孙女", "儿媳"};
    private static final String[] PLACES = {"后山", "塘坞", "下畈", "上垄", "石门", "长坑", "前湾", "岭脚", "溪边", "樟树底", "大坞", "东坪"};

    private final DemoLandscape landscape;
    private final long seed;
    private final Profile profile;

    EledgerDemoGenerator(DemoLandscape landscape, long seed, Profile profile) {
        this.landscape = landscape;
        this.seed = seed;
        this.profile = profile;
    }

    /** The deterministic random source of one village (or county) and purpose. */
    Random random(String code, String purpose) {
        return new Random(seed * 1_000_003L ^ (code + "/" + purpose).hashCode() * 0x9E3779B97F4A7C15L);
    }

    /** A deterministic id source for a village or county. */
    Ids ids(String code) {
        return new Ids(random(code, "ids"));
    }

    /** ULIDs at the fixed demo instant from a seeded generator. */
    static final class Ids {
        private static final Clock CLOCK = Clock.fixed(RECORDED, ZoneOffset.UTC);
        private final Random random;

        Ids(Random random) {
            this.random = random;
        }

        String next() {
            return Ulid.next(CLOCK, random).value();
        }
    }

    /** A village's everyday name: "华山村委会" → "华山村" (the committee is not the collective). */
    static String shortName(String divisionName) {
        return divisionName.replaceAll("(村民委员会|村委会)$", "村").replaceAll("(居民委员会|居委会)$", "");
    }

    /** The county cooperative party (deterministic id), to be stored in {@code villageCode}. */
    Party cooperative(String countyCode, String countyName, String villageCode) {
        return new Party(ids(countyCode).next(), villageCode, "cooperative", countyName + "两山合作社", List.of());
    }

    EledgerDemoPlan plan(Village v) {
        Random rnd = random(v.code(), "plan");
        Ids ids = ids(v.code());
        List<Party> parties = new ArrayList<>();
        if (v.withCooperative()) {
            parties.add(v.cooperative());
        }
        Party collective = new Party(ids.next(), v.code(), "collective", v.name() + "股份经济合作社", List.of());
        parties.add(collective);
        int households = profile.minHouseholds() + rnd.nextInt(profile.maxHouseholds() - profile.minHouseholds() + 1);
        List<Party> homes = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            homes.add(household(ids.next(), v.code(), rnd));
        }
        parties.addAll(homes);
        List<ResourceStore.Row> resources = resources(v, rnd, ids, new Covers(landscape));
        EledgerDemoRights rights =
                new EledgerDemoRights(profile, v, collective, homes, ids, random(v.code(), "rights"));
        return rights.plan(parties, resources);
    }

    private static Party household(String id, String village, Random rnd) {
        String surname = SURNAMES[rnd.nextInt(SURNAMES.length)];
        String head = surname + GIVEN[rnd.nextInt(GIVEN.length)];
        // Zhejiang rural households: mostly 2–5 people
        int size = 1 + Math.min(5, (int) Math.round(Math.abs(rnd.nextGaussian() * 1.3 + 2.2)));
        List<Member> members = new ArrayList<>();
        members.add(new Member(head, "户主"));
        for (int m = 1; m < size; m++) {
            String relation = RELATIONS[rnd.nextInt(RELATIONS.length)];
            String name =
                    (relation.equals("配偶") || relation.equals("儿媳") ? SURNAMES[rnd.nextInt(SURNAMES.length)] : surname)
                            + GIVEN[rnd.nextInt(GIVEN.length)];
            members.add(new Member(name, relation));
        }
        return new Party(id, village, "household", head + "户", List.copyOf(members));
    }

    /** Land cover and elevation per landscape cell, looked up once per village (the probe is not cheap). */
    static final class Covers {
        private final DemoLandscape landscape;
        private final double cell;
        private final java.util.Map<Long, Integer> classes = new java.util.HashMap<>();
        private final java.util.Map<Long, Double> elevations = new java.util.HashMap<>();

        Covers(DemoLandscape landscape) {
            this.landscape = landscape;
            this.cell = landscape.cellSizeMetres();
        }

        private long key(double x, double y) {
            return (long) Math.floor(x / cell) << 32 ^ ((long) Math.floor(y / cell) & 0xFFFFFFFFL);
        }

        int classAt(double x, double y) {
            return classes.computeIfAbsent(key(x, y), k -> landscape.landCoverAt(DemoLandscape.BASE_YEAR, x, y));
        }

        double elevationAt(double x, double y) {
            return elevations.computeIfAbsent(key(x, y), k -> landscape.elevationAt(x, y));
        }
    }

    private List<ResourceStore.Row> resources(Village v, Random rnd, Ids ids, Covers covers) {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(v.boundaryGk());
        Envelope env = v.boundaryGk().getEnvelopeInternal();
        int wanted = profile.minParcels() + rnd.nextInt(profile.maxParcels() - profile.minParcels() + 1);
        List<ResourceStore.Row> out = new ArrayList<>();
        List<Geometry> taken = new ArrayList<>();
        int[] perSubtype = new int[64];
        for (int attempt = 0; attempt < wanted * 60 && out.size() < wanted; attempt++) {
            double x = env.getMinX() + rnd.nextDouble() * env.getWidth();
            double y = env.getMinY() + rnd.nextDouble() * env.getHeight();
            int cover = covers.classAt(x, y);
            EledgerDemoKinds.Kind kind = EledgerDemoKinds.forCover(cover, () -> covers.elevationAt(x, y), rnd);
            if (kind == null) {
                continue;
            }
            Geometry g = shape(kind, x, y, profile.sizePercent() / 100.0, rnd);
            if (!sameCover(kind, g, cover, covers) || !inside.covers(g) || overlaps(g, taken)) {
                continue;
            }
            taken.add(g.getDimension() == 0 ? g.buffer(15) : g);
            int n = ++perSubtype[EledgerDemoKinds.index(kind)];
            out.add(row(v, ids.next(), kind, g, n, rnd));
        }
        return out;
    }

    /** A rotated rectangle of the kind's size around (x, y), or the point itself, on the 1 cm grid. */
    private static Geometry shape(EledgerDemoKinds.Kind kind, double x, double y, double scale, Random rnd) {
        Geometry g;
        if (kind.point()) {
            g = GK.createPoint(new Coordinate(x, y));
        } else {
            double w = scale * (kind.minSide() + rnd.nextDouble() * (kind.maxSide() - kind.minSide()));
            double h = w * (0.5 + rnd.nextDouble() * 0.8);
            double a = rnd.nextDouble() * Math.PI;
            double cos = Math.cos(a);
            double sin = Math.sin(a);
            double[][] corners = {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
            Coordinate[] ring = new Coordinate[5];
            for (int i = 0; i < 4; i++) {
                ring[i] = new Coordinate(
                        x + corners[i][0] * cos - corners[i][1] * sin, y + corners[i][0] * sin + corners[i][1] * cos);
            }
            ring[4] = ring[0];
            g = GK.createPolygon(ring);
        }
        g.apply(new CoordinatePrecisionReducerFilter(Cgcs2000.CENTIMETRES));
        g.geometryChanged();
        return g;
    }

    private static boolean overlaps(Geometry g, List<Geometry> taken) {
        Envelope e = g.getEnvelopeInternal();
        for (Geometry t : taken) {
            if (t.getEnvelopeInternal().intersects(e) && t.intersects(g)) {
                return true;
            }
        }
        return false;
    }

    /** Every corner of a parcel lies on land cover of the same group as its centre. */
    private static boolean sameCover(EledgerDemoKinds.Kind kind, Geometry g, int centre, Covers covers) {
        if (kind.point()) {
            return true;
        }
        Coordinate[] c = g.getCoordinates();
        Coordinate mid = g.getCentroid().getCoordinate();
        for (int i = 0; i < 4; i++) {
            // 80 % of the way out: the corners themselves may touch a neighbouring cell by a few metres
            double x = mid.x + 0.8 * (c[i].x - mid.x);
            double y = mid.y + 0.8 * (c[i].y - mid.y);
            if (EledgerDemoKinds.group(covers.classAt(x, y)) != EledgerDemoKinds.group(centre)) {
                return false;
            }
        }
        return true;
    }

    private static ResourceStore.Row row(
            Village v, String id, EledgerDemoKinds.Kind kind, Geometry g, int n, Random rnd) {
        String place = PLACES[rnd.nextInt(PLACES.length)];
        BigDecimal area = BigDecimal.valueOf(g.getArea()).setScale(2, RoundingMode.HALF_UP);
        BigDecimal declared =
                kind.point() ? BigDecimal.valueOf(60 + rnd.nextInt(200)).setScale(2, RoundingMode.UNNECESSARY) : null;
        Instant at = RECORDED.plusSeconds(rnd.nextInt(86_400));
        return new ResourceStore.Row(
                id,
                v.code(),
                place + kind.nameZh() + n + "号",
                kind.type(),
                kind.subtype(),
                kind.status(rnd),
                kind.condition(rnd),
                kind.directions(rnd),
                kind.point() ? "point" : "polygon",
                g,
                area,
                declared,
                1,
                false,
                DEMO_USER,
                at,
                at);
    }
}
