package liangshan.gep.run;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.gep.cell.QualityReport;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.spec.IndicatorSpecs;
import liangshan.gep.spec.MethodClause;

/**
 * {@code report.pdf}: the Chinese run report as PDF (OpenPDF), with a CJK font embedded so the
 * file renders anywhere. The font is the first of {@link CjkFont} candidates that exists, or the
 * file named by the system property {@value CjkFont#PROPERTY}; without one the run is rejected
 * before computing (a PDF without Chinese glyphs would be unreadable).
 */
final class PdfReport {

    private PdfReport() {}

    static void write(
            Path file,
            Path fontFile,
            GepRun.Request request,
            GepRun.Validated v,
            List<ZoneRow> rows,
            Map<String, QualityReport> quality)
            throws IOException {
        String fontName = CjkFont.baseFontName(fontFile);
        try (OutputStream out = Files.newOutputStream(file)) {
            // The font's bytes are given in memory: subsetting reads the glyph tables many times,
            // and from the file OpenPDF reads them one byte per system call.
            BaseFont base = BaseFont.createFont(
                    fontName, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, Files.readAllBytes(fontFile), null);
            Font body = new Font(base, 10);
            Font head = new Font(base, 14, Font.BOLD);
            Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
            PdfWriter.getInstance(doc, out);
            doc.open();
            ParameterSet p = v.params();
            doc.add(new Paragraph("生态系统生产总值（GEP）核算报告 · " + request.year() + " 年", new Font(base, 18, Font.BOLD)));
            doc.add(new Paragraph(
                    "说明：区划边界与输入数据若为示意（合成）数据，结果仅用于演示核算方法，不代表任何村庄的真实 GEP。"
                            + "标为暂定值的参数须以 DB33/T 2274-2025 或本地实测值替换后方可正式使用。",
                    body));
            doc.add(new Paragraph("一、方法与参数", head));
            doc.add(new Paragraph(
                    "方法版本 " + MethodClause.EDITION + "；参数集 " + p.id() + "（" + p.titleZh() + "），SHA-256 " + p.sha256()
                            + "；暂定值 " + p.placeholders().size() + " 项（明细见 report.html）。栅格 "
                            + v.rasters().grid().describe() + "。",
                    body));
            doc.add(new Paragraph("二、各指标合计", head));
            PdfPTable totals = table(body, "指标", "价值量（元）");
            BigDecimal all = BigDecimal.ZERO.setScale(2);
            for (Map.Entry<String, BigDecimal> e :
                    ZoneRow.totalsByIndicator(rows).entrySet()) {
                row(
                        totals,
                        body,
                        IndicatorSpecs.byId(e.getKey()).nameZh(),
                        e.getValue().toPlainString());
                all = all.add(e.getValue());
            }
            row(totals, body, "GEP 合计", all.toPlainString());
            doc.add(totals);
            PdfPTable check = table(body, "数量级核对（与公开数据对比）", "本次核算 / 公开数据 / 比值");
            for (MagnitudeCheck.Line l : MagnitudeCheck.of(rows)) {
                row(
                        check,
                        body,
                        l.itemZh(),
                        l.run() + " / " + l.published() + " / "
                                + (l.ratio() == null ? "—" : l.ratio().toPlainString()));
            }
            doc.add(check);
            doc.add(new Paragraph("三、村级 GEP（由高到低）", head));
            PdfPTable villages = table(body, "村代码", "GEP（元）");
            byZone(rows)
                    .forEach(e -> row(villages, body, e.getKey(), e.getValue().toPlainString()));
            doc.add(villages);
            doc.add(new Paragraph("四、数据质量", head));
            PdfPTable q = table(body, "指标", "像元 / 无数据 / 未知地类");
            quality.forEach((id, r) -> row(
                    q,
                    body,
                    IndicatorSpecs.byId(id).nameZh(),
                    r.cells() + " / " + r.noDataCells() + " / " + r.unknownClassCells()));
            doc.add(q);
            doc.add(new Paragraph(
                    "区外像元 " + v.index().outsideCells() + "；村数 " + v.index().zoneCount() + "。", body));
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Map.Entry<String, BigDecimal>> byZone(List<ZoneRow> rows) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        rows.stream()
                .filter(r -> !r.zoneCode().equals("outside"))
                .forEach(r -> m.merge(r.zoneCode(), r.valueYuan(), BigDecimal::add));
        List<Map.Entry<String, BigDecimal>> out = new ArrayList<>(m.entrySet());
        out.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return out;
    }

    private static PdfPTable table(Font font, String a, String b) {
        PdfPTable t = new PdfPTable(2);
        t.setWidthPercentage(100);
        t.setSpacingBefore(4);
        t.setSpacingAfter(8);
        t.addCell(new PdfPCell(new Paragraph(a, font)));
        t.addCell(new PdfPCell(new Paragraph(b, font)));
        t.setHeaderRows(1);
        return t;
    }

    private static void row(PdfPTable t, Font font, String a, String b) {
        t.addCell(new PdfPCell(new Paragraph(a, font)));
        PdfPCell right = new PdfPCell(new Paragraph(b, font));
        right.setHorizontalAlignment(PdfPCell.ALIGN_RIGHT);
        t.addCell(right);
    }
}
