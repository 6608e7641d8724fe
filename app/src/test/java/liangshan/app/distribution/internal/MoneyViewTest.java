package liangshan.app.distribution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import liangshan.app.distribution.internal.RegisterService.HouseholdInput;
import liangshan.app.distribution.internal.RegisterService.RegisterInput;
import liangshan.app.distribution.internal.RunService.RunInput;
import liangshan.app.distribution.internal.RunService.SourceInput;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.money.MoneyLedger;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import liangshan.app.web.ApiException;
import liangshan.gep.run.CjkFont;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Statements, income against the target, payables, exports, maker-checker for leases and projects and the
 * cancel of unposted runs, on one hand-computed scenario in a town of 常山县 that no other test writes to:
 *
 * <pre>
 * lease 120,000.00 元/yr, due 03-31, year 1 paid 2026-04-10 (late); option 50,000.00 / 100.00 → 500 shares
 * project "profit 50 %", investor 1,500 shares + village 500: 2026 profit 80,000.00 → 40,000.00 → village 10,000.00
 *                                                             2099 profit 20,000.00 → 10,000.00 → village 2,500.00
 * run 1: 130,000.00, retention 10 % = 13,000.00; households 1:2:3 → 19,500.00 / 39,000.00 / 58,500.00
 * run 1 reversed; run 4: 130,000.00, retention 20 % → 17,333.33 / 34,666.67 (largest remainder) / 52,000.00
 * household 2 statement: +39,000.00 −39,000.00 +34,666.67 = 34,666.67; run 4 line = rent 32,000.00 + dividend 2,666.67
 * </pre>
 */
@IntegrationTest
class MoneyViewTest {

    static final String COUNTY = "330822"; // 常山县

    @Autowired
    Divisions divisions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LeaseService leases;

    @Autowired
    ProjectService projects;

    @Autowired
    DividendService dividends;

    @Autowired
    RegisterService registers;

    @Autowired
    RunService runs;

    @Autowired
    RunPoster poster;

    @Autowired
    MoneyLedger money;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    /** The scenario, built once for all tests of the class (they only read it). */
    record Scenario(
            String village,
            String otherVillage,
            String town,
            List<String> households,
            String leaseId,
            String run1,
            String run4) {}

    private static Scenario scenario;

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e.status().value() + " " + e.code();
        }
        return "none";
    }

    private synchronized Scenario scenario() {
        if (scenario == null) {
            scenario = build();
        }
        return scenario;
    }

    private Scenario build() {
        String town = divisions.children(COUNTY).get(3).code();
        String village = divisions.children(town).get(0).code();
        String other = divisions.children(town).get(1).code();
        Actor coopA = DistributionFixtures.actor("mv-coop-a-" + village, Role.COOPERATIVE_OPERATOR, COUNTY);
        Actor coopB = DistributionFixtures.actor("mv-coop-b-" + village, Role.COOPERATIVE_OPERATOR, COUNTY);
        Actor clerk = DistributionFixtures.actor("mv-clerk-" + village, Role.VILLAGE_ACCOUNTANT, village);
        Actor officer = DistributionFixtures.actor("mv-officer-" + village, Role.COUNTY_OFFICER, COUNTY);
        String lease = lease(village, coopA, coopB);
        String paymentId =
                leases.pay(coopA, lease, 1, LocalDate.of(2026, 4, 10)).getKey().id();
        String[] dividendIds = projectAndDividends(village, lease, coopA, coopB);
        List<String> hs = DistributionFixtures.households(jdbc, village, 3);
        registers.replace(
                clerk,
                village,
                new RegisterInput(List.of(
                        new HouseholdInput(hs.get(0), 1L, false),
                        new HouseholdInput(hs.get(1), 2L, false),
                        new HouseholdInput(hs.get(2), 3L, false))));
        List<SourceInput> sources =
                List.of(new SourceInput("rent", paymentId), new SourceInput("dividend", dividendIds[0]));
        RunView run1 = runs.preview(clerk, village, new RunInput("2026", "130000.00", "10", null, null, sources, null));
        assertThat(run1.lines())
                .extracting(RunView.LineView::amountYuan)
                .containsExactly("19500.00", "39000.00", "58500.00");
        runs.approve(officer, run1.id(), null);
        poster.post(clerk, run1.id());
        cancelsAndReversals(village, clerk, officer, run1.id());
        RunView run4 = runs.preview(clerk, village, new RunInput("2026", "130000.00", "20", null, null, sources, null));
        assertThat(run4.lines())
                .extracting(RunView.LineView::amountYuan)
                .containsExactly("17333.33", "34666.67", "52000.00");
        runs.approve(officer, run4.id(), null);
        poster.post(clerk, run4.id());
        return new Scenario(village, other, town, hs, lease, run1.id(), run4.id());
    }

    /** A lease proposed by A: not payable, not approvable by A, approved by B. */
    private String lease(String village, Actor coopA, Actor coopB) {
        String pkg = DistributionFixtures.leasedPackage(jdbc, village);
        LeaseView lease = leases.create(
                coopA,
                new LeaseService.LeaseInput(
                        pkg,
                        "CS-2026-7",
                        "120000.00",
                        "0",
                        1,
                        "03-31",
                        new LeaseService.OptionInput("50000.00", "100.00")));
        assertThat(lease.status()).isEqualTo("proposed");
        assertThat(code(() -> leases.pay(coopA, lease.id(), 1, null))).isEqualTo("409 distribution.lease.not-active");
        assertThat(code(() -> leases.approve(coopA, lease.id(), null))).isEqualTo("409 distribution.same-person");
        assertThat(leases.approve(coopB, lease.id(), "checked").status()).isEqualTo("active");
        assertThat(code(() -> leases.approve(coopB, lease.id(), null))).isEqualTo("409 distribution.lease.bad-state");
        assertThat(code(() -> leases.pay(coopA, lease.id(), 2, LocalDate.of(2025, 12, 31))))
                .isEqualTo("400 distribution.payment.bad-date");
        return lease.id();
    }

    /** The project needs a second person before dividends; returns the ids of the 2026, 2099 and 2098 dividends. */
    private String[] projectAndDividends(String village, String lease, Actor coopA, Actor coopB) {
        String investor = DistributionFixtures.party(jdbc, village, "enterprise", "常山某文旅公司");
        var project = projects.create(
                coopA,
                new ProjectService.ProjectInput(
                        "胡柚林康养",
                        COUNTY,
                        new ProjectService.PolicyInput("profit", null, null, "50"),
                        List.of(new ProjectService.InvestorInput(investor, 1_500L))));
        assertThat(project.status()).isEqualTo("proposed");
        assertThat(code(() -> dividends.declare(coopA, project.id(), new DividendService.DeclareInput("2026", "1.00"))))
                .isEqualTo("409 distribution.project.not-approved");
        assertThat(code(() -> projects.convert(
                        coopA, lease, new ProjectService.ConversionInput(project.id(), LocalDate.of(2026, 6, 1)))))
                .isEqualTo("409 distribution.project.not-approved");
        assertThat(code(() -> projects.approve(coopA, project.id()))).isEqualTo("409 distribution.same-person");
        projects.approve(coopB, project.id());
        assertThat(projects.convert(
                                coopA,
                                lease,
                                new ProjectService.ConversionInput(project.id(), LocalDate.of(2026, 6, 1)))
                        .shares())
                .isEqualTo(500);
        String[] ids = new String[3];
        String[][] periods = {{"2026", "80000.00"}, {"2099", "20000.00"}, {"2098", "4000.00"}};
        for (int i = 0; i < 3; i++) {
            var d = dividends.declare(
                    coopA, project.id(), new DividendService.DeclareInput(periods[i][0], periods[i][1]));
            ids[i] = d.id();
            if (i < 2) {
                dividends.pay(coopB, d.id());
            }
        }
        return ids;
    }

    /** A previewed run is cancelled; a cancelled reversal frees the run for a new reversal that is posted. */
    private void cancelsAndReversals(String village, Actor clerk, Actor officer, String run1) {
        RunView small = runs.preview(clerk, village, new RunInput("2026", "100.00", "0", null, null, null, null));
        assertThat(runs.cancel(clerk, small.id(), "输错金额").status()).isEqualTo("cancelled");
        assertThat(code(() -> runs.approve(officer, small.id(), null))).isEqualTo("409 distribution.run.bad-state");
        assertThat(code(() -> poster.post(clerk, small.id()))).isEqualTo("409 distribution.run.bad-state");
        assertThat(code(() -> runs.cancel(clerk, small.id(), null))).isEqualTo("409 distribution.run.bad-state");
        assertThat(code(() -> runs.cancel(clerk, run1, null))).isEqualTo("409 distribution.run.bad-state");
        RunView reversal = runs.reverse(clerk, run1, null);
        runs.approve(officer, reversal.id(), null);
        assertThat(runs.cancel(officer, reversal.id(), null).status()).isEqualTo("cancelled");
        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_transfer where id = ?",
                        Long.class,
                        RunService.lineTransferId(reversal.id(), 1)))
                .isZero();
        RunView again = runs.reverse(clerk, run1, "重新冲回");
        runs.approve(officer, again.id(), null);
        assertThat(poster.post(clerk, again.id()).status()).isEqualTo("posted");
    }

    private long ledgerBalance(String partyId) {
        UUID id = DistributionAccounts.householdId(partyId);
        MoneyLedger.Balance b = money.balances(List.of(id)).get(id);
        return b == null ? 0 : b.postedFen();
    }

    private ApiClient signedIn(Role role, String scope) {
        TestAccounts.Account a =
                TestAccounts.create(context, "mv-" + role.name().toLowerCase(), role, scope);
        return new ApiClient(port).signedIn(a.username(), a.password());
    }

    private ApiClient household(String village, String partyId) {
        long number = jdbc.queryForObject("select number from eledger_party where id = ?", Long.class, partyId);
        TestAccounts.Account a = TestAccounts.createHousehold(context, "mv-hh", village, number);
        return new ApiClient(port).signedIn(a.username(), a.password());
    }

    @Test
    void statementLinesSumToTheLedgerBalanceAndAreTracedToTheirSources() {
        Scenario s = scenario();
        ApiClient clerk = signedIn(Role.VILLAGE_ACCOUNTANT, s.village());
        for (String h : s.households()) {
            JsonNode st = clerk.get("/api/v1/distribution/households/" + h + "/statement")
                    .json();
            long sum = 0;
            String opening = "0.00";
            for (JsonNode p : st.path("periods")) {
                assertThat(p.path("openingYuan").asString()).isEqualTo(opening);
                for (JsonNode l : p.path("lines")) {
                    long line = fen(l.path("amountYuan"));
                    sum += line;
                    long parts = 0;
                    for (JsonNode part : l.path("parts")) {
                        parts += fen(part.path("amountYuan"));
                    }
                    assertThat(parts).as("parts of a line sum to it").isEqualTo(line);
                }
                opening = p.path("closingYuan").asString();
            }
            assertThat(sum).isEqualTo(ledgerBalance(h)).isEqualTo(fen(st.path("balanceYuan")));
            assertThat(opening).isEqualTo(st.path("balanceYuan").asString());
        }
        JsonNode st = clerk.get(
                        "/api/v1/distribution/households/" + s.households().get(1) + "/statement")
                .json();
        assertThat(st.path("balanceYuan").asString()).isEqualTo("34666.67");
        assertThat(st.path("inYuan").asString()).isEqualTo("73666.67");
        assertThat(st.path("outYuan").asString()).isEqualTo("39000.00");
        List<String> amounts = new ArrayList<>();
        st.path("periods").forEach(p -> p.path("lines")
                .forEach(l -> amounts.add(l.path("amountYuan").asString())));
        assertThat(amounts).containsExactly("39000.00", "-39000.00", "34666.67");
        JsonNode last = st.path("periods").get(0).path("lines").get(2);
        assertThat(last.path("runId").asString()).isEqualTo(s.run4());
        assertThat(last.path("kind").asString()).isEqualTo("distribution");
        JsonNode rent = last.path("parts").get(0);
        assertThat(rent.path("kind").asString()).isEqualTo("rent");
        assertThat(rent.path("amountYuan").asString()).isEqualTo("32000.00");
        assertThat(rent.path("source").path("contractNumber").asString()).isEqualTo("CS-2026-7");
        assertThat(rent.path("source").path("packageName").asString()).isEqualTo("竹林资产包");
        assertThat(rent.path("source").path("leaseYear").asInt()).isEqualTo(1);
        JsonNode dividend = last.path("parts").get(1);
        assertThat(dividend.path("amountYuan").asString()).isEqualTo("2666.67");
        assertThat(dividend.path("source").path("projectName").asString()).isEqualTo("胡柚林康养");
        JsonNode reversal = st.path("periods").get(0).path("lines").get(1);
        assertThat(reversal.path("kind").asString()).isEqualTo("reversal");
        assertThat(reversal.path("parts"))
                .extracting(p -> p.path("amountYuan").asString())
                .containsExactly("-36000.00", "-3000.00");
    }

    @Test
    void aHouseholdSeesOnlyItsOwnStatementAndAnAccountantOnlyItsVillage() {
        Scenario s = scenario();
        String own = s.households().get(1);
        ApiClient hh = household(s.village(), own);
        JsonNode mine = hh.get("/api/v1/distribution/my/statement").json();
        assertThat(mine.path("partyId").asString()).isEqualTo(own);
        assertThat(mine.path("balanceYuan").asString()).isEqualTo("34666.67");
        assertThat(hh.get("/api/v1/distribution/households/" + own + "/statement")
                        .status())
                .isEqualTo(200);
        ApiClient.Response another =
                hh.get("/api/v1/distribution/households/" + s.households().get(0) + "/statement");
        assertThat(another.status()).isEqualTo(404);
        assertThat(another.code()).isEqualTo("distribution.household.not-found");
        assertThat(hh.get("/api/v1/distribution/villages/" + s.village() + "/income")
                        .status())
                .isEqualTo(404);
        assertThat(hh.get("/api/v1/distribution/payables").status()).isEqualTo(404);
        assertThat(hh.get("/api/v1/distribution/runs/" + s.run4()).status()).isEqualTo(404);
        assertThat(hh.post("/api/v1/distribution/runs/" + s.run4() + "/cancel", "{}")
                        .status())
                .isIn(403, 404);
        ApiClient stranger = signedIn(Role.VILLAGE_ACCOUNTANT, s.otherVillage());
        assertThat(stranger.get("/api/v1/distribution/households/" + own + "/statement")
                        .status())
                .isEqualTo(404);
        assertThat(stranger.get("/api/v1/distribution/villages/" + s.village() + "/income")
                        .status())
                .isEqualTo(404);
        assertThat(stranger.get("/api/v1/distribution/my/statement").status()).isEqualTo(404);
        String project = jdbc.queryForObject(
                "select project_id from dist_cap_entry where holder_id = ?", String.class, s.village());
        ApiClient clerk = signedIn(Role.VILLAGE_ACCOUNTANT, s.village());
        assertThat(clerk.get("/api/v1/distribution/projects/" + project + "/dividends")
                        .json()
                        .size())
                .as("a shareholder village reads the project's dividends")
                .isEqualTo(3);
        assertThat(stranger.get("/api/v1/distribution/projects/" + project + "/dividends")
                        .status())
                .isEqualTo(404);
        JsonNode rollup = stranger.get("/api/v1/distribution/income?division=" + s.town() + "&year=2026")
                .json();
        assertThat(rollup.path("villageCount").asInt()).isEqualTo(1);
        assertThat(rollup.path("villages").get(0).path("villageCode").asString())
                .isEqualTo(s.otherVillage());
        ApiClient county = signedIn(Role.COUNTY_OFFICER, COUNTY);
        assertThat(county.get("/api/v1/distribution/households/" + own + "/statement")
                        .status())
                .isEqualTo(200);
        assertThat(signedIn(Role.COUNTY_OFFICER, "330802")
                        .get("/api/v1/distribution/households/" + own + "/statement")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void villageIncomeAndTheRollupAgainstTheTargetAreTheHandComputedFigures() {
        Scenario s = scenario();
        ApiClient clerk = signedIn(Role.VILLAGE_ACCOUNTANT, s.village());
        JsonNode income = clerk.get("/api/v1/distribution/villages/" + s.village() + "/income?from=2025&to=2026")
                .json();
        JsonNode y2025 = income.path("years").get(0);
        assertThat(y2025.path("totalYuan").asString()).isEqualTo("0.00");
        JsonNode y2026 = income.path("years").get(1);
        assertThat(y2026.path("rentYuan").asString()).isEqualTo("120000.00");
        assertThat(y2026.path("dividendYuan").asString()).isEqualTo("10000.00");
        assertThat(y2026.path("otherYuan").asString()).isEqualTo("0.00");
        assertThat(y2026.path("totalYuan").asString()).isEqualTo("130000.00");
        assertThat(y2026.path("targetYuan").asString()).isEqualTo("300000.00");
        assertThat(y2026.path("reached").asBoolean()).isFalse();
        assertThat(y2026.path("shortfallYuan").asString()).isEqualTo("170000.00");

        ApiClient admin = signedIn(Role.CITY_ADMIN, "3308");
        assertThat(signedIn(Role.COUNTY_OFFICER, COUNTY)
                        .send(
                                "PUT",
                                "/api/v1/distribution/targets/2099",
                                "{\"targetYuan\":\"1.00\"}",
                                "application/json")
                        .status())
                .isEqualTo(403);
        ApiClient.Response bad =
                admin.send("PUT", "/api/v1/distribution/targets/1999", "{\"targetYuan\":\"-1\"}", "application/json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(bad))
                .containsExactlyInAnyOrder("distribution.target.bad-year", "distribution.target.bad-target");
        assertThat(admin.send(
                                "PUT",
                                "/api/v1/distribution/targets/2099",
                                "{\"targetYuan\":\"2000.00\"}",
                                "application/json")
                        .status())
                .isEqualTo(200);
        JsonNode rollup = admin.get("/api/v1/distribution/income?division=" + s.town() + "&year=2099")
                .json();
        int villages = divisions.children(s.town()).size();
        assertThat(rollup.path("targetYuan").asString()).isEqualTo("2000.00");
        assertThat(rollup.path("villageCount").asInt()).isEqualTo(villages);
        assertThat(rollup.path("reachedCount").asInt()).isEqualTo(1);
        assertThat(rollup.path("belowCount").asInt()).isEqualTo(villages - 1);
        assertThat(rollup.path("totalYuan").asString()).isEqualTo("2500.00");
        JsonNode first = rollup.path("villages").get(0);
        assertThat(first.path("villageCode").asString()).isEqualTo(s.village());
        assertThat(first.path("dividendYuan").asString()).isEqualTo("2500.00");
        assertThat(first.path("reached").asBoolean()).isTrue();
        JsonNode below = admin.get("/api/v1/distribution/income?division=" + s.town() + "&year=2099&below=true")
                .json();
        assertThat(below.path("villages").size()).isEqualTo(villages - 1);
        assertThat(below.path("villages").get(0).path("shortfallYuan").asString())
                .isEqualTo("2000.00");
    }

    @Test
    void payablesMarkLateAndOverdueRentAndUnpaidDividends() {
        Scenario s = scenario();
        ApiClient county = signedIn(Role.COUNTY_OFFICER, COUNTY);
        JsonNode p = county.get("/api/v1/distribution/payables?division=" + s.town() + "&asOf=2027-04-15")
                .json();
        JsonNode rent = p.path("rent");
        assertThat(rent.size()).isEqualTo(2);
        assertThat(rent.get(0).path("status").asString()).isEqualTo("overdue");
        assertThat(rent.get(0).path("year").asInt()).isEqualTo(2);
        assertThat(rent.get(0).path("dueOn").asString()).isEqualTo("2027-03-31");
        assertThat(rent.get(0).path("daysOverdue").asLong()).isEqualTo(15);
        assertThat(rent.get(1).path("status").asString()).isEqualTo("paid-late");
        assertThat(rent.get(1).path("paidOn").asString()).isEqualTo("2026-04-10");
        JsonNode t = p.path("totals");
        assertThat(t.path("rentDueYuan").asString()).isEqualTo("240000.00");
        assertThat(t.path("rentPaidYuan").asString()).isEqualTo("120000.00");
        assertThat(t.path("rentOverdueYuan").asString()).isEqualTo("120000.00");
        // dividends 40,000.00 + 10,000.00 paid, 2,000.00 (2098) declared and unpaid → overdue by 2027-04-15
        assertThat(t.path("dividendsDeclaredYuan").asString()).isEqualTo("52000.00");
        assertThat(t.path("dividendsPaidYuan").asString()).isEqualTo("50000.00");
        assertThat(t.path("dividendsOverdueYuan").asString()).isEqualTo("2000.00");
        assertThat(t.path("overdueCount").asInt()).isEqualTo(2);
        JsonNode early = county.get("/api/v1/distribution/payables?division=" + s.town() + "&asOf=2026-04-01")
                .json();
        assertThat(early.path("rent").get(0).path("status").asString()).isEqualTo("overdue");
        assertThat(early.path("rent").get(0).path("daysOverdue").asLong()).isEqualTo(1);
    }

    @Test
    void exportsParseBackWithEqualTotalsAndPdfsAreChinese() throws IOException {
        Scenario s = scenario();
        ApiClient clerk = signedIn(Role.VILLAGE_ACCOUNTANT, s.village());
        String h = s.households().get(1);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                download(clerk, "/api/v1/distribution/households/" + h + "/statement.xlsx")))) {
            Sheet lines = wb.getSheet("明细");
            assertThat(lines.getRow(0).getCell(7).getStringCellValue()).isEqualTo("来源金额（元）");
            BigDecimal parts = BigDecimal.ZERO;
            for (int r = 1; r <= lines.getLastRowNum(); r++) {
                parts = parts.add(yuan(lines.getRow(r).getCell(7).getNumericCellValue()));
            }
            assertThat(parts).isEqualByComparingTo("34666.67");
            Row period = wb.getSheet("期间余额").getRow(1);
            assertThat(yuan(period.getCell(4).getNumericCellValue())).isEqualByComparingTo("34666.67");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                download(clerk, "/api/v1/distribution/villages/" + s.village() + "/income.xlsx?from=2026&to=2026")))) {
            Row y = wb.getSheet("按年收入").getRow(1);
            assertThat(y.getCell(0).getStringCellValue()).isEqualTo("2026");
            assertThat(yuan(y.getCell(1).getNumericCellValue())
                            .add(yuan(y.getCell(2).getNumericCellValue()))
                            .add(yuan(y.getCell(3).getNumericCellValue())))
                    .isEqualByComparingTo(yuan(y.getCell(4).getNumericCellValue()))
                    .isEqualByComparingTo("130000.00");
        }
        ApiClient county = signedIn(Role.COUNTY_OFFICER, COUNTY);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                download(county, "/api/v1/distribution/payables.xlsx?division=" + s.town() + "&asOf=2027-04-15")))) {
            Sheet rent = wb.getSheet("租金");
            BigDecimal sum = BigDecimal.ZERO;
            for (int r = 1; r <= rent.getLastRowNum(); r++) {
                sum = sum.add(yuan(rent.getRow(r).getCell(5).getNumericCellValue()));
            }
            assertThat(sum).isEqualByComparingTo("240000.00");
            assertThat(rent.getRow(1).getCell(7).getStringCellValue()).isEqualTo("逾期未付");
        }
        Assumptions.assumeTrue(CjkFont.find().isPresent(), "no CJK font installed (fonts-wqy-microhei)");
        for (String path : List.of(
                "/api/v1/distribution/households/" + h + "/statement.pdf",
                "/api/v1/distribution/villages/" + s.village() + "/income.pdf",
                "/api/v1/distribution/payables.pdf?division=" + s.town())) {
            byte[] pdf = download(path.contains("payables") ? county : clerk, path);
            // Kept beside the browser screenshots, to be looked at.
            java.nio.file.Path dir = java.nio.file.Path.of("target", "money-exports");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(path.replaceAll("[^a-z]+", "-") + ".pdf"), pdf);
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            String text = pdfText(pdf);
            assertThat(text).containsAnyOf("农户收益明细", "村集体收入", "两山合作社应付");
            if (path.contains("statement")) {
                assertThat(text).contains("34666.67").contains("CS-2026-7");
            }
        }
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (var reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            StringBuilder out = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                out.append(extractor.getTextFromPage(page));
            }
            return out.toString();
        }
    }

    private static long fen(JsonNode yuan) {
        return new BigDecimal(yuan.asString()).movePointRight(2).longValueExact();
    }

    private static BigDecimal yuan(double cell) {
        return BigDecimal.valueOf(cell).setScale(2, RoundingMode.HALF_UP);
    }

    private byte[] download(ApiClient client, String path) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Cookie", "JSESSIONID=" + client.cookie("JSESSIONID"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode())
                    .as(path + ": " + new String(r.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
