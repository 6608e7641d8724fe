package liangshan.app.eledger.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.GeoJsonGeometry;
import liangshan.app.eledger.internal.LedgerSheets.Kind;
import liangshan.app.eledger.internal.RightStore.Row;
import liangshan.app.identity.Actor;
import liangshan.app.identity.Role;
import liangshan.app.web.Problems;
import liangshan.kernel.money.Money;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports of the village ledger (sheets 资源, 权利人, 权利, 流转 in the template columns, so that the
 * file imports back as the same data) and of an eco asset package. Geometry is written with 9
 * decimals of a degree (≈ 0.1 mm), finer than the stored 1 cm grid, so that a re-import lands on the
 * same EPSG:4549 coordinates and the same area.
 */
@Service
class LedgerExport {

    /** Decimals of exported lon/lat: a re-import snaps back onto the stored centimetre grid. */
    static final int EXPORT_DECIMALS = 9;

    private static final Set<Role> WRITERS = Set.of(Role.CITY_ADMIN, Role.COUNTY_OFFICER, Role.VILLAGE_ACCOUNTANT);

    private final EledgerAccess access;
    private final ResourceStore resources;
    private final PartyService parties;
    private final RightStore rights;
    private final TransferStore transfers;
    private final PackageService packages;
    private final PackageStore packageStore;
    private final ResourceService resourceService;
    private final Problems problems;

    LedgerExport(
            EledgerAccess access,
            ResourceStore resources,
            PartyService parties,
            RightStore rights,
            TransferStore transfers,
            PackageService packages,
            PackageStore packageStore,
            ResourceService resourceService,
            Problems problems) {
        this.access = access;
        this.resources = resources;
        this.parties = parties;
        this.rights = rights;
        this.transfers = transfers;
        this.packages = packages;
        this.packageStore = packageStore;
        this.resourceService = resourceService;
        this.problems = problems;
    }

    /** The village ledger as of now (currently recorded rights, every valid period). */
    @Transactional(readOnly = true)
    byte[] village(Actor actor, String village) {
        access.readableVillage(actor, village);
        Map<Kind, List<List<String>>> rows = new LinkedHashMap<>();
        List<ResourceStore.Row> rs = new ArrayList<>();
        ResourceRequests.Filter all = new ResourceRequests.Filter(null, null, null, null, null, null);
        for (int offset = 0; ; offset += 5000) {
            List<ResourceStore.Row> page = resources.list(village, all, offset, 5000);
            rs.addAll(page);
            if (page.size() < 5000) {
                break;
            }
        }
        Set<String> live = rs.stream().map(ResourceStore.Row::id).collect(Collectors.toSet());
        rows.put(LedgerSheets.RESOURCES, rs.stream().map(LedgerExport::resource).toList());
        boolean unmasked = actor.roles().stream().anyMatch(WRITERS::contains);
        rows.put(
                LedgerSheets.PARTIES,
                parties.allOfVillage(village, unmasked).stream()
                        .map(LedgerExport::party)
                        .toList());
        List<Row> current = rights.currentOfVillage(village).stream()
                .filter(r -> live.contains(r.resourceId()))
                .toList();
        rows.put(
                LedgerSheets.RIGHTS,
                parentsFirst(current).stream().map(LedgerExport::right).toList());
        List<TransferStore.Transfer> ts = new ArrayList<>(transfers.list(village, null, 100_000, 0));
        ts.sort(Comparator.comparing(TransferStore.Transfer::createdAt).thenComparing(TransferStore.Transfer::id));
        rows.put(
                LedgerSheets.TRANSFERS,
                ts.stream()
                        .filter(t -> live.contains(t.resourceId()))
                        .map(LedgerExport::transfer)
                        .toList());
        return LedgerSheets.write(LedgerSheets.KINDS, rows);
    }

    /** Rows grouped by right, each right after its parent, periods in valid-time order. */
    static List<Row> parentsFirst(List<Row> rows) {
        Map<String, List<Row>> byRight = new LinkedHashMap<>();
        rows.forEach(r ->
                byRight.computeIfAbsent(r.rightId(), k -> new ArrayList<>()).add(r));
        Map<String, Integer> depth = new HashMap<>();
        List<String> order = new ArrayList<>(byRight.keySet());
        order.sort(
                Comparator.comparing((String id) -> depth(id, byRight, depth)).thenComparing(id -> id));
        List<Row> out = new ArrayList<>();
        for (String id : order) {
            byRight.get(id).stream()
                    .sorted(Comparator.comparing(Row::validFrom))
                    .forEach(out::add);
        }
        return out;
    }

    private static int depth(String id, Map<String, List<Row>> byRight, Map<String, Integer> depth) {
        Integer known = depth.get(id);
        if (known != null) {
            return known;
        }
        depth.put(id, 0); // guards against a cycle
        String parent = byRight.get(id).get(0).parentRightId();
        int d = parent == null || !byRight.containsKey(parent) ? 0 : depth(parent, byRight, depth) + 1;
        depth.put(id, d);
        return d;
    }

    private static List<String> resource(ResourceStore.Row r) {
        StringBuilder geometry = new StringBuilder();
        GeoJsonGeometry.write(Cgcs2000.toLonLat(r.gk120()), EXPORT_DECIMALS, geometry);
        return List.of(
                r.id(),
                r.name(),
                r.type(),
                r.subtype(),
                r.useStatus(),
                r.condition(),
                String.join(",", r.directions()),
                geometry.toString(),
                r.declaredAreaM2() == null ? "" : r.declaredAreaM2().toPlainString());
    }

    private static List<String> party(PartyService.PartyView p) {
        return List.of(
                p.id(),
                p.kind(),
                p.name(),
                p.idNumber() == null ? "" : p.idNumber(),
                p.members().stream().map(m -> m.name() + ":" + m.relation()).collect(Collectors.joining(";")));
    }

    private static List<String> right(Row r) {
        return List.of(
                r.rightId(),
                r.resourceId(),
                r.kind(),
                s(r.parentRightId()),
                r.rank() == null ? "" : r.rank().toString(),
                r.validFrom().toString(),
                r.validTo() == null ? "" : r.validTo().toString(),
                r.holders().stream()
                        .map(h -> h.partyId() + ":" + h.numerator() + "/" + h.denominator())
                        .collect(Collectors.joining(";")),
                s(r.source().kind()),
                s(r.source().number()),
                s(r.source().issuer()),
                r.source().issuedOn() == null ? "" : r.source().issuedOn().toString(),
                s(r.source().scanSha256()),
                s(r.note()));
    }

    private static List<String> transfer(TransferStore.Transfer t) {
        return List.of(
                t.id(),
                t.resourceId(),
                t.parentRightId(),
                t.transferorPartyId(),
                t.transfereePartyId(),
                t.termFrom().toString(),
                t.termTo().toString(),
                Money.ofFen(t.annualRentFen()).toYuan().toPlainString(),
                BigDecimal.valueOf(t.escalationBp(), 2).toPlainString(),
                String.valueOf(t.escalationEveryYears()),
                t.paymentDay(),
                t.channel(),
                t.contractNumber(),
                t.status(),
                s(t.operatingRightId()),
                s(t.note()));
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }

    /** A package: summary, items, area by type, the title check's problems and the status history. */
    @Transactional(readOnly = true)
    byte[] pkg(Actor actor, String id) {
        PackageService.PackageView view = packages.get(actor, id);
        PackageStore.Package p = view.pkg();
        List<PackageService.Problem> found = packages.problems(p);
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            table(
                    wb.createSheet("资产包"),
                    List.of("项目", "内容"),
                    List.of(
                            List.of("编号", p.id()),
                            List.of("名称", p.name()),
                            List.of("村", p.villageCode()),
                            List.of("期限起", p.termFrom().toString()),
                            List.of("期限止", p.termTo().toString()),
                            List.of("状态", p.status()),
                            List.of("承租方", s(p.lesseePartyId())),
                            List.of("总面积(㎡)", view.totalAreaM2().toPlainString()),
                            List.of("总面积(亩)", view.totalAreaMu().toPlainString()),
                            List.of("产权核查", found.isEmpty() ? "无问题" : found.size() + " 个问题")));
            List<List<String>> items = new ArrayList<>();
            for (String rid : view.resourceIds()) {
                ResourceStore.Row r = resourceService.readable(Actor.SYSTEM, rid);
                BigDecimal area = r.declaredAreaM2() != null ? r.declaredAreaM2() : r.areaM2();
                items.add(List.of(r.id(), r.name(), r.type(), r.subtype(), r.useStatus(), area.toPlainString()));
            }
            table(wb.createSheet("资源"), List.of("资源编号", "名称", "类型", "子类型", "利用状态", "面积(㎡)"), items);
            table(
                    wb.createSheet("按类型面积"),
                    List.of("类型", "个数", "面积(㎡)", "面积(亩)"),
                    view.areaByType().stream()
                            .map(t -> List.of(
                                    t.type(),
                                    String.valueOf(t.count()),
                                    t.areaM2().toPlainString(),
                                    t.areaMu().toPlainString()))
                            .toList());
            table(
                    wb.createSheet("产权核查问题"),
                    List.of("资源编号", "问题代码", "说明"),
                    found.stream()
                            .map(x -> List.of(
                                    x.resourceId(),
                                    x.code(),
                                    problems.message(x.code(), new Object[0], Locale.SIMPLIFIED_CHINESE)))
                            .toList());
            table(
                    wb.createSheet("状态记录"),
                    List.of("状态", "操作人", "时间"),
                    packageStore.events(p.id()).stream()
                            .map(e -> List.of(e.status(), e.by(), e.at().toString()))
                            .toList());
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void table(Sheet sheet, List<String> headers, List<List<String>> rows) {
        var head = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            head.createCell(i).setCellValue(headers.get(i));
            sheet.setColumnWidth(i, 20 * 256);
        }
        for (int r = 0; r < rows.size(); r++) {
            var row = sheet.createRow(r + 1);
            for (int i = 0; i < rows.get(r).size(); i++) {
                row.createCell(i).setCellValue(rows.get(r).get(i));
            }
        }
    }
}
