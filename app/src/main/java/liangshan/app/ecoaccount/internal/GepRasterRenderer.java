package liangshan.app.ecoaccount.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import liangshan.raster.BandSource;
import liangshan.raster.GridGeometry;
import liangshan.raster.geotiff.GeoTiff;
import liangshan.raster.geotiff.GeoTiffBand;

/**
 * Renders a per-cell GEP map ({@code maps/<indicator>.tif}) as a PNG for a web map.
 *
 * <ul>
 *   <li><b>Size.</b> At most {@link #MAX_SIDE} pixels on the long side, aspect kept; smaller grids
 *       keep one pixel per cell. Output pixel (x, y) covers the source cells c with {@code ⌊c·w /
 *       W⌋ = x} and rows r with {@code ⌊r·h / H⌋ = y}, and shows the <b>mean of the valid cells</b>
 *       among them; it is transparent only when all of them are no-data.
 *   <li><b>Memory.</b> The file is read a strip of rows at a time (about 1 M cells) and
 *       accumulated into one output row; the whole output (≤ 2048² floats, 16 MB) is kept for the
 *       legend's percentiles.
 *   <li><b>Colours.</b> ColorBrewer's sequential YlGn (9 classes; colour-blind safe and readable
 *       in grey), interpolated linearly between {@code min} and {@code max}; values at or below
 *       {@code min} (zero and negatives included) take the lightest colour, at or above {@code max}
 *       the darkest. No-data (NaN or the declared no-data value) is fully transparent.
 *   <li><b>Legend range.</b> {@code min}/{@code max} are the 2nd and 98th percentiles (nearest
 *       rank) of the positive output pixel values, so a few extreme cells do not wash out the
 *       ramp; both are 0 when no pixel is positive.
 * </ul>
 */
final class GepRasterRenderer {

    /** Longest side of a rendered map, pixels. */
    static final int MAX_SIDE = 2048;

    private static final int CELLS_PER_READ = 1 << 20;

    /** ColorBrewer YlGn, 9 classes, light to dark (0xRRGGBB). */
    private static final int[] RAMP = {
        0xffffe5, 0xf7fcb9, 0xd9f0a3, 0xaddd8e, 0x78c679, 0x41ab5d, 0x238443, 0x006837, 0x004529
    };

    /** Size and legend range of a rendered map, in the units of the source values. */
    record Legend(int width, int height, double min, double max) {}

    /** A rendered map. */
    record Rendered(byte[] png, Legend legend) {}

    private GepRasterRenderer() {}

    static Rendered render(Path tif) {
        float[][] pixels = new float[1][];
        Legend legend = legend(tif, pixels);
        return new Rendered(png(pixels[0], legend), legend);
    }

    /**
     * Renders {@code tif} with a legend computed earlier by {@link #legend(Path)} (the same file:
     * the same downsampled pixels, so the same colours as {@link #render}).
     */
    static byte[] render(Path tif, Legend legend) {
        float[][] pixels = new float[1][];
        Legend now = legend(tif, pixels);
        if (now.width() != legend.width() || now.height() != legend.height()) {
            throw new IllegalStateException(tif + " changed size since its legend was computed");
        }
        return png(pixels[0], legend);
    }

    /** The size and legend range of {@code tif}'s rendering, without encoding an image. */
    static Legend legend(Path tif) {
        return legend(tif, new float[1][]);
    }

    private static Legend legend(Path tif, float[][] pixelsOut) {
        try (GeoTiffBand band = GeoTiff.open(tif, "map")) {
            GridGeometry grid = band.grid();
            int[] size = outputSize(grid.width(), grid.height(), MAX_SIDE);
            float[] pixels = downsample(band, size[0], size[1]);
            double[] range = legendRange(pixels);
            pixelsOut[0] = pixels;
            return new Legend(size[0], size[1], range[0], range[1]);
        }
    }

    /** {width, height} of the output: the grid's shape scaled so the long side is ≤ {@code maxSide}. */
    static int[] outputSize(int width, int height, int maxSide) {
        int longSide = Math.max(width, height);
        if (longSide <= maxSide) {
            return new int[] {width, height};
        }
        int w = (int) Math.max(1, Math.round((double) width * maxSide / longSide));
        int h = (int) Math.max(1, Math.round((double) height * maxSide / longSide));
        return new int[] {Math.min(w, maxSide), Math.min(h, maxSide)};
    }

    /** Block means of the valid cells, row-major {@code outH × outW}; NaN where a block has none. */
    static float[] downsample(BandSource band, int outW, int outH) {
        int width = band.grid().width();
        int height = band.grid().height();
        int rowsPerRead = Math.max(1, Math.min(height, CELLS_PER_READ / width));
        float[] buffer = new float[rowsPerRead * width];
        int[] column = new int[width];
        for (int c = 0; c < width; c++) {
            column[c] = (int) ((long) c * outW / width);
        }
        float[] out = new float[outW * outH];
        double[] sum = new double[outW];
        int[] count = new int[outW];
        int outRow = 0;
        for (int first = 0; first < height; first += rowsPerRead) {
            int n = Math.min(rowsPerRead, height - first);
            band.readRows(first, n, buffer);
            for (int i = 0; i < n; i++) {
                int y = (int) ((long) (first + i) * outH / height);
                if (y != outRow) {
                    flush(out, outRow, sum, count);
                    outRow = y;
                }
                int base = i * width;
                for (int c = 0; c < width; c++) {
                    float v = buffer[base + c];
                    if (!band.isNoData(v) && Float.isFinite(v)) {
                        sum[column[c]] += v;
                        count[column[c]]++;
                    }
                }
            }
        }
        flush(out, outRow, sum, count);
        return out;
    }

    private static void flush(float[] out, int row, double[] sum, int[] count) {
        int base = row * sum.length;
        for (int x = 0; x < sum.length; x++) {
            out[base + x] = count[x] > 0 ? (float) (sum[x] / count[x]) : Float.NaN;
        }
        Arrays.fill(sum, 0);
        Arrays.fill(count, 0);
    }

    /** {P2, P98} of the positive finite values by nearest rank; {0, 0} when there are none. */
    static double[] legendRange(float[] pixels) {
        float[] positive = new float[pixels.length];
        int n = 0;
        for (float v : pixels) {
            if (v > 0 && Float.isFinite(v)) {
                positive[n++] = v;
            }
        }
        if (n == 0) {
            return new double[] {0, 0};
        }
        Arrays.sort(positive, 0, n);
        return new double[] {positive[rank(2, n) - 1], positive[rank(98, n) - 1]};
    }

    private static int rank(int percentile, int n) {
        return (int) Math.max(1, (percentile * (long) n + 99) / 100);
    }

    /** The ARGB colour of {@code value}; 0 (transparent) for NaN. */
    static int colour(float value, double min, double max) {
        if (Float.isNaN(value)) {
            return 0;
        }
        double t;
        if (max > min) {
            t = Math.max(0, Math.min(1, (value - min) / (max - min)));
        } else {
            t = value > 0 && value >= max ? 1 : 0;
        }
        double pos = t * (RAMP.length - 1);
        int i = Math.min((int) pos, RAMP.length - 2);
        double f = pos - i;
        int a = RAMP[i];
        int b = RAMP[i + 1];
        int r = mix(a >> 16 & 0xff, b >> 16 & 0xff, f);
        int g = mix(a >> 8 & 0xff, b >> 8 & 0xff, f);
        int bl = mix(a & 0xff, b & 0xff, f);
        return 0xff000000 | r << 16 | g << 8 | bl;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    private static byte[] png(float[] pixels, Legend legend) {
        BufferedImage image = new BufferedImage(legend.width(), legend.height(), BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[legend.width()];
        for (int y = 0; y < legend.height(); y++) {
            for (int x = 0; x < legend.width(); x++) {
                row[x] = colour(pixels[y * legend.width() + x], legend.min(), legend.max());
            }
            image.setRGB(0, y, legend.width(), 1, row, 0, legend.width());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG", e);
        }
        return bytes.toByteArray();
    }
}
