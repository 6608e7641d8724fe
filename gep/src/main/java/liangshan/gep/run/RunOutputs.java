package liangshan.gep.run;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import liangshan.gep.Indicators;
import liangshan.gep.cell.QualityReport;
import liangshan.gep.cell.ValuedIndicator;
import liangshan.gep.provenance.RunProvenance;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.IndicatorSpecs;
import liangshan.gep.spec.OutputSpec;
import liangshan.gep.spec.ServiceClass;
import liangshan.gep.tables.ZoneLine;
import liangshan.gep.valuation.Valuation;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Builds the rows of {@code zones.csv} and writes the run's files (except the maps). */
final class RunOutputs {

    /** Decimals of the physical quantities in {@code zones.csv}. */
    static final int QUANTITY_SCALE = 3;

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final GepRun.Request request;
    private final GepRun.Validated v;
    private final ZoneTotals totals;
    private final Map<String, QualityReport> quality;
    private final Map<String, Long> noDataByFile;
    private List<ZoneRow> rows;
    private final Clock clock;

    private final Map<Path, String> digests;

    RunOutputs(
            GepRun.Request request,
            GepRun.Validated v,
            ZoneTotals totals,
            Map<String, QualityReport> quality,
            Map<String, Long> noDataByFile,
            Map<Path, String> digests,
            Clock clock) {
        this.digests = digests;
        this.request = request;
        this.v = v;
        this.totals = totals;
        this.quality = quality;
        this.noDataByFile = noDataByFile;
        this.clock = clock;
    }

    /** Zones sorted by code, indicators in spec order, then the outside rows of raster indicators. */
    /** The rows of {@code zones.csv}, computed once. */
    List<ZoneRow> rows() {
        if (rows == null) {
            rows = List.copyOf(computeRows());
        }
        return rows;
    }

    private List<ZoneRow> computeRows() {
        List<ZoneRow> rows = new ArrayList<>();
        List<ZonesFile.Zone> zones = v.zones().zones();
        List<Integer> order = new ArrayList<>();
        for (int z = 0; z < zones.size(); z++) {
            order.add(z);
        }
        order.sort(Comparator.comparing(z -> zones.get(z).code()));
        // Lines by indicator, then by zone (in their order), grouped once instead of filtered per zone.
        Map<String, Map<String, List<ZoneLine>>> linesByIndicator = new LinkedHashMap<>();
        v.tableLines().forEach(s -> {
            Map<String, List<ZoneLine>> byZone = new java.util.HashMap<>();
            s.lines().forEach(l -> byZone.computeIfAbsent(l.zoneId(), k -> new ArrayList<>())
                    .add(l));
            linesByIndicator.put(s.indicatorId(), byZone);
        });
        for (int z : order) {
            String code = zones.get(z).code();
            for (IndicatorSpec spec : IndicatorSpecs.all()) {
                rows.add(
                        spec.serviceClass() == ServiceClass.REGULATING
                                ? regulating(spec, code, z + 1)
                                : table(
                                        spec,
                                        code,
                                        linesByIndicator
                                                .getOrDefault(spec.id(), Map.of())
                                                .getOrDefault(code, List.of())));
            }
        }
        for (IndicatorSpec spec : IndicatorSpecs.all()) {
            if (spec.serviceClass() == ServiceClass.REGULATING) {
                rows.add(regulating(spec, "outside", 0));
            }
        }
        return rows;
    }

    private ZoneRow regulating(IndicatorSpec spec, String code, int slot) {
        Map<String, Double> q = new LinkedHashMap<>();
        double sum = 0;
        for (OutputSpec o : spec.outputs(OutputSpec.Kind.QUANTITY)) {
            double x = totals.get(o.name(), slot);
            q.put(o.name(), x);
            sum += x;
        }
        Valuation val = ((ValuedIndicator) Indicators.implementationOf(spec)).value(q, v.params());
        Set<String> units = spec.outputs(OutputSpec.Kind.QUANTITY).stream()
                .map(o -> o.unit().symbol())
                .collect(Collectors.toSet());
        boolean one = units.size() == 1;
        return new ZoneRow(
                code,
                spec.id(),
                one ? BigDecimal.valueOf(sum).setScale(QUANTITY_SCALE, RoundingMode.HALF_EVEN) : null,
                one ? units.iterator().next() : "",
                val.totalYuan().setScale(2, RoundingMode.HALF_EVEN));
    }

    /** The row of a table indicator from the lines of zone {@code code} ({@code mine}, in order). */
    private static ZoneRow table(IndicatorSpec spec, String code, List<ZoneLine> mine) {
        BigDecimal value = BigDecimal.ZERO.setScale(2);
        BigDecimal quantity = BigDecimal.ZERO;
        Set<String> units = new java.util.HashSet<>();
        boolean quantified = !mine.isEmpty();
        for (ZoneLine l : mine) {
            value = value.add(l.valueYuan());
            if (l.quantity() == null || l.unit() == null) {
                quantified = false;
            } else {
                quantity = quantity.add(l.quantity());
                units.add(l.unit());
            }
        }
        quantified &= units.size() == 1;
        return new ZoneRow(
                code,
                spec.id(),
                quantified ? quantity.setScale(QUANTITY_SCALE, RoundingMode.HALF_EVEN) : null,
                quantified ? units.iterator().next() : "",
                value);
    }

    /** Writes zones.csv, provenance.json and report.html into {@code dir}. */
    void write(Path dir, RunProvenance.Builder provenance) throws IOException {
        List<ZoneRow> rows = rows();
        StringBuilder csv = new StringBuilder("zone_code,indicator,quantity,unit,value_yuan\n");
        rows.forEach(r -> csv.append(r.csv()).append('\n'));
        Files.writeString(dir.resolve("zones.csv"), csv, StandardCharsets.UTF_8);
        // Digests computed beside the terrain stage (TerrainOverlap); any file not there is hashed now.
        v.rasters().paths().forEach((name, path) -> provenance.input(name, path, digests.get(path)));
        v.tables().files().forEach((label, path) -> provenance.input(label, path, digests.get(path)));
        provenance.input("zones", request.zones(), digests.get(request.zones()));
        RunProvenance p = provenance.finish();
        Files.writeString(
                dir.resolve("provenance.json"), JSON.writeValueAsString(provenanceJson(p)), StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("report.html"),
                new HtmlReport(request, v, rows, quality, noDataByFile, p).html(),
                StandardCharsets.UTF_8);
        PdfReport.write(
                dir.resolve("report.pdf"),
                CjkFont.find().orElseThrow(() -> new IllegalStateException("no CJK font")),
                request,
                v,
                rows,
                quality);
    }

    private Map<String, Object> provenanceJson(RunProvenance p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("methodEdition", p.methodEdition());
        m.put("parameterSetId", p.parameterSetId());
        m.put("parameterSetSha256", p.parameterSetSha256());
        m.put("alternativesApplied", p.alternativesApplied());
        m.put("engineVersion", p.engineVersion());
        m.put("year", request.year());
        m.put("crs", v.rasters().grid().crs());
        m.put("cellWidthMetres", v.rasters().grid().cellWidth());
        m.put("cellHeightMetres", v.rasters().grid().cellHeight());
        m.put("width", v.rasters().grid().width());
        m.put("height", v.rasters().grid().height());
        m.put("startedAt", p.startedAt().toString());
        m.put("finishedAt", p.finishedAt().toString());
        List<Map<String, String>> inputs = new ArrayList<>();
        p.inputs().forEach(i -> {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("name", i.name());
            e.put("file", i.source());
            e.put("sha256", i.sha256());
            inputs.add(e);
        });
        m.put("inputs", inputs);
        m.put("quality", qualityJson());
        return m;
    }

    private Map<String, Object> qualityJson() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("zones", v.index().zoneCount());
        q.put("outsideCells", v.index().outsideCells());
        q.put("overlapCells", v.index().overlapCells());
        q.put("noDataCellsByInput", noDataByFile);
        q.put("landCoverCodes", v.scan().codes().stream().sorted().toList());
        Map<String, Object> byIndicator = new LinkedHashMap<>();
        quality.forEach((id, r) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("cells", r.cells());
            e.put("noDataCells", r.noDataCells());
            e.put("noDataByInput", new java.util.TreeMap<>(r.noDataByInput()));
            e.put("unknownClassCells", r.unknownClassCells());
            e.put("notCountedCells", r.notCountedCells());
            byIndicator.put(id, e);
        });
        q.put("indicators", byIndicator);
        return q;
    }
}
