package liangshan.app.ecoaccount.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import liangshan.app.ecoaccount.internal.GepAccountViews.Account;
import liangshan.app.ecoaccount.internal.GepAccountViews.Child;
import liangshan.app.ecoaccount.internal.GepAccountViews.Indicator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The account as an Excel workbook (Apache POI): sheet 概要 (summary), 指标 (per indicator quantity,
 * value and year-on-year change) and, for towns, counties and the city, 下级 (ranked children).
 * Money cells are numeric with 2 decimals (format {@code #,##0.00}); the exact 元 strings of the API
 * convert to doubles only here, for the spreadsheet, never for sums.
 */
final class GepAccountXlsx {

    private GepAccountXlsx() {}

    static byte[] write(Account a, List<Child> children) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles s = new Styles(wb);
            summary(wb.createSheet("概要"), s, a);
            indicators(wb.createSheet("指标"), s, a);
            if (!a.level().equals("village")) {
                children(wb.createSheet("下级"), s, children);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Styles(CellStyle header, CellStyle money, CellStyle quantity) {
        Styles(XSSFWorkbook wb) {
            this(wb.createCellStyle(), wb.createCellStyle(), wb.createCellStyle());
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            quantity.setDataFormat(wb.createDataFormat().getFormat("#,##0.000"));
        }
    }

    private static void summary(Sheet sheet, Styles s, Account a) {
        String[][] rows = {
            {"行政区划代码", a.code()},
            {"名称", a.name()},
            {"级别", levelZh(a.level())},
            {"核算年份", String.valueOf(a.year())},
            {"上一核算年份", a.previousYear() == null ? "" : String.valueOf(a.previousYear())},
            {"面积（公顷）", a.areaHm2()},
            {"GEP 合计（元）", a.totalYuan()},
            {"上年 GEP（元）", a.previousTotalYuan()},
            {"同比变化（%）", a.changePct()},
            {"单位面积 GEP（元/平方公里）", a.perKm2Yuan()},
            {"物质产品（元）", a.byClass().get("provisioning")},
            {"调节服务（元）", a.byClass().get("regulating")},
            {"文化服务（元）", a.byClass().get("cultural")},
            {"村数", String.valueOf(a.villages())},
            {"核算批次", a.run().id()},
            {"参数集", a.run().params()},
            {"方法版本", a.run().methodEdition()},
            {"示意数据", a.illustrative() ? "是（合成或示意数据，仅供演示）" : "否"}
        };
        header(sheet.createRow(0), s, "项目", "数值");
        for (int i = 0; i < rows.length; i++) {
            Row row = sheet.createRow(i + 1);
            row.createCell(0).setCellValue(rows[i][0]);
            boolean numeric = rows[i][0].contains("元") || rows[i][0].contains("公顷") || rows[i][0].contains("%");
            cell(row, 1, rows[i][1], numeric ? s.money() : null);
        }
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 32 * 256);
    }

    private static void indicators(Sheet sheet, Styles s, Account a) {
        header(sheet.createRow(0), s, "指标", "英文名称", "服务类别", "功能量", "单位", "价值量（元）", "上年价值量（元）", "同比变化（%）");
        int r = 1;
        for (Indicator i : a.indicators()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(i.nameZh());
            row.createCell(1).setCellValue(i.nameEn());
            row.createCell(2).setCellValue(classZh(i.serviceClass()));
            cell(row, 3, i.quantity(), s.quantity());
            row.createCell(4).setCellValue(i.unit() == null ? "" : i.unit());
            cell(row, 5, i.valueYuan(), s.money());
            cell(row, 6, i.previousValueYuan(), s.money());
            cell(row, 7, i.changePct(), null);
        }
        Row total = sheet.createRow(r);
        total.createCell(0).setCellValue("合计");
        cell(total, 5, a.totalYuan(), s.money());
        cell(total, 6, a.previousTotalYuan(), s.money());
        cell(total, 7, a.changePct(), null);
        for (int c = 0; c < 8; c++) {
            sheet.setColumnWidth(c, (c == 1 ? 28 : 18) * 256);
        }
    }

    private static void children(Sheet sheet, Styles s, List<Child> children) {
        header(sheet.createRow(0), s, "排名", "行政区划代码", "名称", "GEP（元）", "单位面积 GEP（元/平方公里）", "调节服务（元）", "同比变化（%）");
        int r = 1;
        for (Child c : children) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(c.rank());
            row.createCell(1).setCellValue(c.code());
            row.createCell(2).setCellValue(c.name());
            cell(row, 3, c.totalYuan(), s.money());
            cell(row, 4, c.perKm2Yuan(), s.money());
            cell(row, 5, c.regulatingYuan(), s.money());
            cell(row, 6, c.changePct(), null);
        }
        for (int c = 0; c < 7; c++) {
            sheet.setColumnWidth(c, 20 * 256);
        }
    }

    private static void header(Row row, Styles s, String... names) {
        for (int i = 0; i < names.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names[i]);
            cell.setCellStyle(s.header());
        }
    }

    /** A numeric cell from a decimal string (blank when null); text when not numeric. */
    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value == null) {
            return;
        }
        try {
            cell.setCellValue(new BigDecimal(value).doubleValue());
            if (style != null) {
                cell.setCellStyle(style);
            }
        } catch (NumberFormatException e) {
            cell.setCellValue(value);
        }
    }

    static String levelZh(String level) {
        return switch (level) {
            case "city" -> "市";
            case "county" -> "县（市、区）";
            case "town" -> "乡镇（街道）";
            default -> "村（社区）";
        };
    }

    static String classZh(String serviceClass) {
        return switch (serviceClass) {
            case "provisioning" -> "物质产品";
            case "regulating" -> "调节服务";
            default -> "文化服务";
        };
    }
}
