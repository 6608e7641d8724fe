package liangshan.app.eledger.internal;

import static liangshan.app.eledger.internal.RightsRegisterTest.d;
import static liangshan.app.eledger.internal.RightsRegisterTest.doc;
import static liangshan.app.eledger.internal.RightsRegisterTest.sole;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import liangshan.app.divisions.Divisions;
import liangshan.app.eledger.internal.LedgerSheets.Kind;
import liangshan.app.eledger.internal.RightService.AmendInput;
import liangshan.app.eledger.internal.RightService.RightInput;
import liangshan.app.eledger.internal.RightStore.Holder;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.eledger.internal.TransferStore.Transfer;
import liangshan.app.eledger.internal.WorkbookReader.Line;
import liangshan.app.identity.Actor;
import liangshan.app.identity.DataScope;
import liangshan.app.identity.Role;
import liangshan.app.identity.internal.TestAccounts;
import liangshan.app.support.IntegrationTest;
import liangshan.app.web.ApiClient;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Excel/GeoJSON imports (all or nothing, every problem by row and column), exports and their round trip. */
@IntegrationTest
class LedgerImportTest {

    static final String COUNTY = "330802"; // 柯城区

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Divisions divisions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResourceService resources;

    @Autowired
    PartyService parties;

    @Autowired
    RightService rights;

    @Autowired
    TransferService transfers;

    @Autowired
    LedgerExport exports;

    ApiClient accountant(String village) {
        TestAccounts.Account a = TestAccounts.create(context, "imp", Role.VILLAGE_ACCOUNTANT, village);
        return new ApiClient(port).signedIn(a.username(), a.password());
    }

    static byte[] multipart(String boundary, String fileName, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static ApiClient.Response upload(ApiClient client, String path, String fileName, byte[] file) {
        String boundary = "----liangshan" + System.nanoTime();
        return client.send(
                "POST", path, multipart(boundary, fileName, file), "multipart/form-data; boundary=" + boundary);
    }

    String square(String village, double dx, double dy) {
        return tools.jackson.databind.json.JsonMapper.shared()
                .writeValueAsString(
                        EledgerFixtures.geoJson(EledgerFixtures.rectangle(divisions, village, dx, dy, 30, 20)));
    }

    long resourcesNamed(String village, String prefix) {
        return jdbc.sql("select count(*) from eledger_resource where village_code = ? and name like ?")
                .params(village, prefix + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void aFileWithOneBadRowImportsNothingAndReportsThatRowAndEveryOtherProblem() {
        String village = EledgerFixtures.village(divisions, COUNTY, 0);
        ApiClient client = accountant(village);
        String path = "/api/v1/eledger/villages/" + village + "/imports/resources";
        List<List<String>> rows = List.of(
                List.of("A", "导入甲", "farmland", "cultivated", "idle", "", "homestay", square(village, 0, 0), ""),
                List.of("B", "导入乙", "田", "耕地", "闲置", "", "", square(village, 40, 0), ""),
                List.of("C", "导入丙", "castle", "cultivated", "idle", "", "", square(village, 80, 0), ""),
                List.of("D", "导入丁", "forest", "bamboo", "idle", "", "", "120.1,abc", ""));
        byte[] file = LedgerSheets.write(List.of(LedgerSheets.RESOURCES), Map.of(LedgerSheets.RESOURCES, rows));

        ApiClient.Response bad = upload(client, path, "资源.xlsx", file);
        assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
        assertThat(bad.code()).isEqualTo("eledger.import.invalid");
        List<String> found = new ArrayList<>();
        bad.json()
                .path("rows")
                .forEach(r -> found.add(r.path("row").asInt() + "|"
                        + r.path("column").asString() + "|" + r.path("code").asString()));
        assertThat(found).containsExactly("4|类型|eledger.resource.bad-type", "5|几何|eledger.geometry.malformed");
        assertThat(bad.json().path("rows").get(0).path("messageZh").asString()).isNotBlank();
        assertThat(resourcesNamed(village, "导入")).isZero();

        byte[] good =
                LedgerSheets.write(List.of(LedgerSheets.RESOURCES), Map.of(LedgerSheets.RESOURCES, rows.subList(0, 2)));
        ApiClient.Response dry = upload(client, path + "?dryRun=true", "资源.xlsx", good);
        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        assertThat(dry.json().path("imported").asInt()).isEqualTo(2);
        assertThat(dry.json().path("dryRun").asBoolean()).isTrue();
        assertThat(resourcesNamed(village, "导入")).isZero();

        ApiClient.Response ok = upload(client, path, "资源.xlsx", good);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().path("imported").asInt()).isEqualTo(2);
        assertThat(resourcesNamed(village, "导入")).isEqualTo(2);
        String b = ok.json().path("ids").path("resources").path("B").asString();
        var view = resources.get(Actor.SYSTEM, b);
        assertThat(view.type()).isEqualTo("farmland"); // 田 / 耕地 / 闲置 read as codes
        // 30 m × 20 m sent as lon/lat with 6 decimals (≈ 0.1 m): within a square metre of 600
        assertThat(view.areaM2()).isBetween(new java.math.BigDecimal("599"), new java.math.BigDecimal("601"));
    }

    @Test
    void hostileOrBrokenFilesAreClearProblemsNeverServerErrors() throws IOException {
        String village = EledgerFixtures.village(divisions, COUNTY, 1);
        ApiClient client = accountant(village);
        String path = "/api/v1/eledger/villages/" + village + "/imports/resources";
        assertThat(upload(client, path, "x.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8))
                        .code())
                .isEqualTo("eledger.import.unreadable");

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 80; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(bomb.size()).isLessThan(1024 * 1024);
        ApiClient.Response tooBig = upload(client, path, "bomb.xlsx", bomb.toByteArray());
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.code()).isEqualTo("eledger.import.too-large");

        byte[] parties = LedgerSheets.write(List.of(LedgerSheets.PARTIES), Map.of());
        ApiClient.Response noSheet = upload(client, path, "p.xlsx", parties);
        assertThat(noSheet.status()).isEqualTo(400);
        assertThat(noSheet.code()).isEqualTo("eledger.import.header-missing");

        List<List<String>> many = new ArrayList<>();
        for (int i = 0; i <= WorkbookReader.MAX_ROWS; i++) {
            many.add(List.of("", "r" + i));
        }
        byte[] huge = LedgerSheets.write(List.of(LedgerSheets.RESOURCES), Map.of(LedgerSheets.RESOURCES, many));
        ApiClient.Response tooMany = upload(client, path, "many.xlsx", huge);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.code()).isEqualTo("eledger.import.too-many-rows");

        ApiClient.Response template = client.get("/api/v1/eledger/templates/rights.xlsx");
        assertThat(template.status()).isEqualTo(200);
    }

    @Test
    void geoJsonFeaturesImportAsResources() {
        String village = EledgerFixtures.village(divisions, COUNTY, 2);
        ApiClient client = accountant(village);
        String fc = "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"id\":\"g1\",\"geometry\":" + square(village, 0, 0)
                + ",\"properties\":{\"name\":\"图斑一\",\"type\":\"forest\",\"subtype\":\"bamboo\",\"useStatus\":\"idle\","
                + "\"directions\":[\"carbon_sink\"]}},"
                + "{\"type\":\"Feature\",\"geometry\":" + square(village, 50, 0)
                + ",\"properties\":{\"名称\":\"图斑二\",\"类型\":\"林\",\"子类型\":\"竹林\",\"利用状态\":\"半闲置\"}}]}";
        ApiClient.Response ok = upload(
                client,
                "/api/v1/eledger/villages/" + village + "/imports/resources",
                "图斑.geojson",
                fc.getBytes(StandardCharsets.UTF_8));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().path("imported").asInt()).isEqualTo(2);
        String g1 = ok.json().path("ids").path("resources").path("g1").asString();
        assertThat(resources.get(Actor.SYSTEM, g1).directions()).containsExactly("carbon_sink");
    }

    /** A polygon field and a point house with a declared area. */
    String[] resourcesFor(Actor clerk, String village) {
        String field = resources
                .create(
                        clerk,
                        village,
                        new ResourceRequests.ResourceInput(
                                "往返田",
                                "farmland",
                                "cultivated",
                                "idle",
                                "平整",
                                List.of("modern_agriculture", "homestay"),
                                tools.jackson.databind.json.JsonMapper.shared().readTree(square(village, 3.21, 7.77)),
                                null,
                                null))
                .id();
        var c = EledgerFixtures.inside(divisions, village);
        var point = liangshan.app.divisions.Cgcs2000.gkFactory()
                .createPoint(new org.locationtech.jts.geom.Coordinate(Math.round(c.x) + 200.5, Math.round(c.y)));
        String house = resources
                .create(
                        clerk,
                        village,
                        new ResourceRequests.ResourceInput(
                                "往返夯土房",
                                "house",
                                "rammed_earth_house",
                                "semi_idle",
                                "",
                                List.of(),
                                tools.jackson.databind.json.JsonMapper.shared()
                                        .valueToTree(EledgerFixtures.geoJson(point)),
                                new java.math.BigDecimal("86.50"),
                                null))
                .id();
        return new String[] {field, house};
    }

    /** Parties, rights with two periods and a pledge, an approved and a pending transfer. */
    void rightsAndTransfers(Actor clerk, String village, String field, String house) {
        Held held = partiesAndRights(clerk, field, house, village);
        String collective = held.collective();
        String h1 = held.h1();
        Row contract = held.contract();
        var input = new TransferService.TransferInput(
                field,
                contract.rightId(),
                h1,
                collective,
                d("2025-01-01"),
                d("2030-01-01"),
                "1200.50",
                "3.5",
                2,
                "03-01",
                "offline",
                "往返合同1",
                "整体流转");
        Transfer approved = transfers.submit(clerk, village, input);
        transfers.decide(
                new Actor(2, "chk-" + village, Set.of(Role.VILLAGE_ACCOUNTANT), new DataScope(village)),
                approved.id(),
                true,
                null);
        transfers.decide(
                new Actor(3, "town-" + village, Set.of(Role.COUNTY_OFFICER), new DataScope(village.substring(0, 9))),
                approved.id(),
                true,
                null);
        transfers.submit(
                clerk,
                village,
                new TransferService.TransferInput(
                        field,
                        contract.rightId(),
                        h1,
                        collective,
                        d("2030-01-01"),
                        d("2035-01-01"),
                        "1500.00",
                        "0",
                        1,
                        "12-31",
                        "online",
                        "往返合同2",
                        null));
    }

    record Held(String collective, String h1, Row contract) {}

    Held partiesAndRights(Actor clerk, String field, String house, String village) {
        String collective = parties.create(
                        clerk, village, new PartyService.PartyInput("collective", "往返村集体", "N123456789", null))
                .id();
        String h1 = parties.create(
                        clerk,
                        village,
                        new PartyService.PartyInput(
                                "household",
                                "往返张户",
                                "330802199001011234",
                                List.of(new PartyService.Member("张一", "户主"), new PartyService.Member("王二", "配偶"))))
                .id();
        String h2 = parties.create(clerk, village, new PartyService.PartyInput("household", "往返李户", null, null))
                .id();
        String bank = parties.create(clerk, village, new PartyService.PartyInput("enterprise", "往返农商银行", null, null))
                .id();
        Row ownership = rights.create(
                clerk,
                field,
                new RightInput("ownership", null, null, d("2000-01-01"), null, sole(collective), doc("往返所有"), null));
        rights.create(
                clerk,
                house,
                new RightInput("ownership", null, null, d("2000-01-01"), null, sole(collective), doc("往返所有2"), null));
        Row contract = rights.create(
                clerk,
                field,
                new RightInput(
                        "contract",
                        ownership.rightId(),
                        null,
                        d("2010-01-01"),
                        d("2040-01-01"),
                        sole(h1),
                        doc("往返承包"),
                        "一轮"));
        rights.amend(
                clerk,
                contract.rightId(),
                new AmendInput(
                        d("2015-01-01"), null, List.of(new Holder(h1, 1, 2), new Holder(h2, 1, 2)), doc("往返变更"), "分户"));
        rights.create(
                clerk,
                field,
                new RightInput(
                        "pledge",
                        contract.rightId(),
                        1,
                        d("2011-01-01"),
                        d("2014-01-01"),
                        sole(bank),
                        doc("往返质押"),
                        null));
        return new Held(collective, h1, contract);
    }

    /** A village with every kind of data: the export, imported again, must give the same rows. */
    @Test
    void anExportImportedAgainReproducesTheSameDataFieldByField() throws IOException {
        String village = EledgerFixtures.village(divisions, COUNTY, 3);
        Actor clerk = new Actor(1, "clerk-" + village, Set.of(Role.VILLAGE_ACCOUNTANT), new DataScope(village));
        String[] made = resourcesFor(clerk, village);
        String field = made[0];
        String house = made[1];
        rightsAndTransfers(clerk, village, field, house);

        ApiClient client = accountant(village);
        ApiClient.Response export = client.get("/api/v1/eledger/villages/" + village + "/export.xlsx");
        assertThat(export.status()).isEqualTo(200);
        byte[] first = exports.village(clerk, village);
        ApiClient.Response imported =
                upload(client, "/api/v1/eledger/villages/" + village + "/imports/ledger", "台账.xlsx", first);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        JsonNode ids = imported.json().path("ids");
        byte[] second = exports.village(clerk, village);

        Map<String, String> map = new LinkedHashMap<>();
        for (String kind : List.of("resources", "parties", "rights", "transfers")) {
            ids.path(kind)
                    .properties()
                    .forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        }
        int compared = 0;
        for (Kind kind : LedgerSheets.KINDS) {
            List<Line> before = read(first, kind);
            List<Line> after = read(second, kind);
            assertThat(before).isNotEmpty();
            for (Line old : before) {
                Map<String, String> expected = translate(old.cells(), map);
                List<Map<String, String>> matches = after.stream()
                        .map(Line::cells)
                        .filter(cells -> cells.equals(expected))
                        .toList();
                assertThat(matches)
                        .as(kind.sheet() + " row " + old.row() + " " + expected)
                        .hasSize(1);
                compared++;
            }
        }
        // 2 resources, 4 parties, 3 ownership/contract rights (4 rows: the contract has 2 periods), pledge,
        // the operating right of the approved transfer, 2 transfers
        assertThat(compared).isEqualTo(2 + 4 + 6 + 2);
        assertThat(resources.get(Actor.SYSTEM, map.get(field)).areaM2())
                .isEqualByComparingTo(resources.get(Actor.SYSTEM, field).areaM2());
        assertThat(resources.get(Actor.SYSTEM, map.get(house)).declaredAreaM2()).isEqualByComparingTo("86.50");
    }

    /** The columns that hold ids (references); every other cell must come back unchanged. */
    static final Set<String> ID_COLUMNS =
            Set.of("ref", "resource", "parent", "holders", "transferor", "transferee", "operating");

    /** Replaces every id of the old data in the id columns by the id the import gave it. */
    static Map<String, String> translate(Map<String, String> cells, Map<String, String> ids) {
        Map<String, String> out = new LinkedHashMap<>();
        cells.forEach((k, v) -> {
            String t = v;
            if (ID_COLUMNS.contains(k)) {
                for (Map.Entry<String, String> e : ids.entrySet()) {
                    t = t.replace(e.getKey(), e.getValue());
                }
            }
            out.put(k, t);
        });
        return out;
    }

    static List<Line> read(byte[] xlsx, Kind kind) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return WorkbookReader.read(wb, kind);
        }
    }
}
