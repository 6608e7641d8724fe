package liangshan.app.ecoaccount.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.Divisions;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.stereotype.Component;

/**
 * The zone file of a run: the platform's village boundaries inside the run's scope (a county or
 * the city), as a GeoJSON FeatureCollection in lon/lat (EPSG:4490) with property {@code code}, as
 * {@code gep run} reads it. Also answers whether any of those boundaries is illustrative (示意).
 */
@Component
class GepRunZones {

    /** The villages written and whether any boundary is generated (示意). */
    record Written(int villages, boolean illustrative) {}

    private final Divisions divisions;

    GepRunZones(Divisions divisions) {
        this.divisions = divisions;
    }

    /** The villages (12-digit divisions) inside {@code scopeCode}, ordered by code. */
    List<Division> villages(String scopeCode) {
        List<Division> out = new ArrayList<>();
        collect(scopeCode, out);
        return out;
    }

    private void collect(String code, List<Division> out) {
        for (Division child : divisions.children(code)) {
            if (child.level() == DivisionLevel.VILLAGE) {
                out.add(child);
            } else {
                collect(child.code(), out);
            }
        }
    }

    Written write(String scopeCode, Path file) throws IOException {
        GeoJsonWriter geojson = new GeoJsonWriter(7);
        geojson.setEncodeCRS(false);
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        int n = 0;
        boolean illustrative = false;
        for (Division village : villages(scopeCode)) {
            Boundary boundary = divisions.boundary(village.code()).orElse(null);
            if (boundary == null) {
                continue;
            }
            illustrative |= boundary.illustrative();
            json.append(n == 0 ? "" : ",\n")
                    .append("{\"type\":\"Feature\",\"properties\":{\"code\":\"")
                    .append(village.code())
                    .append("\"},\"geometry\":")
                    .append(geojson.write(boundary.lonLat()))
                    .append('}');
            n++;
        }
        json.append("\n]}\n");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return new Written(n, illustrative);
    }
}
