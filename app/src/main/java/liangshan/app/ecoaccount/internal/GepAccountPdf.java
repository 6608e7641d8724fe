package liangshan.app.ecoaccount.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import liangshan.app.ecoaccount.internal.GepAccountViews.Account;
import liangshan.app.ecoaccount.internal.GepAccountViews.Child;
import liangshan.app.ecoaccount.internal.GepAccountViews.Indicator;
import liangshan.app.web.ApiException;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.run.CjkFont;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account as a Chinese PDF report (OpenPDF): method edition, parameter set with its
 * placeholder (暂定值) values flagged, results per indicator with year-on-year change, ranked
 * children for roll-ups, and provenance (run, parameter-set and input SHA-256s). The CJK font
 * is the one {@code gep run}'s report embeds ({@link CjkFont}); without one the report answers 503
 * {@code gep.report.no-font}.
 */
final class GepAccountPdf {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GepAccountPdf() {}

    static byte[] write(Account a, List<Child> children, ParameterSet params, String provenanceJson) {
        Path fontFile = CjkFont.find()
                .orElseThrow(
                        () -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "gep.report.no-font", CjkFont.PROPERTY));
        String fontName = CjkFont.baseFontName(fontFile);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BaseFont base = BaseFont.createFont(fontName, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            Font body = new Font(base, 9);
            Font head = new Font(base, 13, Font.BOLD);
            Document doc = new Document(PageSize.A4, 45, 45, 45, 45);
            PdfWriter.getInstance(doc, out);
            doc.open();
            doc.add(new Paragraph(
                    a.name() + "（" + a.code() + "）生态系统生产总值（GEP）核算报告 · " + a.year() + " 年",
                    new Font(base, 16, Font.BOLD)));
            if (a.illustrative()) {
                doc.add(new Paragraph("【示意】本报告基于合成或示意数据（区划边界或输入数据为示意），仅用于演示核算方法，不代表真实 GEP。", body));
            }
            summary(doc, head, body, a);
            indicators(doc, head, body, a);
            if (!children.isEmpty()) {
                children(doc, head, body, children);
            }
            method(doc, head, body, a, params);
            provenance(doc, head, body, a, provenanceJson);
            doc.close();
        } catch (DocumentException | java.io.IOException e) {
            throw new IllegalStateException("cannot write the GEP report PDF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void summary(Document doc, Font head, Font body, Account a) {
        doc.add(new Paragraph("一、概要", head));
        PdfPTable t = table(body, 2, "项目", "数值");
        row(t, body, "级别", GepAccountXlsx.levelZh(a.level()));
        row(t, body, "面积（公顷）", a.areaHm2());
        row(t, body, "GEP 合计（元）", a.totalYuan());
        row(t, body, "单位面积 GEP（元/平方公里）", a.perKm2Yuan());
        row(
                t,
                body,
                "物质产品 / 调节服务 / 文化服务（元）",
                a.byClass().get("provisioning") + " / " + a.byClass().get("regulating") + " / "
                        + a.byClass().get("cultural"));
        row(t, body, "上一核算年份", a.previousYear() == null ? "无" : String.valueOf(a.previousYear()));
        row(t, body, "上年 GEP（元）", orDash(a.previousTotalYuan()));
        row(t, body, "同比变化（%）", orDash(a.changePct()));
        row(t, body, "村数", String.valueOf(a.villages()));
        doc.add(t);
    }

    private static void indicators(Document doc, Font head, Font body, Account a) {
        doc.add(new Paragraph("二、各指标功能量与价值量", head));
        PdfPTable t = table(body, 6, "指标", "类别", "功能量", "价值量（元）", "上年价值量（元）", "同比（%）");
        for (Indicator i : a.indicators()) {
            row(
                    t,
                    body,
                    i.nameZh(),
                    GepAccountXlsx.classZh(i.serviceClass()),
                    i.quantity() == null ? "—" : i.quantity() + " " + i.unit(),
                    i.valueYuan(),
                    orDash(i.previousValueYuan()),
                    orDash(i.changePct()));
        }
        row(t, body, "合计", "", "", a.totalYuan(), orDash(a.previousTotalYuan()), orDash(a.changePct()));
        doc.add(t);
    }

    private static void children(Document doc, Font head, Font body, List<Child> children) {
        doc.add(new Paragraph("三、下级区划排名（按单位面积 GEP）", head));
        PdfPTable t = table(body, 5, "排名", "名称（代码）", "GEP（元）", "元/平方公里", "同比（%）");
        for (Child c : children) {
            row(
                    t,
                    body,
                    String.valueOf(c.rank()),
                    c.name() + "（" + c.code() + "）",
                    c.totalYuan(),
                    orDash(c.perKm2Yuan()),
                    orDash(c.changePct()));
        }
        doc.add(t);
    }

    private static void method(Document doc, Font head, Font body, Account a, ParameterSet p) {
        doc.add(new Paragraph("四、方法与参数", head));
        doc.add(new Paragraph(
                "方法版本 " + a.run().methodEdition() + "；参数集 " + p.id() + "（" + p.titleZh() + "），SHA-256 "
                        + p.sha256() + "。以下参数为暂定值（须以 DB33/T 2274-2025 或本地实测值替换后方可正式使用），共 "
                        + p.placeholders().size() + " 项：",
                body));
        PdfPTable t = table(body, 3, "参数（暂定值）", "取值", "来源 / 理由");
        for (ParameterSet.Placeholder ph : p.placeholders()) {
            row(t, body, "【暂定】" + ph.path(), ph.value(), ph.source() + "；" + ph.reason());
        }
        doc.add(t);
    }

    private static void provenance(Document doc, Font head, Font body, Account a, String provenanceJson) {
        doc.add(new Paragraph("五、数据来源与可追溯性", head));
        doc.add(new Paragraph(
                "核算批次 " + a.run().id() + "，完成于 " + a.run().finishedAt() + "；参数集 "
                        + a.run().params() + "。输入文件 SHA-256：",
                body));
        PdfPTable t = table(body, 2, "输入", "SHA-256");
        if (provenanceJson != null) {
            JsonNode root = JSON.readTree(provenanceJson);
            for (JsonNode input : root.path("inputs")) {
                row(
                        t,
                        body,
                        input.path("name").asString(""),
                        input.path("sha256").asString(""));
            }
        }
        doc.add(t);
    }

    private static String orDash(String s) {
        return s == null ? "—" : s;
    }

    private static PdfPTable table(Font font, int columns, String... headers) {
        PdfPTable t = new PdfPTable(columns);
        t.setWidthPercentage(100);
        t.setSpacingBefore(4);
        t.setSpacingAfter(8);
        for (String h : headers) {
            t.addCell(new PdfPCell(new Paragraph(h, font)));
        }
        t.setHeaderRows(1);
        return t;
    }

    private static void row(PdfPTable t, Font font, String... cells) {
        for (String c : cells) {
            t.addCell(new PdfPCell(new Paragraph(c == null ? "" : c, font)));
        }
    }
}
