package liangshan.app.ecoaccount.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.gep.project.ProjectImpactResult;

/**
 * The JSON shape of a project Δ (docs/api/gep.md, "Project-level GEP"): quantities as strings with 3
 * decimals, 元 as strings with 2 decimals, class keys as strings. Shared by the API and {@code gep
 * project}.
 */
record ProjectImpactJson(
        String footprintAreaHm2,
        int cells,
        int year,
        String params,
        String inputs,
        Map<String, Integer> classesBefore,
        Map<String, Integer> classesAfter,
        List<Indicator> indicators,
        String totalDeltaYuan,
        FlowPath flowPath,
        Provenance provenance) {

    record Indicator(
            String id,
            String nameZh,
            String nameEn,
            String unit,
            String quantityBefore,
            String quantityAfter,
            String deltaQuantity,
            String valueBeforeYuan,
            String valueAfterYuan,
            String deltaYuan) {}

    record FlowPath(
            int downstreamCells,
            boolean leavesWindow,
            int windowMarginCells,
            boolean wholeGrid,
            boolean lsConverged,
            String downstreamDeltaTonnes) {}

    record Provenance(
            String methodEdition,
            String paramsId,
            String paramsSha256,
            String engineVersion,
            Map<String, String> inputsSha256,
            String footprintSha256,
            String changeSha256,
            String change,
            String computedAt) {}

    static ProjectImpactJson of(ProjectImpactResult r, String inputsName) {
        ProjectImpactResult.FlowPath f = r.flowPath();
        ProjectImpactResult.Provenance p = r.provenance();
        return new ProjectImpactJson(
                plain(r.footprintAreaHm2()),
                r.cells(),
                r.year(),
                r.params(),
                inputsName,
                keys(r.classesBefore()),
                keys(r.classesAfter()),
                r.indicators().stream()
                        .map(i -> new Indicator(
                                i.id(),
                                i.nameZh(),
                                i.nameEn(),
                                i.unit(),
                                plain(i.quantityBefore()),
                                plain(i.quantityAfter()),
                                plain(i.deltaQuantity()),
                                plain(i.valueBeforeYuan()),
                                plain(i.valueAfterYuan()),
                                plain(i.deltaYuan())))
                        .toList(),
                plain(r.totalDeltaYuan()),
                new FlowPath(
                        f.downstreamCells(),
                        f.leavesWindow(),
                        f.windowMarginCells(),
                        f.wholeGrid(),
                        f.lsConverged(),
                        plain(f.downstreamDeltaTonnes())),
                new Provenance(
                        p.methodEdition(),
                        p.paramsId(),
                        p.paramsSha256(),
                        p.engineVersion(),
                        p.inputsSha256(),
                        p.footprintSha256(),
                        p.changeSha256(),
                        p.change(),
                        p.computedAt().toString()));
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    private static Map<String, Integer> keys(Map<Integer, Integer> m) {
        Map<String, Integer> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(Integer.toString(k), v));
        return out;
    }
}
