package liangshan.app.eledger.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import liangshan.app.identity.Actor;
import liangshan.app.identity.CurrentActor;
import liangshan.app.web.ApiException;
import liangshan.app.web.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/eledger}: Excel templates, imports (Excel, GeoJSON) and exports of villages and packages. */
@RestController
@RequestMapping("/api/v1/eledger")
class LedgerIoController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final LedgerImport imports;
    private final LedgerExport exports;
    private final Problems problems;
    private final CurrentActor currentActor;

    LedgerIoController(LedgerImport imports, LedgerExport exports, Problems problems, CurrentActor currentActor) {
        this.imports = imports;
        this.exports = exports;
        this.problems = problems;
        this.currentActor = currentActor;
    }

    /** An empty template: the kind's sheet (or all four for {@code ledger}) and 说明. */
    @GetMapping("/templates/{kind}.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String kind) {
        Actor actor = currentActor.get();
        if (actor.isAnonymous()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "eledger.import.bad-kind", kind);
        }
        return xlsx(LedgerSheets.write(LedgerImport.kinds(kind), Map.of()), "模板-" + kind + ".xlsx");
    }

    @PostMapping(value = "/villages/{village}/imports/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> importFile(
            @PathVariable String village,
            @PathVariable String kind,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false, defaultValue = "false") boolean dryRun,
            HttpServletRequest request) {
        if (file == null || file.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.import.unreadable");
        }
        WorkbookReader.checkSize(file.getSize());
        byte[] bytes;
        try {
            bytes = WorkbookReader.readAll(file.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return ResponseEntity.ok(
                    imports.run(currentActor.get(), village, kind, bytes, file.getOriginalFilename(), dryRun));
        } catch (LedgerImport.Failed e) {
            Map<String, Object> body = problems.body(request, e);
            body.put("rows", e.rows());
            return ResponseEntity.status(e.status())
                    .contentType(Problems.PROBLEM_JSON)
                    .body(body);
        }
    }

    @GetMapping("/villages/{village}/export.xlsx")
    ResponseEntity<byte[]> exportVillage(@PathVariable String village) {
        return xlsx(exports.village(currentActor.get(), village), "台账-" + village + ".xlsx");
    }

    @GetMapping("/packages/{id}/export.xlsx")
    ResponseEntity<byte[]> exportPackage(@PathVariable String id) {
        return xlsx(exports.pkg(currentActor.get(), id), "资产包-" + id + ".xlsx");
    }

    static ResponseEntity<byte[]> xlsx(byte[] bytes, String fileName) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(bytes);
    }

    /** The import kinds, for the UI. */
    @GetMapping("/imports/kinds")
    List<String> kinds() {
        return List.of("resources", "parties", "rights", "transfers", "ledger");
    }
}
