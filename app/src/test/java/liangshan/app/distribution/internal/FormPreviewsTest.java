package liangshan.app.distribution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The reads behind the web forms: leasable packages, a lease's schedule and a dividend's lines before the
 * command — the same numbers the command then stores, and the same rejections. Hand-computed:
 *
 * <pre>
 * rent 100,000.00 元/yr, +5 % every 3 years: years 1–3 100,000.00, 4–6 105,000.00, 7–9 110,250.00
 * option 50,000.00 / 300.00 per share → 166 shares, residual 200.00
 * profit 1,000.01 × 50 % = 500.00 (rounded down), shares 1 : 2 → 166.67 + 333.33 (largest remainder)
 * </pre>
 */
@IntegrationTest
class FormPreviewsTest {

    static final String COUNTY = "330822"; // 常山县

    @Autowired
    Divisions divisions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    private ApiClient signedIn(Role role, String scope) {
        TestAccounts.Account a =
                TestAccounts.create(context, "fp-" + role.name().toLowerCase(), role, scope);
        return new ApiClient(port).signedIn(a.username(), a.password());
    }

    private static final String TERMS =
            "&contractNumber=FP-1&annualRentYuan=100000.00&escalationPct=5&escalationEveryYears=3"
                    + "&paymentDay=03-31&optionValuationYuan=50000.00&optionPricePerShareYuan=300.00";

    @Test
    void aLeasePreviewShowsTheScheduleTheLeaseThenHasAndTheFormsRejections() {
        String village = DistributionFixtures.village(divisions, COUNTY, 2, 5);
        String pkg = DistributionFixtures.leasedPackage(jdbc, village);
        ApiClient county = signedIn(Role.COUNTY_OFFICER, COUNTY);

        JsonNode open = county.get("/api/v1/distribution/villages/" + village + "/leasable-packages")
                .json();
        JsonNode mine = find(open, "packageId", pkg);
        assertThat(mine.path("lesseeName").asString()).isEqualTo("两山合作社");
        assertThat(mine.path("termFrom").asString()).isEqualTo("2026-01-01");

        ApiClient.Response preview = county.get("/api/v1/distribution/leases/preview?packageId=" + pkg + TERMS);
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonNode p = preview.json();
        assertThat(p.path("termTo").asString()).isEqualTo("2036-01-01");
        JsonNode years = p.path("schedule");
        assertThat(years.get(0).path("amountYuan").asString()).isEqualTo("100000.00");
        assertThat(years.get(2).path("amountYuan").asString()).isEqualTo("100000.00");
        assertThat(years.get(3).path("amountYuan").asString()).isEqualTo("105000.00");
        assertThat(years.get(6).path("amountYuan").asString()).isEqualTo("110250.00");
        assertThat(years.get(0).path("dueOn").asString()).isEqualTo("2026-03-31");
        assertThat(p.path("option").path("shares").asLong()).isEqualTo(166);
        assertThat(p.path("option").path("residualYuan").asString()).isEqualTo("200.00");

        ApiClient.Response bad = county.get("/api/v1/distribution/leases/preview?packageId=" + pkg
                + "&annualRentYuan=12.345&escalationPct=101&paymentDay=02-30&optionValuationYuan=1");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(ApiClient.errorFields(bad))
                .contains(
                        "annualRentYuan", "escalationPct", "paymentDay", "contractNumber", "option.pricePerShareYuan");
        assertThat(signedIn(Role.VILLAGE_ACCOUNTANT, village)
                        .get("/api/v1/distribution/leases/preview?packageId=" + pkg + TERMS)
                        .status())
                .isEqualTo(403);

        ApiClient.Response created = county.post(
                "/api/v1/distribution/leases",
                ApiClient.json(Map.of(
                        "packageId", pkg,
                        "contractNumber", "FP-1",
                        "annualRentYuan", "100000.00",
                        "escalationPct", "5",
                        "escalationEveryYears", 3,
                        "paymentDay", "03-31",
                        "option", Map.of("valuationYuan", "50000.00", "pricePerShareYuan", "300.00"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(amounts(created.json().path("schedule"))).isEqualTo(amounts(years));
        assertThat(created.json().path("totalRentYuan").asString())
                .isEqualTo(p.path("totalRentYuan").asString());

        ApiClient.Response again = county.get("/api/v1/distribution/leases/preview?packageId=" + pkg + TERMS);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("distribution.lease.exists");
        JsonNode after = county.get("/api/v1/distribution/villages/" + village + "/leasable-packages")
                .json();
        assertThat(find(after, "packageId", pkg)).isNull();
    }

    @Test
    void aDividendPreviewShowsTheLinesTheDeclarationThenHas() {
        String village = DistributionFixtures.village(divisions, COUNTY, 2, 5);
        String a = DistributionFixtures.party(jdbc, village, "enterprise", "甲公司");
        String b = DistributionFixtures.party(jdbc, village, "enterprise", "乙公司");
        ApiClient county = signedIn(Role.COUNTY_OFFICER, COUNTY);
        ApiClient checker = signedIn(Role.COOPERATIVE_OPERATOR, COUNTY);
        JsonNode project = county.post(
                        "/api/v1/distribution/projects",
                        ApiClient.json(Map.of(
                                "name",
                                "预览项目",
                                "countyCode",
                                COUNTY,
                                "policy",
                                Map.of("kind", "profit", "profitSharePct", "50"),
                                "investors",
                                List.of(Map.of("partyId", a, "shares", 1), Map.of("partyId", b, "shares", 2)))))
                .json();
        String id = project.path("id").asString();
        String path = "/api/v1/distribution/projects/" + id + "/dividends";
        ApiClient.Response notApproved = county.get(path + "/preview?period=2097&profitYuan=1000.01");
        assertThat(notApproved.code()).isEqualTo("distribution.project.not-approved");
        assertThat(checker.post("/api/v1/distribution/projects/" + id + "/approve", "{}")
                        .status())
                .isEqualTo(200);

        ApiClient.Response preview = county.get(path + "/preview?period=2097&profitYuan=1000.01");
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().path("totalYuan").asString()).isEqualTo("500.00");
        assertThat(amounts(preview.json().path("lines"))).containsExactly("166.67", "333.33");
        ApiClient.Response bad = county.get(path + "/preview?period=2097-13&profitYuan=x");
        assertThat(ApiClient.errorFields(bad)).containsExactlyInAnyOrder("period", "profitYuan");

        ApiClient.Response declared = county.post(path, "{\"period\":\"2097\",\"profitYuan\":\"1000.01\"}");
        assertThat(declared.status()).isEqualTo(201);
        assertThat(amounts(declared.json().path("lines"))).containsExactly("166.67", "333.33");
        assertThat(county.get(path + "/preview?period=2097&profitYuan=1000.01").code())
                .isEqualTo("distribution.dividend.exists");
    }

    private static List<String> amounts(JsonNode rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.path("amountYuan").asString()));
        return out;
    }

    private static JsonNode find(JsonNode rows, String field, String value) {
        for (JsonNode r : rows) {
            if (r.path(field).asString().equals(value)) {
                return r;
            }
        }
        return null;
    }
}
