package liangshan.app.eledger.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The spreadsheet layout of the e-ledger's Excel templates, imports and exports: one sheet per kind
 * with Chinese headers in the first row, and a sheet 说明 describing every column. Cells are text
 * (format {@code @}) so that codes, dates and amounts keep their exact spelling; references between
 * sheets use the 编号 columns (in an export: the ledger's ids).
 */
final class LedgerSheets {

    private LedgerSheets() {}

    /** The explanation sheet's name. */
    static final String HELP = "说明";

    /**
     * One column.
     *
     * @param key internal name
     * @param header Chinese header (first row)
     * @param meaning what goes in it
     * @param required whether a row without it is refused
     * @param allowed allowed values or format, for the 说明 sheet
     * @param apiField the API field whose problems are reported in this column ("" = none)
     */
    record Column(String key, String header, String meaning, boolean required, String allowed, String apiField) {}

    /** One kind: its sheet name and columns. */
    record Kind(String code, String sheet, List<Column> columns) {
        Column column(String key) {
            return columns.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
        }

        /** The column a problem with API field {@code field} belongs to; the first column when none matches. */
        String headerFor(String field) {
            if (field != null) {
                for (Column c : columns) {
                    if (!c.apiField().isEmpty() && field.startsWith(c.apiField())) {
                        return c.header();
                    }
                }
            }
            return columns.get(0).header();
        }
    }

    private static Column c(String key, String header, String meaning, boolean required, String allowed, String api) {
        return new Column(key, header, meaning, required, allowed, api);
    }

    private static String terms(List<Catalog.Term> terms) {
        return terms.stream().map(t -> t.code() + "（" + t.nameZh() + "）").collect(Collectors.joining("、"));
    }

    private static String types() {
        return Catalog.TYPES.stream()
                .map(t -> t.code() + "（" + t.nameZh() + "）")
                .collect(Collectors.joining("、"));
    }

    private static String subtypes() {
        return Catalog.TYPES.stream()
                .map(t -> t.code() + ": " + terms(t.subtypes()))
                .collect(Collectors.joining("；"));
    }

    static final String DATE = "日期 yyyy-MM-dd，如 2026-01-31";

    static final Kind RESOURCES = new Kind(
            "resources",
            "资源",
            List.of(
                    c("ref", "编号", "本文件内的引用编号（导出时为资源ID）；权利、流转表用它引用资源", false, "文本", ""),
                    c("name", "名称", "资源名称", true, "1–200 个字符", "name"),
                    c("type", "类型", "山水林田湖草房矿", true, types(), "type"),
                    c("subtype", "子类型", "属于该类型的子类型", true, subtypes(), "subtype"),
                    c("useStatus", "利用状态", "闲置程度", true, terms(Catalog.USE_STATUSES), "useStatus"),
                    c("condition", "现状", "现状描述", false, "文本", "condition"),
                    c("directions", "开发方向", "适宜开发方向，多个用逗号分隔", false, terms(Catalog.DIRECTIONS), "directions"),
                    c(
                            "geometry",
                            "几何",
                            "GeoJSON 几何（经纬度），或点的“经度,纬度”",
                            true,
                            "Point、Polygon、MultiPolygon；CGCS2000 经纬度",
                            "geometry"),
                    c("declaredArea", "申报面积(㎡)", "点状资源（如农房）的申报面积", false, "非负数，最多 2 位小数", "declaredAreaM2")));

    static final Kind PARTIES = new Kind(
            "parties",
            "权利人",
            List.of(
                    c("ref", "编号", "本文件内的引用编号（导出时为权利人ID）", false, "文本", ""),
                    c("kind", "类型", "权利人类型", true, terms(Catalog.PARTY_KINDS), "kind"),
                    c("name", "名称", "户主姓名或单位名称", true, "1–200 个字符", "name"),
                    c("idNumber", "证件号", "身份证号或统一社会信用代码", false, "文本", "idNumber"),
                    c("members", "家庭成员", "仅农户：姓名:关系，多人用分号分隔", false, "如 张三:户主;李四:配偶", "members")));

    static final Kind RIGHTS = new Kind(
            "rights",
            "权利",
            List.of(
                    c("ref", "权利编号", "同一权利的多个时段用同一编号，按时间先后排列", true, "文本", ""),
                    c("resource", "资源编号", "资源表的编号或已有资源ID", true, "文本", ""),
                    c(
                            "kind",
                            "权利类型",
                            "权利或限制的类型",
                            true,
                            terms(Catalog.RIGHT_KINDS) + "、" + terms(Catalog.RESTRICTION_KINDS),
                            "kind"),
                    c("parent", "上级权利编号", "派生权利的上级权利（如承包权的所有权）", false, "文本", "parentRightId"),
                    c("rank", "顺位", "抵押、质押的顺位", false, "正整数", "rank"),
                    c("validFrom", "起始日期", "该时段的起始日期（含）", true, DATE, "validFrom"),
                    c("validTo", "终止日期", "该时段的终止日期（不含），空为长期", false, DATE, "validTo"),
                    c("holders", "权利人及份额", "权利人编号:份额，多人用分号分隔；只有一人可只写编号", true, "如 P1:1/2;P2:1/2", "holders"),
                    c("sourceKind", "来源类型", "来源文件类型（证书、合同、决议等）", true, "文本", "source"),
                    c("sourceNumber", "来源编号", "证书号或合同编号", true, "文本", "source"),
                    c("issuer", "发证机关", "发证或签订机关", true, "文本", "source"),
                    c("issuedOn", "发证日期", "发证或签订日期", true, DATE, "source"),
                    c("scanSha256", "扫描件SHA256", "扫描件的 SHA-256 校验值", false, "64 位十六进制小写", "source.scan"),
                    c("note", "备注", "备注", false, "文本", "note")));

    static final Kind TRANSFERS = new Kind(
            "transfers",
            "流转",
            List.of(
                    c("ref", "流转编号", "本文件内的引用编号（导出时为流转ID）", false, "文本", ""),
                    c("resource", "资源编号", "资源表的编号或已有资源ID", true, "文本", "resourceId"),
                    c("parent", "原权利编号", "转出方持有的承包权或经营权", true, "文本", "parentRightId"),
                    c("transferor", "转出方编号", "权利人编号", true, "文本", "transferorPartyId"),
                    c("transferee", "转入方编号", "权利人编号", true, "文本", "transfereePartyId"),
                    c("termFrom", "起始日期", "流转期限起（含）", true, DATE, "termFrom"),
                    c("termTo", "终止日期", "流转期限止（不含）", true, DATE, "termTo"),
                    c("rent", "年租金(元)", "首年租金", true, "如 1000.00", "annualRentYuan"),
                    c("escalation", "递增(%)", "每次递增的百分比", false, "0–100，最多 2 位小数", "escalationPct"),
                    c("every", "递增间隔(年)", "每几年递增一次", false, "正整数，默认 1", "escalationEveryYears"),
                    c("paymentDay", "付款日", "每个租金年的付款月日", true, "MM-dd，如 03-01", "paymentDay"),
                    c("channel", "方式", "线上申请或线下办理", true, "online（线上）、offline（线下）", "channel"),
                    c("contract", "合同编号", "流转合同编号", true, "文本", "contractNumber"),
                    c(
                            "status",
                            "状态",
                            "空或 pending 为待审批申请；approved/rejected 为已办结的历史流转",
                            false,
                            "pending、approved、rejected",
                            ""),
                    c("operating", "经营权编号", "已批准流转登记的经营权（权利表的权利编号）", false, "文本", "operatingRightId"),
                    c("note", "备注", "备注", false, "文本", "note")));

    static final List<Kind> KINDS = List.of(RESOURCES, PARTIES, RIGHTS, TRANSFERS);

    /** The kind with code {@code code}; {@code ledger} (all four sheets) answers null. */
    static Kind kind(String code) {
        return KINDS.stream().filter(k -> k.code().equals(code)).findFirst().orElse(null);
    }

    /** A workbook with one sheet per kind (filled with {@code rows} per sheet, may be empty) and 说明. */
    static byte[] write(List<Kind> kinds, Map<Kind, List<List<String>>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            for (Kind k : kinds) {
                Sheet sheet = wb.createSheet(k.sheet());
                line(
                        sheet.createRow(0),
                        k.columns().stream().map(Column::header).toList(),
                        header);
                int r = 1;
                for (List<String> values : rows.getOrDefault(k, List.of())) {
                    line(sheet.createRow(r++), values, text);
                }
                for (int i = 0; i < k.columns().size(); i++) {
                    sheet.setDefaultColumnStyle(i, text);
                    sheet.setColumnWidth(i, 18 * 256);
                }
            }
            help(wb.createSheet(HELP), kinds, header);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void help(Sheet sheet, List<Kind> kinds, CellStyle header) {
        line(sheet.createRow(0), List.of("工作表", "列", "含义", "必填", "取值"), header);
        int r = 1;
        for (Kind k : kinds) {
            for (Column c : k.columns()) {
                line(
                        sheet.createRow(r++),
                        List.of(k.sheet(), c.header(), c.meaning(), c.required() ? "是" : "否", c.allowed()),
                        null);
            }
        }
        List<String> notes = new ArrayList<>(List.of(
                "导入时任何一行有问题则整个文件都不导入，并列出每一行、每一列的问题。",
                "每个工作表最多 20000 行；文件不超过 10 MB。",
                "编号用于同一文件内各表之间的引用；也可填写系统中已有对象的ID。"));
        r++;
        for (String n : notes) {
            line(sheet.createRow(r++), List.of(n), null);
        }
        sheet.setColumnWidth(2, 40 * 256);
        sheet.setColumnWidth(4, 60 * 256);
    }

    private static void line(Row row, List<String> values, CellStyle style) {
        for (int i = 0; i < values.size(); i++) {
            var cell = row.createCell(i);
            cell.setCellValue(values.get(i) == null ? "" : values.get(i));
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
