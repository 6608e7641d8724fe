package liangshan.app.ecoaccount.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import liangshan.app.identity.CurrentActor;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** {@code /api/v1/gep/rasters}: per-cell GEP maps as image layers (docs/api/gep.md "Map layers"). */
@RestController
@RequestMapping("/api/v1/gep/rasters")
@Tag(name = "gep-maps", description = "GEP 栅格图层 / GEP raster map layers")
class GepRasterController {

    private final CurrentActor current;
    private final GepRasterLayers layers;

    GepRasterController(CurrentActor current, GepRasterLayers layers) {
        this.current = current;
        this.layers = layers;
    }

    @GetMapping
    @Operation(summary = "某年的 GEP 栅格图层 / map layers of a year (default: latest)")
    List<GepRasterLayers.Layer> list(@RequestParam(required = false) Integer year) {
        return layers.list(current.get(), year);
    }

    /** The PNG; 304 when the client's {@code If-None-Match} names the cached rendering. */
    @GetMapping("/{year}/{indicator}.png")
    @Operation(summary = "栅格图层 PNG / a map layer as PNG (≤ 2048 px, transparent no-data)")
    ResponseEntity<Resource> png(@PathVariable int year, @PathVariable String indicator, WebRequest request) {
        Path png = layers.png(current.get(), year, indicator);
        String etag;
        try {
            etag = "\"" + Long.toHexString(Files.getLastModifiedTime(png).toMillis()) + "-" + Files.size(png) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                .contentType(MediaType.IMAGE_PNG)
                .body(new FileSystemResource(png));
    }
}
