package liangshan.app.credits.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liangshan.app.ecoaccount.ProjectGep;
import liangshan.app.money.MoneyLedger;
import liangshan.app.platform.DataDirectory;
import liangshan.ledger.Asset;
import liangshan.ledger.TransferRequest;
import liangshan.ledger.credits.CreditUnits;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credit data for the browser test ({@code web/e2e/credits.mjs}) in one county, made through the
 * services as the demo does: a policy (unless one exists), the county pool, a village collective whose
 * restoration project is accepted and issued and whose credits are listed on the market, and an
 * enterprise's development project whose obligation is still open (eco gate blocked), with cash to buy;
 * for the market flow ({@code web/e2e/credits-market.mjs}) a second, well-funded enterprise with an open
 * obligation of its own. No county pool: the market flow publishes the pool price through the UI.
 */
public final class CreditsE2eSeed {

    /** What the browser test needs to know. */
    public record Seeded(
            String county, String development, String obligation, String listing, String seller, String buyer) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CreditsE2eSeed() {}

    public static Seeded seed(ApplicationContext context, String county) throws InterruptedException {
        Beans b = new Beans(
                context.getBean(JdbcTemplate.class),
                context.getBean(PartyService.class),
                context.getBean(ReserveService.class),
                context.getBean(DevelopmentService.class),
                context.getBean(MarketService.class),
                context.getBean(MoneyLedger.class),
                context.getBean(ProjectGep.class),
                context.getBean(liangshan.app.divisions.Divisions.class));
        Path inputs = context.getBean(DataDirectory.class)
                .dataDir()
                .resolve("gep/inputs/" + CreditsDemoData.INPUTS + "/inputs.json");
        for (int i = 0; i < 240 && !Files.isRegularFile(inputs); i++) {
            Thread.sleep(1_000); // the demo GEP data of the test profile writes the input set in the background
        }
        double[] point = CreditsDemoData.COUNTIES.get(county);
        policy(b);
        String village = party(b.parties(), county, "浏览器测试村集体（示意）", "village_collective");
        String enterprise = party(b.parties(), county, "浏览器测试企业（示意）", "enterprise");
        String listing = issuedAndListed(b, county, point, village);
        // The market buyer's development first: credits.mjs opens the newest blocked development.
        String buyer = party(b.parties(), county, "浏览器测试买方企业（示意）", "enterprise");
        marketBuyer(b, county, point, buyer);
        Map<String, Object> development = developmentToMeet(b, county, point, enterprise);
        Map<?, ?> obligation = (Map<?, ?>) development.get("obligation");
        return new Seeded(
                county, (String) development.get("id"), (String) obligation.get("id"), listing, village, buyer);
    }

    private record Beans(
            JdbcTemplate jdbc,
            PartyService parties,
            ReserveService reserve,
            DevelopmentService developments,
            MarketService market,
            MoneyLedger money,
            ProjectGep gep,
            liangshan.app.divisions.Divisions divisions) {}

    private static void policy(Beans b) {
        if (b.jdbc().queryForObject("select count(*) from credit_policy", Integer.class) == 0) {
            b.parties()
                    .createPolicy(
                            CreditsDemoData.MAKER,
                            new PartyService.PolicyInput(
                                    CreditsDemoData.POLICY,
                                    "1.0",
                                    true,
                                    false,
                                    "WITH_CARBON_SINK",
                                    "5",
                                    new PartyService.RuleInput("LS-REVENUE-2026.1", "60", "20", "10", "10")));
        }
    }

    /** A village restoration project accepted and issued, all its credits listed; answers the listing. */
    private static String issuedAndListed(Beans b, String county, double[] point, String village) {
        ReserveService reserve = b.reserve();
        String project = (String) reserve.propose(
                        CreditsDemoData.MAKER,
                        new ReserveService.ProjectInput(
                                "浏览器测试矿山复绿（示意）",
                                "village",
                                county,
                                null,
                                village,
                                "村集体",
                                "350000.00",
                                JSON.readTree(CreditsDemoData.site(
                                        b.gep(),
                                        inputs(b, county),
                                        point[0] - 0.02,
                                        point[1] + 0.01,
                                        0.004,
                                        CreditsDemoData.RESTORE,
                                        true)),
                                JSON.readTree("{\"toClass\":1}"),
                                "2026-01-01",
                                "2055-12-31",
                                null,
                                false,
                                List.of(
                                        new ReserveService.MilestoneInput("planting.done", "2026-10-31", "40"),
                                        new ReserveService.MilestoneInput("acceptance.done", "2028-10-31", "100"))),
                        UUID.randomUUID())
                .get("id");
        reserve.review(CreditsDemoData.MAKER, project, "approve", "浏览器测试", UUID.randomUUID());
        reserve.estimate(
                CreditsDemoData.MAKER,
                project,
                new ReserveService.EstimateInput(null, CreditsDemoData.INPUTS, null),
                UUID.randomUUID());
        for (String m : List.of("planting.done", "acceptance.done")) {
            reserve.verify(CreditsDemoData.MAKER, project, m, "YS-E2E-" + m, true, UUID.randomUUID());
        }
        String release =
                (String) reserve.proposeRelease(CreditsDemoData.MAKER, project, "acceptance.done", UUID.randomUUID())
                        .get("id");
        reserve.approveRelease(CreditsDemoData.CHECKER, release, UUID.randomUUID());
        long issued = Amounts.parseUnits(
                b.parties().get(CreditsDemoData.MAKER, village).issued());
        return (String) b.market()
                .list(
                        CreditsDemoData.MAKER,
                        new MarketService.ListingInput(village, CreditUnits.format(issued), "72.00"),
                        UUID.randomUUID())
                .get("id");
    }

    /** A small development with a loss (eco gate blocked) and the enterprise's cash to buy what it owes. */
    private static Map<String, Object> developmentToMeet(Beans b, String county, double[] point, String enterprise) {
        Map<String, Object> development = development(b, county, point, enterprise, "浏览器测试产业园（示意）", 0.0015);
        long owed = Amounts.parseUnits((String) ((Map<?, ?>) development.get("obligation")).get("amount"));
        deposit(b, county, enterprise, "浏览器测试企业银行账户", CreditUnits.paymentFen(owed, 7200) + 100);
        return development;
    }

    /** The market flow's buyer: a small development of its own (an open obligation) and 10,000.00 元 of cash. */
    private static void marketBuyer(Beans b, String county, double[] point, String buyer) {
        development(b, county, point, buyer, "浏览器测试物流仓（示意）", 0.0008);
        deposit(b, county, buyer, "浏览器测试买方银行账户", 1_000_000);
    }

    /** A development of {@code party} turning a square of half-size {@code half} (degrees) near {@code point} into built-up land. */
    private static Map<String, Object> development(
            Beans b, String county, double[] point, String party, String name, double half) {
        return b.developments()
                .create(
                        CreditsDemoData.MAKER,
                        new DevelopmentService.DevelopmentInput(
                                name,
                                county,
                                null,
                                party,
                                JSON.readTree(CreditsDemoData.site(
                                        b.gep(),
                                        inputs(b, county),
                                        point[0] + 0.02,
                                        point[1] - 0.01,
                                        half,
                                        CreditsDemoData.BUILD,
                                        false)),
                                JSON.readTree("{\"toClass\":13}"),
                                null,
                                CreditsDemoData.INPUTS,
                                null),
                        UUID.randomUUID());
    }

    /** Opens a bank account of {@code party} and moves {@code fen} from it into the party's cash account. */
    private static void deposit(Beans b, String county, String party, String bankName, long fen) {
        MoneyLedger.AccountSpec bank = MoneyLedger.AccountSpec.of(party, "credits.bank", county, bankName, false);
        b.money().open(List.of(bank));
        b.money()
                .submit(List.of(TransferRequest.transfer(
                        UUID.randomUUID(),
                        bank.id(),
                        PartyService.cashAccount(party),
                        fen,
                        Asset.CNY,
                        "credits.e2e.deposit")));
    }

    /** The demo input set and the county whose boundary the seed's footprints lie inside. */
    private static CreditsDemoData.Inputs inputs(Beans b, String county) {
        return new CreditsDemoData.Inputs(
                CreditsDemoData.INPUTS,
                b.divisions().boundary(county).orElseThrow().gk120());
    }

    private static String party(PartyService parties, String county, String name, String type) {
        return parties.createParty(
                        CreditsDemoData.MAKER, new PartyService.PartyInput(name, county, null, type), UUID.randomUUID())
                .id();
    }
}
