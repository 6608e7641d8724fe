package liangshan.app.eledger.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import liangshan.app.identity.CurrentActor;
import liangshan.app.web.ApiException;
import liangshan.app.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/eledger}: reconciliation with the real-estate registry and its stored reports. */
@RestController
@RequestMapping("/api/v1/eledger")
class RegistryController {

    private final RegistryReconciliation reconciliation;
    private final RegistryImport imports;
    private final Problems problems;
    private final CurrentActor currentActor;

    RegistryController(
            RegistryReconciliation reconciliation,
            RegistryImport imports,
            Problems problems,
            CurrentActor currentActor) {
        this.reconciliation = reconciliation;
        this.imports = imports;
        this.problems = problems;
        this.currentActor = currentActor;
    }

    /** Imports the report's "missing here" records as rights, all or nothing (422 with every row problem). */
    @PostMapping("/registry-reconciliations/{id}/import")
    ResponseEntity<Object> importMissing(
            @PathVariable String id,
            @RequestBody(required = false) RegistryImport.ImportInput input,
            HttpServletRequest request) {
        try {
            return ResponseEntity.ok(imports.run(currentActor.get(), id, input));
        } catch (LedgerImport.Failed e) {
            Map<String, Object> body = problems.body(request, e);
            body.put("rows", e.rows());
            return ResponseEntity.status(e.status())
                    .contentType(Problems.PROBLEM_JSON)
                    .body(body);
        }
    }

    @PostMapping(value = "/villages/{village}/registry-reconciliation", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    RegistryReconciliation.Report reconcile(
            @PathVariable String village, @RequestParam(required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.import.unreadable");
        }
        WorkbookReader.checkSize(file.getSize());
        try {
            byte[] bytes = WorkbookReader.readAll(file.getInputStream());
            return reconciliation.reconcile(currentActor.get(), village, bytes, file.getOriginalFilename());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/registry-reconciliations/{id}")
    RegistryReconciliation.Report get(@PathVariable String id) {
        return reconciliation.find(currentActor.get(), id);
    }

    @GetMapping("/registry-reconciliations/{id}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String id) {
        RegistryReconciliation.Report r = reconciliation.find(currentActor.get(), id);
        return LedgerIoController.xlsx(RegistryReconciliation.xlsx(r), "不动产对账-" + r.villageCode() + ".xlsx");
    }
}
