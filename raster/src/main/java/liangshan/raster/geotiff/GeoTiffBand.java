package liangshan.raster.geotiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import liangshan.raster.BandSource;
import liangshan.raster.CellType;
import liangshan.raster.Failures;
import liangshan.raster.GridGeometry;
import liangshan.raster.RasterException;
import liangshan.raster.RasterException.Reason;
import mil.nga.tiff.compression.CompressionDecoder;
import mil.nga.tiff.compression.LZWCompression;

/**
 * A single-band GeoTIFF read lazily from disk, one row of blocks (tiles or a strip) at a time.
 *
 * <p>Reads classic (not Big) TIFF with one sample per pixel: UInt8, Int16 or Float32; strips or
 * tiles; no compression, LZW (5, mil.nga:tiff's codec) or Deflate (8, 32946; java.util.zip) —
 * and predictor 1 (none), 2 (horizontal differencing) or 3 (floating point, Adobe tech note 3).
 * The grid comes from ModelPixelScale + ModelTiepoint (or a non-rotated ModelTransformation), the
 * CRS from the GeoKeyDirectory (ProjectedCSTypeGeoKey 3072, or GeographicTypeGeoKey 2048 for a
 * geographic model), no-data from GDAL_NODATA (42113); "pixel is point" rasters are shifted by
 * half a cell as GDAL does. mil.nga:tiff's own reader is not used for the container because it
 * loads the whole file into one byte array and boxes every sample.
 *
 * <p><b>Memory bound:</b> one decoded block row, {@code 4 × blockHeight × width} bytes of floats
 * plus one block's compressed and raw bytes (e.g. 9.6 MB for 256-row tiles on a 9,400-column
 * grid). Reading rows in order decodes each block once. {@link #readRows} is synchronized (its
 * block-row cache is shared): threads reading one band at the same time get the right rows, but
 * take turns and may decode a block row more than once — give each concurrent pass its own band.
 * {@link #readWindow} and {@link #readAll} keep no state and run concurrently.
 */
public final class GeoTiffBand implements BandSource, AutoCloseable {

    private final String name;
    private final String unit;
    private final FileChannel channel;
    private final TiffLayout layout;
    private final GridGeometry grid;
    private final OptionalDouble noData;
    private final float[] cache;
    private int cachedBlockRow = -1;

    private GeoTiffBand(
            String name,
            String unit,
            FileChannel channel,
            TiffLayout layout,
            GridGeometry grid,
            OptionalDouble noData) {
        this.name = name;
        this.unit = unit;
        this.channel = channel;
        this.layout = layout;
        this.grid = grid;
        this.noData = noData;
        this.cache = new float[Math.multiplyExact(layout.blockHeight(), layout.width())];
    }

    /**
     * Opens {@code path} and reads its directory and georeferencing (no pixels yet).
     *
     * @param unit the unit of the values, which GeoTIFF does not record
     * @throws RasterException naming the file if it is not a readable single-band GeoTIFF
     */
    public static GeoTiffBand open(Path path, String unit) {
        Objects.requireNonNull(unit, "unit");
        String input = path.toString();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
            TiffDirectory dir = TiffDirectory.read(channel, input);
            TiffLayout layout = TiffLayout.of(dir, input);
            GridGeometry grid = GeoKeys.grid(dir, input, layout.width(), layout.height());
            OptionalDouble noData = GeoKeys.noData(dir, input, layout.cellType());
            return new GeoTiffBand(path.getFileName().toString(), unit, channel, layout, grid, noData);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException(input + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // The original failure is more useful than a failure to close.
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String unit() {
        return unit;
    }

    @Override
    public GridGeometry grid() {
        return grid;
    }

    @Override
    public CellType cellType() {
        return layout.cellType();
    }

    @Override
    public OptionalDouble noData() {
        return noData;
    }

    /** Block layout as read from the file (tiled or stripped, compression, predictor). */
    public TiffLayout layout() {
        return layout;
    }

    @Override
    public synchronized void readRows(int firstRow, int rowCount, float[] destination) {
        Objects.checkFromIndexSize(firstRow, rowCount, grid.height());
        int width = grid.width();
        int bh = layout.blockHeight();
        for (int r = firstRow; r < firstRow + rowCount; r++) {
            int blockRow = r / bh;
            if (blockRow != cachedBlockRow) {
                decodeBlockRow(blockRow);
                cachedBlockRow = blockRow;
            }
            System.arraycopy(cache, (r - blockRow * bh) * width, destination, (r - firstRow) * width, width);
        }
    }

    /**
     * Reads every cell into {@code destination} (row-major, {@code width × height} cells), the
     * block rows shared out among {@code threads} threads (the calling thread and {@code threads −
     * 1} new ones), each decoding whole block rows straight into {@code destination}. Equal cell
     * for cell to {@link #readRows} over the whole grid. Like {@link #readWindow} it keeps no
     * state (positional reads only). <b>Memory:</b> per thread one compressed and one inflated
     * block at a time.
     *
     * @throws IllegalArgumentException if {@code destination} is shorter than the grid or {@code
     *     threads < 1}
     * @throws RasterException naming the file if a block cannot be decoded (the first failure;
     *     the other threads stop at their next block row)
     */
    public void readAll(float[] destination, int threads) {
        if (destination.length < grid.cellCount()) {
            throw new IllegalArgumentException(
                    name + ": destination holds " + destination.length + " cells, the grid " + grid.cellCount());
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        int bh = layout.blockHeight();
        int blockRows = (grid.height() + bh - 1) / bh;
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        Runnable worker = () -> {
            try {
                for (int br = next.getAndIncrement();
                        br < blockRows && failure.get() == null;
                        br = next.getAndIncrement()) {
                    decodeBlockRow(br, destination, br * bh * grid.width());
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        };
        Thread[] helpers = new Thread[Math.min(threads, blockRows) - 1];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(worker, "geotiff-read-" + t);
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
        worker.run();
        boolean interrupted = false;
        for (Thread t : helpers) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw Failures.unchecked(failure.get());
        }
    }

    /**
     * Reads the window of {@code width} × {@code height} cells whose north-west cell is at
     * ({@code row0}, {@code col0}), row-major with the window's width, decoding only the blocks
     * that intersect it (a 1 km² window of a city-wide 30 m tiled raster touches a few tiles,
     * where {@link #readRows} would decode every tile across the grid). Equal cell for cell to
     * the same cells read with {@link #readRows}. Unlike {@link #readRows} this keeps no state
     * (positional reads only), so concurrent calls on one band are safe. <b>Memory:</b> the
     * window plus one decoded block.
     *
     * @throws IndexOutOfBoundsException if the window is empty or leaves the grid
     * @throws RasterException naming the file if a block cannot be decoded
     */
    public float[] readWindow(int row0, int col0, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IndexOutOfBoundsException("empty window " + width + " × " + height);
        }
        Objects.checkFromIndexSize(row0, height, grid.height());
        Objects.checkFromIndexSize(col0, width, grid.width());
        float[] out = new float[Math.multiplyExact(width, height)];
        int bw = layout.blockWidth();
        int bh = layout.blockHeight();
        float[] block = new float[Math.multiplyExact(bw, bh)];
        for (int br = row0 / bh; br <= (row0 + height - 1) / bh; br++) {
            int rows = Math.min(bh, grid.height() - br * bh);
            for (int bc = col0 / bw; bc <= (col0 + width - 1) / bw; bc++) {
                int columns = Math.min(bw, grid.width() - bc * bw);
                decodeBlock(br * layout.blocksAcross() + bc, rows, columns, block, 0, bw);
                int r0 = Math.max(br * bh, row0);
                int r1 = Math.min(br * bh + rows, row0 + height);
                int c0 = Math.max(bc * bw, col0);
                int c1 = Math.min(bc * bw + columns, col0 + width);
                for (int r = r0; r < r1; r++) {
                    System.arraycopy(
                            block, (r - br * bh) * bw + c0 - bc * bw, out, (r - row0) * width + c0 - col0, c1 - c0);
                }
            }
        }
        return out;
    }

    /**
     * Decodes block {@code block} ({@code rows} × {@code columns} cells) into {@code out} from
     * index {@code first}, {@code stride} floats per row. GDAL's sparse files omit empty blocks
     * (offset and size 0): they read as no-data, or 0 without one.
     */
    private void decodeBlock(int block, int rows, int columns, float[] out, int first, int stride) {
        if (layout.byteCounts()[block] == 0) {
            float value = (float) noData.orElse(0);
            for (int r = 0; r < rows; r++) {
                java.util.Arrays.fill(out, first + r * stride, first + r * stride + columns, value);
            }
            return;
        }
        byte[] raw = decompress(block);
        long needed = (long) rows * layout.blockWidth() * layout.cellType().bytes();
        if (raw.length < needed) {
            throw new RasterException(
                    Reason.MALFORMED,
                    name,
                    "block " + block + " decodes to " + raw.length + " bytes, expected at least " + needed);
        }
        Samples.decode(raw, layout, rows, columns, out, first, stride);
    }

    private void decodeBlockRow(int blockRow) {
        decodeBlockRow(blockRow, cache, 0);
    }

    /** Decodes block row {@code blockRow} into {@code out} from index {@code first}, one grid row per {@code width}. */
    private void decodeBlockRow(int blockRow, float[] out, int first) {
        int rows = Math.min(layout.blockHeight(), grid.height() - blockRow * layout.blockHeight());
        int bw = layout.blockWidth();
        for (int across = 0; across < layout.blocksAcross(); across++) {
            int firstColumn = across * bw;
            int columns = Math.min(bw, grid.width() - firstColumn);
            decodeBlock(
                    blockRow * layout.blocksAcross() + across, rows, columns, out, first + firstColumn, grid.width());
        }
    }

    private byte[] decompress(int block) {
        long offset = layout.offsets()[block];
        long length = layout.byteCounts()[block];
        byte[] compressed;
        try {
            ByteBuffer buf = TiffDirectory.readAt(channel, offset, length, name, layout.fileSize());
            compressed = buf.array();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot read block " + block, e);
        }
        if (layout.compression() == 1) {
            return compressed;
        }
        if (layout.compression() != 5) {
            return inflate(compressed, block);
        }
        CompressionDecoder decoder = new LZWCompression();
        try {
            return decoder.decode(compressed, layout.byteOrder());
        } catch (RuntimeException e) {
            throw new RasterException(
                    Reason.MALFORMED, name, "block " + block + " cannot be decompressed: " + e.getMessage(), e);
        }
    }

    /**
     * Inflates a Deflate block straight into an array of the block's decoded size (no growing
     * buffer: the decoded size is known from the layout; a longer stream still decodes whole).
     */
    private byte[] inflate(byte[] compressed, int block) {
        int expected = Math.multiplyExact(
                Math.multiplyExact(layout.blockWidth(), layout.blockHeight()),
                layout.cellType().bytes());
        byte[] out = new byte[expected];
        int length = 0;
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            while (!inflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                int n = inflater.inflate(out, length, out.length - length);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new RasterException(
                            Reason.MALFORMED,
                            name,
                            "block " + block + " cannot be decompressed: truncated Deflate data");
                }
                length += n;
            }
        } catch (DataFormatException e) {
            throw new RasterException(
                    Reason.MALFORMED, name, "block " + block + " cannot be decompressed: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        return length == out.length ? out : Arrays.copyOf(out, length);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot close", e);
        }
    }

    /** Byte order of the file. */
    ByteOrder byteOrder() {
        return layout.byteOrder();
    }
}
