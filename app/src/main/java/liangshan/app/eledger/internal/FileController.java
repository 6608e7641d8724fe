package liangshan.app.eledger.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import liangshan.app.identity.CurrentActor;
import liangshan.app.web.ApiException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v1/eledger}: photos and documents of resources. */
@RestController
@RequestMapping("/api/v1/eledger")
class FileController {

    private final FileService files;
    private final CurrentActor currentActor;

    FileController(FileService files, CurrentActor currentActor) {
        this.files = files;
        this.currentActor = currentActor;
    }

    @PostMapping(value = "/resources/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<FileService.FileView> upload(
            @PathVariable String id,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String title) {
        if (file == null || file.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "eledger.file.missing");
        }
        if (file.getSize() > FileService.MAX_BYTES) {
            throw new ApiException(
                    HttpStatus.CONTENT_TOO_LARGE, "eledger.file.too-large", FileService.MAX_BYTES / (1024 * 1024));
        }
        try {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(files.upload(
                            currentActor.get(), id, kind, title, file.getOriginalFilename(), file.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/resources/{id}/files")
    List<FileService.FileView> list(@PathVariable String id) {
        return files.list(currentActor.get(), id);
    }

    @GetMapping("/files/{id}")
    ResponseEntity<byte[]> read(@PathVariable String id) {
        FileService.Content c = files.read(currentActor.get(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(c.file().contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(c.file().fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(HttpHeaders.ETAG, "\"" + c.file().sha256() + "\"")
                .body(c.bytes());
    }

    @DeleteMapping("/files/{id}")
    ResponseEntity<Void> retire(@PathVariable String id) {
        files.retire(currentActor.get(), id);
        return ResponseEntity.noContent().build();
    }
}
