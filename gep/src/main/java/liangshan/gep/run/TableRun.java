package liangshan.gep.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import liangshan.gep.Indicators;
import liangshan.gep.cell.InputProblem;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.IndicatorSpecs;
import liangshan.gep.spec.ServiceClass;
import liangshan.raster.GridGeometry;

/** Provisioning and cultural indicators from the statistics tables (§P, §C), per village. */
final class TableRun {

    private TableRun() {}

    static List<GepRun.ZoneLineSet> lines(
            ParameterSet params,
            ZonesFile zones,
            LandCoverScan scan,
            GridGeometry grid,
            Tables tables,
            List<InputProblem> problems) {
        Map<String, String> countyOfVillage = new TreeMap<>();
        Map<String, Map<Integer, Double>> areas = new TreeMap<>();
        double hectaresPerCell = grid.cellAreaSquareMetres() / 1e4;
        for (int z = 0; z < zones.zones().size(); z++) {
            String code = zones.zones().get(z).code();
            countyOfVillage.put(code, code.substring(0, 6));
            Map<Integer, Double> byClass = new LinkedHashMap<>();
            for (int c = 0; c <= LandCoverScan.MAX_CODE; c++) {
                long n = scan.cells(z, c);
                if (n > 0) {
                    byClass.put(c, n * hectaresPerCell);
                }
            }
            areas.put(code, byClass);
        }
        List<GepRun.ZoneLineSet> out = new ArrayList<>();
        for (IndicatorSpec spec : IndicatorSpecs.all()) {
            if (spec.serviceClass() == ServiceClass.REGULATING) {
                continue;
            }
            try {
                out.add(new GepRun.ZoneLineSet(
                        spec.id(),
                        Indicators.table(spec.id())
                                .compute(tables.statistics(), countyOfVillage, areas, tables.visitors(), params)));
            } catch (InvalidInputException e) {
                e.problems()
                        .forEach(p -> problems.add(new InputProblem(
                                p.code(),
                                Tables.STATISTICS,
                                Tables.STATISTICS + "：" + p.messageZh(),
                                Tables.STATISTICS + ": " + p.messageEn())));
            }
        }
        return out;
    }
}
