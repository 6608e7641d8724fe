package liangshan.gep.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Δ of a project (field names as in docs/api/gep.md, "Project-level GEP"). Negative Δ = loss.
 * Quantities are over the footprint cells, in the indicator's unit, rounded half-even to 3
 * decimals, {@code null} when the indicator's outputs do not share one unit (as in {@code
 * zones.csv}); Δ quantity = after − before of the rounded figures; values in 元 (scale 2), each
 * valuation line rounded to the fen as in a run, Δ value = after − before.
 *
 * @param footprintAreaHm2 planar area of the footprint polygon in the grid's CRS, hm²
 * @param cells footprint cells (centre-in rule)
 * @param year accounting year
 * @param params parameter-set id
 * @param inputs inputs directory name
 * @param classesBefore footprint cells per class before (no-data cells under key 0)
 * @param classesAfter footprint cells per class after
 * @param indicators the eight regulating indicators in method order (§R1–§R8)
 * @param totalDeltaYuan Σ Δ value, 元
 * @param flowPath soil retention beyond the footprint (C26)
 * @param provenance what was used
 */
public record ProjectImpactResult(
        BigDecimal footprintAreaHm2,
        int cells,
        int year,
        String params,
        String inputs,
        Map<Integer, Integer> classesBefore,
        Map<Integer, Integer> classesAfter,
        List<IndicatorDelta> indicators,
        BigDecimal totalDeltaYuan,
        FlowPath flowPath,
        Provenance provenance) {

    /**
     * One regulating indicator.
     *
     * @param unit unit symbol of the quantities, {@code null} when they have none in common
     */
    public record IndicatorDelta(
            String id,
            String nameZh,
            String nameEn,
            String unit,
            BigDecimal quantityBefore,
            BigDecimal quantityAfter,
            BigDecimal deltaQuantity,
            BigDecimal valueBeforeYuan,
            BigDecimal valueAfterYuan,
            BigDecimal deltaYuan) {}

    /**
     * The downstream D8 flow path of the footprint, for soil retention (METHOD-CHOICES C26).
     *
     * @param downstreamCells cells reached from the footprint by D8 inside the terrain window
     * @param leavesWindow some path reaches the window's edge where the grid continues
     * @param windowMarginCells margin of the terrain window around the footprint's bounding box
     * @param wholeGrid the terrain window is the whole grid
     * @param lsConverged the footprint's LS was the same for the last two window margins (or the
     *     window is the grid); false only when the margin limit was reached (METHOD-CHOICES C26)
     * @param downstreamDeltaTonnes Δ soil retention of the downstream cells, t (0 under LS-2026.1,
     *     where a cell's retention depends on its own class and the DEM only)
     */
    public record FlowPath(
            int downstreamCells,
            boolean leavesWindow,
            int windowMarginCells,
            boolean wholeGrid,
            boolean lsConverged,
            BigDecimal downstreamDeltaTonnes) {}

    /**
     * @param methodEdition e.g. {@code LS-2026.1}
     * @param paramsId parameter-set id
     * @param paramsSha256 hash of the parameter set (METHOD-CHOICES C18)
     * @param engineVersion version of the gep engine
     * @param inputsSha256 SHA-256 of every file read, by file name relative to the inputs directory
     *     (the zones file and a replacement land cover by their file name)
     * @param footprintSha256 SHA-256 of the footprint GeoJSON as given
     * @param changeSha256 SHA-256 of the change's canonical JSON
     * @param change the change's canonical JSON
     * @param computedAt when
     */
    public record Provenance(
            String methodEdition,
            String paramsId,
            String paramsSha256,
            String engineVersion,
            Map<String, String> inputsSha256,
            String footprintSha256,
            String changeSha256,
            String change,
            Instant computedAt) {}
}
