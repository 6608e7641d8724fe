package liangshan.app.ecoaccount;

/**
 * The illustrative (示意) landscape behind the demo GEP accounts, for other modules' demo data: the
 * land-cover class (1–14 of parameter set {@code quzhou-2025-v1}: 1–3 forest, 4 bamboo, 5 shrubland,
 * 6 orchard/tea garden, 7 grassland, 8 paddy, 9 dry farmland, 10 marsh/wetland, 11 river/lake, 12
 * reservoir/pond, 13 built-up, 14 bare land) at a point, exactly as in the demo input set of that
 * year ({@code synth-2024}, {@code synth-2025}), whether or not that set has been written yet.
 */
public interface DemoLandscape {

    /** The first demo year (the base landscape); 2025 is the varied one. */
    int BASE_YEAR = 2024;

    /**
     * The class at a point given in EPSG:4549 metres (x east, y north).
     *
     * @throws IllegalArgumentException for a year without demo landscape
     */
    int landCoverAt(int year, double x, double y);

    /** The landscape's cell size in metres: answers are constant within a cell of this grid (origin 0, 0). */
    double cellSizeMetres();

    /** The elevation in metres at a point given in EPSG:4549 metres (the same in every demo year). */
    double elevationAt(double x, double y);
}
