package liangshan.app.ecoaccount.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.Divisions;
import liangshan.app.platform.DataDirectory;
import liangshan.gep.provenance.Sha256;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.stereotype.Component;

/**
 * The platform's county boundaries as a zone file for project-level GEP, used when an input set has
 * no {@code villages.geojson}: the purification caps need only each cell's county (METHOD-CHOICES
 * C24), and a zone's county is the first six digits of its code, so each county is written with
 * code {@code <county>000000}. The file lives under {@code <data-dir>/gep/cache/} and is named by
 * the SHA-256 of its content, so changed boundaries give a new file (and new cached cap factors).
 */
@Component
class ProjectImpactCounties {

    static final String CITY = "3308";

    private final Divisions divisions;
    private final DataDirectory dataDirectory;

    ProjectImpactCounties(Divisions divisions, DataDirectory dataDirectory) {
        this.divisions = divisions;
        this.dataDirectory = dataDirectory;
    }

    /** The zone file of the counties (written when missing). */
    Path file() {
        String json = geoJson();
        Path dir = dataDirectory.resolve("gep/cache");
        Path file = dir.resolve("project-counties-"
                + Sha256.hex(json.getBytes(StandardCharsets.UTF_8)).substring(0, 16) + ".geojson");
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".counties-", ".tmp");
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private String geoJson() {
        GeoJsonWriter writer = new GeoJsonWriter(7);
        writer.setEncodeCRS(false);
        StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        String sep = "";
        for (Division county : divisions.children(CITY)) {
            Boundary boundary = divisions.boundary(county.code()).orElse(null);
            if (boundary == null) {
                continue;
            }
            b.append(sep)
                    .append("{\"type\":\"Feature\",\"properties\":{\"code\":\"")
                    .append(county.code())
                    .append("000000\"},\"geometry\":")
                    .append(writer.write(boundary.lonLat()))
                    .append('}');
            sep = ",";
        }
        return b.append("]}").toString();
    }
}
