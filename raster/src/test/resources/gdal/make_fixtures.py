# Regenerates the GDAL-written GeoTIFF fixtures of the raster module's tests.
# Run with Debian's python3-gdal: /usr/bin/python3 make_fixtures.py  (from this directory)
# The values follow closed formulas that GdalFixtureTest recomputes.
import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()


def srs(code):
    s = osr.SpatialReference()
    s.ImportFromEPSG(code)
    return s.ExportToWkt()


def write(name, array, gdal_type, epsg, geotransform, nodata, options):
    rows, cols = array.shape
    ds = gdal.GetDriverByName("GTiff").Create(name, cols, rows, 1, gdal_type, options=options)
    ds.SetGeoTransform(geotransform)
    ds.SetProjection(srs(epsg))
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(array)
    ds.FlushCache()
    ds = None


r, c = np.mgrid[0:30, 0:40]
f32 = (r * 100 + c + 0.25).astype(np.float32)
f32[(r + c) % 11 == 0] = -9999
write("float32_tiled_deflate_pred3.tif", f32, gdal.GDT_Float32, 4549,
      (500000.0, 10.0, 0.0, 3200000.0, 0.0, -10.0), -9999,
      ["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16", "COMPRESS=DEFLATE", "PREDICTOR=3"])

write("float32_bigendian_stripped_deflate_pred3.tif", f32, gdal.GDT_Float32, 4549,
      (500000.0, 10.0, 0.0, 3200000.0, 0.0, -10.0), -9999,
      ["ENDIANNESS=BIG", "BLOCKYSIZE=7", "COMPRESS=DEFLATE", "PREDICTOR=3"])

r, c = np.mgrid[0:23, 0:37]
i16 = ((r * 37 + c) * 13 - 5000).astype(np.int16)
i16[(r * 3 + c) % 17 == 0] = -32768
write("int16_stripped_lzw_pred2.tif", i16, gdal.GDT_Int16, 4549,
      (480000.0, 30.0, 0.0, 3250000.0, 0.0, -30.0), -32768,
      ["BLOCKYSIZE=5", "COMPRESS=LZW", "PREDICTOR=2"])

r, c = np.mgrid[0:20, 0:25]
u8 = ((r * 7 + c * 3) % 256).astype(np.uint8)
write("uint8_uncompressed.tif", u8, gdal.GDT_Byte, 4490,
      (118.5, 0.001, 0.0, 29.5, 0.0, -0.001), None,
      ["COMPRESS=NONE"])

# Inputs the reader must refuse, each with a clear message naming the file.
small = np.arange(12, dtype=np.float64).reshape(3, 4)
write("float64_unsupported.tif", small, gdal.GDT_Float64, 4549,
      (500000.0, 10.0, 0.0, 3200000.0, 0.0, -10.0), None, [])
write("rotated.tif", small.astype(np.float32), gdal.GDT_Float32, 4549,
      (500000.0, 10.0, 2.0, 3200000.0, 2.0, -10.0), None, [])
ds = gdal.GetDriverByName("GTiff").Create("no_georef.tif", 4, 3, 1, gdal.GDT_Float32)
ds.GetRasterBand(1).WriteArray(small.astype(np.float32))
ds = None

# Sparse tiled file: only the first of four 16 x 16 tiles is written, the others are omitted
# (offset and byte count 0) and must read as no-data.
ds = gdal.GetDriverByName("GTiff").Create("float32_sparse_tiles.tif", 32, 32, 1, gdal.GDT_Float32,
                                          options=["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16",
                                                   "SPARSE_OK=TRUE", "COMPRESS=DEFLATE"])
ds.SetGeoTransform((500000.0, 10.0, 0.0, 3200000.0, 0.0, -10.0))
ds.SetProjection(srs(4549))
ds.GetRasterBand(1).SetNoDataValue(-1)
ds.GetRasterBand(1).WriteArray(np.full((16, 16), 7, dtype=np.float32), 0, 0)
ds = None
