/**
 * The raster engine: grids ({@link liangshan.raster.GridGeometry}), bands with unit and no-data
 * ({@link liangshan.raster.Band}, {@link liangshan.raster.BandSource}) and one strip-wise pixel
 * loop that refuses misaligned inputs ({@link liangshan.raster.PixelLoop}). Pure Java: no Spring,
 * no JDBC. Conventions (axis order, pixel-is-area, centre-in zonal rule, memory bounds) are
 * recorded in docs/decisions/0004-raster-grid-and-zonal-rule.md.
 */
package liangshan.raster;
