package liangshan.app.eledger.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import liangshan.app.audit.AuditTrail;
import liangshan.app.eledger.internal.LedgerSheets.Kind;
import liangshan.app.eledger.internal.WorkbookReader.Line;
import liangshan.app.identity.Actor;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import liangshan.app.web.Problems;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * All-or-nothing imports of the Excel templates (and of GeoJSON for resources). Every row goes through
 * the same services, and so the same validation and audit, as the single-record API, inside one
 * transaction; each row runs in a savepoint so that a rejected row does not hide the problems of the
 * rows after it. If any row has a problem, or on a dry run, the whole transaction is rolled back;
 * the answer then lists every problem with its sheet row and column (422 {@code eledger.import.invalid}).
 */
@Service
class LedgerImport {

    /** At most this many problems are listed. */
    static final int MAX_PROBLEMS = 1000;

    private final LedgerRows rows;
    private final EledgerAccess access;
    private final Problems problems;
    private final AuditTrail audit;
    private final TransactionTemplate outer;
    private final TransactionTemplate savepoint;

    LedgerImport(
            LedgerRows rows,
            EledgerAccess access,
            Problems problems,
            AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.rows = rows;
        this.access = access;
        this.problems = problems;
        this.audit = audit;
        this.outer = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** One problem of one row: the sheet, its 1-based row number, the column's header and the problem. */
    record RowProblem(String sheet, int row, String column, String code, String messageZh, String messageEn) {}

    /**
     * The outcome of an import that stored (or, on a dry run, would have stored) every row.
     *
     * @param ids per kind, the file's 编号 → the id given to the new object
     */
    record Result(String kind, int rows, int imported, boolean dryRun, Map<String, Map<String, String>> ids) {}

    /** The 422 answer: the import stored nothing; {@link #rows()} lists every problem. */
    static final class Failed extends ApiException {
        private static final long serialVersionUID = 1L;
        private final transient List<RowProblem> rows;

        Failed(List<RowProblem> rows, List<FieldProblem> fields) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "eledger.import.invalid", fields, rows.size());
            this.rows = List.copyOf(rows);
        }

        List<RowProblem> rows() {
            return rows;
        }
    }

    /** The state of one import: the actor, the village, the new ids by 编号 and the problems found. */
    final class Run {
        final Actor actor;
        final String village;
        final Map<String, Map<String, String>> ids = new LinkedHashMap<>();
        final List<RowProblem> found = new ArrayList<>();
        int imported;

        Run(Actor actor, String village) {
            this.actor = actor;
            this.village = village;
            LedgerSheets.KINDS.forEach(k -> ids.put(k.code(), new LinkedHashMap<>()));
        }

        void problem(Kind kind, int row, String column, String code, Object... args) {
            found.add(new RowProblem(
                    kind.sheet(),
                    row,
                    column,
                    code,
                    problems.message(code, args, Locale.SIMPLIFIED_CHINESE),
                    problems.message(code, args, Locale.ENGLISH)));
        }

        /** Runs one row's change in a savepoint; a rejection becomes the row's problems and undoes the row. */
        <T> T attempt(Kind kind, Line line, Supplier<T> change) {
            try {
                T out = savepoint.execute(status -> change.get());
                imported++;
                return out;
            } catch (ApiException e) {
                if (e.fieldProblems().isEmpty()) {
                    problem(kind, line.row(), kind.headerFor(fieldOf(e.code())), e.code(), e.args());
                }
                for (FieldProblem p : e.fieldProblems()) {
                    problem(kind, line.row(), kind.headerFor(p.field()), p.code());
                }
            } catch (DataAccessException e) {
                problem(kind, line.row(), kind.headerFor(null), "eledger.import.row-rejected");
            }
            return null;
        }
    }

    /**
     * The API field a whole-record rejection is about, so that the report names the column a user
     * would correct (e.g. an overlapping right → its start date); null = the row's first column.
     */
    static String fieldOf(String code) {
        return switch (code) {
            case "eledger.right.overlap",
                    "eledger.right.before-parent",
                    "eledger.right.effective-outside-term",
                    "eledger.transfer.overlap" -> code.startsWith("eledger.transfer") ? "termFrom" : "validFrom";
            case "eledger.right.outlives-parent", "eledger.right.children-outlive" -> "validTo";
            case "eledger.right.primary-exists" -> "validFrom";
            case "eledger.restriction.rank-taken" -> "rank";
            case "eledger.right.not-found", "eledger.transfer.pledge-no-consent", "eledger.transfer.parent-flagged" ->
                "parentRightId";
            case "eledger.transfer.not-holder" -> "transferorPartyId";
            case "eledger.transfer.outlives-right" -> "termTo";
            case "eledger.resource.not-found" -> "resourceId";
            default -> null;
        };
    }

    /**
     * Imports {@code kind} ({@code resources}, {@code parties}, {@code rights}, {@code transfers}, or
     * {@code ledger} = the four sheets of an export) into {@code village}.
     */
    Result run(Actor actor, String village, String kind, byte[] bytes, String fileName, boolean dryRun) {
        List<Kind> kinds = kinds(kind);
        if (kinds.equals(List.of(LedgerSheets.TRANSFERS))) {
            access.transferVillage(actor, village);
        } else {
            access.writableVillage(actor, village);
        }
        Map<Kind, List<Line>> lines = new LinkedHashMap<>();
        boolean geoJson =
                fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".geojson") || looksLikeJson(bytes);
        if (geoJson) {
            if (!kinds.equals(List.of(LedgerSheets.RESOURCES))) {
                throw WorkbookReader.unreadable();
            }
            lines.put(LedgerSheets.RESOURCES, GeoJsonRows.read(bytes));
        } else {
            try (XSSFWorkbook wb = WorkbookReader.open(bytes)) {
                for (Kind k : kinds) {
                    lines.put(k, WorkbookReader.read(wb, k));
                }
            } catch (IOException e) {
                throw WorkbookReader.unreadable();
            }
        }
        int total = lines.values().stream().mapToInt(List::size).sum();
        Run run = new Run(actor, village);
        outer.executeWithoutResult(status -> {
            rows.resources(run, lines.getOrDefault(LedgerSheets.RESOURCES, List.of()));
            rows.parties(run, lines.getOrDefault(LedgerSheets.PARTIES, List.of()));
            rows.rights(run, lines.getOrDefault(LedgerSheets.RIGHTS, List.of()));
            rows.transfers(run, lines.getOrDefault(LedgerSheets.TRANSFERS, List.of()));
            if (!run.found.isEmpty() || dryRun) {
                status.setRollbackOnly();
            } else {
                audit.record(
                        "eledger.import.done",
                        "eledger_import",
                        kind,
                        village,
                        null,
                        Map.of("kind", kind, "file", String.valueOf(fileName), "rows", total, "ids", run.ids));
            }
        });
        if (!run.found.isEmpty()) {
            List<RowProblem> shown = run.found.subList(0, Math.min(MAX_PROBLEMS, run.found.size()));
            throw new Failed(
                    shown,
                    shown.stream()
                            .map(p -> new FieldProblem(
                                    p.sheet() + " 第" + p.row() + "行 / " + p.column(),
                                    p.code(),
                                    p.messageZh(),
                                    p.messageEn()))
                            .toList());
        }
        return new Result(kind, total, run.imported, dryRun, run.ids);
    }

    static List<Kind> kinds(String kind) {
        if ("ledger".equals(kind)) {
            return LedgerSheets.KINDS;
        }
        Kind k = LedgerSheets.kind(kind);
        if (k == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "eledger.import.bad-kind", String.valueOf(kind));
        }
        return List.of(k);
    }

    private static boolean looksLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    /** Resources as a GeoJSON FeatureCollection: each feature's properties use the column keys or headers. */
    static final class GeoJsonRows {

        private GeoJsonRows() {}

        static List<Line> read(byte[] bytes) {
            WorkbookReader.checkSize(bytes.length);
            JsonNode root;
            try {
                root = JsonMapper.shared().readTree(bytes);
            } catch (RuntimeException e) {
                throw WorkbookReader.unreadable();
            }
            JsonNode features = root == null ? null : root.get("features");
            if (features == null
                    || !features.isArray()
                    || !"FeatureCollection".equals(root.path("type").asString(""))) {
                throw WorkbookReader.unreadable();
            }
            if (features.size() > WorkbookReader.MAX_ROWS) {
                throw new ApiException(
                        HttpStatus.BAD_REQUEST, "eledger.import.too-many-rows", "features", WorkbookReader.MAX_ROWS);
            }
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < features.size(); i++) {
                JsonNode f = features.get(i);
                JsonNode props = f.path("properties");
                Map<String, String> cells = new LinkedHashMap<>();
                for (LedgerSheets.Column c : LedgerSheets.RESOURCES.columns()) {
                    JsonNode v = props.has(c.key()) ? props.get(c.key()) : props.get(c.header());
                    if (c.key().equals("declaredArea") && v == null) {
                        v = props.get("declaredAreaM2");
                    }
                    if (v != null && !v.isNull()) {
                        String text;
                        if (v.isArray()) {
                            List<String> parts = new ArrayList<>();
                            v.forEach(x -> parts.add(x.asString("")));
                            text = String.join(",", parts);
                        } else {
                            text = v.isString() ? v.asString() : v.toString();
                        }
                        if (!text.isBlank()) {
                            cells.put(c.key(), text.strip());
                        }
                    }
                }
                if (f.has("geometry") && !f.get("geometry").isNull()) {
                    cells.put("geometry", f.get("geometry").toString());
                }
                if (f.has("id") && !cells.containsKey("ref")) {
                    cells.put("ref", f.get("id").asString(f.get("id").toString()));
                }
                lines.add(new Line(i + 1, cells));
            }
            return lines;
        }
    }
}
