/**
 * The GEP run pipeline: a pure-Java orchestrator ({@link liangshan.gep.run.GepRun}) that turns
 * an inputs directory and a zone file into {@code zones.csv}, per-cell maps, {@code
 * provenance.json} and {@code report.html}, using the kernels of this module and the raster
 * engine. No Spring: the app wraps it in CLI commands and background jobs.
 *
 * <h2>Inputs directory</h2>
 *
 * Rasters (single-band GeoTIFF, all on one grid in a projected CRS in metres, default EPSG:4549;
 * square cells for the LS factor):
 *
 * <table>
 *   <caption>Raster inputs</caption>
 *   <tr><th>file</th><th>spec input</th><th>unit</th><th>no-data declaration</th></tr>
 *   <tr><td>landcover.tif</td><td>land_cover</td><td>class code of the parameter set (UInt8 or
 *       Int16), 0 = no-data</td><td>required</td></tr>
 *   <tr><td>dem.tif</td><td>(LS factor)</td><td>m</td><td>required</td></tr>
 *   <tr><td>precip.tif</td><td>precipitation</td><td>mm·a⁻¹</td><td>required</td></tr>
 *   <tr><td>et.tif</td><td>evapotranspiration</td><td>mm·a⁻¹</td><td>required</td></tr>
 *   <tr><td>r_factor.tif</td><td>rainfall_erosivity</td><td>MJ·mm·hm⁻²·h⁻¹·a⁻¹</td><td>required</td></tr>
 *   <tr><td>k_factor.tif</td><td>soil_erodibility</td><td>t·hm²·h·hm⁻²·MJ⁻¹·mm⁻¹</td><td>required</td></tr>
 *   <tr><td>npp.tif</td><td>npp</td><td>g C·m⁻²·a⁻¹</td><td>required</td></tr>
 * </table>
 *
 * Every raster input of LS-2026.1 accepts no-data cells ({@code InputSpec.noDataAllowed}), so
 * every file must declare its no-data value (GDAL_NODATA tag) — otherwise a fill value such as
 * −9999 would be read as data. NaN is always no-data. The county of a cell (for the emission caps
 * of §R4, §R5) is the first six digits of the code of the zone containing its centre; cells in no
 * zone have no county.
 *
 * <p>Tables in {@code tables/}, UTF-8 CSV, comma-separated, a header row naming the columns (any
 * order; extra columns are an error), fields may be double-quoted ({@code ""} inside quotes is a
 * quote), empty lines are skipped, numbers are plain decimals ({@code .} as decimal point):
 *
 * <ul>
 *   <li>{@code statistics.csv} (required; provisioning and cultural indicators, §P and §C):
 *       {@code level,zone_code,indicator,item,quantity,unit,unit_price_yuan,output_value_yuan}.
 *       {@code level} is {@code village} (12-digit zone code) or {@code county} (6-digit code);
 *       {@code indicator} is a provisioning or cultural indicator id ({@code agriculture},
 *       {@code forestry}, {@code livestock}, {@code fishery}, {@code water_supply}, {@code
 *       hydropower}, {@code recreation}, {@code landscape_value}); either {@code quantity} +
 *       {@code unit} + {@code unit_price_yuan} or {@code output_value_yuan} is given, the other
 *       fields empty.
 *   <li>{@code visitors.csv} (optional): {@code zone_code,person_trips} — visitor counts per
 *       village, used to allocate county recreation rows (METHOD-CHOICES C10).
 *   <li>{@code emissions.csv} (required; §R4, §R5): {@code county_code,pollutant,tonnes}, with
 *       {@code pollutant} one of {@code cod, nh3n, tn, tp, so2, nox, dust} and tonnes per year.
 *   <li>{@code reservoirs.csv} (optional; §R3): {@code name,lon,lat,capacity_m3} — dam point in
 *       lon/lat (EPSG:4490, WGS84 treated as CGCS2000) and total capacity in m³.
 *   <li>{@code lakes.csv} (optional; §R3): {@code name,lon,lat,area_km2} — reference point and
 *       water area.
 * </ul>
 *
 * <h2>Zones</h2>
 *
 * A GeoJSON FeatureCollection of Polygon/MultiPolygon features with a 12-digit property {@code
 * code}, in lon/lat (EPSG:4326 or 4490, the default) — projected to the grid's CRS with proj4j —
 * or already in the grid's CRS when the file's {@code crs} member names it (e.g. {@code
 * "urn:ogc:def:crs:EPSG::4549"}). A cell belongs to the zone containing its centre ({@link
 * liangshan.raster.zonal.ZoneIndex}); cells in no zone are reported in {@code outside} rows.
 *
 * <h2>Outputs</h2>
 *
 * {@code zones.csv} (header {@code zone_code,indicator,quantity,unit,value_yuan}; one row per
 * zone and indicator in spec order, zones sorted by code, then the {@code outside} rows of the
 * raster indicators; quantity = sum of the indicator's physical outputs when they share one unit,
 * 3 decimals, else empty; value in 元, 2 decimals), {@code maps/<indicator>.tif}, {@code
 * provenance.json}, {@code report.html}. Everything is written to a temporary directory next to
 * the output directory and moved into place at the end, so a failed or cancelled run leaves no
 * output directory. {@code report.pdf} (the same report, shorter, with every village) needs a CJK
 * font to embed (Debian {@code fonts-wqy-microhei}, or system property {@code liangshan.cjk-font});
 * without one the run is rejected before computing.
 *
 * <h2>Choices of the pipeline</h2>
 *
 * Recorded with the method's other engine choices in {@code gep/METHOD-CHOICES.md}: C19 (what a
 * map cell holds), C20 (county of a cell for the emission caps, caps over the run's cells), C21
 * (reservoirs and lakes outside every zone), C22 (no outside row for table indicators), C23
 * (progress stages and cancellation points).
 */
package liangshan.gep.run;
