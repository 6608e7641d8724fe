package liangshan.app.divisions.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.GeoJsonGeometry;
import liangshan.app.identity.DataScope;
import liangshan.app.web.ApiException;
import liangshan.app.web.ApiException.FieldProblem;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a boundary file (GeoJSON FeatureCollection in lon/lat) completely before anything is
 * written, and reports every problem found at once: not JSON, not a FeatureCollection, a {@code crs}
 * member naming anything but lon/lat, features without or with unknown, duplicate or out-of-scope
 * codes, missing, malformed, projected, misplaced or invalid geometries, and overlaps between
 * features of which neither contains the other by code.
 */
final class BoundaryFileCheck {

    /**
     * A feature that passed every check.
     *
     * @param index position in {@code features}
     * @param code 6-, 9- or 12-digit division code
     * @param gk120 its geometry in EPSG:4549 on the 1 cm grid
     */
    record Checked(int index, String code, Geometry gk120) {}

    /** Overlaps up to this area (m²) are digitising noise between real neighbours, not errors. */
    static final double OVERLAP_TOLERANCE_SQUARE_METRES = 10;

    /** Lon/lat box around Quzhou (118.0–119.4°E, 28.2–29.5°N) grown by about 0.5°. */
    private static final Envelope QUZHOU_LON_LAT = new Envelope(117.5, 119.9, 27.7, 30.0);

    private final Function<String, Optional<Division>> divisions;
    private final DataScope scope;
    private final List<FieldProblem> problems = new ArrayList<>();

    BoundaryFileCheck(Function<String, Optional<Division>> divisions, DataScope scope) {
        this.divisions = divisions;
        this.scope = scope;
    }

    /** The checked features; throws a 422 listing every problem when there is any. */
    List<Checked> check(byte[] body) {
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(body);
        } catch (JacksonException e) {
            throw rejected(
                    List.of(DivisionsMessages.problem("body", "divisions.import.bad-json", e.getOriginalMessage())));
        }
        if (root == null
                || !root.isObject()
                || !"FeatureCollection".equals(root.path("type").asString(""))
                || !root.path("features").isArray()) {
            throw rejected(List.of(DivisionsMessages.problem("type", "divisions.import.not-feature-collection")));
        }
        checkCrs(root.get("crs"));
        JsonNode features = root.path("features");
        if (features.isEmpty()) {
            problems.add(DivisionsMessages.problem("features", "divisions.import.empty"));
        }
        List<Checked> checked = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            checkFeature(i, features.get(i), seen).ifPresent(checked::add);
        }
        checkOverlaps(checked);
        if (!problems.isEmpty()) {
            throw rejected(problems);
        }
        return checked;
    }

    static ApiException rejected(List<FieldProblem> problems) {
        return new ApiException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "divisions.import.rejected",
                problems,
                String.valueOf(problems.size()));
    }

    private void checkCrs(JsonNode crs) {
        if (crs == null || crs.isNull()) {
            return;
        }
        String name = crs.path("properties").path("name").asString("");
        String normalised = name.toUpperCase(Locale.ROOT).replace("::", ":");
        boolean lonLat =
                normalised.endsWith("CRS84") || normalised.endsWith("EPSG:4326") || normalised.endsWith("EPSG:4490");
        if (!lonLat) {
            problems.add(DivisionsMessages.problem(
                    "crs", "divisions.import.wrong-crs", name.isEmpty() ? crs.toString() : name));
        }
    }

    private Optional<Checked> checkFeature(int i, JsonNode feature, Map<String, Integer> seen) {
        String field = "features[" + i + "]";
        String ordinal = String.valueOf(i + 1);
        if (feature == null
                || !feature.isObject()
                || !"Feature".equals(feature.path("type").asString(""))) {
            problems.add(DivisionsMessages.problem(field, "divisions.import.not-feature", ordinal));
            return Optional.empty();
        }
        JsonNode codeNode = feature.path("properties").path("code");
        if (!codeNode.isString() && !codeNode.isIntegralNumber()) {
            problems.add(
                    DivisionsMessages.problem(field + ".properties.code", "divisions.import.missing-code", ordinal));
            return Optional.empty();
        }
        String code = codeNode.asString().strip();
        boolean codeOk = checkCode(field, ordinal, code, seen, i);
        Optional<Geometry> geometry = checkGeometry(field, ordinal, code, feature.get("geometry"));
        return codeOk && geometry.isPresent() ? Optional.of(new Checked(i, code, geometry.get())) : Optional.empty();
    }

    private boolean checkCode(String field, String ordinal, String code, Map<String, Integer> seen, int i) {
        String codeField = field + ".properties.code";
        Optional<Division> division = divisions.apply(code);
        if (division.isEmpty() || division.get().level() == DivisionLevel.CITY) {
            problems.add(DivisionsMessages.problem(codeField, "divisions.import.unknown-code", ordinal, code));
            return false;
        }
        if (seen.putIfAbsent(code, i) != null) {
            problems.add(DivisionsMessages.problem(codeField, "divisions.import.duplicate-code", ordinal, code));
            return false;
        }
        if (!scope.covers(code)) {
            problems.add(DivisionsMessages.problem(
                    codeField, "divisions.import.out-of-scope", ordinal, code, scope.divisionCode()));
            return false;
        }
        return true;
    }

    private Optional<Geometry> checkGeometry(String field, String ordinal, String code, JsonNode json) {
        String geometryField = field + ".geometry";
        Geometry lonLat;
        try {
            lonLat = GeoJsonGeometry.read(json, Cgcs2000.lonLatFactory());
        } catch (GeoJsonGeometry.Malformed e) {
            problems.add(DivisionsMessages.problem(
                    geometryField, "divisions.import." + e.code(), ordinal, code, e.getMessage()));
            return Optional.empty();
        }
        Envelope envelope = lonLat.getEnvelopeInternal();
        if (envelope.getMinX() < -180
                || envelope.getMaxX() > 180
                || envelope.getMinY() < -90
                || envelope.getMaxY() > 90) {
            problems.add(
                    DivisionsMessages.problem(geometryField, "divisions.import.projected-coordinates", ordinal, code));
            return Optional.empty();
        }
        if (!QUZHOU_LON_LAT.contains(envelope)) {
            problems.add(DivisionsMessages.problem(geometryField, "divisions.import.outside-quzhou", ordinal, code));
            return Optional.empty();
        }
        TopologyValidationError error = new IsValidOp(lonLat).getValidationError();
        if (error != null) {
            problems.add(DivisionsMessages.problem(
                    geometryField, "divisions.import.invalid-geometry", ordinal, code, error.toString()));
            return Optional.empty();
        }
        Geometry gk = GeometryPrecisionReducer.reduce(Cgcs2000.toGk120(lonLat), Cgcs2000.CENTIMETRES);
        if (gk.isEmpty() || !gk.isValid() || gk.getDimension() != 2) {
            problems.add(DivisionsMessages.problem(
                    geometryField, "divisions.import.invalid-geometry", ordinal, code, "collapses at 1 cm precision"));
            return Optional.empty();
        }
        return Optional.of(gk);
    }

    /** Pairs of features (neither an ancestor of the other by code) overlapping by more than the tolerance. */
    private void checkOverlaps(List<Checked> checked) {
        STRtree index = new STRtree();
        for (Checked c : checked) {
            index.insert(c.gk120().getEnvelopeInternal(), c);
        }
        for (Checked a : checked) {
            for (Object candidate : index.query(a.gk120().getEnvelopeInternal())) {
                Checked b = (Checked) candidate;
                if (b.index() <= a.index()
                        || a.code().startsWith(b.code())
                        || b.code().startsWith(a.code())) {
                    continue;
                }
                double overlap = OverlayNGRobust.overlay(a.gk120(), b.gk120(), OverlayNG.INTERSECTION)
                        .getArea();
                if (overlap > OVERLAP_TOLERANCE_SQUARE_METRES) {
                    problems.add(DivisionsMessages.problem(
                            "features[" + b.index() + "].geometry",
                            "divisions.import.overlap",
                            String.valueOf(b.index() + 1),
                            b.code(),
                            (a.index() + 1) + " (" + a.code() + ")",
                            String.valueOf(Math.round(overlap))));
                }
            }
        }
    }
}
