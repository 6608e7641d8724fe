package liangshan.app.ecoaccount.internal;

import static liangshan.app.ecoaccount.internal.GepRunFixtures.BASE;
import static liangshan.app.ecoaccount.internal.GepRunFixtures.COUNTY;
import static liangshan.app.ecoaccount.internal.GepRunFixtures.DRY;
import static liangshan.app.ecoaccount.internal.GepRunFixtures.OTHER_COUNTY;
import static liangshan.app.ecoaccount.internal.GepRunFixtures.runToSuccess;
import static liangshan.app.ecoaccount.internal.GepRunFixtures.start;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import liangshan.gep.run.CjkFont;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Eco accounts over stored runs: two years of one county (2051 base, 2052 drier with built-up
 * growth) roll up from villages to towns and the county exactly, with year-on-year change, per-km²
 * values, ranked children, choropleth breaks, XLSX and PDF; and the data-scope rules for county
 * officers and village accountants.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GepAccountsIntegrationTest {

    static final int Y1 = 2051;
    static final int Y2 = 2052;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Divisions divisions;

    private ApiClient admin;
    private String runId;

    @BeforeAll
    void twoYearsOfOneCounty() {
        GepRunFixtures.writeInputSets(context.getBean(GepSynthLandscapes.class), context.getBean(GepInputSets.class));
        TestAccounts.Account a = TestAccounts.create(context, "gep-acc-admin", Role.CITY_ADMIN, "3308");
        admin = new ApiClient(port).signedIn(a.username(), a.password());
        runToSuccess(admin, BASE, Y1, COUNTY);
        runId = runToSuccess(admin, DRY, Y2, COUNTY).path("id").asString();
    }

    private BigDecimal sql(String prefix, int year) {
        return jdbc.sql("select coalesce(sum(value_yuan), 0) from gep_result where village_code like ? and year = ?")
                .params(prefix + "%", year)
                .query(BigDecimal.class)
                .single();
    }

    private static BigDecimal dec(JsonNode n) {
        return new BigDecimal(n.asString());
    }

    @Test
    void theCountyIsTheSumOfItsVillagesAndOfItsTowns() {
        JsonNode county =
                admin.get("/api/v1/gep/accounts/" + COUNTY + "?year=" + Y2).json();
        assertThat(county.path("level").asString()).isEqualTo("county");
        assertThat(county.path("name").asString()).isEqualTo("柯城区");
        assertThat(county.path("illustrative").asBoolean()).isTrue();
        BigDecimal total = dec(county.path("totalYuan"));
        assertThat(total).isEqualByComparingTo(sql(COUNTY, Y2)).isPositive();
        assertThat(county.path("villages").asInt()).isGreaterThan(250);
        assertThat(county.path("run").path("id").asString()).isEqualTo(runId);
        assertThat(county.path("run").path("methodEdition").asString()).isEqualTo("LS-2026.1");

        BigDecimal byClass = BigDecimal.ZERO;
        for (String c : List.of("provisioning", "regulating", "cultural")) {
            byClass = byClass.add(dec(county.path("byClass").path(c)));
        }
        assertThat(byClass).isEqualByComparingTo(total);
        BigDecimal byIndicator = BigDecimal.ZERO;
        for (JsonNode i : county.path("indicators")) {
            byIndicator = byIndicator.add(dec(i.path("valueYuan")));
        }
        assertThat(byIndicator).isEqualByComparingTo(total);
        assertThat(county.path("indicators").size()).isEqualTo(16);

        JsonNode water = indicator(county, "water_conservation");
        BigDecimal quantity = jdbc.sql("select sum(quantity) from gep_result where village_code like ? and year = ?"
                        + " and indicator = 'water_conservation'")
                .params(COUNTY + "%", Y2)
                .query(BigDecimal.class)
                .single();
        assertThat(dec(water.path("quantity"))).isEqualByComparingTo(quantity);
        assertThat(water.path("unit").asString()).isNotBlank();
        assertThat(water.path("serviceClass").asString()).isEqualTo("regulating");

        JsonNode children = admin.get("/api/v1/gep/accounts/" + COUNTY + "/children?year=" + Y2)
                .json();
        BigDecimal towns = BigDecimal.ZERO;
        for (JsonNode town : children) {
            BigDecimal t = dec(town.path("totalYuan"));
            assertThat(t)
                    .as(town.path("code").asString())
                    .isEqualByComparingTo(sql(town.path("code").asString(), Y2));
            towns = towns.add(t);
        }
        assertThat(towns).isEqualByComparingTo(total);

        double areaM2 = divisions.boundary(COUNTY).orElseThrow().areaSquareMetres();
        BigDecimal perKm2 = total.multiply(BigDecimal.valueOf(1_000_000))
                .divide(BigDecimal.valueOf(areaM2), 2, RoundingMode.HALF_UP);
        assertThat(dec(county.path("perKm2Yuan"))).isEqualByComparingTo(perKm2);
    }

    private static JsonNode indicator(JsonNode account, String id) {
        for (JsonNode i : account.path("indicators")) {
            if (i.path("id").asString().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + id);
    }

    @Test
    void yearOnYearComparesWithTheLatestEarlierYear() {
        JsonNode years = admin.get("/api/v1/gep/accounts/" + COUNTY + "/years").json();
        List<Integer> list = new ArrayList<>();
        years.forEach(y -> list.add(y.path("year").asInt()));
        assertThat(list).contains(Y1, Y2).isSorted();

        JsonNode county =
                admin.get("/api/v1/gep/accounts/" + COUNTY + "?year=" + Y2).json();
        assertThat(county.path("previousYear").asInt()).isEqualTo(Y1);
        BigDecimal now = sql(COUNTY, Y2);
        BigDecimal before = sql(COUNTY, Y1);
        assertThat(dec(county.path("previousTotalYuan"))).isEqualByComparingTo(before);
        BigDecimal pct = now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
        assertThat(county.path("changePct").asString()).isEqualTo(pct.toPlainString());
        assertThat(pct.signum())
                .as("a drier year with less forest has less GEP")
                .isNegative();
        JsonNode water = indicator(county, "water_conservation");
        assertThat(new BigDecimal(water.path("changePct").asString()).signum()).isNegative();

        JsonNode first =
                admin.get("/api/v1/gep/accounts/" + COUNTY + "?year=" + Y1).json();
        assertThat(first.path("previousYear").isNull()
                        || first.path("previousYear").asInt() < Y1)
                .isTrue();
        assertThat(admin.get("/api/v1/gep/accounts/" + COUNTY + "?year=1999").code())
                .isEqualTo("gep.account.no-results");
    }

    @Test
    void childrenAreRankedByValuePerSquareKilometre() {
        JsonNode children = admin.get("/api/v1/gep/accounts/" + COUNTY + "/children?year=" + Y2)
                .json();
        assertThat(children.size()).isEqualTo(divisions.children(COUNTY).size());
        BigDecimal previous = null;
        for (int i = 0; i < children.size(); i++) {
            JsonNode c = children.get(i);
            assertThat(c.path("rank").asInt()).isEqualTo(i + 1);
            assertThat(c.path("level").asString()).isEqualTo("town");
            assertThat(c.path("changePct").isNull()).isFalse();
            BigDecimal perKm2 = dec(c.path("perKm2Yuan"));
            if (previous != null) {
                assertThat(perKm2).isLessThanOrEqualTo(previous);
            }
            previous = perKm2;
        }
    }

    @Test
    void theChoroplethHasOneValuePerTownAndQuantileBreaks() {
        JsonNode map = admin.get(
                        "/api/v1/gep/choropleth?level=town&parent=" + COUNTY + "&year=" + Y2 + "&measure=total")
                .json();
        JsonNode children = admin.get("/api/v1/gep/accounts/" + COUNTY + "/children?year=" + Y2)
                .json();
        assertThat(map.path("unit").asString()).isEqualTo("元");
        assertThat(map.path("values").size()).isEqualTo(children.size());
        List<BigDecimal> values = new ArrayList<>();
        for (JsonNode c : children) {
            BigDecimal v = dec(map.path("values").path(c.path("code").asString()));
            assertThat(v).isEqualByComparingTo(dec(c.path("totalYuan")));
            values.add(v);
        }
        values.sort(null);
        JsonNode breaks = map.path("breaks");
        assertThat(breaks.size()).isEqualTo(5);
        assertThat(dec(breaks.get(4))).isEqualByComparingTo(values.get(values.size() - 1));
        int n = values.size();
        assertThat(dec(breaks.get(0))).isEqualByComparingTo(values.get((n + 4) / 5 - 1));
        ApiClient.Response changeAnswer =
                admin.get("/api/v1/gep/choropleth?level=village&parent=" + COUNTY + "&measure=changePct");
        assertThat(changeAnswer.status()).as(changeAnswer.toString()).isEqualTo(200);
        JsonNode change = changeAnswer.json();
        assertThat(change.path("values").size()).isGreaterThan(250);
        assertThat(change.path("year").asInt()).isGreaterThanOrEqualTo(Y2);
        assertThat(change.path("unit").asString()).isEqualTo("%");
        assertThat(admin.get("/api/v1/gep/choropleth?level=city&measure=nope").code())
                .isEqualTo("gep.choropleth.invalid");
    }

    @Test
    void aCountyOfficerSeesAndRunsOnlyTheOwnCounty() {
        TestAccounts.Account other = TestAccounts.create(context, "gep-co-other", Role.COUNTY_OFFICER, OTHER_COUNTY);
        ApiClient officer = new ApiClient(port).signedIn(other.username(), other.password());
        assertThat(officer.get("/api/v1/gep/accounts/" + COUNTY + "?year=" + Y2).code())
                .isEqualTo("gep.division.not-found");
        assertThat(officer.get("/api/v1/gep/accounts/" + COUNTY + "/years").status())
                .isEqualTo(404);
        assertThat(officer.get("/api/v1/gep/accounts/3308").status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/gep/runs/" + runId).code()).isEqualTo("gep.run.not-found");
        assertThat(officer.post("/api/v1/gep/runs/" + runId + "/cancel", "").status())
                .isEqualTo(404);
        ApiClient.Response run = start(officer, BASE, 2053, COUNTY);
        assertThat(run.status()).isEqualTo(404);
        assertThat(run.code()).isEqualTo("gep.division.not-found");
        assertThat(start(officer, BASE, 2053, "3308").status()).isEqualTo(404);
        officer.get("/api/v1/gep/runs?size=500").json().path("items").forEach(r -> assertThat(
                        r.path("scope").asString())
                .isIn(OTHER_COUNTY, "3308"));
        ApiClient.Response map = officer.get("/api/v1/gep/choropleth?level=village&parent=3308&measure=total");
        if (map.status() == 404) {
            assertThat(map.code()).as("no results in the own county yet").isEqualTo("gep.account.no-results");
        } else {
            assertThat(map.status()).isEqualTo(200);
            map.json().path("values").propertyNames().forEach(code -> assertThat(code)
                    .startsWith(OTHER_COUNTY));
        }

        TestAccounts.Account own = TestAccounts.create(context, "gep-co-own", Role.COUNTY_OFFICER, COUNTY);
        ApiClient ownOfficer = new ApiClient(port).signedIn(own.username(), own.password());
        assertThat(ownOfficer
                        .get("/api/v1/gep/accounts/" + COUNTY + "?year=" + Y2)
                        .status())
                .isEqualTo(200);
        assertThat(ownOfficer.get("/api/v1/gep/runs/" + runId).status()).isEqualTo(200);
    }

    @Test
    void aVillageAccountantSeesOnlyTheOwnVillageAndCannotRun() {
        String village = jdbc.sql("select min(village_code) from gep_result where year = ? and village_code like ?")
                .params(Y2, COUNTY + "%")
                .query(String.class)
                .single();
        TestAccounts.Account va = TestAccounts.create(context, "gep-va", Role.VILLAGE_ACCOUNTANT, village);
        ApiClient accountant = new ApiClient(port).signedIn(va.username(), va.password());
        ApiClient.Response own = accountant.get("/api/v1/gep/accounts/" + village + "?year=" + Y2);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().path("villages").asInt()).isEqualTo(1);
        assertThat(own.json().path("level").asString()).isEqualTo("village");
        assertThat(dec(own.json().path("totalYuan"))).isEqualByComparingTo(sql(village, Y2));
        assertThat(accountant.get("/api/v1/gep/accounts/" + COUNTY).status()).isEqualTo(404);
        assertThat(accountant
                        .get("/api/v1/gep/accounts/" + village.substring(0, 9))
                        .status())
                .isEqualTo(404);
        assertThat(start(accountant, BASE, 2054, COUNTY).status()).isEqualTo(403);
        JsonNode map = accountant
                .get("/api/v1/gep/choropleth?level=village&parent=" + COUNTY + "&year=" + Y2)
                .json();
        assertThat(map.path("values").propertyNames()).containsExactly(village);
    }

    @Test
    void theWorkbookHasTheTotalsInChinese() throws IOException {
        byte[] xlsx = download("/api/v1/gep/accounts/" + COUNTY + "/export.xlsx?year=" + Y2);
        JsonNode county =
                admin.get("/api/v1/gep/accounts/" + COUNTY + "?year=" + Y2).json();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetName(0)).isEqualTo("概要");
            assertThat(wb.getSheetName(1)).isEqualTo("指标");
            assertThat(wb.getSheetName(2)).isEqualTo("下级");
            Map<String, Row> summary = new HashMap<>();
            wb.getSheet("概要").forEach(r -> summary.put(r.getCell(0).getStringCellValue(), r));
            assertThat(money(summary.get("GEP 合计（元）").getCell(1).getNumericCellValue()))
                    .isEqualByComparingTo(dec(county.path("totalYuan")));
            Sheet indicators = wb.getSheet("指标");
            assertThat(indicators.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标");
            Row total = indicators.getRow(indicators.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(money(total.getCell(5).getNumericCellValue()))
                    .isEqualByComparingTo(dec(county.path("totalYuan")));
            assertThat(wb.getSheet("下级").getLastRowNum())
                    .isEqualTo(divisions.children(COUNTY).size());
        }
    }

    @Test
    void theReportIsAPdf() {
        Assumptions.assumeTrue(CjkFont.find().isPresent(), "no CJK font installed (fonts-wqy-microhei)");
        byte[] pdf = download("/api/v1/gep/accounts/" + COUNTY + "/report.pdf?year=" + Y2);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(pdf.length).isGreaterThan(10_000);
    }

    @Test
    void withoutAChineseFontTheReportAnswers503() {
        String before = System.getProperty(CjkFont.PROPERTY);
        System.setProperty(CjkFont.PROPERTY, "/nonexistent/no-such-font.ttc");
        try {
            ApiClient.Response r = admin.get("/api/v1/gep/accounts/" + COUNTY + "/report.pdf?year=" + Y2);
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.code()).isEqualTo("gep.report.no-font");
            assertThat(r.json().path("messageEn").asString()).contains("fonts-wqy-microhei");
        } finally {
            if (before == null) {
                System.clearProperty(CjkFont.PROPERTY);
            } else {
                System.setProperty(CjkFont.PROPERTY, before);
            }
        }
    }

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    /** GET with the admin's session cookie, as bytes. */
    private byte[] download(String path) {
        String session = admin.cookie("JSESSIONID");
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Cookie", "JSESSIONID=" + session)
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode())
                    .as(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
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
