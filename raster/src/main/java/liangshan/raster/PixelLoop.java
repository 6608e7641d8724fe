package liangshan.raster;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Iterates several aligned bands together, a strip of whole rows at a time.
 *
 * <p>The first input defines the grid; every other input must be aligned with it
 * ({@link GridGeometry#requireAlignedWith}), otherwise construction fails with a
 * {@link RasterException} naming the offending input — nothing is resampled.
 *
 * <p><b>Memory bound.</b> The loop holds one {@code float} buffer of {@code stripRows × width}
 * cells per input and reuses it for every strip: {@code 4 × inputs × stripRows × width} bytes,
 * plus whatever each source needs to produce rows (a file-backed GeoTIFF decodes one row of
 * tiles or one strip at a time). For a 9,400-column city grid with the default 256-row strips
 * that is 9.6 MB per input, independent of the grid's height; the whole 88 M-cell grid is never
 * in memory unless an input is an in-memory {@link Band}.
 *
 * <pre>{@code
 * PixelLoop.over(precipitation, evapotranspiration, landCover).forEachStrip(strip -> {
 *     float[] p = strip.values(0), et = strip.values(1), lc = strip.values(2);
 *     for (int i = 0; i < strip.cellCount(); i++) { ... }
 * });
 * }</pre>
 */
public final class PixelLoop {

    /** Default rows per strip: one GeoTIFF tile row for 256 × 256 tiles. */
    public static final int DEFAULT_STRIP_ROWS = 256;

    private final List<BandSource> inputs;
    private final GridGeometry grid;
    private final int stripRows;

    private PixelLoop(List<BandSource> inputs, int stripRows) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a pixel loop needs at least one input");
        }
        if (stripRows <= 0) {
            throw new IllegalArgumentException("strip rows must be positive, was " + stripRows);
        }
        this.inputs = List.copyOf(inputs);
        BandSource first = this.inputs.get(0);
        this.grid = first.grid();
        for (BandSource other : this.inputs.subList(1, this.inputs.size())) {
            grid.requireAlignedWith(other.grid(), first.name(), other.name());
        }
        this.stripRows = Math.min(stripRows, grid.height());
    }

    /** A loop over {@code inputs} with the default strip height. */
    public static PixelLoop over(BandSource... inputs) {
        return new PixelLoop(List.of(inputs), DEFAULT_STRIP_ROWS);
    }

    /** A loop over {@code inputs} with the default strip height. */
    public static PixelLoop over(List<? extends BandSource> inputs) {
        return new PixelLoop(List.copyOf(inputs), DEFAULT_STRIP_ROWS);
    }

    /**
     * Checks that all {@code inputs} share the first one's grid, without reading any cell.
     *
     * @return the common grid
     * @throws RasterException naming the first input that differs
     */
    public static GridGeometry requireAligned(List<? extends BandSource> inputs) {
        return new PixelLoop(List.copyOf(inputs), DEFAULT_STRIP_ROWS).grid();
    }

    /** The same inputs with {@code rows} rows per strip. */
    public PixelLoop withStripRows(int rows) {
        return new PixelLoop(inputs, rows);
    }

    /** The common grid of all inputs. */
    public GridGeometry grid() {
        return grid;
    }

    public int stripRows() {
        return stripRows;
    }

    /** Bytes of strip buffers this loop allocates (the bound stated in the class comment). */
    public long bufferBytes() {
        return 4L * inputs.size() * stripRows * grid.width();
    }

    /** Visits the strips from north to south; the buffers are reused between calls. */
    public void forEachStrip(StripVisitor visitor) {
        Objects.requireNonNull(visitor, "visitor");
        int width = grid.width();
        float[][] buffers = new float[inputs.size()][stripRows * width];
        for (int first = 0; first < grid.height(); first += stripRows) {
            int rows = Math.min(stripRows, grid.height() - first);
            for (int b = 0; b < buffers.length; b++) {
                inputs.get(b).readRows(first, rows, buffers[b]);
            }
            visitor.visit(new Strip(grid, first, rows, buffers, inputs));
        }
    }

    /**
     * {@link #forEachStrip}, with the next strip read and decoded on a reader thread while
     * {@code visitor} handles the current one (for a pass with a core to spare: reading is
     * inflating the GeoTIFF blocks). Two sets of buffers (twice the memory of {@link
     * #bufferBytes()}); the inputs are read by the reader thread only, one strip at a time and in
     * order, so a source need not be thread-safe. Same strips, same values.
     */
    public void forEachStripReadAhead(StripVisitor visitor) {
        Objects.requireNonNull(visitor, "visitor");
        int width = grid.width();
        float[][][] sets = {new float[inputs.size()][stripRows * width], new float[inputs.size()][stripRows * width]};
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pixel-loop-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?> next = reader.submit(() -> read(0, sets[0]));
            int set = 0;
            for (int first = 0; first < grid.height(); first += stripRows) {
                await(next);
                int following = first + stripRows;
                if (following < grid.height()) {
                    float[][] into = sets[1 - set];
                    next = reader.submit(() -> read(following, into));
                }
                visitor.visit(new Strip(grid, first, Math.min(stripRows, grid.height() - first), sets[set], inputs));
                set = 1 - set;
            }
        } finally {
            // No interrupt: an interrupted file read would close the inputs' channels.
            reader.shutdown();
            try {
                reader.awaitTermination(1, TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void read(int first, float[][] buffers) {
        int rows = Math.min(stripRows, grid.height() - first);
        for (int b = 0; b < buffers.length; b++) {
            inputs.get(b).readRows(first, rows, buffers[b]);
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a strip", e);
        } catch (ExecutionException e) {
            throw Failures.unchecked(e.getCause());
        }
    }

    /** Receives each strip. */
    @FunctionalInterface
    public interface StripVisitor {
        void visit(Strip strip);
    }

    /**
     * Rows {@code firstRow .. firstRow + rowCount − 1} of every input. {@code values(i)[k]} is
     * the cell at column {@code k % width}, row {@code firstRow + k / width} of input {@code i};
     * only the first {@link #cellCount()} entries are valid (the last strip may be shorter).
     */
    public record Strip(GridGeometry grid, int firstRow, int rowCount, float[][] buffers, List<BandSource> inputs) {

        public float[] values(int input) {
            return buffers[input];
        }

        public BandSource input(int input) {
            return inputs.get(input);
        }

        public int width() {
            return grid.width();
        }

        /** Valid cells in this strip: rowCount × width. */
        public int cellCount() {
            return rowCount * grid.width();
        }

        /** Row-major index in the whole grid of strip offset {@code k}. */
        public long gridIndex(int k) {
            return (long) firstRow * grid.width() + k;
        }
    }
}
