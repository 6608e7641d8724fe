package liangshan.app.ecoaccount.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.app.divisions.Divisions;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Warning rules and alerts over HTTP: who may see and change what, transitions, optimistic
 * locking, audit. Years 2000–2002 belong to this class. Three villages of 柯城区 drop from 1000 元/hm²
 * (2000) to 500, 400 and 300 (2001): −50 %, −60 %, −70 %, so the default city-wide rule (more
 * than 10 % down → warning) raises one alert each.
 */
@IntegrationTest
class GepWarningHttpTest {

    private static final String A = "330802";
    private static final String B = "330822";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Divisions divisions;

    private List<String> villages;

    @BeforeEach
    void results() {
        GepWarningTestData data = new GepWarningTestData(jdbc, divisions);
        villages = data.villages(A, 3);
        String r2080 = data.run(2000, A, Instant.parse("2000-06-01T00:00:00Z"));
        String r2081 = data.run(2001, A, Instant.parse("2001-06-01T00:00:00Z"));
        String[] after = {"500.00", "400.00", "300.00"};
        for (int i = 0; i < 3; i++) {
            data.result(r2080, villages.get(i), 2000, "1000.00", "0.00");
            data.result(r2081, villages.get(i), 2001, after[i], "0.00");
        }
    }

    private ApiClient as(Role role, String scope) {
        TestAccounts.Account a =
                TestAccounts.create(context, "gw-" + role.name().toLowerCase(), role, scope);
        return new ApiClient(port).signedIn(a.username(), a.password());
    }

    private long defaultYoyRule() {
        return jdbc.sql("select min(id) from gep_warning_rule where created_by = 'system' and kind = 'yoy-drop'")
                .query(Long.class)
                .single();
    }

    /** alert id by village for the default yoy rule in 2001, as the caller sees them. */
    private Map<String, Long> alertsSeenBy(ApiClient client) {
        ApiClient.Response r = client.get("/api/v1/gep/alerts?year=2001&size=500");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<String, Long> out = new LinkedHashMap<>();
        for (JsonNode a : r.json().path("items")) {
            if (a.path("ruleId").asLong() == defaultYoyRule()) {
                out.put(a.path("villageCode").asString(), a.path("id").asLong());
            }
        }
        return out;
    }

    private static String note(String text) {
        return ApiClient.json(Map.of("note", text));
    }

    @Test
    void alerts_scope_matrix_and_transitions() {
        ApiClient admin = as(Role.CITY_ADMIN, "3308");
        ApiClient officerA = as(Role.COUNTY_OFFICER, A);
        ApiClient officerB = as(Role.COUNTY_OFFICER, B);
        ApiClient accountant1 = as(Role.VILLAGE_ACCOUNTANT, villages.get(0));
        ApiClient accountant2 = as(Role.VILLAGE_ACCOUNTANT, villages.get(1));
        ApiClient auditor = as(Role.AUDITOR, "3308");

        assertThat(officerB.post("/api/v1/gep/warnings/evaluate?year=2001", null)
                        .json()
                        .path("raised")
                        .asInt())
                .isZero();
        assertThat(accountant1
                        .post("/api/v1/gep/warnings/evaluate?year=2001", null)
                        .status())
                .isEqualTo(403);
        ApiClient.Response eval = officerA.post("/api/v1/gep/warnings/evaluate?year=2001", null);
        assertThat(eval.status()).as(eval.toString()).isEqualTo(200);
        assertThat(eval.json().path("raised").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(admin.post("/api/v1/gep/warnings/evaluate?year=2001", null)
                        .json()
                        .path("raised")
                        .asInt())
                .isZero(); // nothing new: one alert per rule, village and year

        Map<String, Long> all = alertsSeenBy(admin);
        assertThat(all).containsOnlyKeys(villages);
        assertThat(alertsSeenBy(officerA)).isEqualTo(all);
        assertThat(alertsSeenBy(auditor)).isEqualTo(all);
        assertThat(alertsSeenBy(officerB)).isEmpty();
        assertThat(alertsSeenBy(accountant1)).containsOnlyKeys(villages.get(0));
        long a1 = all.get(villages.get(0));
        long a2 = all.get(villages.get(1));
        JsonNode shown = admin.get("/api/v1/gep/alerts/" + a1).json();
        // 1000 → 500: −50.0 %
        assertThat(shown.path("value").asString()).isEqualTo("500.00");
        assertThat(shown.path("reference").asString()).isEqualTo("1000.00");
        assertThat(shown.path("changePct").asString()).isEqualTo("-50.0");
        assertThat(shown.path("severity").asString()).isEqualTo("warning");
        assertThat(shown.path("status").asString()).isEqualTo("open");
        assertThat(shown.path("villageName").asString()).isNotBlank();
        assertThat(accountant1.get("/api/v1/gep/alerts/" + a1).status()).isEqualTo(200);
        assertThat(accountant2.get("/api/v1/gep/alerts/" + a1).code()).isEqualTo("gep.alert.not-found");
        assertThat(officerB.get("/api/v1/gep/alerts/" + a1).code()).isEqualTo("gep.alert.not-found");
        assertThat(officerA.get("/api/v1/gep/alerts?county=" + B).code()).isEqualTo("gep.division.not-found");
        assertThat(as(Role.BANK_OFFICER, "3308").get("/api/v1/gep/alerts").status())
                .isEqualTo(403);
        assertThat(as(Role.INVESTOR, "3308").get("/api/v1/gep/alerts").status()).isEqualTo(403);
        assertThat(new ApiClient(port).get("/api/v1/gep/alerts").status()).isEqualTo(401);

        transitions(admin, officerA, officerB, accountant1, auditor, a1, a2);
    }

    private void transitions(
            ApiClient admin,
            ApiClient officerA,
            ApiClient officerB,
            ApiClient accountant1,
            ApiClient auditor,
            long a1,
            long a2) {
        String ack = "/api/v1/gep/alerts/" + a1 + "/acknowledge";
        assertThat(accountant1.post(ack, note("seen")).status()).isEqualTo(403);
        assertThat(auditor.post(ack, note("seen")).status()).isEqualTo(403);
        assertThat(officerB.post(ack, note("seen")).code()).isEqualTo("gep.alert.not-found");
        ApiClient.Response acked = officerA.post(ack, note("实地核查中"));
        assertThat(acked.status()).as(acked.toString()).isEqualTo(200);
        assertThat(acked.json().path("status").asString()).isEqualTo("acknowledged");
        assertThat(acked.json().path("note").asString()).isEqualTo("实地核查中");
        assertThat(acked.json().path("acknowledgedBy").asString()).startsWith("gw-county_officer");
        assertThat(officerA.post(ack, note("again")).code()).isEqualTo("gep.alert.bad-transition");

        String resolve = "/api/v1/gep/alerts/" + a1 + "/resolve";
        ApiClient.Response noNote = officerA.post(resolve, note(" "));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(noNote)).containsExactly("gep.alert.note-required");
        ApiClient.Response resolved = officerA.post(resolve, note("采伐许可合法，已核实"));
        assertThat(resolved.json().path("status").asString()).isEqualTo("resolved");
        assertThat(officerA.post(resolve, note("again")).status()).isEqualTo(409);
        assertThat(officerA.post(ack, note("late")).code()).isEqualTo("gep.alert.bad-transition");
        // open → resolved directly
        assertThat(admin.post("/api/v1/gep/alerts/" + a2 + "/resolve", note("误报"))
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("resolved");

        ApiClient.Response resolvedList = officerA.get("/api/v1/gep/alerts?status=resolved&year=2001&county=" + A);
        List<Long> ids = new ArrayList<>();
        resolvedList.json().path("items").forEach(a -> ids.add(a.path("id").asLong()));
        assertThat(ids).contains(a1, a2);
        assertThat(officerA.get("/api/v1/gep/alerts?status=closed").status()).isEqualTo(400);

        assertThat(audited("ecoaccount.gep.alert.acknowledged", a1)).isEqualTo(1);
        assertThat(audited("ecoaccount.gep.alert.resolved", a1)).isEqualTo(1);
        assertThat(audited("ecoaccount.gep.alert.raised", a1)).isEqualTo(1);
    }

    private long audited(String action, long id) {
        return jdbc.sql("select count(*) from audit_log where action = :a and entity_id = :id")
                .param("a", action)
                .param("id", String.valueOf(id))
                .query(Long.class)
                .single();
    }

    private static String rule(String county, String kind, Object threshold, Object percentile, Integer version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("countyCode", county);
        body.put("kind", kind);
        body.put("measure", "regulatingPerHm2");
        body.put("thresholdPct", threshold);
        body.put("percentile", percentile);
        body.put("severity", "critical");
        body.put("nameZh", "测试规则");
        body.put("nameEn", "test rule");
        if (version != null) {
            body.put("version", version);
        }
        return ApiClient.json(body);
    }

    @Test
    void rules_are_scoped_versioned_and_never_deleted() {
        ApiClient admin = as(Role.CITY_ADMIN, "3308");
        ApiClient officerA = as(Role.COUNTY_OFFICER, A);
        ApiClient officerB = as(Role.COUNTY_OFFICER, B);
        ApiClient accountant = as(Role.VILLAGE_ACCOUNTANT, villages.get(0));

        ApiClient.Response created =
                officerA.post("/api/v1/gep/warning-rules", rule(A, "yoy-drop", "95.5", null, null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode rule = created.json();
        long id = rule.path("id").asLong();
        assertThat(rule.path("thresholdPct").asString()).isEqualTo("95.5");
        assertThat(rule.path("version").asInt()).isEqualTo(1);
        assertThat(rule.path("enabled").asBoolean()).isTrue();

        assertThat(officerA.post("/api/v1/gep/warning-rules", rule(null, "yoy-drop", "20", null, null))
                        .status())
                .isEqualTo(403); // city-wide: city admin only
        assertThat(officerA.post("/api/v1/gep/warning-rules", rule(B, "yoy-drop", "20", null, null))
                        .status())
                .isEqualTo(403);
        assertThat(accountant
                        .post("/api/v1/gep/warning-rules", rule(A, "yoy-drop", "20", null, null))
                        .status())
                .isEqualTo(403);
        ApiClient.Response cityWide =
                admin.post("/api/v1/gep/warning-rules", rule(null, "below-percentile", null, 1, null));
        assertThat(cityWide.status()).as(cityWide.toString()).isEqualTo(201);
        assertThat(admin.delete("/api/v1/gep/warning-rules/"
                                + cityWide.json().path("id").asLong())
                        .json()
                        .path("enabled")
                        .asBoolean())
                .isFalse();

        String path = "/api/v1/gep/warning-rules/" + id;
        ApiClient.Response changed =
                officerA.send("PUT", path, rule(A, "yoy-drop", "90.0", null, 1), "application/json");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("version").asInt()).isEqualTo(2);
        assertThat(changed.json().path("thresholdPct").asString()).isEqualTo("90.0");
        ApiClient.Response stale = admin.send("PUT", path, rule(A, "yoy-drop", "80.0", null, 1), "application/json");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("gep.rule.stale");
        assertThat(officerB.send("PUT", path, rule(A, "yoy-drop", "80.0", null, 2), "application/json")
                        .code())
                .isEqualTo("gep.rule.not-found");
        assertThat(officerB.delete(path).code()).isEqualTo("gep.rule.not-found");

        ApiClient.Response disabled = officerA.delete(path);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertThat(disabled.json().path("version").asInt()).isEqualTo(3);
        JsonNode listed = null;
        for (JsonNode r : officerA.get("/api/v1/gep/warning-rules").json()) {
            if (r.path("id").asLong() == id) {
                listed = r;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("enabled").asBoolean()).isFalse();
        assertThat(accountant.get("/api/v1/gep/warning-rules").status()).isEqualTo(200);
        assertThat(jdbc.sql("select string_agg(action, ',' order by seq) from audit_log where entity_type ="
                                + " 'gep-warning-rule' and entity_id = :id")
                        .param("id", String.valueOf(id))
                        .query(String.class)
                        .single())
                .isEqualTo("ecoaccount.gep.rule.created,ecoaccount.gep.rule.updated,ecoaccount.gep.rule.disabled");
    }

    @Test
    void invalid_rules_report_every_problem() {
        ApiClient admin = as(Role.CITY_ADMIN, "3308");
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("countyCode", "330899");
        bad.put("kind", "drop");
        bad.put("measure", "indicator:none");
        bad.put("severity", "loud");
        bad.put("nameZh", "");
        bad.put("nameEn", "x");
        ApiClient.Response invalid = admin.post("/api/v1/gep/warning-rules", ApiClient.json(bad));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(invalid))
                .containsExactlyInAnyOrder(
                        "gep.rule.county-invalid",
                        "gep.rule.kind-invalid",
                        "gep.rule.measure-invalid",
                        "gep.rule.severity-invalid",
                        "gep.rule.name-invalid");
        assertThat(ApiClient.errorCodes(
                        admin.post("/api/v1/gep/warning-rules", rule(A, "below-percentile", null, 100, null))))
                .containsExactly("gep.rule.percentile-invalid");
        assertThat(ApiClient.errorCodes(admin.post("/api/v1/gep/warning-rules", rule(A, "yoy-drop", "0", null, null))))
                .containsExactly("gep.rule.threshold-invalid");
    }
}
