package liangshan.app.eledger.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import liangshan.app.eledger.internal.LedgerSheets.Column;
import liangshan.app.eledger.internal.LedgerSheets.Kind;
import liangshan.app.web.ApiException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;

/**
 * Reads uploaded workbooks defensively: the file size, the unpacked size of the zip container (a zip
 * bomb is refused before Apache POI inflates it), the number of zip entries and the rows per sheet are
 * capped; anything POI cannot read is a 400 problem, never a 500.
 */
final class WorkbookReader {

    /** Largest accepted upload, bytes. */
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    /** Largest total unpacked size of the workbook's zip entries, bytes. */
    static final long MAX_UNPACKED_BYTES = 60L * 1024 * 1024;
    /** Most data rows per sheet. */
    static final int MAX_ROWS = 20_000;

    private static final int MAX_ENTRIES = 500;

    private WorkbookReader() {}

    /** One data row: its 1-based sheet row number and its cells by column key (blank cells absent). */
    record Line(int row, Map<String, String> cells) {
        String get(String key) {
            return cells.get(key);
        }
    }

    /** Refuses files above {@link #MAX_FILE_BYTES} (413). */
    static void checkSize(long bytes) {
        if (bytes > MAX_FILE_BYTES) {
            throw new ApiException(
                    HttpStatus.CONTENT_TOO_LARGE, "eledger.import.too-large", MAX_FILE_BYTES / (1024 * 1024));
        }
    }

    /** Opens the workbook after checking the container; 400 {@code eledger.import.unreadable} if it is not one. */
    static XSSFWorkbook open(byte[] bytes) {
        checkSize(bytes.length);
        checkContainer(bytes);
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        }
    }

    /** Inflates every entry once, counting bytes, so that a zip bomb stops at the cap. */
    private static void checkContainer(byte[] bytes) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw unreadable();
                }
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    total += n;
                    if (total > MAX_UNPACKED_BYTES) {
                        throw new ApiException(
                                HttpStatus.CONTENT_TOO_LARGE,
                                "eledger.import.too-large",
                                MAX_FILE_BYTES / (1024 * 1024));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable();
        }
        if (entries == 0) {
            throw unreadable();
        }
    }

    static ApiException unreadable() {
        return new ApiException(HttpStatus.BAD_REQUEST, "eledger.import.unreadable");
    }

    /**
     * The data rows of {@code kind}'s sheet, keyed by column; 400 {@code eledger.import.header-missing}
     * when the sheet or a required header is absent, {@code eledger.import.too-many-rows} above the cap.
     * Rows whose cells are all blank are skipped.
     */
    static List<Line> read(XSSFWorkbook wb, Kind kind) {
        Sheet sheet = wb.getSheet(kind.sheet());
        if (sheet == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.import.header-missing", kind.sheet(), "-");
        }
        if (sheet.getLastRowNum() > MAX_ROWS) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.import.too-many-rows", kind.sheet(), MAX_ROWS);
        }
        Row head = sheet.getRow(sheet.getFirstRowNum());
        Map<String, Integer> index = new HashMap<>();
        if (head != null) {
            for (Cell cell : head) {
                index.putIfAbsent(text(cell), cell.getColumnIndex());
            }
        }
        for (Column c : kind.columns()) {
            if (c.required() && !index.containsKey(c.header())) {
                throw new ApiException(
                        HttpStatus.BAD_REQUEST, "eledger.import.header-missing", kind.sheet(), c.header());
            }
        }
        List<Line> lines = new ArrayList<>();
        for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (Column c : kind.columns()) {
                Integer i = index.get(c.header());
                String v = i == null ? "" : text(row.getCell(i));
                if (!v.isEmpty()) {
                    cells.put(c.key(), v);
                }
            }
            if (!cells.isEmpty()) {
                lines.add(new Line(r + 1, cells));
            }
        }
        return lines;
    }

    /**
     * A cell as text: strings stripped, dates as yyyy-MM-dd, other numbers in their shortest decimal
     * spelling (Excel stores numbers as binary doubles; amounts should be text cells, as in our templates).
     */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().strip();
            case NUMERIC ->
                DateUtil.isCellDateFormatted(cell)
                        ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                        : BigDecimal.valueOf(cell.getNumericCellValue())
                                .stripTrailingZeros()
                                .toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    /** Reads a stream fully up to {@link #MAX_FILE_BYTES} (413 beyond). */
    static byte[] readAll(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        checkSize(bytes.length);
        return bytes;
    }
}
