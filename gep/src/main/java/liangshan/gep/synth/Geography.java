package liangshan.gep.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * Places of the illustrative landscape, in lon/lat (approximate, for shape only): the Qu river
 * axis, the six county seats and three large reservoirs with their total capacities.
 */
final class Geography {

    /** The Qu river (衢江) axis from Changshan to Longyou, lon/lat. */
    static final double[][] RIVER = {
        {118.30, 28.93},
        {118.52, 28.90},
        {118.72, 28.92},
        {118.87, 28.95},
        {119.00, 28.99},
        {119.17, 29.04},
        {119.38, 29.10}
    };

    /** County seats: name, lon, lat, built-up radius in metres. */
    static final Object[][] SEATS = {
        {"柯城", 118.87, 28.94, 3_500.0},
        {"衢江", 118.96, 28.98, 2_000.0},
        {"常山", 118.51, 28.90, 2_000.0},
        {"开化", 118.41, 29.14, 1_800.0},
        {"龙游", 119.17, 29.03, 2_200.0},
        {"江山", 118.62, 28.74, 2_600.0}
    };

    /** Reservoirs: name, lon, lat (centre of the water disc), radius m, total capacity m³ (illustrative). */
    static final Object[][] RESERVOIRS = {
        {"湖南镇水库", 118.86, 28.72, 3_800.0, 2_060_000_000L},
        {"黄坛口水库", 118.91, 28.84, 900.0, 100_000_000L},
        {"铜山源水库", 119.06, 29.11, 1_300.0, 100_000_000L}
    };

    private Geography() {}

    static Terrain terrain(long seed, SyntheticLandscape.Projection projection, double cellSizeMetres) {
        double[][] axis = new double[RIVER.length][];
        for (int i = 0; i < RIVER.length; i++) {
            axis[i] = projection.toGrid(RIVER[i][0], RIVER[i][1]);
        }
        return new Terrain(seed, axis, sites(SEATS, projection), sites(RESERVOIRS, projection), cellSizeMetres);
    }

    static List<Terrain.Site> sites(Object[][] rows, SyntheticLandscape.Projection projection) {
        List<Terrain.Site> sites = new ArrayList<>();
        for (Object[] row : rows) {
            double[] xy = projection.toGrid((Double) row[1], (Double) row[2]);
            sites.add(new Terrain.Site((String) row[0], xy[0], xy[1], (Double) row[3]));
        }
        return sites;
    }
}
