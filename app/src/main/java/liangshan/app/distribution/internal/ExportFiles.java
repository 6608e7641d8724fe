package liangshan.app.distribution.internal;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import liangshan.app.web.ApiException;
import liangshan.gep.run.CjkFont;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;

/**
 * A report (title, summary lines, tables) written as an Excel workbook with Chinese headers (one sheet per
 * table, money cells numeric with format {@code #,##0.00}) or as a Chinese A4 PDF (OpenPDF with the CJK
 * font the GEP report embeds, {@link CjkFont}; 503 {@code distribution.export.no-font} without one).
 * Money is carried as the API's exact 元 strings; it becomes a spreadsheet number only in the cell.
 */
final class ExportFiles {

    /** One table: a sheet of the workbook, a table of the PDF. Cells are strings; {@code money} columns numeric. */
    record Table(String name, List<String> headers, List<List<String>> rows, Set<Integer> money, int[] widths) {

        /** A table whose PDF columns share the width equally. */
        Table(String name, List<String> headers, List<List<String>> rows, Set<Integer> money) {
            this(name, headers, rows, money, null);
        }
    }

    record Report(String title, List<String> summary, List<Table> tables) {}

    private ExportFiles() {}

    static byte[] xlsx(Report report) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = wb.createCellStyle();
            org.apache.poi.ss.usermodel.Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            var summary = wb.createSheet("概要");
            summary.createRow(0).createCell(0).setCellValue(report.title());
            summary.getRow(0).getCell(0).setCellStyle(header);
            for (int i = 0; i < report.summary().size(); i++) {
                summary.createRow(i + 1)
                        .createCell(0)
                        .setCellValue(report.summary().get(i));
            }
            summary.setColumnWidth(0, 90 * 256);
            for (Table t : report.tables()) {
                var sheet = wb.createSheet(t.name());
                Row head = sheet.createRow(0);
                for (int c = 0; c < t.headers().size(); c++) {
                    Cell cell = head.createCell(c);
                    cell.setCellValue(t.headers().get(c));
                    cell.setCellStyle(header);
                    sheet.setColumnWidth(c, Math.max(12, t.headers().get(c).length() * 3) * 256);
                }
                for (int r = 0; r < t.rows().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<String> values = t.rows().get(r);
                    for (int c = 0; c < values.size(); c++) {
                        String v = values.get(c);
                        Cell cell = row.createCell(c);
                        if (v == null) {
                            continue;
                        }
                        if (t.money().contains(c) && !v.isEmpty()) {
                            // 元 with 2 decimals: exact in a double far beyond any amount here (< 2^53 fen).
                            cell.setCellValue(new BigDecimal(v).doubleValue());
                            cell.setCellStyle(money);
                        } else {
                            cell.setCellValue(v);
                        }
                    }
                }
                sheet.createFreezePane(0, 1);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "1,234,567.89" for "1234567.89" (exact: the decimal string is only regrouped). */
    static String grouped(String yuan) {
        return new java.text.DecimalFormat("#,##0.00").format(new BigDecimal(yuan));
    }

    static byte[] pdf(Report report) {
        Path fontFile = CjkFont.find()
                .orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "distribution.export.no-font"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BaseFont base = BaseFont.createFont(CjkFont.baseFontName(fontFile), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            Font body = new Font(base, 8);
            Font head = new Font(base, 11, Font.BOLD);
            Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
            PdfWriter.getInstance(doc, out);
            doc.open();
            doc.add(new Paragraph(report.title(), new Font(base, 15, Font.BOLD)));
            for (String line : report.summary()) {
                doc.add(new Paragraph(line, body));
            }
            for (Table t : report.tables()) {
                Paragraph title = new Paragraph(t.name(), head);
                title.setSpacingBefore(8);
                doc.add(title);
                PdfPTable table = new PdfPTable(t.headers().size());
                table.setWidthPercentage(100);
                if (t.widths() != null) {
                    table.setWidths(t.widths());
                }
                table.setSpacingBefore(4);
                for (String h : t.headers()) {
                    table.addCell(new PdfPCell(new Paragraph(h, body)));
                }
                table.setHeaderRows(1);
                for (List<String> row : t.rows()) {
                    for (int c = 0; c < row.size(); c++) {
                        String v = row.get(c) == null ? "" : row.get(c);
                        boolean money = t.money().contains(c) && !v.isEmpty();
                        PdfPCell cell = new PdfPCell(new Paragraph(money ? grouped(v) : v, body));
                        if (money) {
                            cell.setHorizontalAlignment(PdfPCell.ALIGN_RIGHT);
                        }
                        table.addCell(cell);
                    }
                }
                doc.add(table);
            }
            doc.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("cannot write the PDF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
