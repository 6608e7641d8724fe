/**
 * A deterministic, illustrative (示意) landscape of Quzhou for demos, tests and benchmarks of the
 * GEP engine: no real rasters are available to the project, so {@link
 * liangshan.gep.synth.SyntheticLandscape} draws them inside the real county outlines, in the
 * layout {@code gep run} reads (see {@code liangshan.gep.run}).
 *
 * <p>Files (one EPSG:4549 grid, origin snapped to the cell size): {@code landcover.tif} (UInt8,
 * classes 1–14 of {@code quzhou-2025-v1}, 0 = no-data outside the city), {@code dem.tif} (m),
 * {@code precip.tif} (mm·a⁻¹, 1,600–2,100), {@code et.tif} (mm·a⁻¹), {@code r_factor.tif}
 * (MJ·mm·hm⁻²·h⁻¹·a⁻¹), {@code k_factor.tif} (t·hm²·h·hm⁻²·MJ⁻¹·mm⁻¹), {@code npp.tif}
 * (g C·m⁻²·a⁻¹) — Float32 with −9999 as no-data; {@code villages.geojson} (lon/lat, properties
 * {@code code}, {@code name}, {@code county_code}, {@code illustrative}); {@code tables/} with
 * {@code statistics.csv}, {@code visitors.csv}, {@code emissions.csv}, {@code reservoirs.csv};
 * {@code synth.json} (settings, grid, class shares, generator version).
 *
 * <p>Another accounting year of the same landscape: the same seed with a {@link
 * liangshan.gep.synth.SyntheticLandscape.Variation} (precipitation scaled, forest near the county
 * seats turned into built-up land); the terrain stays identical, the variation is recorded in
 * {@code synth.json}.
 */
package liangshan.gep.synth;
