import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import liangshan.gep.project.LandCoverChange;
import liangshan.gep.project.ProjectImpact;
import liangshan.gep.project.ProjectImpactResult;
import liangshan.gep.synth.SyntheticLandscape;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Project-level GEP latency (issue 3: "1 km² footprint at 30 m: p95 < 1 s, goal 200 ms").
 * Single-file program, run by bench/gep-project/run.sh:
 * {@code java -cp CP ProjectBench.java DIR CELL_M REQUESTS SEED}. Generates (once) an illustrative
 * landscape the size of Quzhou's bounding box (118.0–119.3 E, 28.2–29.5 N, 8 × 8 villages in one
 * county) with {@code gep synth}'s generator, then times one cold request (cap-factor pass over the
 * whole land cover and SHA-256 of every input) and REQUESTS warm ones on random 1 km² squares
 * (forest/farmland → built-up), and one 100 km² square.
 */
public class ProjectBench {

    static final CoordinateTransform TO_GRID = transform("EPSG:4490", "EPSG:4549");
    static final CoordinateTransform TO_LON_LAT = transform("EPSG:4549", "EPSG:4490");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        double cell = Double.parseDouble(args[1]);
        int requests = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        if (!Files.exists(dir.resolve("landcover.tif"))) {
            long t = System.nanoTime();
            synth(dir, cell);
            System.out.printf(Locale.ROOT, "synth: %.1f s%n", (System.nanoTime() - t) / 1e9);
        }
        ProjectImpact engine = new ProjectImpact(Clock.systemUTC());
        Random rnd = new Random(seed);
        long t0 = System.nanoTime();
        ProjectImpactResult first = engine.compute(request(dir, square(rnd, 1000)));
        System.out.printf(Locale.ROOT, "cold request (cap factors + hashes): %.0f ms, %d cells, Δ %s 元%n",
                (System.nanoTime() - t0) / 1e6, first.cells(), first.totalDeltaYuan().toPlainString());
        for (int i = 0; i < 10; i++) {
            engine.compute(request(dir, square(rnd, 1000)));
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[requests];
        double[] cpu = new double[requests];
        List<Integer> margins = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            ProjectImpact.Request r = request(dir, square(rnd, 1000));
            long t = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            ProjectImpactResult res = engine.compute(r);
            ms[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
            margins.add(res.flowPath().windowMarginCells());
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT,
                "1 km² at %.0f m, %d warm requests: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms; "
                        + "terrain margin 16: %d, 32: %d, larger: %d%n",
                cell, requests, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1],
                margins.stream().filter(m -> m == 16).count(), margins.stream().filter(m -> m == 32).count(),
                margins.stream().filter(m -> m > 32).count());
        System.out.printf(Locale.ROOT, "  CPU time of the request thread: p50 %.0f ms, p95 %.0f ms, max %.0f ms;"
                        + " load average at the end %.1f on %d cores%n",
                pct(cpu, 50), pct(cpu, 95), cpu[cpu.length - 1],
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        long t = System.nanoTime();
        ProjectImpactResult big = engine.compute(request(dir, square(rnd, 9_990)));
        System.out.printf(Locale.ROOT, "99.8 km² (limit 100): %.0f ms, %d cells%n", (System.nanoTime() - t) / 1e6,
                big.cells());
    }

    static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static ProjectImpact.Request request(Path dir, String footprint) {
        LandCoverChange change = new LandCoverChange.Mapping(
                java.util.Map.of(1, 13, 2, 13, 3, 13, 4, 13, 5, 13, 6, 13, 8, 13, 9, 13));
        return new ProjectImpact.Request(dir, footprint, change, "quzhou-2025-v1", 2025, null);
    }

    /** A square of {@code side} metres (in EPSG:4549) at a random place well inside the county, as lon/lat GeoJSON. */
    static String square(Random rnd, double side) {
        double lon = 118.15 + rnd.nextDouble() * 1.0;
        double lat = 28.35 + rnd.nextDouble() * 1.0;
        ProjCoordinate c = TO_GRID.transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
        double[][] xy = {
            {c.x, c.y}, {c.x + side, c.y}, {c.x + side, c.y + side}, {c.x, c.y + side}, {c.x, c.y}
        };
        StringBuilder b = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < xy.length; i++) {
            ProjCoordinate p = TO_LON_LAT.transform(new ProjCoordinate(xy[i][0], xy[i][1]), new ProjCoordinate());
            b.append(i == 0 ? "" : ",").append('[').append(p.x).append(',').append(p.y).append(']');
        }
        return b.append("]]}").toString();
    }

    static void synth(Path dir, double cell) {
        List<SyntheticLandscape.Zone> counties = List.of(zone("330802", "县", 118.0, 28.2, 119.3, 29.5));
        List<SyntheticLandscape.Zone> villages = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                double w = 118.0 + 1.3 * j / 8;
                double s = 28.2 + 1.3 * i / 8;
                villages.add(zone(String.format(Locale.ROOT, "330802%03d%03d", i + 1, j + 1), "村", w, s, w + 1.3 / 8,
                        s + 1.3 / 8));
            }
        }
        SyntheticLandscape.Projection projection = new SyntheticLandscape.Projection() {
            @Override
            public double[] toGrid(double lon, double lat) {
                ProjCoordinate p = TO_GRID.transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
                return new double[] {p.x, p.y};
            }

            @Override
            public double[] toLonLat(double x, double y) {
                ProjCoordinate p = TO_LON_LAT.transform(new ProjCoordinate(x, y), new ProjCoordinate());
                return new double[] {p.x, p.y};
            }
        };
        SyntheticLandscape.generate(1, cell, counties, villages, projection, dir, s -> System.out.println("  " + s));
    }

    static SyntheticLandscape.Zone zone(String code, String name, double w, double s, double e, double n) {
        GeometryFactory f = new GeometryFactory();
        Coordinate[] ll = {
            new Coordinate(w, s), new Coordinate(e, s), new Coordinate(e, n), new Coordinate(w, n), new Coordinate(w, s)
        };
        Coordinate[] xy = new Coordinate[ll.length];
        for (int i = 0; i < ll.length; i++) {
            ProjCoordinate p = TO_GRID.transform(new ProjCoordinate(ll[i].x, ll[i].y), new ProjCoordinate());
            xy[i] = new Coordinate(p.x, p.y);
        }
        return new SyntheticLandscape.Zone(code, name, f.createPolygon(xy), f.createPolygon(ll));
    }

    static CoordinateTransform transform(String from, String to) {
        CRSFactory f = new CRSFactory();
        return new CoordinateTransformFactory().createTransform(f.createFromName(from), f.createFromName(to));
    }
}
