/**
 * Single-band GeoTIFF input and output: lazy strip/tile reading of UInt8, Int16 and Float32
 * (none/LZW/Deflate, predictors 1–3) and a streaming tiled Deflate writer that GDAL reads back
 * with the same grid, EPSG code and no-data.
 */
package liangshan.raster.geotiff;
