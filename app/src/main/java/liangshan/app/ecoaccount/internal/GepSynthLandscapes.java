package liangshan.app.ecoaccount.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.Divisions;
import liangshan.gep.synth.SyntheticLandscape;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the illustrative synthetic landscape ({@link SyntheticLandscape}) of the counties inside a
 * scope as a GEP input set {@code <data-dir>/gep/inputs/<name>/} with an {@code inputs.json} that
 * marks it illustrative. The set appears all at once (written beside, then renamed), so a crash
 * never leaves half an input set; an existing set of that name is kept as it is.
 */
@Component
class GepSynthLandscapes {

    /** Lon/lat (EPSG:4490) ↔ Gauss–Krüger 120°E metres (EPSG:4549). */
    static final SyntheticLandscape.Projection PROJECTION = new SyntheticLandscape.Projection() {
        @Override
        public double[] toGrid(double lon, double lat) {
            return Cgcs2000.toGk120(lon, lat);
        }

        @Override
        public double[] toLonLat(double x, double y) {
            Point p = (Point) Cgcs2000.toLonLat(Cgcs2000.gkFactory().createPoint(new Coordinate(x, y)));
            return new double[] {p.getX(), p.getY()};
        }
    };

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * What to write.
     *
     * @param name input-set name
     * @param scope city (4 digits) or county (6 digits) whose counties and villages are drawn
     * @param seed generator seed (the same seed gives the same terrain)
     * @param cellSizeMetres cell size
     * @param variation change against the base landscape (another year)
     * @param year accounting year the set is meant for
     * @param descriptionZh description in Chinese
     * @param descriptionEn description in English
     */
    record Spec(
            String name,
            String scope,
            long seed,
            double cellSizeMetres,
            SyntheticLandscape.Variation variation,
            int year,
            String descriptionZh,
            String descriptionEn) {}

    private final Divisions divisions;
    private final GepInputSets inputSets;

    GepSynthLandscapes(Divisions divisions, GepInputSets inputSets) {
        this.divisions = divisions;
        this.inputSets = inputSets;
    }

    /** Writes the set unless it exists; returns its folder. */
    Path write(Spec spec) {
        Path target = inputSets.root().resolve(spec.name());
        if (Files.isDirectory(target)) {
            return target;
        }
        Zones zones = zones(spec.scope());
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory(inputSets.root(), "." + spec.name() + ".tmp-");
            SyntheticLandscape.generate(
                    spec.seed(),
                    spec.cellSizeMetres(),
                    zones.counties(),
                    zones.villages(),
                    PROJECTION,
                    tmp,
                    line -> {},
                    spec.variation());
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("year", spec.year());
            meta.put("illustrative", true);
            meta.put("descriptionZh", spec.descriptionZh());
            meta.put("descriptionEn", spec.descriptionEn());
            meta.put("generator", SyntheticLandscape.VERSION);
            meta.put("seed", spec.seed());
            meta.put("cellSizeM", spec.cellSizeMetres());
            meta.put("precipitationFactor", spec.variation().precipitationFactor());
            meta.put("seatGrowthMetres", spec.variation().seatGrowthMetres());
            Files.writeString(tmp.resolve("inputs.json"), JSON.writeValueAsString(meta), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the input set " + spec.name(), e);
        } finally {
            if (tmp != null && Files.exists(tmp)) {
                GepRunJobs.deleteRecursively(tmp);
            }
        }
    }

    /** The counties and villages of a scope, as the generator takes them. */
    record Zones(List<SyntheticLandscape.Zone> counties, List<SyntheticLandscape.Zone> villages) {}

    /** The zones of {@code scope}: the city (4 digits) or one county (6 digits). */
    Zones zones(String scope) {
        List<SyntheticLandscape.Zone> counties = new ArrayList<>();
        List<SyntheticLandscape.Zone> villages = new ArrayList<>();
        List<Division> scopeCounties =
                scope.length() == 6 ? List.of(divisions.find(scope).orElseThrow()) : divisions.children(scope);
        for (Division county : scopeCounties) {
            counties.add(zone(county));
            collectVillages(county.code(), villages);
        }
        return new Zones(counties, villages);
    }

    private void collectVillages(String code, List<SyntheticLandscape.Zone> out) {
        for (Division child : divisions.children(code)) {
            if (child.level() == DivisionLevel.VILLAGE) {
                out.add(zone(child));
            } else {
                collectVillages(child.code(), out);
            }
        }
    }

    private SyntheticLandscape.Zone zone(Division division) {
        Boundary boundary = divisions.boundary(division.code()).orElseThrow();
        return new SyntheticLandscape.Zone(division.code(), division.name(), boundary.gk120(), boundary.lonLat());
    }
}
