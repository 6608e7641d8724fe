package liangshan.app.credits.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import liangshan.app.web.ApiException;
import liangshan.app.web.Page;
import liangshan.app.web.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/register/{projects|issuances|transfers|retirements|obligations}[.csv]}: the public
 * eco-credit register, readable without login (the security configuration permits exactly these paths).
 * JSON pages, or with {@code ?format=csv} / {@code .csv} the whole list as UTF-8 CSV with a BOM and
 * Chinese headers (Excel opens it as is).
 */
@RestController("creditsRegisterController")
class RegisterController {

    static final int CSV_LIMIT = 100_000;

    private final RegisterQueries queries;

    RegisterController(RegisterQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/register/{name:projects|issuances|transfers|retirements|obligations}")
    ResponseEntity<?> list(
            @PathVariable String name,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        if ("csv".equals(format)) {
            return csv(name, county);
        }
        if (format != null && !format.equals("json")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "credits.invalid", "format");
        }
        PageRequest p = PageRequest.of(page, size);
        RegisterQueries.Rows rows = queries.rows(name, county, p.offset(), p.size());
        Page<Map<String, Object>> body = p.toPage(rows.rows(), rows.total());
        return ResponseEntity.ok(body);
    }

    @GetMapping("/api/v1/register/{name:projects|issuances|transfers|retirements|obligations}.csv")
    ResponseEntity<byte[]> csvPath(@PathVariable String name, @RequestParam(required = false) String county) {
        return csv(name, county);
    }

    private ResponseEntity<byte[]> csv(String name, String county) {
        RegisterQueries.Table table = RegisterQueries.TABLES.get(name);
        List<Map<String, Object>> rows =
                queries.rows(name, county, 0, CSV_LIMIT).rows();
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(
                        ",",
                        table.columns().values().stream()
                                .map(RegisterController::cell)
                                .toList()))
                .append("\r\n");
        for (Map<String, Object> row : rows) {
            out.append(String.join(
                            ",",
                            table.columns().keySet().stream()
                                    .map(k -> cell(row.get(k)))
                                    .toList()))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"credits-" + name + ".csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 4180 quoting; a leading = + @ is prefixed with ' so spreadsheets never run a formula. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
