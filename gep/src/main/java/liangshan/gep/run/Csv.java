package liangshan.gep.run;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import liangshan.gep.cell.InputProblem;

/**
 * A minimal CSV reader for the run's tables (format in {@code package-info.java}): the header
 * must name exactly the expected columns, each row becomes a map with its 1-based line number.
 * Problems are collected, not thrown, so that a run reports every bad row at once.
 */
final class Csv {

    /** One data row; {@code line} is the 1-based line in the file (the header is line 1). */
    record Row(int line, Map<String, String> fields) {
        String get(String column) {
            return fields.getOrDefault(column, "");
        }
    }

    private Csv() {}

    /** Reads {@code file}; on a structural problem adds it to {@code problems} and returns no rows. */
    static List<Row> read(Path file, String label, List<String> columns, List<InputProblem> problems) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            problems.add(problem(label, "table.encoding", "不是 UTF-8 编码", "is not UTF-8"));
            return List.of();
        } catch (IOException e) {
            problems.add(
                    problem(label, "table.unreadable", "无法读取：" + e.getMessage(), "cannot be read: " + e.getMessage()));
            return List.of();
        }
        if (lines.isEmpty()) {
            problems.add(problem(label, "table.empty", "为空，缺少表头", "is empty (no header row)"));
            return List.of();
        }
        String first = lines.get(0);
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        List<String> header = split(first);
        Set<String> expected = Set.copyOf(columns);
        Set<String> missing = new TreeSet<>(expected);
        header.forEach(missing::remove);
        Set<String> extra = new TreeSet<>(header);
        extra.removeAll(expected);
        if (!missing.isEmpty() || !extra.isEmpty() || header.size() != expected.size()) {
            problems.add(problem(
                    label,
                    "table.header",
                    "表头应为 " + String.join(",", columns) + "（缺少 " + missing + "，多余 " + extra + "）",
                    "header must be " + String.join(",", columns) + " (missing " + missing + ", unexpected " + extra
                            + ")"));
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = split(line);
            if (cells.size() != header.size()) {
                problems.add(problem(
                        label + " 第 " + (i + 1) + " 行 / line " + (i + 1),
                        "table.field_count",
                        "有 " + cells.size() + " 个字段，表头有 " + header.size() + " 个",
                        "has " + cells.size() + " fields, the header has " + header.size()));
                continue;
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                m.put(header.get(c), cells.get(c).strip());
            }
            rows.add(new Row(i + 1, m));
        }
        return rows;
    }

    /** Splits one line; double quotes protect commas, {@code ""} inside quotes is a quote. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }

    /** A problem with a cell: file, line and column named. */
    static InputProblem cell(String label, Row row, String column, String zh, String en) {
        return new InputProblem(
                "table.bad_value",
                label + " 第 " + row.line() + " 行 / line " + row.line() + ", " + column,
                label + " 第 " + row.line() + " 行 " + column + " 列：" + zh,
                label + " line " + row.line() + ", column " + column + ": " + en);
    }

    static InputProblem problem(String input, String code, String zh, String en) {
        return new InputProblem(code, input, input + "：" + zh, input + ": " + en);
    }
}
