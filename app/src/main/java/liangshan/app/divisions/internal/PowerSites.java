package liangshan.app.divisions.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Sites and weights of a power diagram (weighted Voronoi diagram) that splits one region into cells
 * whose areas are roughly proportional to given weights.
 *
 * <p>The power distance of a point x to site i is |x − sᵢ|² − wᵢ (m²); x belongs to the site with the
 * smallest power distance. Sites and weights are fitted on a regular grid of sample points inside the
 * region (a discrete capacity-constrained Lloyd iteration): each round assigns every sample to its
 * nearest site in power distance, moves each site to the centroid of its samples (Lloyd relaxation,
 * which makes cells compact) and raises the weight of cells smaller than their target and lowers the
 * others. Raising wᵢ by Δ moves the bisector with a neighbour at distance d by Δ / (2d); for a cell of
 * target area A and relative shortfall δ, moving its ≈ 4√A long border out by δ√A / 4 needs
 * Δ ≈ δ·A / 2, the step used here. Coordinates are relative to the centre of the region's envelope so
 * that squared distances stay far from the limits of double precision.
 */
final class PowerSites {

    /** Average number of sample points per unit of weight. */
    private static final int SAMPLES_PER_WEIGHT = 60;

    private static final int ITERATIONS = 60;
    private static final int EXTRA_ITERATIONS = 200;

    final double originX;
    final double originY;
    final double[] x;
    final double[] y;
    final double[] w;

    private PowerSites(double originX, double originY, int n) {
        this.originX = originX;
        this.originY = originY;
        this.x = new double[n];
        this.y = new double[n];
        this.w = new double[n];
    }

    int size() {
        return x.length;
    }

    /** The site nearest in power distance to the point (local coordinates); the lowest index on ties. */
    int nearest(double px, double py) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            double dx = px - x[i];
            double dy = py - y[i];
            double d = dx * dx + dy * dy - w[i];
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /**
     * Fits sites for {@code weights} (all positive) inside {@code region}. Deterministic: the same
     * inputs and seed give the same sites.
     */
    static PowerSites fit(Polygon region, double[] weights, long seed) {
        Envelope env = region.getEnvelopeInternal();
        PowerSites sites = new PowerSites(env.centre().x, env.centre().y, weights.length);
        double totalWeight = 0;
        double minWeight = Double.POSITIVE_INFINITY;
        for (double weight : weights) {
            totalWeight += weight;
            minWeight = Math.min(minWeight, weight);
        }
        int wanted = (int) Math.ceil(Math.max(SAMPLES_PER_WEIGHT * totalWeight, 12 * totalWeight / minWeight));
        Samples samples = Samples.grid(region, sites.originX, sites.originY, Math.max(wanted, 4 * weights.length));
        if (samples.size() < weights.length) {
            throw new IllegalStateException("region too small for " + weights.length + " sites");
        }
        double[] target = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            target[i] = samples.size() * weights[i] / totalWeight;
        }
        sites.seed(samples, seed);
        int[] counts = new int[weights.length];
        for (int iteration = 0; iteration < ITERATIONS + EXTRA_ITERATIONS; iteration++) {
            boolean allCovered = sites.relax(samples, target, counts);
            if (iteration >= ITERATIONS && allCovered) {
                return sites;
            }
        }
        throw new IllegalStateException("power diagram left a site without samples");
    }

    /** Picks distinct sample points as starting sites (seeded partial Fisher-Yates shuffle). */
    private void seed(Samples samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[samples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = 0; i < x.length; i++) {
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
            x[i] = samples.x[order[i]];
            y[i] = samples.y[order[i]];
        }
    }

    /** One round of assignment, Lloyd move and weight update; true when every site got samples. */
    private boolean relax(Samples samples, double[] target, int[] counts) {
        int n = x.length;
        double[] sumX = new double[n];
        double[] sumY = new double[n];
        java.util.Arrays.fill(counts, 0);
        for (int p = 0; p < samples.size(); p++) {
            int owner = nearest(samples.x[p], samples.y[p]);
            counts[owner]++;
            sumX[owner] += samples.x[p];
            sumY[owner] += samples.y[p];
        }
        boolean allCovered = true;
        double meanWeight = 0;
        for (int i = 0; i < n; i++) {
            if (counts[i] == 0) {
                allCovered = false;
                w[i] += target[i] * samples.cellArea;
            } else {
                x[i] = sumX[i] / counts[i];
                y[i] = sumY[i] / counts[i];
                double shortfall = Math.max(-1, Math.min(1, (target[i] - counts[i]) / target[i]));
                w[i] += 0.5 * shortfall * target[i] * samples.cellArea;
            }
            meanWeight += w[i] / n;
        }
        for (int i = 0; i < n; i++) {
            w[i] -= meanWeight;
        }
        return allCovered;
    }

    /** Cell centres of a regular grid inside a region, in coordinates relative to an origin. */
    private record Samples(double[] x, double[] y, double cellArea) {

        int size() {
            return x.length;
        }

        static Samples grid(Polygon region, double originX, double originY, int wanted) {
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(region);
            Envelope env = region.getEnvelopeInternal();
            double spacing = Math.sqrt(region.getArea() / wanted);
            for (int attempt = 0; ; attempt++) {
                List<double[]> points = new ArrayList<>();
                Coordinate probe = new Coordinate();
                for (double py = env.getMinY() + spacing / 2; py < env.getMaxY(); py += spacing) {
                    for (double px = env.getMinX() + spacing / 2; px < env.getMaxX(); px += spacing) {
                        probe.x = px;
                        probe.y = py;
                        if (locator.locate(probe) == Location.INTERIOR) {
                            points.add(new double[] {px - originX, py - originY});
                        }
                    }
                }
                // Thin regions catch fewer grid points than their area suggests: refine until enough.
                if (points.size() * 2 >= wanted || attempt == 8) {
                    if (points.isEmpty()) {
                        throw new IllegalStateException("region too small to sample");
                    }
                    double[] xs = new double[points.size()];
                    double[] ys = new double[points.size()];
                    for (int i = 0; i < xs.length; i++) {
                        xs[i] = points.get(i)[0];
                        ys[i] = points.get(i)[1];
                    }
                    return new Samples(xs, ys, region.getArea() / xs.length);
                }
                spacing /= Math.sqrt(2);
            }
        }
    }
}
