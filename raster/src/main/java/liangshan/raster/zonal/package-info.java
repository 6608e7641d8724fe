/**
 * Zones (village polygons) on a grid by the centre-in rule, and per-zone sums of bands in one
 * pass; cells outside every zone and overlapping zones are counted for the run's quality report.
 */
package liangshan.raster.zonal;
