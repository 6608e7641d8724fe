package liangshan.gep.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import liangshan.gep.cell.CellKernel;
import liangshan.gep.cell.CellResult;
import liangshan.gep.cell.CellWindow;
import liangshan.gep.cell.InvalidInputException;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.params.ParameterSets;
import liangshan.gep.regulating.EmissionCapped;
import liangshan.gep.regulating.RegulatingIndicators;
import liangshan.gep.spec.GepInputs;
import liangshan.gep.spec.OutputSpec;
import liangshan.raster.CellType;
import liangshan.raster.GridGeometry;
import liangshan.raster.terrain.LsFactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GepRunTest {

    static final String SET = "quzhou-2025-v1";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private GepRun.Result run(TinyInputs in, Path zones, Path out) {
        return new GepRun(CLOCK)
                .run(new GepRun.Request(in.dir, zones, SET, 2025, out), GepRun.Progress.none(), () -> false);
    }

    private static Map<String, String[]> rows(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("zones.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("zone_code,indicator,quantity,unit,value_yuan");
        Map<String, String[]> m = new LinkedHashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            assertThat(m.put(f[0] + "/" + f[1], f)).isNull();
        }
        return m;
    }

    @Test
    void zones_csv_matches_the_kernels_applied_to_the_whole_grid() throws IOException {
        TinyInputs in = new TinyInputs(tmp.resolve("in"));
        Path zones = in.writeAll();
        Path out = tmp.resolve("out");
        run(in, zones, out);
        Map<String, String[]> rows = rows(out);
        Map<String, double[]> expected = expectedSums(in);
        ParameterSet params = ParameterSets.get(SET);
        String[] codes = {"outside", TinyInputs.ZONE_A, TinyInputs.ZONE_B};
        for (var ind : RegulatingIndicators.all()) {
            for (int slot = 0; slot < 3; slot++) {
                Map<String, Double> q = new HashMap<>();
                double sum = 0;
                for (OutputSpec o : ind.spec().outputs(OutputSpec.Kind.QUANTITY)) {
                    double x = expected.getOrDefault(o.name(), new double[3])[slot];
                    q.put(o.name(), x);
                    sum += x;
                }
                String[] row = rows.get(codes[slot] + "/" + ind.spec().id());
                assertThat(row).as(codes[slot] + " " + ind.spec().id()).isNotNull();
                assertThat(new BigDecimal(row[2]).doubleValue())
                        .as(ind.spec().id() + " quantity in " + codes[slot])
                        .isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-3 + Math.abs(sum) * 1e-9));
                assertThat(row[4])
                        .as(ind.spec().id() + " value in " + codes[slot])
                        .isEqualTo(ind.value(q, params).totalYuan().toPlainString());
            }
        }
        // Independent of the kernels: §R1 in zone A by the written formula.
        double a = 100;
        double[] alpha = params.classTable().perClass("runoff_coefficient");
        double wc = 0;
        float[] p = TinyInputs.precip();
        float[] et = TinyInputs.et();
        for (int i = 0; i < 36; i++) {
            int code = TinyInputs.COVER[i];
            if (TinyInputs.slot(i) == 1 && code > 0 && code != 13 && code != 14 && p[i] != TinyInputs.ND) {
                wc += Math.max(0, p[i] - alpha[code] * p[i] - et[i]) * a * 1e-3;
            }
        }
        assertThat(new BigDecimal(rows.get(TinyInputs.ZONE_A + "/water_conservation")[2]).doubleValue())
                .isCloseTo(wc, org.assertj.core.data.Offset.offset(1e-3));
        BigDecimal price = params.price("price_reservoir");
        // Reservoir: 0.35 × 1e6 m³ in zone A (dam point in cell (1, 1)), valued with marsh cells.
        assertThat(expected.get("flood_marsh_m3")[1]).isZero();
        assertThat(rows.get(TinyInputs.ZONE_A + "/flood_regulation")[4])
                .isEqualTo(BigDecimal.valueOf(350_000)
                        .multiply(price)
                        .setScale(2, RoundingMode.HALF_EVEN)
                        .toPlainString());
        // Tables: 2.5 t × 80 000; county forestry 10 000 minus B's own 1 234.56 allocated to A.
        assertThat(rows.get(TinyInputs.ZONE_A + "/agriculture")[4]).isEqualTo("200000.00");
        assertThat(rows.get(TinyInputs.ZONE_A + "/agriculture")[2]).isEqualTo("2.500");
        assertThat(rows.get(TinyInputs.ZONE_A + "/forestry")[4]).isEqualTo("8765.44");
        assertThat(rows.get(TinyInputs.ZONE_B + "/forestry")[4]).isEqualTo("1234.56");
        assertThat(rows.get(TinyInputs.ZONE_B + "/recreation")[4]).isEqualTo("150000.00");
        assertThat(rows).doesNotContainKey("outside/agriculture");
        assertThat(rows).hasSize(2 * 16 + 8);
    }

    @Test
    void maps_provenance_and_report_are_written_and_no_temporary_directory_remains() throws IOException {
        TinyInputs in = new TinyInputs(tmp.resolve("in"));
        Path zones = in.writeAll();
        Path out = tmp.resolve("out");
        run(in, zones, out);
        for (var ind : RegulatingIndicators.all()) {
            assertThat(out.resolve("maps/" + ind.spec().id() + ".tif")).isRegularFile();
        }
        var map = liangshan.raster.geotiff.GeoTiff.read(out.resolve("maps/carbon_sequestration.tif"), "t");
        assertThat(map.grid().isAlignedWith(in.grid)).isTrue();
        assertThat(map.isNoData(map.get(0, 5))).isTrue(); // land-cover no-data cell
        assertThat(map.get(0, 0)).isPositive();
        String prov = Files.readString(out.resolve("provenance.json"));
        assertThat(prov)
                .contains(
                        "\"parameterSetId\" : \"quzhou-2025-v1\"",
                        "\"year\" : 2025",
                        "landcover.tif",
                        "tables/emissions.csv",
                        "\"zones\"",
                        "\"cellWidthMetres\" : 10.0");
        assertThat(Files.readString(out.resolve("report.html"))).contains("生态系统生产总值", "暂定值", TinyInputs.ZONE_A);
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("in", "out");
        }
    }

    @Test
    void report_pdf_embeds_a_cjk_font_and_carries_the_chinese_text() throws IOException {
        TinyInputs in = new TinyInputs(tmp.resolve("in"));
        Path zones = in.writeAll();
        Path out = tmp.resolve("out");
        run(in, zones, out);
        byte[] pdf = Files.readAllBytes(out.resolve("report.pdf"));
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("FontFile2");
        try (var reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("生态系统生产总值", TinyInputs.ZONE_A);
        }
    }

    @Test
    void without_a_cjk_font_the_run_is_rejected_before_computing() {
        TinyInputs in = new TinyInputs(tmp.resolve("in"));
        Path zones = in.writeAll();
        System.setProperty(CjkFont.PROPERTY, tmp.resolve("no-such-font.ttc").toString());
        try {
            InvalidInputException e = rejected(in, zones);
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("report.no_cjk_font");
                assertThat(p.messageEn()).contains("fonts-wqy-microhei");
            });
        } finally {
            System.clearProperty(CjkFont.PROPERTY);
        }
    }

    @Test
    void zone_edges_through_cells_assign_each_cell_by_its_centre() throws IOException {
        TinyInputs in = new TinyInputs(tmp.resolve("in"));
        in.writeAll();
        double x0 = in.grid.originX();
        double y0 = in.grid.originY();
        double y1 = y0 - 60;
        // A: x0 .. x0+26 holds the centres of columns 0-2 (5, 15, 25 m); B: x0+26 .. x0+44 holds
        // only column 3 (35 m); columns 4 (45 m) and 5 are outside.
        String json = """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4549"}},"features":[
                {"type":"Feature","properties":{"code":"%s"},"geometry":{"type":"Polygon","coordinates":
                [[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}},
                {"type":"Feature","properties":{"code":"%s"},"geometry":{"type":"Polygon","coordinates":
                [[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}]}
                """.formatted(
                        TinyInputs.ZONE_A,
                        x0,
                        y1,
                        x0 + 26,
                        y1,
                        x0 + 26,
                        y0,
                        x0,
                        y0,
                        x0,
                        y1,
                        TinyInputs.ZONE_B,
                        x0 + 26,
                        y1,
                        x0 + 44,
                        y1,
                        x0 + 44,
                        y0,
                        x0 + 26,
                        y0,
                        x0 + 26,
                        y1);
        Path zones = tmp.resolve("cut.geojson");
        Files.writeString(zones, json);
        Path out = tmp.resolve("out");
        run(in, zones, out);
        Map<String, String[]> rows = rows(out);
        ParameterSet params = ParameterSets.get(SET);
        double[] nep = params.classTable().perClass("nep_ratio");
        float[] npp = TinyInputs.npp();
        double[] co2 = new double[3];
        for (int i = 0; i < 36; i++) {
            int c = i % TinyInputs.W;
            int slot = c < 3 ? 1 : c == 3 ? 2 : 0;
            int code = TinyInputs.COVER[i];
            if (code > 0 && !Double.isNaN(nep[code])) {
                co2[slot] += npp[i] * nep[code] * 100 * 1e-6 * 44 / 12;
            }
        }
        assertThat(new BigDecimal(rows.get("outside/carbon_sequestration")[2]).doubleValue())
                .isCloseTo(co2[0], org.assertj.core.data.Offset.offset(1e-3));
        assertThat(new BigDecimal(rows.get(TinyInputs.ZONE_B + "/carbon_sequestration")[2]).doubleValue())
                .isCloseTo(co2[2], org.assertj.core.data.Offset.offset(1e-3));
        assertThat(new BigDecimal(rows.get(TinyInputs.ZONE_A + "/carbon_sequestration")[2]).doubleValue())
                .isCloseTo(co2[1], org.assertj.core.data.Offset.offset(1e-3));
        assertThat(Files.readString(out.resolve("provenance.json"))).contains("\"outsideCells\" : 12");
    }

    /** Per-output sums per slot (0 outside, 1 A, 2 B) from the kernels on one whole-grid window. */
    private static Map<String, double[]> expectedSums(TinyInputs in) {
        ParameterSet params = ParameterSets.get(SET);
        float[] ls = LsFactor.compute(in.band("dem", TinyInputs.dem()), params.constant("slope_length_cap"))
                .ls()
                .values();
        int[] cover = new int[36];
        int[] county = new int[36];
        for (int i = 0; i < 36; i++) {
            cover[i] = TinyInputs.COVER[i] == 0 ? -1 : TinyInputs.COVER[i];
            county[i] = TinyInputs.slot(i) == 0 ? -1 : 330802;
        }
        CellWindow w = CellWindow.builder(36, 100)
                .ints(GepInputs.LAND_COVER.name(), cover, -1)
                .ints(GepInputs.COUNTY.name(), county, -1)
                .floats(GepInputs.PRECIPITATION.name(), TinyInputs.precip(), TinyInputs.ND)
                .floats(GepInputs.EVAPOTRANSPIRATION.name(), TinyInputs.et(), TinyInputs.ND)
                .floats(GepInputs.RAINFALL_EROSIVITY.name(), TinyInputs.rFactor(), TinyInputs.ND)
                .floats(GepInputs.SOIL_ERODIBILITY.name(), TinyInputs.kFactor(), TinyInputs.ND)
                .floats(GepInputs.NPP.name(), TinyInputs.npp(), TinyInputs.ND)
                .floats(GepInputs.LS_FACTOR.name(), ls, Float.NaN)
                .build();
        List<CellResult> results = new ArrayList<>();
        for (CellKernel k : RegulatingIndicators.cellKernels()) {
            results.add(k.compute(w, params));
        }
        List<EmissionCapped.CountyEmission> emissions = new ArrayList<>();
        emissions.add(new EmissionCapped.CountyEmission(330802, "cod", 0.001));
        for (String p : List.of("nh3n", "tn", "tp", "so2", "nox", "dust")) {
            emissions.add(new EmissionCapped.CountyEmission(330802, p, 1000));
        }
        for (EmissionCapped c :
                List.of(RegulatingIndicators.WATER_PURIFICATION, RegulatingIndicators.AIR_PURIFICATION)) {
            EmissionCapped.CountyCapacity cap = c.newCountyCapacity();
            cap.add(w, c.capacity(w, params));
            results.add(c.compute(w, params, c.factors(cap, emissions)));
        }
        Map<String, double[]> sums = new HashMap<>();
        for (CellResult r : results) {
            for (String o : r.outputs()) {
                double[] s = sums.computeIfAbsent(o, k -> new double[3]);
                double[] v = r.perCell(o);
                for (int i = 0; i < 36; i++) {
                    s[TinyInputs.slot(i)] += v[i];
                }
            }
        }
        sums.put("flood_reservoir_m3", new double[] {0, 350_000, 0});
        return sums;
    }

    @Test
    void two_runs_write_identical_zones_csv() throws IOException {
        TinyInputs in = new TinyInputs(tmp.resolve("in"));
        Path zones = in.writeAll();
        run(in, zones, tmp.resolve("a"));
        run(in, zones, tmp.resolve("b"));
        assertThat(Files.readAllBytes(tmp.resolve("a/zones.csv")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("b/zones.csv")));
        assertThat(Files.readAllBytes(tmp.resolve("a/maps/soil_retention.tif")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("b/maps/soil_retention.tif")));
    }

    @Test
    void lon_lat_zones_give_the_same_result_as_projected_zones() throws IOException {
        TinyInputs in = new TinyInputs(tmp.resolve("in"));
        Path zones = in.writeAll();
        String projected = Files.readString(zones);
        // Same rectangles unprojected to lon/lat (cell centres are 5 m from every edge).
        ZonesFile zf = ZonesFile.read(zones, "EPSG:4549", new ArrayList<>());
        assertThat(zf).isNotNull();
        StringBuilder features = new StringBuilder();
        var inverse = new org.locationtech.proj4j.CoordinateTransformFactory()
                .createTransform(
                        new org.locationtech.proj4j.CRSFactory().createFromName("EPSG:4549"),
                        new org.locationtech.proj4j.CRSFactory().createFromName("EPSG:4490"));
        for (ZonesFile.Zone z : zf.zones()) {
            StringBuilder ring = new StringBuilder();
            for (var c : z.geometry().getCoordinates()) {
                var o = new org.locationtech.proj4j.ProjCoordinate();
                inverse.transform(new org.locationtech.proj4j.ProjCoordinate(c.x, c.y), o);
                ring.append(ring.isEmpty() ? "" : ",")
                        .append("[")
                        .append(o.x)
                        .append(",")
                        .append(o.y)
                        .append("]");
            }
            features.append(features.isEmpty() ? "" : ",")
                    .append("{\"type\":\"Feature\",\"properties\":{\"code\":\"")
                    .append(z.code())
                    .append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[")
                    .append(ring)
                    .append("]]}}");
        }
        Path lonLat = tmp.resolve("lonlat.geojson");
        Files.writeString(lonLat, "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");
        assertThat(projected).contains("4549");
        run(in, zones, tmp.resolve("p"));
        run(in, lonLat, tmp.resolve("g"));
        assertThat(Files.readString(tmp.resolve("g/zones.csv")))
                .isEqualTo(Files.readString(tmp.resolve("p/zones.csv")));
    }

    @Test
    void cells_outside_every_zone_are_reported_in_outside_rows() throws IOException {
        TinyInputs in = new TinyInputs(tmp.resolve("in"));
        Path zones = in.writeAll();
        Path out = tmp.resolve("out");
        run(in, zones, out);
        Map<String, String[]> rows = rows(out);
        // Column 5 (outside): classes 13, 13, 7, 1, 1, 1 with NPP 505, 511, ... → carbon > 0.
        assertThat(new BigDecimal(rows.get("outside/carbon_sequestration")[2])).isPositive();
        assertThat(Files.readString(out.resolve("provenance.json"))).contains("\"outsideCells\" : 6");
    }

    @Test
    void cancellation_leaves_nothing() throws IOException {
        TinyInputs in = new TinyInputs(tmp.resolve("in"));
        Path zones = in.writeAll();
        Path out = tmp.resolve("out");
        AtomicInteger checks = new AtomicInteger();
        List<String> stages = new ArrayList<>();
        assertThatThrownBy(() -> new GepRun(CLOCK)
                        .run(
                                new GepRun.Request(in.dir, zones, SET, 2025, out),
                                (stage, done, total) -> stages.add(stage),
                                () -> checks.incrementAndGet() > 3))
                .isInstanceOf(GepRun.CancelledException.class);
        assertThat(stages).contains("validate", "terrain");
        assertThat(out).doesNotExist();
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("in");
        }
    }

    private InvalidInputException rejected(TinyInputs in, Path zones) {
        Path out = tmp.resolve("out");
        InvalidInputException e =
                org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class, () -> run(in, zones, out));
        assertThat(out).doesNotExist();
        try (var s = Files.list(tmp)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith(".out"))
                            .toList())
                    .isEmpty();
        } catch (IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
        // The terrain started beside the validation was stopped and its thread is gone.
        assertThat(terrainThreadAlive())
                .as("gep-run-terrain thread after a rejected run")
                .isFalse();
        return e;
    }

    private static boolean terrainThreadAlive() {
        for (int i = 0; i < 50; i++) {
            if (Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().equals("gep-run-terrain") && t.isAlive())) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return true;
    }

    @Test
    void misaligned_grid_and_crs_mismatch_name_the_file() {
        TinyInputs in = new TinyInputs(tmp.resolve("in"));
        Path zones = in.writeAll();
        GridGeometry g = in.grid;
        in.tif(
                "et.tif",
                new GridGeometry(g.crs(), g.originX() + 3, g.originY(), 10, 10, 6, 6),
                CellType.FLOAT32,
                OptionalDouble.of(TinyInputs.ND),
                TinyInputs.et());
        in.tif(
                "npp.tif",
                new GridGeometry("EPSG:4547", g.originX(), g.originY(), 10, 10, 6, 6),
                CellType.FLOAT32,
                OptionalDouble.of(TinyInputs.ND),
                TinyInputs.npp());
        InvalidInputException e = rejected(in, zones);
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.input()).isEqualTo("et.tif");
            assertThat(p.code()).isEqualTo("input.misaligned");
        });
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.input()).isEqualTo("npp.tif");
            assertThat(p.code()).isEqualTo("input.crs_mismatch");
            assertThat(p.messageZh()).contains("坐标系");
        });
    }

    @Test
    void missing_no_data_declaration_truncated_tiff_and_missing_file_are_all_reported() throws IOException {
        TinyInputs in = new TinyInputs(tmp.resolve("in"));
        Path zones = in.writeAll();
        in.tif("r_factor.tif", in.grid, CellType.FLOAT32, OptionalDouble.empty(), TinyInputs.rFactor());
        Path k = in.dir.resolve("k_factor.tif");
        try (RandomAccessFile f = new RandomAccessFile(k.toFile(), "rw")) {
            f.setLength(f.length() - 40);
        }
        Files.delete(in.dir.resolve("tables/emissions.csv"));
        InvalidInputException e = rejected(in, zones);
        assertThat(e.problems())
                .extracting(p -> p.input() + " " + p.code())
                .contains("r_factor.tif input.missing_nodata", "tables/emissions.csv input.missing_file");
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.input()).isEqualTo("k_factor.tif");
            assertThat(p.messageEn()).contains("truncated");
        });
    }

    @Test
    void a_class_missing_from_the_parameter_set_is_named() {
        TinyInputs in = new TinyInputs(tmp.resolve("in"));
        Path zones = in.writeAll();
        float[] cover = TinyInputs.cover();
        cover[7] = 15;
        in.tif("landcover.tif", in.grid, CellType.UINT8, OptionalDouble.of(0), cover);
        InvalidInputException e = rejected(in, zones);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.input()).isEqualTo("landcover.tif");
            assertThat(p.messageZh()).contains("15");
            assertThat(p.messageEn()).contains("land-cover code 15");
        });
    }

    @Test
    void bad_csv_rows_name_file_line_and_column() throws IOException {
        TinyInputs in = new TinyInputs(tmp.resolve("in"));
        Path zones = in.writeAll();
        in.write("tables/emissions.csv", "county_code,pollutant,tonnes\n330802,cod,abc\n33080,pm25,1\n");
        in.write("tables/reservoirs.csv", "name,lon,lat\nx,1,2\n");
        InvalidInputException e = rejected(in, zones);
        assertThat(e.problems())
                .extracting(p -> p.messageEn())
                .anySatisfy(m -> assertThat(m).contains("tables/emissions.csv line 2, column tonnes"))
                .anySatisfy(m -> assertThat(m).contains("tables/emissions.csv line 3, column county_code"))
                .anySatisfy(m -> assertThat(m).contains("tables/emissions.csv line 3, column pollutant"))
                .anySatisfy(m -> assertThat(m).contains("tables/reservoirs.csv: header must be"));
    }
}
