package liangshan.gep.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import liangshan.raster.CellType;
import liangshan.raster.RasterException;
import liangshan.raster.geotiff.GeoTiffBand;
import liangshan.raster.geotiff.TiffLayout;
import mil.nga.tiff.compression.DeflateCompression;
import mil.nga.tiff.compression.LZWCompression;

/**
 * Reads a window of a GeoTIFF by decoding only the blocks (tiles) that intersect it. {@link
 * GeoTiffBand#readRows} decodes whole block rows — every tile across the grid — which for a 1 km²
 * footprint in a city-wide 30 m raster is ~17 times the work. Decoding follows the raster module's
 * {@code Samples} exactly (predictors 1, 2 and 3; UInt8, Int16, Float32; byte order of the file);
 * {@code TileWindowReaderTest} checks it against {@code readRows}. (A natural home later is a
 * {@code GeoTiffBand.readWindow} in the raster module.)
 */
final class TileWindowReader {

    private TileWindowReader() {}

    /** The window's values, row-major with the window's width. */
    static float[] read(GeoTiffBand band, Path file, GridWindow w) {
        TiffLayout l = band.layout();
        float[] out = new float[w.width() * w.height()];
        int bw = l.blockWidth();
        int bh = l.blockHeight();
        float[] block = new float[bw * bh];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int br = w.row0() / bh; br <= (w.row0() + w.height() - 1) / bh; br++) {
                for (int bc = w.col0() / bw; bc <= (w.col0() + w.width() - 1) / bw; bc++) {
                    int rows = Math.min(bh, l.height() - br * bh);
                    decodeBlock(ch, band, l, br * l.blocksAcross() + bc, rows, block);
                    copy(block, bw, br * bh, bc * bw, rows, Math.min(bw, l.width() - bc * bw), out, w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(band.name() + ": cannot read", e);
        }
        return out;
    }

    private static void copy(
            float[] block, int bw, int blockRow0, int blockCol0, int rows, int cols, float[] out, GridWindow w) {
        int r0 = Math.max(blockRow0, w.row0());
        int r1 = Math.min(blockRow0 + rows, w.row0() + w.height());
        int c0 = Math.max(blockCol0, w.col0());
        int c1 = Math.min(blockCol0 + cols, w.col0() + w.width());
        for (int r = r0; r < r1; r++) {
            System.arraycopy(
                    block,
                    (r - blockRow0) * bw + (c0 - blockCol0),
                    out,
                    (r - w.row0()) * w.width() + c0 - w.col0(),
                    c1 - c0);
        }
    }

    private static void decodeBlock(FileChannel ch, GeoTiffBand band, TiffLayout l, int block, int rows, float[] out)
            throws IOException {
        long length = l.byteCounts()[block];
        if (length == 0) {
            // GDAL's sparse files omit empty blocks: they read as no-data, or 0 without one.
            java.util.Arrays.fill(out, (float) band.noData().orElse(0));
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(length));
        long at = l.offsets()[block];
        while (buf.hasRemaining()) {
            int n = ch.read(buf, at + buf.position());
            if (n < 0) {
                throw new RasterException(
                        RasterException.Reason.MALFORMED, band.name(), "block " + block + " is cut short");
            }
        }
        byte[] raw =
                switch (l.compression()) {
                    case 1 -> buf.array();
                    case 5 -> new LZWCompression().decode(buf.array(), l.byteOrder());
                    default -> new DeflateCompression().decode(buf.array(), l.byteOrder());
                };
        if (raw.length < (long) rows * l.blockWidth() * l.cellType().bytes()) {
            throw new RasterException(
                    RasterException.Reason.MALFORMED, band.name(), "block " + block + " is too short");
        }
        samples(raw, l, rows, out);
    }

    /** Undoes the predictor and converts the samples of {@code rows} block rows to floats. */
    private static void samples(byte[] raw, TiffLayout l, int rows, float[] out) {
        int bw = l.blockWidth();
        CellType type = l.cellType();
        int rowBytes = bw * type.bytes();
        if (l.predictor() == 3) {
            boolean bigEndian = l.byteOrder() == ByteOrder.BIG_ENDIAN;
            for (int r = 0; r < rows; r++) {
                int start = r * rowBytes;
                for (int i = 1; i < rowBytes; i++) {
                    raw[start + i] += raw[start + i - 1];
                }
                for (int c = 0; c < bw; c++) {
                    int bits = (raw[start + c] & 0xFF) << 24
                            | (raw[start + bw + c] & 0xFF) << 16
                            | (raw[start + 2 * bw + c] & 0xFF) << 8
                            | (raw[start + 3 * bw + c] & 0xFF);
                    out[r * bw + c] = Float.intBitsToFloat(bigEndian ? Integer.reverseBytes(bits) : bits);
                }
            }
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(l.byteOrder());
        for (int r = 0; r < rows; r++) {
            int in = r * rowBytes;
            if (l.predictor() == 2) {
                undoHorizontal(b, raw, in, bw, type);
            }
            for (int c = 0; c < bw; c++) {
                out[r * bw + c] = switch (type) {
                    case UINT8 -> raw[in + c] & 0xFF;
                    case INT16 -> b.getShort(in + 2 * c);
                    case FLOAT32 -> b.getFloat(in + 4 * c);
                };
            }
        }
    }

    private static void undoHorizontal(ByteBuffer b, byte[] raw, int start, int samples, CellType type) {
        for (int i = 1; i < samples; i++) {
            switch (type) {
                case UINT8 -> raw[start + i] += raw[start + i - 1];
                case INT16 -> {
                    int at = start + 2 * i;
                    b.putShort(at, (short) (b.getShort(at) + b.getShort(at - 2)));
                }
                case FLOAT32 -> {
                    int at = start + 4 * i;
                    b.putInt(at, b.getInt(at) + b.getInt(at - 4));
                }
            }
        }
    }
}
