/**
 * Administrative divisions of Quzhou (city 3308, its counties, towns and village-level units, 2023
 * statistical codes) and their boundaries: real county boundaries, illustrative (示意) generated town
 * and village boundaries until real ones are imported. {@link liangshan.app.divisions.Divisions} is the
 * API other modules use (look-up, parent chain, containment, polygons in EPSG:4549 and lon/lat).
 */
package liangshan.app.divisions;
