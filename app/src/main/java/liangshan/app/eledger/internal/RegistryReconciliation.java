package liangshan.app.eledger.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import liangshan.app.audit.AuditTrail;
import liangshan.app.eledger.internal.LedgerSheets.Column;
import liangshan.app.eledger.internal.LedgerSheets.Kind;
import liangshan.app.eledger.internal.WorkbookReader.Line;
import liangshan.app.identity.Actor;
import liangshan.app.web.ApiException;
import liangshan.kernel.id.Ulid;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reconciles the village's current rights with an extract of the real-estate registry (不动产登记, CSV
 * or XLSX): pairs by certificate number, then by real-estate unit number (recorded in the ledger as
 * the resource's name or in the right's note) and the same kind of right, and reports the pairs, the registry records missing in
 * the ledger, the ledger rights missing in the registry and the pairs whose holder, area or kind
 * differ. Areas differ when they are more than max(1 m², 0.5 %) apart. The ledger is not changed; the
 * report is stored (and audited) so that it can be downloaded later.
 */
@Service
class RegistryReconciliation {

    /** Registry kinds as written in extracts, to the ledger's codes. */
    static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("集体土地所有权", "ownership"),
            Map.entry("集体所有权", "ownership"),
            Map.entry("土地承包经营权", "contract"),
            Map.entry("承包经营权", "contract"),
            Map.entry("承包权", "contract"),
            Map.entry("土地经营权", "operating"),
            Map.entry("经营权", "operating"),
            Map.entry("宅基地使用权", "homestead_use"),
            Map.entry("宅基地资格权", "homestead_eligibility"),
            Map.entry("林权", "forest"),
            Map.entry("林地使用权", "forest"),
            Map.entry("集体建设用地使用权", "construction_land_use"),
            Map.entry("集体经营性建设用地使用权", "construction_land_use"));

    static final Kind REGISTRY = new Kind(
            "registry",
            "不动产登记",
            List.of(
                    new Column("unit", "不动产单元号", "", false, "", ""),
                    new Column("kind", "权利类型", "", true, "", ""),
                    new Column("holder", "权利人", "", true, "", ""),
                    new Column("idNumber", "证件号", "", false, "", ""),
                    new Column("certificate", "证书号", "", true, "", ""),
                    new Column("area", "面积(㎡)", "", false, "", ""),
                    new Column("registeredOn", "登记日期", "", false, "", "")));

    private static final JsonMapper JSON = JsonMapper.shared();

    private final JdbcClient jdbc;
    private final EledgerAccess access;
    private final RightStore rights;
    private final ResourceStore resources;
    private final PartyService parties;
    private final AuditTrail audit;
    private final Clock clock;
    private final Random random = new Random();

    RegistryReconciliation(
            JdbcClient jdbc,
            EledgerAccess access,
            RightStore rights,
            ResourceStore resources,
            PartyService parties,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.rights = rights;
        this.resources = resources;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
    }

    /** One registry record (row = 1-based line of the file; registeredOn as written, may be null). */
    record Registered(
            int row,
            String unitNo,
            String kind,
            String holder,
            String idNumber,
            String certificateNo,
            String areaM2,
            String registeredOn) {}

    /** One current right of the ledger. */
    record Ledgered(
            String rightId,
            String resourceId,
            String resourceName,
            String kind,
            String certificateNo,
            String holders,
            String areaM2) {}

    record Pair(String certificateNo, String unitNo, String rightId, String resourceId, String matchedBy) {}

    record Conflict(String certificateNo, String rightId, String field, String here, String there) {}

    record Report(
            String id,
            String villageCode,
            String fileName,
            Instant createdAt,
            String createdBy,
            List<Pair> matched,
            List<Registered> missingHere,
            List<Ledgered> missingThere,
            List<Conflict> conflicts,
            Instant importedAt) {

        Report withImportedAt(Instant at) {
            return new Report(
                    id, villageCode, fileName, createdAt, createdBy, matched, missingHere, missingThere, conflicts, at);
        }
    }

    @Transactional
    Report reconcile(Actor actor, String village, byte[] bytes, String fileName) {
        access.writableVillage(actor, village);
        List<Registered> registry = parse(bytes, fileName);
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, PartyService.PartyView> people = parties.allOfVillage(village, true).stream()
                .collect(Collectors.toMap(PartyService.PartyView::id, p -> p));
        List<RightStore.Row> current = rights.asOf(village, null, null, today, now, 1_000_000, 0).stream()
                .filter(r -> "right".equals(r.category()))
                .toList();
        List<Pair> matched = new ArrayList<>();
        List<Registered> missingHere = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Registered reg : registry) {
            match(reg, current, used, people, matched, missingHere, conflicts);
        }
        List<Ledgered> missingThere = current.stream()
                .filter(r -> !used.contains(r.rightId()))
                .map(r -> ledgered(r, people))
                .toList();
        Report report = new Report(
                Ulid.next(clock, random).value(),
                village,
                fileName == null ? "" : fileName,
                now,
                actor.username(),
                matched,
                missingHere,
                missingThere,
                conflicts,
                null);
        store(report, registry.size());
        return report;
    }

    private void store(Report report, int rows) {
        jdbc.sql("""
                        insert into eledger_registry_reconciliation (id, village_code, file_name, registry_rows, matched,
                            missing_here, missing_there, conflicts, report, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(
                        report.id(),
                        report.villageCode(),
                        report.fileName(),
                        rows,
                        report.matched().size(),
                        report.missingHere().size(),
                        report.missingThere().size(),
                        report.conflicts().size(),
                        JSON.writeValueAsString(report),
                        report.createdBy(),
                        Timestamp.from(report.createdAt()))
                .update();
        audit.record(
                "eledger.registry.reconciled",
                "eledger_registry_reconciliation",
                report.id(),
                report.villageCode(),
                null,
                Map.of(
                        "file", report.fileName(),
                        "rows", rows,
                        "matched", report.matched().size(),
                        "missingHere", report.missingHere().size(),
                        "missingThere", report.missingThere().size(),
                        "conflicts", report.conflicts().size()));
    }

    /** Pairs one registry record with a ledger right (certificate number first, then unit number). */
    private void match(
            Registered reg,
            List<RightStore.Row> current,
            Set<String> used,
            Map<String, PartyService.PartyView> people,
            List<Pair> matched,
            List<Registered> missingHere,
            List<Conflict> conflicts) {
        RightStore.Row hit = null;
        String by = "certificate";
        for (RightStore.Row r : current) {
            if (!used.contains(r.rightId())
                    && reg.certificateNo() != null
                    && reg.certificateNo().equals(r.source().number())) {
                hit = r;
                break;
            }
        }
        if (hit == null && reg.unitNo() != null) {
            // a parcel carries several rights (ownership, contract, operating): by unit number only
            // the right of the record's kind is its counterpart
            by = "unit";
            String kind = KINDS.getOrDefault(reg.kind(), reg.kind());
            for (RightStore.Row r : current) {
                if (!used.contains(r.rightId()) && (kind == null || kind.equals(r.kind())) && unitOf(r, reg.unitNo())) {
                    hit = r;
                    break;
                }
            }
        }
        if (hit == null) {
            missingHere.add(reg);
            return;
        }
        used.add(hit.rightId());
        int before = conflicts.size();
        compare(reg, hit, people, conflicts);
        if (conflicts.size() == before) {
            matched.add(new Pair(reg.certificateNo(), reg.unitNo(), hit.rightId(), hit.resourceId(), by));
        }
    }

    private boolean unitOf(RightStore.Row r, String unitNo) {
        if (r.note() != null && r.note().contains(unitNo)) {
            return true;
        }
        return resources.find(r.resourceId()).map(x -> x.name().equals(unitNo)).orElse(false);
    }

    private void compare(
            Registered reg, RightStore.Row r, Map<String, PartyService.PartyView> people, List<Conflict> out) {
        String cert =
                reg.certificateNo() != null ? reg.certificateNo() : r.source().number();
        String kind = KINDS.getOrDefault(reg.kind(), reg.kind());
        if (kind != null && !kind.equals(r.kind())) {
            out.add(new Conflict(cert, r.rightId(), "kind", r.kind(), reg.kind()));
        }
        Set<String> here = new TreeSet<>();
        Set<String> ids = new HashSet<>();
        for (RightStore.Holder h : r.holders()) {
            PartyService.PartyView p = people.get(h.partyId());
            if (p != null) {
                here.add(p.name());
                if (p.idNumber() != null) {
                    ids.add(p.idNumber());
                }
            }
        }
        Set<String> there = new TreeSet<>();
        for (String n : reg.holder() == null ? new String[0] : reg.holder().split("[、,，;；]")) {
            if (!n.isBlank()) {
                there.add(n.strip());
            }
        }
        boolean idDiffers = reg.idNumber() != null && !ids.contains(reg.idNumber());
        if (!here.equals(there) || idDiffers) {
            out.add(new Conflict(cert, r.rightId(), "holder", String.join("、", here), reg.holder()));
        }
        if (reg.areaM2() != null) {
            BigDecimal ledger = area(r.resourceId());
            BigDecimal registered = new BigDecimal(reg.areaM2());
            BigDecimal tolerance =
                    registered.abs().multiply(new BigDecimal("0.005")).max(BigDecimal.ONE);
            if (ledger.subtract(registered).abs().compareTo(tolerance) > 0) {
                out.add(new Conflict(cert, r.rightId(), "area", ledger.toPlainString(), registered.toPlainString()));
            }
        }
    }

    private BigDecimal area(String resourceId) {
        return resources
                .find(resourceId)
                .map(x -> x.declaredAreaM2() != null ? x.declaredAreaM2() : x.areaM2())
                .orElse(BigDecimal.ZERO);
    }

    private Ledgered ledgered(RightStore.Row r, Map<String, PartyService.PartyView> people) {
        return new Ledgered(
                r.rightId(),
                r.resourceId(),
                resources.find(r.resourceId()).map(ResourceStore.Row::name).orElse(""),
                r.kind(),
                r.source().number(),
                r.holders().stream()
                        .map(h -> people.containsKey(h.partyId())
                                ? people.get(h.partyId()).name()
                                : h.partyId())
                        .collect(Collectors.joining("、")),
                area(r.resourceId()).toPlainString());
    }

    /** The registry extract: XLSX (first sheet named 不动产登记 or the first sheet) or UTF-8 CSV. */
    static List<Registered> parse(byte[] bytes, String fileName) {
        WorkbookReader.checkSize(bytes.length);
        boolean xlsx = bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K';
        List<Line> lines;
        if (xlsx) {
            try (XSSFWorkbook wb = WorkbookReader.open(bytes)) {
                if (wb.getSheet(REGISTRY.sheet()) == null && wb.getNumberOfSheets() > 0) {
                    wb.setSheetName(0, REGISTRY.sheet());
                }
                lines = WorkbookReader.read(wb, REGISTRY);
            } catch (IOException e) {
                throw WorkbookReader.unreadable();
            }
        } else {
            lines = Csv.read(new String(bytes, StandardCharsets.UTF_8), REGISTRY);
        }
        List<Registered> out = new ArrayList<>();
        for (Line l : lines) {
            String area = l.get("area");
            try {
                area = area == null ? null : new BigDecimal(area).toPlainString();
            } catch (NumberFormatException e) {
                area = null;
            }
            out.add(new Registered(
                    l.row(),
                    l.get("unit"),
                    l.get("kind"),
                    l.get("holder"),
                    l.get("idNumber"),
                    l.get("certificate"),
                    area,
                    l.get("registeredOn")));
        }
        return out;
    }

    /** Marks a report's missing records as imported (once); false when they already were. */
    boolean markImported(String id, String by, Instant at) {
        return jdbc.sql("""
                                update eledger_registry_reconciliation set imported_at = ?, imported_by = ?
                                where id = ? and imported_at is null""").params(java.sql.Timestamp.from(at), by, id).update() == 1;
    }

    /** When the report's missing records were imported, if they were; locks the report's row. */
    java.util.Optional<Instant> importedAtForUpdate(String id) {
        return jdbc.sql("select imported_at from eledger_registry_reconciliation where id = ? for update")
                .param(id)
                .query((rs, n) ->
                        java.util.Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
                .single();
    }

    Report find(Actor actor, String id) {
        Report r = jdbc.sql("select report, imported_at from eledger_registry_reconciliation where id = ?")
                .param(id)
                .query((rs, n) -> JSON.readValue(rs.getString(1), Report.class)
                        .withImportedAt(
                                rs.getTimestamp(2) == null
                                        ? null
                                        : rs.getTimestamp(2).toInstant()))
                .optional()
                .filter(x -> EledgerAccess.readsVillage(actor, x.villageCode()))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "eledger.registry.not-found", id));
        return r;
    }

    /** The stored report as a workbook: 汇总, 一致, 本台账缺失, 登记簿缺失, 不一致. */
    static byte[] xlsx(Report r) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            LedgerExport.table(
                    wb.createSheet("汇总"),
                    List.of("项目", "内容"),
                    List.of(
                            List.of("村", r.villageCode()),
                            List.of("文件", r.fileName()),
                            List.of("时间", r.createdAt().toString()),
                            List.of("操作人", r.createdBy()),
                            List.of("一致", String.valueOf(r.matched().size())),
                            List.of("本台账缺失", String.valueOf(r.missingHere().size())),
                            List.of("登记簿缺失", String.valueOf(r.missingThere().size())),
                            List.of("不一致", String.valueOf(r.conflicts().size()))));
            LedgerExport.table(
                    wb.createSheet("一致"),
                    List.of("证书号", "不动产单元号", "权利编号", "资源编号", "匹配依据"),
                    r.matched().stream()
                            .map(p -> List.of(
                                    s(p.certificateNo()), s(p.unitNo()), p.rightId(), p.resourceId(), p.matchedBy()))
                            .toList());
            LedgerExport.table(
                    wb.createSheet("本台账缺失"),
                    List.of("行", "不动产单元号", "权利类型", "权利人", "证件号", "证书号", "面积(㎡)"),
                    r.missingHere().stream()
                            .map(x -> List.of(
                                    String.valueOf(x.row()),
                                    s(x.unitNo()),
                                    s(x.kind()),
                                    s(x.holder()),
                                    s(x.idNumber()),
                                    s(x.certificateNo()),
                                    s(x.areaM2())))
                            .toList());
            LedgerExport.table(
                    wb.createSheet("登记簿缺失"),
                    List.of("权利编号", "资源编号", "资源名称", "权利类型", "证书号", "权利人", "面积(㎡)"),
                    r.missingThere().stream()
                            .map(x -> List.of(
                                    x.rightId(),
                                    x.resourceId(),
                                    x.resourceName(),
                                    x.kind(),
                                    s(x.certificateNo()),
                                    x.holders(),
                                    x.areaM2()))
                            .toList());
            LedgerExport.table(
                    wb.createSheet("不一致"),
                    List.of("证书号", "权利编号", "项目", "本台账", "登记簿"),
                    r.conflicts().stream()
                            .map(c -> List.of(s(c.certificateNo()), c.rightId(), c.field(), s(c.here()), s(c.there())))
                            .toList());
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }
}
