package liangshan.app.ecoaccount;

import liangshan.gep.project.LandCoverChange;
import liangshan.gep.project.ProjectImpactResult;

/**
 * Project-level GEP for other modules (e.g. credits: obligations of development projects and
 * ex-ante estimates of restoration projects): the same calculation as {@code POST
 * /api/v1/gep/project-impact}, with the same defaults and the same rejections (an {@code ApiException}
 * with code {@code gep.project.rejected} or {@code gep.inputs.none-for-year}). Read-only; the caller
 * checks scope and audits what it does with the answer.
 */
public interface ProjectGep {

    /**
     * Δ of the regulating indicators for a land-cover change inside a footprint.
     *
     * @param footprintGeoJson a GeoJSON geometry or feature in EPSG:4490 (lon/lat)
     * @param year accounting year, or null for the input set's year (else last calendar year)
     * @param inputs input set name, or null for the set of {@code year}
     * @param params parameter set id, or null for the first shipped one
     */
    ProjectImpactResult compute(
            String footprintGeoJson, LandCoverChange change, Integer year, String inputs, String params);
}
