package liangshan.raster.geotiff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.zip.Deflater;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import liangshan.raster.RasterException;
import liangshan.raster.RasterException.Reason;

/**
 * Writes a single-band GeoTIFF row by row: classic little-endian TIFF, square tiles (default
 * 256 × 256), Deflate (compression 8) at the fastest level (1: writing maps is otherwise the
 * costliest step of a GEP run; files are somewhat larger than at level 6; tiles of continuous
 * values Huffman-only, see {@link #repetitive}), no predictor, with ModelPixelScale, ModelTiepoint, a
 * GeoKeyDirectory naming the EPSG code (pixel is area) and GDAL_NODATA when a no-data value is
 * given — the tags GDAL needs to report the same grid, CRS and no-data. A tile whose cells are all
 * the declared no-data value is left sparse (offset and byte count 0, as GDAL's {@code
 * SPARSE_OK=TRUE} writes it; GDAL reads such tiles as no-data).
 *
 * <p>mil.nga:tiff's writer is not used because it writes strips only. <b>Memory bound:</b> one
 * tile row, {@code 4 × tileSize × width} bytes, plus one tile's bytes. Rows must be written in
 * order from the north; {@link #close()} fails if rows are missing.
 */
public final class GeoTiffWriter implements AutoCloseable {

    /** Default tile edge in pixels. */
    public static final int DEFAULT_TILE_SIZE = 256;

    private final Path path;
    private final GridGeometry grid;
    private final CellType type;
    private final OptionalDouble noData;
    private final int tile;
    private final FileChannel channel;
    private final float[] buffer;
    private final long[] offsets;
    private final long[] counts;
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    // One tile's values, raw bytes and compressed bytes, reused for every tile.
    private final float[] tileValues;
    private final ByteBuffer raw;
    private byte[] compressed;
    private int rowsBuffered;
    private int rowsWritten;
    private int tileRowsDone;
    private long position = 8;

    private GeoTiffWriter(
            Path path, GridGeometry grid, CellType type, OptionalDouble noData, int tile, FileChannel channel) {
        this.path = path;
        this.grid = grid;
        this.type = type;
        this.noData = noData;
        this.tile = tile;
        this.channel = channel;
        this.buffer = new float[Math.multiplyExact(tile, grid.width())];
        int across = (grid.width() + tile - 1) / tile;
        int down = (grid.height() + tile - 1) / tile;
        this.offsets = new long[Math.multiplyExact(across, down)];
        this.counts = new long[offsets.length];
        this.tileValues = new float[tile * tile];
        this.raw = ByteBuffer.allocate(tile * tile * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        this.compressed = new byte[raw.capacity() + raw.capacity() / 100 + 1024];
    }

    /** Creates (or replaces) {@code path} with 256 × 256 tiles. */
    public static GeoTiffWriter create(Path path, GridGeometry grid, CellType type, OptionalDouble noData) {
        return create(path, grid, type, noData, DEFAULT_TILE_SIZE);
    }

    /**
     * Creates (or replaces) {@code path}.
     *
     * @param tileSize tile edge, a positive multiple of 16 (TIFF 6.0 §15)
     */
    public static GeoTiffWriter create(
            Path path, GridGeometry grid, CellType type, OptionalDouble noData, int tileSize) {
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(noData, "noData");
        if (tileSize <= 0 || tileSize % 16 != 0) {
            throw new IllegalArgumentException("tile size must be a positive multiple of 16, was " + tileSize);
        }
        if (noData.isPresent() && !type.canHold(noData.getAsDouble())) {
            throw new RasterException(
                    Reason.INVALID_INPUT, path.toString(), "no-data " + noData.getAsDouble() + " does not fit " + type);
        }
        try {
            FileChannel channel = FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            header.put((byte) 'I')
                    .put((byte) 'I')
                    .putShort((short) 42)
                    .putInt(0)
                    .flip();
            writeFully(channel, header, 0);
            return new GeoTiffWriter(path, grid, type, noData, tileSize, channel);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot create: " + e.getMessage(), e);
        }
    }

    /**
     * Appends the next {@code rowCount} rows, taken row-major from {@code rows} (index {@code r ×
     * width + column}).
     *
     * @throws RasterException if a value cannot be stored in the cell type (e.g. 300 as UInt8)
     */
    public void writeRows(float[] rows, int rowCount) {
        int width = grid.width();
        if (rowsWritten + rowCount > grid.height()) {
            throw new IllegalStateException(
                    path + ": writing " + rowCount + " rows after " + rowsWritten + " exceeds height " + grid.height());
        }
        Objects.checkFromIndexSize(0, rowCount * width, rows.length);
        for (int r = 0; r < rowCount; r++) {
            checkRow(rows, r * width, rowsWritten + r);
            System.arraycopy(rows, r * width, buffer, rowsBuffered * width, width);
            rowsBuffered++;
            rowsWritten++;
            if (rowsBuffered == tile || rowsWritten == grid.height()) {
                flushTileRow();
            }
        }
    }

    private void checkRow(float[] rows, int from, int row) {
        if (type == CellType.FLOAT32) {
            return;
        }
        double nd = noData.orElse(Double.NaN);
        for (int c = 0; c < grid.width(); c++) {
            float v = rows[from + c];
            if (!type.canHold(v) && v != nd) {
                throw new RasterException(
                        Reason.INVALID_INPUT,
                        path.toString(),
                        "value " + v + " at column " + c + ", row " + row + " cannot be stored as " + type);
            }
        }
    }

    private void flushTileRow() {
        int width = grid.width();
        int across = (width + tile - 1) / tile;
        float pad = (float) noData.orElse(0);
        for (int t = 0; t < across; t++) {
            Arrays.fill(tileValues, pad);
            int columns = Math.min(tile, width - t * tile);
            for (int r = 0; r < rowsBuffered; r++) {
                System.arraycopy(buffer, r * width + t * tile, tileValues, r * tile, columns);
            }
            int index = tileRowsDone * across + t;
            if (allNoData(tileValues)) {
                // A sparse tile (offset and byte count 0): GDAL and GeoTiffBand read it as
                // no-data, and nothing is compressed for the grid's no-data areas.
                offsets[index] = 0;
                counts[index] = 0;
                continue;
            }
            raw.clear();
            if (type == CellType.FLOAT32) {
                // Bulk little-endian copy (same bytes as Samples.encode, without a call per value).
                raw.asFloatBuffer().put(tileValues);
                raw.position(tileValues.length * 4);
            } else {
                Samples.encode(tileValues, 0, tileValues.length, type, raw);
            }
            deflater.reset();
            deflater.setStrategy(repetitive(tileValues) ? Deflater.DEFAULT_STRATEGY : Deflater.HUFFMAN_ONLY);
            deflater.setInput(raw.array(), 0, raw.position());
            deflater.finish();
            int length = 0;
            while (!deflater.finished()) {
                if (length == compressed.length) {
                    compressed = Arrays.copyOf(compressed, compressed.length * 2);
                }
                length += deflater.deflate(compressed, length, compressed.length - length);
            }
            offsets[index] = position;
            counts[index] = length;
            writeAt(ByteBuffer.wrap(compressed, 0, length));
        }
        tileRowsDone++;
        rowsBuffered = 0;
    }

    /**
     * True when at least a quarter of the tile's cells equal their left neighbour (class-constant
     * maps, zeros, no-data areas): string matching pays off there. Other tiles (continuous values,
     * whose bytes rarely repeat) are Huffman-coded only, which is about twice as fast at level 1
     * for ~5–15 % larger tiles; either way the tile is standard Deflate.
     */
    private static boolean repetitive(float[] values) {
        int same = 0;
        int previous = Float.floatToRawIntBits(values[0]);
        for (int i = 1; i < values.length; i++) {
            int bits = Float.floatToRawIntBits(values[i]);
            if (bits == previous) {
                same++;
            }
            previous = bits;
        }
        return same >= values.length / 4;
    }

    /** True when a no-data value is declared and every value of the tile is it (NaN matches NaN). */
    private boolean allNoData(float[] values) {
        if (noData.isEmpty()) {
            return false;
        }
        float nd = (float) noData.getAsDouble();
        if (Float.isNaN(nd)) {
            for (float v : values) {
                if (!Float.isNaN(v)) {
                    return false;
                }
            }
        } else {
            for (float v : values) {
                if (v != nd) {
                    return false;
                }
            }
        }
        return true;
    }

    private void writeAt(ByteBuffer bytes) {
        try {
            position += writeFully(channel, bytes, position);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static int writeFully(FileChannel channel, ByteBuffer bytes, long at) throws IOException {
        int n = 0;
        while (bytes.hasRemaining()) {
            n += channel.write(bytes, at + n);
        }
        return n;
    }

    /** Writes the directory and closes the file; fails if not every row was written. */
    @Override
    public void close() {
        try (channel) {
            deflater.end();
            if (rowsWritten != grid.height()) {
                throw new IllegalStateException(
                        path + ": only " + rowsWritten + " of " + grid.height() + " rows were written");
            }
            position += position % 2; // IFDs start on a word boundary.
            long ifdOffset = position;
            writeAt(directory(ifdOffset));
            ByteBuffer pointer = ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt((int) ifdOffset)
                    .flip();
            writeFully(channel, pointer, 4);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot finish: " + e.getMessage(), e);
        }
    }

    private ByteBuffer directory(long ifdOffset) {
        List<Entry> entries = new ArrayList<>();
        entries.add(Entry.longs(TiffDirectory.IMAGE_WIDTH, grid.width()));
        entries.add(Entry.longs(TiffDirectory.IMAGE_LENGTH, grid.height()));
        entries.add(Entry.shorts(TiffDirectory.BITS_PER_SAMPLE, type.bits()));
        entries.add(Entry.shorts(TiffDirectory.COMPRESSION, 8));
        entries.add(Entry.shorts(TiffDirectory.PHOTOMETRIC, 1));
        entries.add(Entry.shorts(TiffDirectory.SAMPLES_PER_PIXEL, 1));
        entries.add(Entry.shorts(TiffDirectory.PLANAR_CONFIGURATION, 1));
        entries.add(Entry.longs(TiffDirectory.TILE_WIDTH, tile));
        entries.add(Entry.longs(TiffDirectory.TILE_LENGTH, tile));
        entries.add(Entry.longs(TiffDirectory.TILE_OFFSETS, offsets));
        entries.add(Entry.longs(TiffDirectory.TILE_BYTE_COUNTS, counts));
        entries.add(Entry.shorts(TiffDirectory.SAMPLE_FORMAT, type.tiffSampleFormat()));
        entries.add(Entry.doubles(TiffDirectory.MODEL_PIXEL_SCALE, grid.cellWidth(), grid.cellHeight(), 0));
        entries.add(Entry.doubles(TiffDirectory.MODEL_TIEPOINT, 0, 0, 0, grid.originX(), grid.originY(), 0));
        entries.add(Entry.shorts(TiffDirectory.GEO_KEY_DIRECTORY, GeoKeys.directoryFor(grid.crs())));
        noData.ifPresent(nd -> entries.add(Entry.ascii(TiffDirectory.GDAL_NODATA, noDataText(nd))));
        entries.sort(Comparator.comparingInt(Entry::tag));
        return Entry.encode(entries, ifdOffset);
    }

    private String noDataText(double nd) {
        if (Double.isNaN(nd)) {
            return "nan";
        }
        return nd == Math.rint(nd) && Math.abs(nd) < 1e15 ? Long.toString((long) nd) : Double.toString(nd);
    }

    /** One IFD entry with its payload already encoded little-endian. */
    private record Entry(int tag, int type, int count, byte[] payload) {

        static Entry shorts(int tag, int... values) {
            ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : values) {
                b.putShort((short) v);
            }
            return new Entry(tag, 3, values.length, b.array());
        }

        static Entry longs(int tag, long... values) {
            ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (long v : values) {
                if (v < 0 || v > 0xFFFF_FFFFL) {
                    throw new IllegalStateException("classic TIFF offsets are limited to 4 GB, got " + v);
                }
                b.putInt((int) v);
            }
            return new Entry(tag, 4, values.length, b.array());
        }

        static Entry doubles(int tag, double... values) {
            ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : values) {
                b.putDouble(v);
            }
            return new Entry(tag, 12, values.length, b.array());
        }

        static Entry ascii(int tag, String text) {
            byte[] chars = (text + "\0").getBytes(StandardCharsets.US_ASCII);
            return new Entry(tag, 2, chars.length, chars);
        }

        /** Directory: count, 12-byte entries, next-IFD 0, then payloads over 4 bytes (word-aligned). */
        static ByteBuffer encode(List<Entry> entries, long ifdOffset) {
            int fixed = 2 + 12 * entries.size() + 4;
            int extra = 0;
            for (Entry e : entries) {
                extra += e.payload.length > 4 ? e.payload.length + (e.payload.length % 2) : 0;
            }
            ByteBuffer out = ByteBuffer.allocate(fixed + extra).order(ByteOrder.LITTLE_ENDIAN);
            out.putShort((short) entries.size());
            int payloadAt = fixed;
            for (Entry e : entries) {
                out.putShort((short) e.tag).putShort((short) e.type).putInt(e.count);
                if (e.payload.length <= 4) {
                    out.put(Arrays.copyOf(e.payload, 4));
                } else {
                    out.putInt((int) (ifdOffset + payloadAt));
                    out.put(payloadAt, e.payload);
                    payloadAt += e.payload.length + (e.payload.length % 2);
                }
            }
            out.putInt(0);
            return out.position(0).limit(fixed + extra);
        }
    }
}
