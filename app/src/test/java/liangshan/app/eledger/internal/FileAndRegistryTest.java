package liangshan.app.eledger.internal;

import static liangshan.app.eledger.internal.EledgerFixtures.d;
import static liangshan.app.eledger.internal.EledgerFixtures.doc;
import static liangshan.app.eledger.internal.EledgerFixtures.sole;
import static liangshan.app.eledger.internal.LedgerImportTest.upload;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import liangshan.app.divisions.Divisions;
import liangshan.app.eledger.internal.RightService.RightInput;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Photos and documents (content-addressed, typed by magic bytes, verified on read) and registry reconciliation. */
@IntegrationTest
class FileAndRegistryTest {

    static final String COUNTY = "330802"; // 柯城区

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
    FileService files;

    @Autowired
    RegistryReconciliation registry;

    EledgerFixtures.Ledger ledger() {
        return new EledgerFixtures.Ledger(divisions, resources, parties, rights);
    }

    /** A 20 × 20 m bamboo forest parcel {@code dx} m east of the village's interior point. */
    String resource(Actor clerk, String village, String name, double dx) {
        return ledger().parcel(clerk, village, name, "forest", "bamboo", dx, 20, 20);
    }

    static byte[] png(int extra) {
        byte[] bytes = new byte[64 + extra];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        bytes[bytes.length - 1] = (byte) extra;
        return bytes;
    }

    @Test
    void filesAreStoredByChecksumTypedByContentAndVerifiedOnRead() throws Exception {
        String village = EledgerFixtures.village(divisions, COUNTY, 8);
        Actor clerk = EledgerFixtures.clerk(village);
        String id = resource(clerk, village, "竹林甲", 0);
        TestAccounts.Account a = TestAccounts.create(context, "file", Role.VILLAGE_ACCOUNTANT, village);
        ApiClient client = new ApiClient(port).signedIn(a.username(), a.password());
        String base = "/api/v1/eledger/resources/" + id + "/files";

        byte[] photo = png(7);
        ApiClient.Response up = upload(client, base + "?kind=photo&title=%E6%AD%A3%E9%9D%A2", "../../x.png", photo);
        assertThat(up.status()).as(up.toString()).isEqualTo(201);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        assertThat(up.json().path("sha256").asString()).isEqualTo(sha);
        assertThat(up.json().path("contentType").asString()).isEqualTo("image/png");
        assertThat(up.json().path("fileName").asString()).isEqualTo("x.png");
        assertThat(up.json().path("title").asString()).isEqualTo("正面");
        String fileId = up.json().path("id").asString();
        assertThat(Files.exists(files.path(sha))).isTrue();
        assertThat(client.get(base).json().size()).isEqualTo(1);
        assertThat(files.read(clerk, fileId).bytes()).isEqualTo(photo);

        ApiClient.Response text =
                upload(client, base + "?kind=document", "a.pdf", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.code()).isEqualTo("eledger.file.type");
        byte[] big = png((int) FileService.MAX_BYTES);
        ApiClient.Response tooBig = upload(client, base + "?kind=photo", "big.png", big);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.code()).isEqualTo("eledger.file.too-large");

        // a right's source may point at the uploaded scan: its checksum is taken from the file
        String collective = ledger().party(clerk, village, "collective", "档村集体");
        RightStore.Source scanned =
                new RightStore.Source("certificate", "林证-1", "柯城区人民政府", d("2012-01-01"), null, fileId);
        Row right = rights.create(
                clerk,
                id,
                new RightInput("ownership", null, null, d("2000-01-01"), null, sole(collective), scanned, null));
        assertThat(right.source().scanSha256()).isEqualTo(sha);
        RightStore.Source unknown =
                new RightStore.Source("certificate", "林证-2", "柯城区人民政府", d("2012-01-01"), null, "01NOFILE");
        String other = resource(clerk, village, "竹林乙", 25);
        assertThat(RightsRegisterTest.fieldCodes(() -> rights.create(
                        clerk,
                        other,
                        new RightInput(
                                "ownership", null, null, d("2000-01-01"), null, sole(collective), unknown, null))))
                .containsExactly("eledger.right.unknown-scan");

        // another village's accountant does not see the file; bytes changed on disk are refused and audited
        String elsewhere = EledgerFixtures.village(divisions, COUNTY, 9);
        TestAccounts.Account b = TestAccounts.create(context, "file", Role.VILLAGE_ACCOUNTANT, elsewhere);
        ApiClient stranger = new ApiClient(port).signedIn(b.username(), b.password());
        assertThat(stranger.get("/api/v1/eledger/files/" + fileId).status()).isEqualTo(404);
        Files.write(files.path(sha), png(8));
        ApiClient.Response corrupt = client.get("/api/v1/eledger/files/" + fileId);
        assertThat(corrupt.status()).isEqualTo(409);
        assertThat(corrupt.code()).isEqualTo("eledger.file.corrupt");
        Files.write(files.path(sha), photo);
        assertThat(client.get("/api/v1/eledger/files/" + fileId).status()).isEqualTo(200);
    }

    static String tail(String certificate) {
        return certificate.substring(certificate.length() - 8);
    }

    record Reconciled(Row ownA, String csv) {}

    /** Three parcels with rights and a registry extract: a unit-number match, an area and a holder conflict, one missing each side. */
    Reconciled registryAndLedger(Actor clerk, String village) {
        String a = resource(clerk, village, "330802001001GB00001W00000000", 0); // unit number as the name
        String b = resource(clerk, village, "竹林B", 25);
        String c = resource(clerk, village, "竹林C", 50);
        EledgerFixtures.Ledger ledger = ledger();
        String collective = ledger.party(clerk, village, "collective", "对账村集体");
        String wang = ledger.partyView(clerk, village, "household", "王五", "330802197001010033")
                .id();
        Row ownA = ledger.ownership(clerk, a, collective, doc("无证号"));
        Row ownB = ledger.ownership(clerk, b, collective, doc("浙(2020)柯城不动产权第0000002号"));
        ledger.derived(clerk, b, "contract", ownB, "2010-01-01", "2040-01-01", wang, doc("浙(2020)柯城不动产权第0000003号"));
        ledger.ownership(clerk, c, collective, doc("浙(2020)柯城不动产权第0000004号"));
        String areaB = resources.get(clerk, b).areaM2().toPlainString();
        String csv = "\uFEFF不动产单元号,权利类型,权利人,证件号,证书号,面积(㎡),登记日期\r\n"
                // by unit number, holder and area agree
                + "330802001001GB00001W00000000,集体土地所有权,对账村集体,,浙(2020)柯城不动产权第0000001号,"
                + resources.get(clerk, a).areaM2().toPlainString() + ",2020-05-01\r\n"
                // by certificate: the area differs by 50 m² (> max(1, 0.5 %))
                + ",集体土地所有权,对账村集体,,浙(2020)柯城不动产权第0000002号,"
                + new java.math.BigDecimal(areaB)
                        .add(new java.math.BigDecimal("50"))
                        .toPlainString() + ",2020-05-01\r\n"
                // by certificate: another holder
                + ",土地承包经营权,\"赵六\",330802197001010099,浙(2020)柯城不动产权第0000003号,,2020-05-01\r\n"
                // in the registry only
                + ",宅基地使用权,钱七,,浙(2020)柯城不动产权第0000009号,120,2021-01-01\r\n";
        return new Reconciled(ownA, csv);
    }

    @Test
    void theRegistryReconciliationReportsMatchesMissingOnBothSidesAndConflicts() throws Exception {
        String village = EledgerFixtures.village(divisions, COUNTY, 10);
        Actor clerk = EledgerFixtures.clerk(village);
        Reconciled setup = registryAndLedger(clerk, village);
        Row ownA = setup.ownA();
        String csv = setup.csv();
        TestAccounts.Account acct = TestAccounts.create(context, "reg", Role.VILLAGE_ACCOUNTANT, village);
        ApiClient client = new ApiClient(port).signedIn(acct.username(), acct.password());
        ApiClient.Response r = upload(
                client,
                "/api/v1/eledger/villages/" + village + "/registry-reconciliation",
                "登记.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.path("matched").size()).isEqualTo(1);
        assertThat(report.path("matched").get(0).path("rightId").asString()).isEqualTo(ownA.rightId());
        assertThat(report.path("matched").get(0).path("matchedBy").asString()).isEqualTo("unit");
        assertThat(report.path("missingHere").size()).isEqualTo(1);
        assertThat(report.path("missingHere").get(0).path("certificateNo").asString())
                .endsWith("0000009号");
        assertThat(report.path("missingThere").size()).isEqualTo(1);
        assertThat(report.path("missingThere").get(0).path("certificateNo").asString())
                .endsWith("0000004号");
        List<String> conflicts = new java.util.ArrayList<>();
        report.path("conflicts")
                .forEach(x -> conflicts.add(tail(x.path("certificateNo").asString()) + ":"
                        + x.path("field").asString()));
        assertThat(conflicts).containsExactly("0000002号:area", "0000003号:holder");

        String id = report.path("id").asString();
        byte[] xlsx = RegistryReconciliation.xlsx(registry.find(clerk, id));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheet("不一致").getLastRowNum()).isEqualTo(2);
            assertThat(wb.getSheet("本台账缺失").getLastRowNum()).isEqualTo(1);
        }
        assertThat(client.get("/api/v1/eledger/registry-reconciliations/" + id + ".xlsx")
                        .status())
                .isEqualTo(200);
        TestAccounts.Account other = TestAccounts.create(
                context, "reg", Role.VILLAGE_ACCOUNTANT, EledgerFixtures.village(divisions, COUNTY, 9));
        ApiClient stranger = new ApiClient(port).signedIn(other.username(), other.password());
        assertThat(stranger.get("/api/v1/eledger/registry-reconciliations/" + id)
                        .status())
                .isEqualTo(404);
    }
}
