package liangshan.raster.geotiff;

import java.nio.file.Path;
import liangshan.raster.Band;
import liangshan.raster.BandSource;

/** Entry points for reading and writing single-band GeoTIFFs. */
public final class GeoTiff {

    private GeoTiff() {}

    /**
     * Reads the whole file into memory (4 bytes per cell).
     *
     * @param unit the unit of the values (GeoTIFF does not record one)
     * @throws liangshan.raster.RasterException naming the file if it cannot be used
     */
    public static Band read(Path path, String unit) {
        try (GeoTiffBand band = GeoTiffBand.open(path, unit)) {
            return Band.copyOf(band);
        }
    }

    /**
     * Reads the whole file into memory (4 bytes per cell), decoding on {@code threads} threads
     * ({@link GeoTiffBand#readAll}); the same cells as {@link #read(Path, String)}.
     *
     * @throws liangshan.raster.RasterException naming the file if it cannot be used
     */
    public static Band read(Path path, String unit, int threads) {
        try (GeoTiffBand band = GeoTiffBand.open(path, unit)) {
            float[] values = new float[Math.toIntExact(band.grid().cellCount())];
            band.readAll(values, threads);
            return new Band(band.name(), band.unit(), band.grid(), band.cellType(), band.noData(), values);
        }
    }

    /** Opens the file for strip-by-strip reading; close it when done. */
    public static GeoTiffBand open(Path path, String unit) {
        return GeoTiffBand.open(path, unit);
    }

    /** Writes {@code band} as a tiled, Deflate-compressed GeoTIFF, streaming 256 rows at a time. */
    public static void write(Path path, BandSource band) {
        int width = band.grid().width();
        int height = band.grid().height();
        int rowsPerChunk = GeoTiffWriter.DEFAULT_TILE_SIZE;
        float[] chunk = new float[rowsPerChunk * width];
        try (GeoTiffWriter writer = GeoTiffWriter.create(path, band.grid(), band.cellType(), band.noData())) {
            for (int first = 0; first < height; first += rowsPerChunk) {
                int rows = Math.min(rowsPerChunk, height - first);
                band.readRows(first, rows, chunk);
                writer.writeRows(chunk, rows);
            }
        }
    }
}
