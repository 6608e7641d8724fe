package liangshan.app.divisions.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Edge adjacency of polygonized faces whose coordinates lie on the 1 cm grid, used to make each
 * site's faces one edge-connected piece. Two faces are adjacent when they share a segment; faces of
 * one polygonization share identical segments, so segments are matched by their rounded end points.
 */
final class FaceGraph {

    private record Segment(long from, long to) {}

    private final List<Polygon> faces;
    private final List<Integer> faceParent;
    private final int[] faceSite;
    /** For each face: neighbouring face → total shared length in metres. */
    private final List<Map<Integer, Double>> neighbours = new ArrayList<>();

    FaceGraph(List<Polygon> faces, List<Integer> faceParent, int[] faceSite) {
        this.faces = faces;
        this.faceParent = faceParent;
        this.faceSite = faceSite;
        Map<Segment, List<Integer>> bySegment = new HashMap<>();
        for (int f = 0; f < faces.size(); f++) {
            neighbours.add(new TreeMap<>());
            Polygon face = faces.get(f);
            addSegments(face.getExteriorRing(), f, bySegment);
            for (int h = 0; h < face.getNumInteriorRing(); h++) {
                addSegments(face.getInteriorRingN(h), f, bySegment);
            }
        }
        for (Map.Entry<Segment, List<Integer>> entry : bySegment.entrySet()) {
            List<Integer> sharing = entry.getValue();
            double length = length(entry.getKey());
            for (int a : sharing) {
                for (int b : sharing) {
                    if (a != b) {
                        neighbours.get(a).merge(b, length, Double::sum);
                    }
                }
            }
        }
    }

    private static void addSegments(LineString ring, int face, Map<Segment, List<Integer>> bySegment) {
        CoordinateSequence seq = ring.getCoordinateSequence();
        for (int i = 0; i + 1 < seq.size(); i++) {
            long a = point(seq.getX(i), seq.getY(i));
            long b = point(seq.getX(i + 1), seq.getY(i + 1));
            if (a != b) {
                bySegment
                        .computeIfAbsent(new Segment(Math.min(a, b), Math.max(a, b)), k -> new ArrayList<>())
                        .add(face);
            }
        }
    }

    /** Packs a grid point (EPSG:4549: x < 10⁶ m, y < 10⁷ m, so x·100 and y·100 fit in 30 bits). */
    private static long point(double x, double y) {
        return Math.round(x * 100) * 2_000_000_000L + Math.round(y * 100);
    }

    private static double length(Segment segment) {
        double dx = (segment.from() / 2_000_000_000L - segment.to() / 2_000_000_000L) / 100.0;
        double dy = (segment.from() % 2_000_000_000L - segment.to() % 2_000_000_000L) / 100.0;
        return Math.hypot(dx, dy);
    }

    /**
     * Hands every piece of a site except its largest to the neighbouring site of the same parent with
     * the longest shared border. Each hand-over joins two pieces, so the number of pieces falls and
     * the loop ends.
     */
    void mergeFragments() {
        while (true) {
            List<List<Integer>> sitePieces = piecesBySite().values().stream()
                    .filter(pieces -> pieces.size() > 1)
                    .findFirst()
                    .orElse(null);
            if (sitePieces == null) {
                return;
            }
            // Recomputed after each site: every fragment handed over is then a whole current piece.
            sitePieces.sort((p, q) -> Double.compare(area(q), area(p)));
            for (List<Integer> fragment : sitePieces.subList(1, sitePieces.size())) {
                handOver(fragment);
            }
        }
    }

    private void handOver(List<Integer> fragment) {
        int site = faceSite[fragment.get(0)];
        int parent = faceParent.get(fragment.get(0));
        Map<Integer, Double> shared = new TreeMap<>();
        for (int f : fragment) {
            for (Map.Entry<Integer, Double> n : neighbours.get(f).entrySet()) {
                int g = n.getKey();
                if (faceParent.get(g) == parent && faceSite[g] != site) {
                    shared.merge(faceSite[g], n.getValue(), Double::sum);
                }
            }
        }
        if (shared.isEmpty()) {
            throw new IllegalStateException("isolated fragment without neighbour in its parent");
        }
        int best = shared.entrySet().stream()
                .max(Map.Entry.<Integer, Double>comparingByValue())
                .orElseThrow()
                .getKey();
        for (int f : fragment) {
            faceSite[f] = best;
        }
    }

    private double area(List<Integer> piece) {
        return piece.stream().mapToDouble(f -> faces.get(f).getArea()).sum();
    }

    /** Edge-connected pieces of each site's faces, keyed by (parent, site), in face order. */
    private Map<Long, List<List<Integer>>> piecesBySite() {
        Map<Long, List<List<Integer>>> pieces = new TreeMap<>();
        boolean[] seen = new boolean[faces.size()];
        for (int start = 0; start < faces.size(); start++) {
            if (seen[start]) {
                continue;
            }
            List<Integer> piece = new ArrayList<>();
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(start);
            seen[start] = true;
            while (!queue.isEmpty()) {
                int f = queue.poll();
                piece.add(f);
                for (int g : neighbours.get(f).keySet()) {
                    if (!seen[g] && sameOwner(f, g)) {
                        seen[g] = true;
                        queue.add(g);
                    }
                }
            }
            long key = ((long) faceParent.get(start) << 32) | faceSite[start];
            pieces.computeIfAbsent(key, k -> new ArrayList<>()).add(piece);
        }
        return pieces;
    }

    private boolean sameOwner(int f, int g) {
        return faceParent.get(f).equals(faceParent.get(g)) && faceSite[f] == faceSite[g];
    }
}
