package liangshan.raster.geotiff;

import java.nio.ByteOrder;
import liangshan.raster.CellType;
import liangshan.raster.RasterException;
import liangshan.raster.RasterException.Reason;

/**
 * How a single-band TIFF stores its pixels: blocks (tiles, or strips as full-width blocks),
 * their file offsets and sizes, sample type, compression and predictor.
 *
 * @param width image width in pixels
 * @param height image height in pixels
 * @param cellType sample type
 * @param tiled true for tiles, false for strips
 * @param blockWidth tile width, or the image width for strips
 * @param blockHeight tile height, or rows per strip
 * @param blocksAcross blocks per block row (1 for strips)
 * @param compression TIFF compression code: 1 none, 5 LZW, 8 or 32946 Deflate
 * @param predictor 1 none, 2 horizontal, 3 floating point
 * @param offsets file offset of each block, row-major
 * @param byteCounts stored size of each block
 * @param byteOrder byte order of the file
 * @param fileSize file length in bytes
 */
public record TiffLayout(
        int width,
        int height,
        CellType cellType,
        boolean tiled,
        int blockWidth,
        int blockHeight,
        int blocksAcross,
        int compression,
        int predictor,
        long[] offsets,
        long[] byteCounts,
        ByteOrder byteOrder,
        long fileSize) {

    static TiffLayout of(TiffDirectory dir, String input) {
        int width = positive(dir.required(TiffDirectory.IMAGE_WIDTH, "ImageWidth"), "ImageWidth", input);
        int height = positive(dir.required(TiffDirectory.IMAGE_LENGTH, "ImageLength"), "ImageLength", input);
        long samples = dir.optional(TiffDirectory.SAMPLES_PER_PIXEL, 1);
        if (samples != 1) {
            throw new RasterException(
                    Reason.UNSUPPORTED, input, samples + " samples per pixel; only single-band rasters are read");
        }
        int bits = (int) dir.optional(TiffDirectory.BITS_PER_SAMPLE, 1);
        int format = (int) dir.optional(TiffDirectory.SAMPLE_FORMAT, 1);
        CellType type = cellType(bits, format, input);
        int compression = (int) dir.optional(TiffDirectory.COMPRESSION, 1);
        if (compression != 1 && compression != 5 && compression != 8 && compression != 32946) {
            throw new RasterException(
                    Reason.UNSUPPORTED,
                    input,
                    "TIFF compression " + compression + " is not supported (only none, LZW and Deflate)");
        }
        int predictor = (int) dir.optional(TiffDirectory.PREDICTOR, 1);
        if (predictor < 1 || predictor > 3 || (predictor == 3 && type != CellType.FLOAT32)) {
            throw new RasterException(
                    Reason.UNSUPPORTED, input, "predictor " + predictor + " is not supported for " + type);
        }
        boolean tiled = dir.has(TiffDirectory.TILE_WIDTH);
        int bw = tiled ? positive(dir.required(TiffDirectory.TILE_WIDTH, "TileWidth"), "TileWidth", input) : width;
        int bh = tiled
                ? positive(dir.required(TiffDirectory.TILE_LENGTH, "TileLength"), "TileLength", input)
                : (int) Math.min(height, dir.optional(TiffDirectory.ROWS_PER_STRIP, height));
        int across = tiled ? (width + bw - 1) / bw : 1;
        int down = (height + bh - 1) / bh;
        long[] offsets = dir.integers(tiled ? TiffDirectory.TILE_OFFSETS : TiffDirectory.STRIP_OFFSETS);
        long[] counts = dir.integers(tiled ? TiffDirectory.TILE_BYTE_COUNTS : TiffDirectory.STRIP_BYTE_COUNTS);
        long blocks = (long) across * down;
        if (offsets == null || counts == null || offsets.length < blocks || counts.length < blocks) {
            throw new RasterException(
                    Reason.MALFORMED,
                    input,
                    "expected " + blocks + " block offsets and byte counts, found "
                            + (offsets == null ? 0 : offsets.length) + " and " + (counts == null ? 0 : counts.length));
        }
        for (int i = 0; i < blocks; i++) {
            if (offsets[i] + counts[i] > dir.fileSize) {
                throw new RasterException(
                        Reason.MALFORMED,
                        input,
                        "truncated TIFF: block " + i + " ends at byte " + (offsets[i] + counts[i])
                                + " but the file has " + dir.fileSize);
            }
        }
        return new TiffLayout(
                width,
                height,
                type,
                tiled,
                bw,
                bh,
                across,
                compression,
                predictor,
                offsets,
                counts,
                dir.order,
                dir.fileSize);
    }

    private static CellType cellType(int bits, int format, String input) {
        CellType type = null;
        for (CellType t : CellType.values()) {
            if (t.bits() == bits && t.tiffSampleFormat() == format) {
                type = t;
            }
        }
        if (type == null) {
            String kind =
                    switch (format) {
                        case 1 -> "unsigned integer";
                        case 2 -> "signed integer";
                        case 3 -> "floating point";
                        default -> "sample format " + format;
                    };
            throw new RasterException(
                    Reason.UNSUPPORTED,
                    input,
                    "unsupported sample format: " + bits + "-bit " + kind + " (supported: UInt8, Int16, Float32)");
        }
        return type;
    }

    private static int positive(long value, String tag, String input) {
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw new RasterException(Reason.MALFORMED, input, tag + " must be positive, was " + value);
        }
        return (int) value;
    }
}
