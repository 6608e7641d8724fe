package liangshan.app.divisions.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import liangshan.app.divisions.Boundary;
import liangshan.app.divisions.Cgcs2000;
import liangshan.app.divisions.Division;
import liangshan.app.divisions.DivisionLevel;
import liangshan.app.divisions.GeoJsonGeometry;
import liangshan.app.divisions.VillageKind;
import liangshan.app.web.ApiException;
import liangshan.app.web.Page;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The read answers of {@code /api/v1/divisions} (public reference data: no scope applies). */
@Component
class DivisionQueries {

    private final DivisionCatalog catalog;
    private final MapLayers layers;

    DivisionQueries(DivisionCatalog catalog, MapLayers layers) {
        this.catalog = catalog;
        this.layers = layers;
    }

    /** One row of the list. Areas from EPSG:4549 (km² to 3 decimals, hm² = 公顷 to 2 decimals). */
    record Item(
            String code,
            String name,
            String level,
            String parentCode,
            String kind,
            BigDecimal areaKm2,
            BigDecimal areaHm2,
            Boolean illustrative) {}

    record ChainItem(String code, String name, String level) {}

    record Counts(int towns, int villages, int communities) {}

    record Child(String code, String name, String level, String kind, BigDecimal areaKm2) {}

    /** The full answer for one division; {@code geometry} is GeoJSON in lon/lat (EPSG:4490). */
    record Detail(
            String code,
            String name,
            String level,
            String kind,
            String parentCode,
            List<ChainItem> chain,
            BigDecimal areaHm2,
            BigDecimal areaKm2,
            Boolean illustrative,
            String boundarySource,
            Counts counts,
            List<Child> children,
            double[] centroid,
            double[] bbox,
            JsonNode geometry) {}

    Page<Item> list(String level, String parent, String q, int page, int size) {
        if (page < 0 || size < 1 || size > Page.MAX_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "divisions.bad-page", String.valueOf(Page.MAX_SIZE));
        }
        DivisionLevel wanted = level == null || level.isBlank() ? null : level(level);
        if (parent != null && !parent.isBlank()) {
            requireDivision(parent);
        }
        String needle = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        DivisionCatalog.Snapshot snapshot = catalog.snapshot();
        List<Item> matches = new ArrayList<>();
        for (Division d : snapshot.byCode().values()) {
            if ((wanted == null || d.level() == wanted)
                    && underParent(d, parent, wanted)
                    && (needle == null
                            || d.name().toLowerCase(Locale.ROOT).contains(needle)
                            || d.code().startsWith(needle))) {
                matches.add(item(d, snapshot.boundaries().get(d.code())));
            }
        }
        int from = (int) Math.min((long) page * size, matches.size());
        int to = Math.min(from + size, matches.size());
        return new Page<>(matches.subList(from, to), page, size, matches.size());
    }

    /**
     * With a level, every division of that level below the parent; without one, the parent's
     * direct children.
     */
    private static boolean underParent(Division d, String parent, DivisionLevel wanted) {
        if (parent == null || parent.isBlank()) {
            return true;
        }
        if (wanted == null) {
            return parent.equals(d.parentCode());
        }
        return d.code().startsWith(parent) && !d.code().equals(parent);
    }

    /**
     * The detail of one division. Reference data changes only on import (which replaces the
     * snapshot), so each answer is built once per snapshot: projecting the boundary to lon/lat and
     * counting descendants would otherwise be paid on every page view.
     */
    Detail detail(String code) {
        Division d = requireDivision(code);
        return catalog.snapshot().derive("detail:" + d.code(), snapshot -> buildDetail(d, snapshot));
    }

    private Detail buildDetail(Division d, DivisionCatalog.Snapshot snapshot) {
        String code = d.code();
        Boundary boundary = snapshot.boundaries().get(code);
        List<ChainItem> chain = catalog.ancestors(code).stream()
                .map(a -> new ChainItem(a.code(), a.name(), a.level().key()))
                .toList();
        List<Child> children = catalog.children(code).stream()
                .map(c -> new Child(
                        c.code(),
                        c.name(),
                        c.level().key(),
                        kind(c),
                        km2(snapshot.boundaries().get(c.code()))))
                .toList();
        double[] centroid = null;
        double[] bbox = null;
        JsonNode geometry = null;
        if (boundary != null) {
            Geometry lonLat = boundary.lonLat();
            Point c = (Point) Cgcs2000.toLonLat(boundary.gk120().getCentroid());
            centroid = new double[] {round(c.getX()), round(c.getY())};
            Envelope e = lonLat.getEnvelopeInternal();
            bbox = new double[] {round(e.getMinX()), round(e.getMinY()), round(e.getMaxX()), round(e.getMaxY())};
            StringBuilder json = new StringBuilder();
            GeoJsonGeometry.write(lonLat, MapLayers.DECIMALS, json);
            geometry = JsonMapper.shared().readTree(json.toString());
        }
        return new Detail(
                d.code(),
                d.name(),
                d.level().key(),
                kind(d),
                d.parentCode(),
                chain,
                hm2(boundary),
                km2(boundary),
                boundary == null ? null : boundary.illustrative(),
                boundary == null ? null : boundary.source().key(),
                counts(snapshot, code),
                children,
                centroid,
                bbox,
                geometry);
    }

    /** The map layer of {@code level}, optionally within {@code parent}. */
    byte[] map(String level, String parent) {
        DivisionLevel wanted = level(level == null ? "" : level);
        String within = parent == null || parent.isBlank()
                ? null
                : requireDivision(parent).code();
        return layers.layer(wanted, within);
    }

    private Counts counts(DivisionCatalog.Snapshot snapshot, String code) {
        int towns = 0;
        int villages = 0;
        int communities = 0;
        for (Division d : snapshot.byCode().values()) {
            if (!d.code().startsWith(code) || d.code().equals(code)) {
                continue;
            }
            if (d.level() == DivisionLevel.TOWN) {
                towns++;
            } else if (d.kind() == VillageKind.VILLAGE) {
                villages++;
            } else if (d.kind() == VillageKind.COMMUNITY) {
                communities++;
            }
        }
        return new Counts(towns, villages, communities);
    }

    private Division requireDivision(String code) {
        if (DivisionLevel.ofCode(code).isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "divisions.bad-code", code);
        }
        return catalog.find(code)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "divisions.not-found", code));
    }

    private static DivisionLevel level(String key) {
        return DivisionLevel.ofKey(key)
                .filter(l -> l != DivisionLevel.CITY)
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "divisions.bad-level", key));
    }

    private static Item item(Division d, Boundary b) {
        return new Item(
                d.code(),
                d.name(),
                d.level().key(),
                d.parentCode(),
                kind(d),
                km2(b),
                hm2(b),
                b == null ? null : b.illustrative());
    }

    private static String kind(Division d) {
        return d.kind() == null ? null : d.kind().key();
    }

    private static BigDecimal km2(Boundary b) {
        return b == null ? null : BigDecimal.valueOf(b.areaSquareMetres() / 1e6).setScale(3, RoundingMode.HALF_UP);
    }

    private static BigDecimal hm2(Boundary b) {
        return b == null ? null : BigDecimal.valueOf(b.areaSquareMetres() / 1e4).setScale(2, RoundingMode.HALF_UP);
    }

    /** 6 decimals of a degree ≈ 0.1 m. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
