package liangshan.gep.synth;

/**
 * The land-cover class of the synthetic landscape at one point, without writing the rasters: the
 * same rules as {@code landcover.tif} of {@link SyntheticLandscape#generate} for the same seed, cell
 * size and {@link SyntheticLandscape.Variation}, evaluated at the centre of the grid cell that holds
 * the point. The written grid's origin is snapped to multiples of the cell size, so its cell centres
 * are always at {@code (k + ½) · cell} in both axes, whatever the city's extent; the slope is taken
 * from the elevations of the four neighbouring cells as in the raster. Used by demo data that must
 * agree with the GEP demo landscape before (or without) its input set being written.
 */
public final class LandCoverProbe {

    private final Terrain terrain;
    private final double cellSizeMetres;
    private final SyntheticLandscape.Variation variation;

    /**
     * @param seed generator seed
     * @param cellSizeMetres cell size of the landscape to agree with, 5–5,000 m
     * @param projection lon/lat ↔ EPSG:4549 (as given to the generator)
     * @param variation the accounting year's change (as given to the generator)
     */
    public LandCoverProbe(
            long seed,
            double cellSizeMetres,
            SyntheticLandscape.Projection projection,
            SyntheticLandscape.Variation variation) {
        if (!(cellSizeMetres >= 5 && cellSizeMetres <= 5_000)) {
            throw new IllegalArgumentException("cell size must be between 5 and 5000 m, was " + cellSizeMetres);
        }
        this.terrain = Geography.terrain(seed, projection, cellSizeMetres);
        this.cellSizeMetres = cellSizeMetres;
        this.variation = variation;
    }

    /** The class 1–14 of {@code quzhou-2025-v1} at EPSG:4549 metres (x east, y north), as inside the city. */
    public int classAt(double x, double y) {
        double cell = cellSizeMetres;
        double cx = (Math.floor(x / cell) + 0.5) * cell;
        double cy = (Math.floor(y / cell) + 0.5) * cell;
        float centre = terrain.elevation(cx, cy);
        float east = terrain.elevation(cx + cell, cy);
        float west = terrain.elevation(cx - cell, cy);
        float south = terrain.elevation(cx, cy - cell);
        float north = terrain.elevation(cx, cy + cell);
        // as SyntheticLandscape.landCover: rows grow southwards, so "row + 1" is the southern neighbour
        double dzdx = (east - west) / (2 * cell);
        double dzdy = (south - north) / (2 * cell);
        double slope = Math.toDegrees(Math.atan(Math.hypot(dzdx, dzdy)));
        int c = terrain.landCover(cx, cy, centre, slope);
        if (variation.seatGrowthMetres() > 0
                && c >= 1
                && c <= 4
                && terrain.nearSeat(cx, cy, variation.seatGrowthMetres())) {
            c = 13;
        }
        return c;
    }

    /** The elevation in metres at the centre of the cell holding (x, y), EPSG:4549. */
    public double elevationAt(double x, double y) {
        double cell = cellSizeMetres;
        return terrain.elevation((Math.floor(x / cell) + 0.5) * cell, (Math.floor(y / cell) + 0.5) * cell);
    }
}
