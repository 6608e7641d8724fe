/**
 * Terrain and hydrology for soil retention, exactly as pinned in gep-method.md: Horn slope and
 * aspect, priority-flood filling, D8 routing with a fixed tie order, flow accumulation and the LS
 * factor.
 */
package liangshan.raster.terrain;
