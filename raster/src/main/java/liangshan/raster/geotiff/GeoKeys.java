package liangshan.raster.geotiff;

import java.util.Locale;
import java.util.OptionalDouble;
import liangshan.raster.CellType;
import liangshan.raster.Crs;
import liangshan.raster.GridGeometry;
import liangshan.raster.RasterException;
import liangshan.raster.RasterException.Reason;

/**
 * GeoTIFF 1.0 georeferencing: ModelPixelScale (33550), ModelTiepoint (33922),
 * ModelTransformation (34264), GeoKeyDirectory (34735) and GDAL's no-data tag (42113).
 */
final class GeoKeys {

    static final int GT_MODEL_TYPE = 1024;
    static final int GT_RASTER_TYPE = 1025;
    static final int GEOGRAPHIC_TYPE = 2048;
    static final int PROJECTED_CS_TYPE = 3072;
    static final int MODEL_PROJECTED = 1;
    static final int MODEL_GEOGRAPHIC = 2;
    static final int RASTER_PIXEL_IS_AREA = 1;
    static final int RASTER_PIXEL_IS_POINT = 2;
    static final int USER_DEFINED = 32767;

    private GeoKeys() {}

    static GridGeometry grid(TiffDirectory dir, String input, int width, int height) {
        long[] keys = dir.integers(TiffDirectory.GEO_KEY_DIRECTORY);
        if (keys == null || keys.length < 4) {
            throw new RasterException(
                    Reason.MISSING_GEOREFERENCING, input, "no GeoKeyDirectory (34735): the CRS is unknown");
        }
        int modelType = (int) key(keys, GT_MODEL_TYPE, 0);
        int rasterType = (int) key(keys, GT_RASTER_TYPE, RASTER_PIXEL_IS_AREA);
        long code = modelType == MODEL_GEOGRAPHIC ? key(keys, GEOGRAPHIC_TYPE, 0) : key(keys, PROJECTED_CS_TYPE, 0);
        if (code <= 0 || code == USER_DEFINED) {
            throw new RasterException(
                    Reason.MISSING_GEOREFERENCING,
                    input,
                    "GeoKeys do not name an EPSG code (model type " + modelType + ", code " + code + ")");
        }
        double[] gt = geoTransform(dir, input);
        if (rasterType == RASTER_PIXEL_IS_POINT) {
            // The tiepoint refers to the centre of the first pixel: move to its corner (as GDAL does).
            gt[0] -= 0.5 * gt[1];
            gt[3] -= 0.5 * gt[5];
        }
        return GridGeometry.fromGeoTransform(input, Crs.epsg((int) code), gt, width, height);
    }

    private static double[] geoTransform(TiffDirectory dir, String input) {
        double[] transform = dir.reals(TiffDirectory.MODEL_TRANSFORMATION);
        if (transform != null && transform.length >= 16) {
            return new double[] {transform[3], transform[0], transform[1], transform[7], transform[4], transform[5]};
        }
        double[] scale = dir.reals(TiffDirectory.MODEL_PIXEL_SCALE);
        double[] tie = dir.reals(TiffDirectory.MODEL_TIEPOINT);
        if (scale == null || scale.length < 2 || tie == null || tie.length < 6) {
            throw new RasterException(
                    Reason.MISSING_GEOREFERENCING,
                    input,
                    "no ModelPixelScale (33550) and ModelTiepoint (33922): the grid is not georeferenced");
        }
        double originX = tie[3] - tie[0] * scale[0];
        double originY = tie[4] + tie[1] * scale[1];
        return new double[] {originX, scale[0], 0, originY, 0, -scale[1]};
    }

    private static long key(long[] keys, int id, long fallback) {
        int count = (int) keys[3];
        for (int i = 0; i < count && 4 + 4 * i + 3 < keys.length; i++) {
            int at = 4 + 4 * i;
            // Location 0 means the value is stored in the directory itself (all keys we read are).
            if (keys[at] == id && keys[at + 1] == 0) {
                return keys[at + 3];
            }
        }
        return fallback;
    }

    static OptionalDouble noData(TiffDirectory dir, String input, CellType type) {
        String text = dir.text(TiffDirectory.GDAL_NODATA);
        if (text == null || text.isBlank()) {
            return OptionalDouble.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        double value;
        if (t.equals("nan") || t.equals("-nan")) {
            value = Double.NaN;
        } else if (t.equals("inf") || t.equals("-inf")) {
            value = t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        } else {
            try {
                value = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new RasterException(Reason.MALFORMED, input, "GDAL_NODATA \"" + text + "\" is not a number", e);
            }
        }
        if (!type.canHold(value)) {
            throw new RasterException(
                    Reason.INVALID_INPUT, input, "no-data value " + text + " cannot occur in a " + type + " band");
        }
        return OptionalDouble.of(value);
    }

    /** The GeoKeyDirectory for {@code crs}, pixel-is-area. */
    static int[] directoryFor(String crs) {
        int code = Crs.epsgCode(crs);
        boolean geographic = Crs.isGeographic(crs);
        return new int[] {
            1,
            1,
            0,
            3,
            GT_MODEL_TYPE,
            0,
            1,
            geographic ? MODEL_GEOGRAPHIC : MODEL_PROJECTED,
            GT_RASTER_TYPE,
            0,
            1,
            RASTER_PIXEL_IS_AREA,
            geographic ? GEOGRAPHIC_TYPE : PROJECTED_CS_TYPE,
            0,
            1,
            code
        };
    }
}
