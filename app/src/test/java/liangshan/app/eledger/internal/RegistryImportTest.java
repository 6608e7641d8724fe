package liangshan.app.eledger.internal;

import static liangshan.app.eledger.internal.EledgerFixtures.d;
import static liangshan.app.eledger.internal.EledgerFixtures.doc;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Importing the registry records a reconciliation found missing in the ledger: all or nothing (one
 * record without a parent right → 422 naming its line and column, nothing stored), then the good
 * record alone imports as a contract right with the registry's holder and certificate, once.
 */
@IntegrationTest
class RegistryImportTest {

    static final String COUNTY = "330824"; // 开化县

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Divisions divisions;

    @Autowired
    ResourceService resources;

    @Autowired
    PartyService parties;

    @Autowired
    RightService rights;

    @Autowired
    RightStore store;

    @Autowired
    JdbcClient jdbc;

    EledgerFixtures.Ledger ledger() {
        return new EledgerFixtures.Ledger(divisions, resources, parties, rights);
    }

    @Test
    void missingRegistryRecordsImportAllOrNothingAndOnlyOnce() {
        List<Division> towns = divisions.children(COUNTY);
        List<Division> villages = divisions.children(towns.get(1).code());
        String village = villages.get(villages.size() - 1).code();
        Actor clerk = EledgerFixtures.clerk(village);
        EledgerFixtures.Ledger ledger = ledger();
        String collective = ledger.party(clerk, village, "collective", "导登村集体");
        String unitA = "330824101001JA00001";
        String unitB = "330824101001JA00002";
        String a = ledger.farmland(clerk, village, unitA, 0);
        ledger.farmland(clerk, village, unitB, 30); // no ownership recorded: a contract cannot derive from anything
        Row ownA = ledger.ownership(clerk, a, collective, doc("浙登-所有-1"));
        String csv = "\uFEFF不动产单元号,权利类型,权利人,证件号,证书号,面积(㎡),登记日期\r\n"
                + unitA + ",集体土地所有权,导登村集体,,浙登-所有-1,,2000-01-01\r\n"
                + unitA + ",土地承包经营权,周八,330824197705050055,浙登-承包-2,,2020-05-01\r\n"
                + unitB + ",土地承包经营权,吴九,,浙登-承包-3,,2020-05-01\r\n";
        TestAccounts.Account acct = TestAccounts.create(context, "regimp", Role.VILLAGE_ACCOUNTANT, village);
        ApiClient client = new ApiClient(port).signedIn(acct.username(), acct.password());
        JsonNode report = LedgerImportTest.upload(
                        client,
                        "/api/v1/eledger/villages/" + village + "/registry-reconciliation",
                        "登记.csv",
                        csv.getBytes(StandardCharsets.UTF_8))
                .json();
        assertThat(report.path("missingHere").size()).isEqualTo(2);
        String id = report.path("id").asString();
        String path = "/api/v1/eledger/registry-reconciliations/" + id + "/import";

        ApiClient.Response failed = client.post(path, ApiClient.json(Map.of()));
        assertThat(failed.status()).as(failed.toString()).isEqualTo(422);
        assertThat(failed.code()).isEqualTo("eledger.import.invalid");
        List<String> problems = new ArrayList<>();
        failed.json()
                .path("rows")
                .forEach(r -> problems.add(r.path("sheet").asString() + "/"
                        + r.path("row").asInt() + "/" + r.path("column").asString() + "/"
                        + r.path("code").asString()));
        assertThat(problems).containsExactly("不动产登记/4/权利类型/eledger.registry.no-parent");
        assertThat(store.asOf(village, a, "contract", d("2021-01-01"), rights.now(), 10, 0))
                .isEmpty();
        assertThat(partiesNamed(village, "周八")).isZero();

        importsTheGoodRecordOnce(client, village, report, ownA, unitA, csv);
    }

    private void importsTheGoodRecordOnce(
            ApiClient client, String village, JsonNode report, Row ownA, String unitA, String csv) {
        String a = ownA.resourceId();
        String id = report.path("id").asString();
        String path = "/api/v1/eledger/registry-reconciliations/" + id + "/import";
        int goodRow = report.path("missingHere").get(0).path("row").asInt();
        ApiClient.Response dry = client.post(path, ApiClient.json(Map.of("rows", List.of(goodRow), "dryRun", true)));
        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        assertThat(dry.json().path("dryRun").asBoolean()).isTrue();
        assertThat(partiesNamed(village, "周八")).isZero();

        ApiClient.Response ok = client.post(path, ApiClient.json(Map.of("rows", List.of(goodRow))));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().path("imported").asInt()).isEqualTo(1);
        String rightId = ok.json().path("rights").path(String.valueOf(goodRow)).asString();
        List<Row> contract = store.current(rightId);
        assertThat(contract).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("contract");
            assertThat(r.parentRightId()).isEqualTo(ownA.rightId());
            assertThat(r.validFrom()).isEqualTo(d("2020-05-01"));
            assertThat(r.source().number()).isEqualTo("浙登-承包-2");
            assertThat(r.note()).contains(unitA);
        });
        assertThat(partiesNamed(village, "周八")).isEqualTo(1);
        assertThat(client.get("/api/v1/eledger/registry-reconciliations/" + id)
                        .json()
                        .path("importedAt")
                        .isNull())
                .isFalse();
        assertThat(client.post(path, ApiClient.json(Map.of("rows", List.of(goodRow))))
                        .code())
                .isEqualTo("eledger.registry.already-imported");
        assertThat(jdbc.sql(
                                "select count(*) from audit_log where action = 'eledger.registry.imported' and entity_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // reconciling the same extract again now matches the imported record by its certificate
        JsonNode again = LedgerImportTest.upload(
                        client,
                        "/api/v1/eledger/villages/" + village + "/registry-reconciliation",
                        "登记.csv",
                        csv.getBytes(StandardCharsets.UTF_8))
                .json();
        assertThat(again.path("matched").size()).isEqualTo(2);
        assertThat(again.path("missingHere").size()).isEqualTo(1);
    }

    private long partiesNamed(String village, String name) {
        return jdbc.sql("select count(*) from eledger_party where village_code = ? and name = ?")
                .params(village, name)
                .query(Long.class)
                .single();
    }
}
