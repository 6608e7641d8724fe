package liangshan.app.eledger.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.app.eledger.internal.LedgerSheets.Column;
import liangshan.app.eledger.internal.LedgerSheets.Kind;
import liangshan.app.eledger.internal.WorkbookReader.Line;
import liangshan.app.web.ApiException;
import org.springframework.http.HttpStatus;

/**
 * RFC 4180 CSV (comma separated, double quotes, doubled quotes inside quotes, CRLF or LF), UTF-8 with
 * or without a byte-order mark; the first record holds the headers. Capped at
 * {@link WorkbookReader#MAX_ROWS} data rows like the workbooks.
 */
final class Csv {

    private Csv() {}

    static List<Line> read(String text, Kind kind) {
        List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.import.header-missing", kind.sheet(), "-");
        }
        if (records.size() - 1 > WorkbookReader.MAX_ROWS) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST, "eledger.import.too-many-rows", kind.sheet(), WorkbookReader.MAX_ROWS);
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> head = records.get(0);
        for (int i = 0; i < head.size(); i++) {
            index.putIfAbsent(head.get(i).strip(), i);
        }
        for (Column c : kind.columns()) {
            if (c.required() && !index.containsKey(c.header())) {
                throw new ApiException(
                        HttpStatus.BAD_REQUEST, "eledger.import.header-missing", kind.sheet(), c.header());
            }
        }
        List<Line> lines = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (Column c : kind.columns()) {
                Integer i = index.get(c.header());
                String v = i == null || i >= records.get(r).size()
                        ? ""
                        : records.get(r).get(i).strip();
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

    /** Splits the text into records of fields. */
    static List<List<String>> records(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                out.add(record);
                record = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            out.add(record);
        }
        return out;
    }
}
