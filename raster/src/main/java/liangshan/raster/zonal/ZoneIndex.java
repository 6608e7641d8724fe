package liangshan.raster.zonal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import liangshan.raster.Crs;
import liangshan.raster.GridGeometry;
import liangshan.raster.RasterException;
import liangshan.raster.RasterException.Reason;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;

/**
 * Which zone (village) each cell of a grid belongs to, by the <b>centre-in rule</b>
 * (gep-method.md, "Grids and conventions"): a cell belongs to the zone whose polygon contains the
 * cell's centre ({@link GridGeometry#centreX}, {@link GridGeometry#centreY}).
 *
 * <p><b>Boundary rule.</b> Each polygon is rasterised by scanlines through the cell-centre rows,
 * with the even-odd rule over all its rings (so holes and the parts of a multipolygon need no
 * special case), treating every polygon as half-open: a ring edge counts for the scanline at y
 * when {@code min(y₁, y₂) ≤ y < max(y₁, y₂)} (horizontal edges never count), and on a scanline
 * a centre x is inside a span {@code [x_in, x_out)}. Hence a centre lying exactly on a polygon's
 * west or south boundary is inside it, one on its east or north boundary is not; a centre on an
 * edge shared by two adjacent zones goes to the zone east of a vertical edge and north of a
 * horizontal edge — never to both, never to none. For axis-parallel edges the test is exact; for
 * sloping edges the crossing x is computed as {@code x₁ + (y − y₁)(x₂ − x₁)/(y₂ − y₁)} in
 * double, so a centre within rounding error of such an edge is decided by that value
 * (deterministically: same inputs, same answer).
 *
 * <p><b>Overlaps and outside.</b> Zones are expected to tile the area without overlap. If a
 * centre is in several zones it goes to the one listed first and is counted in
 * {@link #overlapCells()}; cells in no zone have index {@link #OUTSIDE} and are counted in
 * {@link #outsideCells()}, which a run reports.
 *
 * <p><b>Memory:</b> one {@code char} per cell (zone + 1, 0 = outside; 176 MB for 88 M cells) when
 * there are fewer than {@value #SHORT_LIMIT} zones (a city has about 1,700 villages), else one
 * {@code int} per cell; build it once per grid and zone set and reuse it for every band. Time: O(Σ rows spanned × ring edges + cells assigned).
 */
public final class ZoneIndex {

    /** Index of cells whose centre lies in no zone. */
    public static final int OUTSIDE = -1;

    private final GridGeometry grid;
    /** Zones up to this count are stored as {@code char} (zone + 1). */
    static final int SHORT_LIMIT = Character.MAX_VALUE;

    private final Cells zoneOfCell;
    private final long[] cellsPerZone;
    private final long outsideCells;
    private final long overlapCells;

    private ZoneIndex(GridGeometry grid, Cells zoneOfCell, long[] cellsPerZone, long outsideCells, long overlapCells) {
        this.grid = grid;
        this.zoneOfCell = zoneOfCell;
        this.cellsPerZone = cellsPerZone;
        this.outsideCells = outsideCells;
        this.overlapCells = overlapCells;
    }

    /**
     * Rasterises {@code zones} (Polygon or MultiPolygon, in the grid's CRS) onto {@code grid}; zone
     * {@code i} is {@code zones.get(i)}.
     *
     * @throws RasterException if a zone is not polygonal, or declares an SRID other than the grid's
     *     EPSG code (SRID 0 means "unspecified" and is trusted)
     */
    public static ZoneIndex rasterise(GridGeometry grid, List<? extends Geometry> zones) {
        Objects.requireNonNull(grid, "grid");
        Cells zoneOfCell = new Cells(Math.toIntExact(grid.cellCount()), zones.size());
        long[] cellsPerZone = new long[zones.size()];
        long overlaps = 0;
        int epsg = Crs.epsgCode(grid.crs());
        for (int z = 0; z < zones.size(); z++) {
            Geometry zone = zones.get(z);
            if (!(zone instanceof Polygonal)) {
                throw new RasterException(
                        Reason.INVALID_INPUT,
                        "zone #" + z,
                        "must be a Polygon or MultiPolygon, was " + (zone == null ? "null" : zone.getGeometryType()));
            }
            if (zone.getSRID() != 0 && zone.getSRID() != epsg) {
                throw new RasterException(
                        Reason.CRS_MISMATCH,
                        "zone #" + z,
                        "SRID " + zone.getSRID() + " differs from the grid's " + grid.crs());
            }
            overlaps += new Scanline(grid, edges(zone)).fill(zone.getEnvelopeInternal(), z, zoneOfCell, cellsPerZone);
        }
        long inside = 0;
        for (long n : cellsPerZone) {
            inside += n;
        }
        return new ZoneIndex(grid, zoneOfCell, cellsPerZone, grid.cellCount() - inside, overlaps);
    }

    /** All ring edges of a polygonal geometry as {x1, y1, x2, y2} quadruples, horizontal edges dropped. */
    private static double[] edges(Geometry zone) {
        int count = 0;
        for (int p = 0; p < zone.getNumGeometries(); p++) {
            Polygon polygon = (Polygon) zone.getGeometryN(p);
            count += polygon.getExteriorRing().getNumPoints();
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                count += polygon.getInteriorRingN(h).getNumPoints();
            }
        }
        double[] edges = new double[4 * count];
        int n = 0;
        for (int p = 0; p < zone.getNumGeometries(); p++) {
            Polygon polygon = (Polygon) zone.getGeometryN(p);
            n = addRing(polygon.getExteriorRing(), edges, n);
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                n = addRing(polygon.getInteriorRingN(h), edges, n);
            }
        }
        return Arrays.copyOf(edges, n);
    }

    private static int addRing(LinearRing ring, double[] edges, int n) {
        Coordinate[] c = ring.getCoordinates();
        for (int i = 0; i + 1 < c.length; i++) {
            if (c[i].y != c[i + 1].y) {
                edges[n++] = c[i].x;
                edges[n++] = c[i].y;
                edges[n++] = c[i + 1].x;
                edges[n++] = c[i + 1].y;
            }
        }
        return n;
    }

    public GridGeometry grid() {
        return grid;
    }

    /** Number of zones rasterised (including zones that received no cell). */
    public int zoneCount() {
        return cellsPerZone.length;
    }

    /** Zone of the cell at row-major {@code index}, or {@link #OUTSIDE}. */
    public int zoneOf(int index) {
        return zoneOfCell.get(index);
    }

    /** Zone of cell (column, row), or {@link #OUTSIDE}. */
    public int zoneAt(int column, int row) {
        return zoneOfCell.get(grid.index(column, row));
    }

    /** Cells assigned to zone {@code zone}. */
    public long cellCount(int zone) {
        return cellsPerZone[zone];
    }

    /** Cells whose centre is in no zone. */
    public long outsideCells() {
        return outsideCells;
    }

    /** Cells whose centre lies in more than one zone (each assigned to the first). */
    public long overlapCells() {
        return overlapCells;
    }

    /**
     * Zone per cell, row-major: {@code char} zone + 1 (0 = outside) below {@link #SHORT_LIMIT}
     * zones, else {@code int} zone ({@link #OUTSIDE} = −1).
     */
    private static final class Cells {
        private final char[] small;
        private final int[] large;

        Cells(int cells, int zones) {
            if (zones < SHORT_LIMIT) {
                small = new char[cells];
                large = null;
            } else {
                small = null;
                large = new int[cells];
                Arrays.fill(large, OUTSIDE);
            }
        }

        int get(int index) {
            return small != null ? small[index] - 1 : large[index];
        }

        void set(int index, int zone) {
            if (small != null) {
                small[index] = (char) (zone + 1);
            } else {
                large[index] = zone;
            }
        }
    }

    /** Scanline fill of one zone; see the class comment for the rule. */
    private static final class Scanline {
        private final GridGeometry grid;
        private final double[] edges;
        private double[] crossings = new double[16];

        Scanline(GridGeometry grid, double[] edges) {
            this.grid = grid;
            this.edges = edges;
        }

        long fill(Envelope env, int zone, Cells zoneOfCell, long[] cellsPerZone) {
            double cw = grid.cellWidth();
            double ch = grid.cellHeight();
            // Rows whose centre y may lie in [minY, maxY]; one row of slack, exact tests below.
            int firstRow = Math.max(0, (int) Math.floor((grid.originY() - env.getMaxY()) / ch - 0.5) - 1);
            int lastRow = Math.min(grid.height() - 1, (int) Math.ceil((grid.originY() - env.getMinY()) / ch - 0.5) + 1);
            long overlaps = 0;
            for (int row = firstRow; row <= lastRow; row++) {
                double y = grid.centreY(row);
                int n = crossingsAt(y);
                Arrays.sort(crossings, 0, n);
                for (int k = 0; k + 1 < n; k += 2) {
                    int first = firstColumnAtOrAfter(crossings[k], cw);
                    int end = firstColumnAtOrAfter(crossings[k + 1], cw);
                    int rowStart = row * grid.width();
                    for (int index = rowStart + first; index < rowStart + end; index++) {
                        if (zoneOfCell.get(index) == OUTSIDE) {
                            zoneOfCell.set(index, zone);
                        } else {
                            overlaps++;
                        }
                    }
                    cellsPerZone[zone] += Math.max(0, end - first);
                }
            }
            cellsPerZone[zone] -= overlaps;
            return overlaps;
        }

        private int crossingsAt(double y) {
            int n = 0;
            for (int e = 0; e < edges.length; e += 4) {
                double y1 = edges[e + 1];
                double y2 = edges[e + 3];
                if ((y1 <= y && y < y2) || (y2 <= y && y < y1)) {
                    if (n == crossings.length) {
                        crossings = Arrays.copyOf(crossings, 2 * n);
                    }
                    double x1 = edges[e];
                    double x2 = edges[e + 2];
                    crossings[n++] = x1 == x2 ? x1 : x1 + (y - y1) * (x2 - x1) / (y2 - y1);
                }
            }
            return n;
        }

        /** Smallest column whose centre x is ≥ {@code x} (may be 0 or width). */
        private int firstColumnAtOrAfter(double x, double cw) {
            double estimate = Math.ceil((x - grid.originX()) / cw - 0.5);
            int col = (int) Math.max(0, Math.min(grid.width(), estimate));
            while (col > 0 && grid.centreX(col - 1) >= x) {
                col--;
            }
            while (col < grid.width() && grid.centreX(col) < x) {
                col++;
            }
            return col;
        }
    }
}
