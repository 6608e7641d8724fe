package liangshan.raster.geotiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import liangshan.raster.RasterException;
import liangshan.raster.RasterException.Reason;

/**
 * The first image file directory (IFD) of a classic TIFF, read with positional reads so that only
 * the directory, never the pixel data, is loaded. Tag values are kept as {@code long[]} (integer
 * types), {@code double[]} (FLOAT, DOUBLE, RATIONAL) or String (ASCII). BigTIFF is refused.
 */
final class TiffDirectory {

    static final int IMAGE_WIDTH = 256;
    static final int IMAGE_LENGTH = 257;
    static final int BITS_PER_SAMPLE = 258;
    static final int COMPRESSION = 259;
    static final int PHOTOMETRIC = 262;
    static final int STRIP_OFFSETS = 273;
    static final int SAMPLES_PER_PIXEL = 277;
    static final int ROWS_PER_STRIP = 278;
    static final int STRIP_BYTE_COUNTS = 279;
    static final int PLANAR_CONFIGURATION = 284;
    static final int PREDICTOR = 317;
    static final int TILE_WIDTH = 322;
    static final int TILE_LENGTH = 323;
    static final int TILE_OFFSETS = 324;
    static final int TILE_BYTE_COUNTS = 325;
    static final int SAMPLE_FORMAT = 339;
    static final int MODEL_PIXEL_SCALE = 33550;
    static final int MODEL_TIEPOINT = 33922;
    static final int MODEL_TRANSFORMATION = 34264;
    static final int GEO_KEY_DIRECTORY = 34735;
    static final int GDAL_NODATA = 42113;

    private static final int[] TYPE_SIZES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8};

    final ByteOrder order;
    final long fileSize;
    private final Map<Integer, long[]> integers = new HashMap<>();
    private final Map<Integer, double[]> reals = new HashMap<>();
    private final Map<Integer, String> texts = new HashMap<>();
    private final String input;

    private TiffDirectory(String input, ByteOrder order, long fileSize) {
        this.input = input;
        this.order = order;
        this.fileSize = fileSize;
    }

    static TiffDirectory read(FileChannel channel, String input) throws IOException {
        long size = channel.size();
        ByteBuffer header = readAt(channel, 0, 8, input, size);
        ByteOrder order;
        if (header.get(0) == 'I' && header.get(1) == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (header.get(0) == 'M' && header.get(1) == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new RasterException(Reason.MALFORMED, input, "not a TIFF file (no II/MM byte-order mark)");
        }
        header.order(order);
        int magic = Short.toUnsignedInt(header.getShort(2));
        if (magic == 43) {
            throw new RasterException(Reason.UNSUPPORTED, input, "BigTIFF is not supported; write a classic TIFF");
        }
        if (magic != 42) {
            throw new RasterException(Reason.MALFORMED, input, "not a TIFF file (magic number " + magic + ")");
        }
        long ifdOffset = Integer.toUnsignedLong(header.getInt(4));
        TiffDirectory dir = new TiffDirectory(input, order, size);
        int count = Short.toUnsignedInt(
                readAt(channel, ifdOffset, 2, input, size).order(order).getShort(0));
        ByteBuffer entries =
                readAt(channel, ifdOffset + 2, 12L * count, input, size).order(order);
        for (int i = 0; i < count; i++) {
            dir.readEntry(channel, entries, i * 12);
        }
        return dir;
    }

    private void readEntry(FileChannel channel, ByteBuffer entries, int at) throws IOException {
        int tag = Short.toUnsignedInt(entries.getShort(at));
        int type = Short.toUnsignedInt(entries.getShort(at + 2));
        long count = Integer.toUnsignedLong(entries.getInt(at + 4));
        if (type <= 0 || type >= TYPE_SIZES.length) {
            return; // Unknown types (e.g. IFD, LONG8) are skipped as TIFF 6.0 §2 requires.
        }
        long bytes = count * TYPE_SIZES[type];
        if (bytes > Integer.MAX_VALUE / 2) {
            throw new RasterException(Reason.MALFORMED, input, "tag " + tag + " claims " + count + " values");
        }
        ByteBuffer value;
        if (bytes <= 4) {
            value = entries.duplicate().order(order).position(at + 8).slice().order(order);
        } else {
            long offset = Integer.toUnsignedLong(entries.getInt(at + 8));
            value = readAt(channel, offset, bytes, input, fileSize).order(order);
        }
        int n = (int) count;
        switch (type) {
            case 2 -> {
                byte[] b = new byte[n];
                value.get(0, b);
                texts.put(tag, new String(b, StandardCharsets.US_ASCII).replace("\0", ""));
            }
            case 5, 10, 11, 12 -> reals.put(tag, readReals(value, type, n));
            default -> integers.put(tag, readIntegers(value, type, n));
        }
    }

    private static double[] readReals(ByteBuffer v, int type, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (type) {
                case 5 ->
                    (double) Integer.toUnsignedLong(v.getInt(8 * i)) / Integer.toUnsignedLong(v.getInt(8 * i + 4));
                case 10 -> (double) v.getInt(8 * i) / v.getInt(8 * i + 4);
                case 11 -> v.getFloat(4 * i);
                default -> v.getDouble(8 * i);
            };
        }
        return out;
    }

    private static long[] readIntegers(ByteBuffer v, int type, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (type) {
                case 1, 7 -> Byte.toUnsignedInt(v.get(i));
                case 6 -> v.get(i);
                case 3 -> Short.toUnsignedInt(v.getShort(2 * i));
                case 8 -> v.getShort(2 * i);
                case 4 -> Integer.toUnsignedLong(v.getInt(4 * i));
                default -> v.getInt(4 * i);
            };
        }
        return out;
    }

    /** Reads exactly {@code length} bytes at {@code offset}, or fails naming the input as truncated. */
    static ByteBuffer readAt(FileChannel channel, long offset, long length, String input, long fileSize)
            throws IOException {
        if (offset < 0 || length < 0 || offset + length > fileSize) {
            throw new RasterException(
                    Reason.MALFORMED,
                    input,
                    "truncated TIFF: needs bytes " + offset + ".." + (offset + length) + " but the file has "
                            + fileSize);
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new RasterException(
                        Reason.MALFORMED, input, "truncated TIFF at byte " + (offset + buffer.position()));
            }
        }
        return buffer.flip();
    }

    boolean has(int tag) {
        return integers.containsKey(tag) || reals.containsKey(tag) || texts.containsKey(tag);
    }

    long[] integers(int tag) {
        return integers.get(tag);
    }

    double[] reals(int tag) {
        return reals.get(tag);
    }

    String text(int tag) {
        return texts.get(tag);
    }

    /** The first value of an integer tag. */
    long required(int tag, String name) {
        long[] v = integers.get(tag);
        if (v == null || v.length == 0) {
            throw new RasterException(
                    Reason.MALFORMED, input, "required TIFF tag " + name + " (" + tag + ") is missing");
        }
        return v[0];
    }

    long optional(int tag, long fallback) {
        long[] v = integers.get(tag);
        return v == null || v.length == 0 ? fallback : v[0];
    }
}
