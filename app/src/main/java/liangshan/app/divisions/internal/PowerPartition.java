package liangshan.app.divisions.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.app.divisions.Cgcs2000;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateXY;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;

/**
 * Splits several adjacent parent regions (on the 1 cm grid of EPSG:4549) into one polygon per site,
 * so that the pieces of each parent exactly cover it and pieces never overlap.
 *
 * <p>How: each parent gets a fitted power diagram ({@link PowerSites}). The borders of all its
 * convex power cells (clipped to the parent's envelope) and the borders of all parents are noded
 * together by snap rounding to the 1 cm grid and polygonized, giving faces that share their edges
 * exactly. A face belongs to the parent containing its interior point and, within it, to the site
 * nearest in power distance. A power cell cut by a concave parent border can fall apart; every piece
 * but the largest is handed to the site of the same parent with which it shares the longest border,
 * until each site owns one edge-connected set of faces. The faces of a site are then dissolved with
 * {@link CoverageUnion}, which needs (and here has) exactly matching edges.
 */
final class PowerPartition {

    /**
     * A site to place.
     *
     * @param code division code
     * @param weight relative target area (positive)
     */
    record Site(String code, double weight) {}

    /**
     * A region to split.
     *
     * @param code division code of the region
     * @param region single polygon on the 1 cm grid
     * @param sites the sites it is split into, at least one
     */
    record Parent(String code, Polygon region, List<Site> sites) {}

    private static final GeometryFactory FACTORY = Cgcs2000.gkFactory();

    private final List<Parent> parents;
    private final List<PowerSites> fitted = new ArrayList<>();
    private final List<Polygon> faces = new ArrayList<>();
    private final List<Integer> faceParent = new ArrayList<>();
    private int[] faceSite;

    private PowerPartition(List<Parent> parents) {
        this.parents = List.copyOf(parents);
    }

    /** Splits the parents; returns one polygon per site code. Deterministic for a given seed. */
    static Map<String, Polygon> split(List<Parent> parents, long seed) {
        PowerPartition partition = new PowerPartition(parents);
        for (int p = 0; p < parents.size(); p++) {
            Parent parent = parents.get(p);
            double[] weights = parent.sites().stream().mapToDouble(Site::weight).toArray();
            partition.fitted.add(
                    weights.length == 1 ? null : PowerSites.fit(parent.region(), weights, seed + 7919L * p));
        }
        partition.buildFaces();
        partition.assignFaces();
        new FaceGraph(partition.faces, partition.faceParent, partition.faceSite).mergeFragments();
        return partition.dissolve();
    }

    private void buildFaces() {
        List<Geometry> lines = new ArrayList<>();
        for (int p = 0; p < parents.size(); p++) {
            Polygon region = parents.get(p).region();
            lines.add(region.getBoundary());
            PowerSites sites = fitted.get(p);
            if (sites != null) {
                for (double[][] cell : ConvexCells.cells(sites, region.getEnvelopeInternal())) {
                    if (cell.length >= 3) {
                        lines.add(ring(cell, sites));
                    }
                }
            }
        }
        Geometry noded = UnaryUnionNG.union(lines, FACTORY, Cgcs2000.CENTIMETRES);
        Polygonizer polygonizer = new Polygonizer(false);
        polygonizer.add(noded);
        for (Object face : polygonizer.getPolygons()) {
            faces.add((Polygon) face);
        }
    }

    private static LineString ring(double[][] cell, PowerSites sites) {
        Coordinate[] coordinates = new Coordinate[cell.length + 1];
        for (int i = 0; i < cell.length; i++) {
            coordinates[i] = new CoordinateXY(cell[i][0] + sites.originX, cell[i][1] + sites.originY);
        }
        coordinates[cell.length] = coordinates[0].copy();
        return FACTORY.createLineString(coordinates);
    }

    /** Gives every face inside a parent to that parent and to its nearest site in power distance. */
    private void assignFaces() {
        STRtree index = new STRtree();
        List<IndexedPointInAreaLocator> locators = new ArrayList<>();
        for (int p = 0; p < parents.size(); p++) {
            Polygon region = parents.get(p).region();
            locators.add(new IndexedPointInAreaLocator(region));
            index.insert(region.getEnvelopeInternal(), p);
        }
        List<Polygon> inside = new ArrayList<>();
        List<Integer> sites = new ArrayList<>();
        for (Polygon face : faces) {
            Coordinate point = face.getInteriorPoint().getCoordinate();
            Integer owner = null;
            for (Object candidate : index.query(new Envelope(point))) {
                int p = (Integer) candidate;
                if (locators.get(p).locate(point) == Location.INTERIOR && (owner == null || p < owner)) {
                    owner = p;
                }
            }
            if (owner != null) {
                PowerSites fit = fitted.get(owner);
                inside.add(face);
                faceParent.add(owner);
                sites.add(fit == null ? 0 : fit.nearest(point.x - fit.originX, point.y - fit.originY));
            }
        }
        faces.clear();
        faces.addAll(inside);
        faceSite = sites.stream().mapToInt(Integer::intValue).toArray();
    }

    private Map<String, Polygon> dissolve() {
        Map<Long, List<Geometry>> bySite = new HashMap<>();
        for (int f = 0; f < faces.size(); f++) {
            bySite.computeIfAbsent(key(faceParent.get(f), faceSite[f]), k -> new ArrayList<>())
                    .add(faces.get(f));
        }
        Map<String, Polygon> result = new LinkedHashMap<>();
        for (int p = 0; p < parents.size(); p++) {
            List<Site> sites = parents.get(p).sites();
            for (int s = 0; s < sites.size(); s++) {
                List<Geometry> pieces = bySite.get(key(p, s));
                if (pieces == null) {
                    throw new IllegalStateException("site " + sites.get(s).code() + " received no area");
                }
                Geometry union = CoverageUnion.union(pieces.toArray(Geometry[]::new));
                if (!(union instanceof Polygon polygon)) {
                    throw new IllegalStateException(
                            "site " + sites.get(s).code() + " is not one polygon: " + union.getGeometryType());
                }
                // Normalised (fixed ring start and orientation), so equal results are also exactly equal.
                polygon.normalize();
                result.put(sites.get(s).code(), polygon);
            }
        }
        return result;
    }

    private static long key(int parent, int site) {
        return ((long) parent << 32) | site;
    }
}
