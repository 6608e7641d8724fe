package liangshan.raster.geotiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import liangshan.raster.CellType;

/**
 * Undoes TIFF predictors and converts raw sample bytes to floats, with primitive loops only.
 *
 * <p>Predictor 2 (TIFF 6.0 §14): each sample after the first in a block row is stored as the
 * difference to its left neighbour, modulo 2^bits, in the file's byte order. Predictor 3 (Adobe
 * Photoshop TIFF technical note 3): the bytes of each block row are first rearranged so that all
 * most-significant bytes come first, then the least significant ones, and then byte-differenced;
 * decoding accumulates the bytes and reassembles each float from its byte planes. As libtiff
 * (and so GDAL) writes it, "most significant first" holds for little-endian files; in a
 * big-endian file the planes come least significant first (libtiff swaps to file order before
 * differencing), which the GDAL-written big-endian fixture pins.
 */
final class Samples {

    private Samples() {}

    /**
     * Decodes {@code rows} rows of one block into {@code destination} (row-major, {@code
     * destinationWidth} floats per row) starting at column {@code firstColumn}; only the first
     * {@code columns} samples of each block row are copied (edge tiles are padded).
     */
    static void decode(
            byte[] raw,
            TiffLayout layout,
            int rows,
            int columns,
            float[] destination,
            int firstColumn,
            int destinationWidth) {
        int bw = layout.blockWidth();
        CellType type = layout.cellType();
        int rowBytes = bw * type.bytes();
        if (layout.predictor() == 3) {
            for (int r = 0; r < rows; r++) {
                floatingPointRow(
                        raw,
                        r * rowBytes,
                        bw,
                        columns,
                        destination,
                        r * destinationWidth + firstColumn,
                        layout.byteOrder() == ByteOrder.BIG_ENDIAN);
            }
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(layout.byteOrder());
        if (layout.predictor() == 2) {
            for (int r = 0; r < rows; r++) {
                undoHorizontal(buffer, raw, r * rowBytes, bw, type);
            }
        }
        for (int r = 0; r < rows; r++) {
            int in = r * rowBytes;
            int out = r * destinationWidth + firstColumn;
            switch (type) {
                case UINT8 -> {
                    for (int c = 0; c < columns; c++) {
                        destination[out + c] = raw[in + c] & 0xFF;
                    }
                }
                case INT16 -> {
                    for (int c = 0; c < columns; c++) {
                        destination[out + c] = buffer.getShort(in + 2 * c);
                    }
                }
                case FLOAT32 -> {
                    for (int c = 0; c < columns; c++) {
                        destination[out + c] = buffer.getFloat(in + 4 * c);
                    }
                }
            }
        }
    }

    private static void undoHorizontal(ByteBuffer buffer, byte[] raw, int start, int samples, CellType type) {
        switch (type) {
            case UINT8 -> {
                for (int i = 1; i < samples; i++) {
                    raw[start + i] += raw[start + i - 1];
                }
            }
            case INT16 -> {
                for (int i = 1; i < samples; i++) {
                    int at = start + 2 * i;
                    buffer.putShort(at, (short) (buffer.getShort(at) + buffer.getShort(at - 2)));
                }
            }
            case FLOAT32 -> {
                // Horizontal differencing of 32-bit words (unusual for floats, but legal TIFF).
                for (int i = 1; i < samples; i++) {
                    int at = start + 4 * i;
                    buffer.putInt(at, buffer.getInt(at) + buffer.getInt(at - 4));
                }
            }
        }
    }

    private static void floatingPointRow(
            byte[] raw, int start, int samples, int columns, float[] destination, int out, boolean bigEndian) {
        int rowBytes = samples * 4;
        for (int i = 1; i < rowBytes; i++) {
            raw[start + i] += raw[start + i - 1];
        }
        for (int c = 0; c < columns; c++) {
            int bits = (raw[start + c] & 0xFF) << 24
                    | (raw[start + samples + c] & 0xFF) << 16
                    | (raw[start + 2 * samples + c] & 0xFF) << 8
                    | (raw[start + 3 * samples + c] & 0xFF);
            destination[out + c] = Float.intBitsToFloat(bigEndian ? Integer.reverseBytes(bits) : bits);
        }
    }

    /** Writes {@code count} floats as samples of {@code type} in little-endian order. */
    static void encode(float[] values, int from, int count, CellType type, ByteBuffer out) {
        out.order(ByteOrder.LITTLE_ENDIAN);
        for (int i = from; i < from + count; i++) {
            switch (type) {
                case UINT8 -> out.put((byte) (int) values[i]);
                case INT16 -> out.putShort((short) values[i]);
                case FLOAT32 -> out.putFloat(values[i]);
            }
        }
    }
}
