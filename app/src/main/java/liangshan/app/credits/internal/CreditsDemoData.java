package liangshan.app.credits.internal;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import liangshan.app.divisions.Divisions;
import liangshan.app.ecoaccount.ProjectGep;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;
import liangshan.app.money.MoneyLedger;
import liangshan.app.platform.DataDirectory;
import liangshan.gep.project.LandCoverChange;
import liangshan.ledger.Asset;
import liangshan.ledger.TransferRequest;
import liangshan.ledger.credits.CreditUnits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo mode ({@code --demo} or {@code liangshan.demo=true}; never in the test profile): an illustrative
 * credit market on the demo GEP landscape {@code synth-2025} — the policy, a reserve pool with a published
 * price in every county, per county a government and a village restoration project (the village one
 * issued), and in 开化县 a development project whose obligation is partly acquitted by a listing bought on
 * the market. Runs in the background once the demo input set exists; does nothing when the demo policy is
 * already there (idempotent). Every figure comes from project-level GEP on the illustrative landscape.
 */
@Component("creditsCreditsDemoData")
@Order(Ordered.LOWEST_PRECEDENCE - 80)
@Profile("!test")
class CreditsDemoData implements ApplicationRunner {

    static final String POLICY = "LS-CREDITS-2026.1";
    static final String INPUTS = "synth-2025";
    static final Actor MAKER = new Actor(0, "demo-credits-maker", Set.of(Role.CITY_ADMIN), DataScope.CITY);
    static final Actor CHECKER = new Actor(0, "demo-credits-checker", Set.of(Role.CITY_ADMIN), DataScope.CITY);

    /** Illustrative rural points per county (lon, lat) and the pool price in 元 per credit. */
    static final Map<String, double[]> COUNTIES = Map.of(
            "330802", new double[] {118.78, 29.10, 85},
            "330803", new double[] {119.02, 28.83, 70},
            "330822", new double[] {118.43, 28.97, 65},
            "330824", new double[] {118.33, 29.22, 60},
            "330825", new double[] {119.20, 28.95, 75},
            "330881", new double[] {118.60, 28.62, 68});

    private static final Logger log = LoggerFactory.getLogger(CreditsDemoData.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Environment environment;
    private final JdbcTemplate jdbc;
    private final DataDirectory data;
    private final PartyService parties;
    private final ReserveService reserve;
    private final DevelopmentService developments;
    private final MarketService market;
    private final MoneyLedger money;
    private final ProjectGep gep;
    private final Divisions divisions;

    CreditsDemoData(
            Environment environment,
            JdbcTemplate jdbc,
            DataDirectory data,
            PartyService parties,
            ReserveService reserve,
            DevelopmentService developments,
            MarketService market,
            MoneyLedger money,
            ProjectGep gep,
            Divisions divisions) {
        this.environment = environment;
        this.jdbc = jdbc;
        this.data = data;
        this.parties = parties;
        this.reserve = reserve;
        this.developments = developments;
        this.market = market;
        this.money = money;
        this.gep = gep;
        this.divisions = divisions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode(environment)) {
            return;
        }
        Thread thread = new Thread(this::load, "credits-demo");
        thread.setDaemon(true);
        thread.start();
    }

    static boolean demoMode(Environment environment) {
        if (environment.getProperty("liangshan.demo", Boolean.class, false)) {
            return true;
        }
        String bare = environment.getProperty("demo");
        return bare != null && !bare.equalsIgnoreCase("false");
    }

    void load() {
        try {
            if (jdbc.queryForObject("select count(*) from credit_policy where version = ?", Integer.class, POLICY)
                    > 0) {
                return;
            }
            // dataDir(), not resolve(): resolve creates directories, and must not create the demo input set's
            // folder (nor a folder named inputs.json) before the GEP demo has written it.
            java.nio.file.Path meta = data.dataDir().resolve("gep/inputs/" + INPUTS + "/inputs.json");
            for (int i = 0; i < 120 && !Files.isRegularFile(meta); i++) {
                Thread.sleep(10_000);
            }
            Thread.sleep(5_000); // the demo GEP data writes inputs.json last; give the file system a moment
            loadNow();
            log.info("演示生态积分已生成 / demo eco credits loaded");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("演示生态积分生成失败 / demo eco credits failed", e);
        }
    }

    void loadNow() {
        parties.createPolicy(
                MAKER,
                new PartyService.PolicyInput(
                        POLICY,
                        "1.0",
                        true,
                        false,
                        "WITH_CARBON_SINK",
                        "5",
                        new PartyService.RuleInput("LS-REVENUE-2026.1", "60", "20", "10", "10")));
        String kaihuaVillage = null;
        for (Map.Entry<String, double[]> e : new java.util.TreeMap<>(COUNTIES).entrySet()) {
            String county = e.getKey();
            double[] p = e.getValue();
            parties.createPool(
                    MAKER,
                    new PartyService.PoolInput(county, String.format(Locale.ROOT, "%.2f", p[2])),
                    UUID.randomUUID());
            String village = party(county, "村集体经济合作社（示意）", "village_collective");
            restoration(county, "government", null, p[0], p[1], "河岸生态修复（示意）", false);
            restoration(county, "village", village, p[0] + 0.01, p[1], "废弃矿山复绿（示意）", true);
            if (county.equals("330824")) {
                kaihuaVillage = village;
            }
        }
        market(kaihuaVillage);
    }

    private String party(String county, String name, String type) {
        return parties.createParty(MAKER, new PartyService.PartyInput(name, county, null, type), UUID.randomUUID())
                .id();
    }

    private void restoration(
            String county, String kind, String owner, double lon, double lat, String name, boolean issue) {
        try {
            var in = new ReserveService.ProjectInput(
                    name,
                    kind,
                    county,
                    null,
                    owner,
                    kind.equals("government") ? "县自然资源和规划局" : "村集体",
                    "350000.00",
                    JSON.readTree(site(county, lon, lat, 0.004, RESTORE, true)),
                    JSON.readTree("{\"toClass\":1}"),
                    "2026-01-01",
                    "2055-12-31",
                    null,
                    false,
                    List.of(
                            new ReserveService.MilestoneInput("planting.done", "2026-10-31", "40"),
                            new ReserveService.MilestoneInput("acceptance.done", "2028-10-31", "100")));
            String id = (String) reserve.propose(MAKER, in, UUID.randomUUID()).get("id");
            reserve.review(MAKER, id, "approve", "示意数据", UUID.randomUUID());
            reserve.estimate(MAKER, id, new ReserveService.EstimateInput(null, INPUTS, null), UUID.randomUUID());
            if (issue) {
                for (String m : List.of("planting.done", "acceptance.done")) {
                    reserve.verify(MAKER, id, m, "YS-DEMO-" + m, true, UUID.randomUUID());
                }
                String release = (String) reserve.proposeRelease(MAKER, id, "acceptance.done", UUID.randomUUID())
                        .get("id");
                reserve.approveRelease(CHECKER, release, UUID.randomUUID());
            }
        } catch (RuntimeException e) {
            log.warn("演示修复项目未生成 / demo restoration project skipped ({} {}): {}", county, name, e.toString());
        }
    }

    /** 开化县: a development project whose obligation is partly acquitted by a market purchase. */
    private void market(String village) {
        if (village == null) {
            return;
        }
        String enterprise = party("330824", "开化某新材料有限公司（示意）", "enterprise");
        double[] p = COUNTIES.get("330824");
        Map<String, Object> dev = developments.create(
                MAKER,
                new DevelopmentService.DevelopmentInput(
                        "新材料产业园一期（示意）",
                        "330824",
                        null,
                        enterprise,
                        JSON.readTree(site("330824", p[0] + 0.03, p[1] - 0.02, 0.003, BUILD, false)),
                        JSON.readTree("{\"toClass\":13}"),
                        null,
                        INPUTS,
                        null),
                UUID.randomUUID());
        Map<?, ?> obligation = (Map<?, ?>) dev.get("obligation");
        PartyService.PartyView seller = parties.get(MAKER, village);
        long issued = Amounts.parseUnits(seller.issued());
        if (obligation == null || issued < 2) {
            return;
        }
        long owed = Amounts.parseUnits((String) obligation.get("amount"));
        long listed = issued / 2;
        String listing = (String) market.list(
                        MAKER,
                        new MarketService.ListingInput(village, CreditUnits.format(listed), "72.00"),
                        UUID.randomUUID())
                .get("id");
        long buy = Math.max(1, Math.min(listed, owed / 2));
        MoneyLedger.AccountSpec bank =
                MoneyLedger.AccountSpec.of(enterprise, "credits.bank", "330824", "企业银行账户（示意）", false);
        money.open(List.of(bank));
        money.submit(List.of(TransferRequest.transfer(
                UUID.randomUUID(),
                bank.id(),
                PartyService.cashAccount(enterprise),
                CreditUnits.paymentFen(buy, 7200),
                Asset.CNY,
                "credits.demo.deposit")));
        market.purchase(
                MAKER,
                listing,
                new MarketService.PurchaseInput(enterprise, CreditUnits.format(buy), (String) obligation.get("id")),
                UUID.randomUUID());
    }

    /** Restoration to forest (class 1) and development to built-up land (class 13). */
    static final LandCoverChange RESTORE = new LandCoverChange.ToClass(1);

    static final LandCoverChange BUILD = new LandCoverChange.ToClass(13);

    /**
     * A square footprint near (lon, lat) where {@code change} gains ({@code gain}) or loses regulating
     * value on the demo landscape: the point itself, then points on rings around it (the illustrative
     * land cover decides; a square already under forest gains nothing from afforestation), skipping squares
     * not inside the county. Falls back to the point itself, whose estimate then answers why.
     */
    String site(String county, double lon, double lat, double half, LandCoverChange change, boolean gain) {
        return site(gep, inputs(county), lon, lat, half, change, gain);
    }

    /** The demo input set, and the county whose boundary a site must lie inside (footprints never cross it). */
    record Inputs(
            String name, org.locationtech.jts.geom.Geometry county, List<org.locationtech.jts.geom.Geometry> taken) {

        Inputs(String name, org.locationtech.jts.geom.Geometry county) {
            this(name, county, new java.util.ArrayList<>());
        }

        /** Whether {@code gk} keeps 100 m away from every footprint this input set already placed. */
        boolean free(org.locationtech.jts.geom.Geometry gk) {
            return taken.stream().noneMatch(t -> t.isWithinDistance(gk, 100));
        }
    }

    /** One per county for the whole demo run, so that the demo's footprints never overlap. */
    private final Map<String, Inputs> inputsByCounty = new java.util.HashMap<>();

    Inputs inputs(String county) {
        return inputsByCounty.computeIfAbsent(
                county,
                c -> new Inputs(INPUTS, divisions.boundary(c).orElseThrow().gk120()));
    }

    /** Rings of candidate squares around the wanted point (0.012° apart: up to ≈ 10 km away). */
    private static final int RINGS = 8;

    static String site(
            ProjectGep gep, Inputs inputs, double lon, double lat, double half, LandCoverChange change, boolean gain) {
        for (int ring = 0; ring <= RINGS; ring++) {
            int steps = ring == 0 ? 1 : 8 * ring;
            for (int k = 0; k < steps; k++) {
                double angle = 2 * Math.PI * k / steps;
                String square =
                        square(lon + ring * 0.012 * Math.cos(angle), lat + ring * 0.012 * Math.sin(angle), half);
                Footprints.Footprint fp = Footprints.read(JSON.readTree(square));
                if (fp == null
                        || Footprints.outsideM2(fp.gk(), inputs.county()) > Footprints.OVERLAP_TOLERANCE_M2
                        || !inputs.free(fp.gk())) {
                    continue;
                }
                try {
                    int sign = gep.compute(square, change, null, inputs.name(), null)
                            .totalDeltaYuan()
                            .signum();
                    if (gain ? sign > 0 : sign < 0) {
                        inputs.taken().add(fp.gk());
                        return square;
                    }
                } catch (RuntimeException e) {
                    // outside the inputs' extent or in no village: try the next point
                }
            }
        }
        return square(lon, lat, half);
    }

    /** A lon/lat square (GeoJSON Polygon) of half-side {@code d} degrees around a point. */
    static String square(double lon, double lat, double d) {
        return String.format(
                Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}",
                lon - d,
                lat - d,
                lon + d,
                lat - d,
                lon + d,
                lat + d,
                lon - d,
                lat + d,
                lon - d,
                lat - d);
    }
}
