/**
 * Windows of cells (primitive per-cell arrays plus cell area) that the raster engine hands to the kernels, per-cell results and quality counts.
 */
package liangshan.gep.cell;
