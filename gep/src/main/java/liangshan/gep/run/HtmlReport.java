package liangshan.gep.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liangshan.gep.cell.QualityReport;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.params.SourcedValue;
import liangshan.gep.provenance.RunProvenance;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.IndicatorSpecs;
import liangshan.gep.spec.MethodClause;

/** The self-contained Chinese run report ({@code report.html}): no scripts, no external files. */
final class HtmlReport {

    private static final int TOP = 5;

    private final GepRun.Request request;
    private final GepRun.Validated v;
    private final List<ZoneRow> rows;
    private final Map<String, QualityReport> quality;
    private final Map<String, Long> noDataByFile;
    private final RunProvenance provenance;
    private final StringBuilder h = new StringBuilder();

    HtmlReport(
            GepRun.Request request,
            GepRun.Validated v,
            List<ZoneRow> rows,
            Map<String, QualityReport> quality,
            Map<String, Long> noDataByFile,
            RunProvenance provenance) {
        this.request = request;
        this.v = v;
        this.rows = rows;
        this.quality = quality;
        this.noDataByFile = noDataByFile;
        this.provenance = provenance;
    }

    String html() {
        ParameterSet p = v.params();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>GEP 核算报告 ")
                .append(request.year())
                .append("</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.5}"
                        + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #999;padding:.2em .5em}"
                        + "td.n{text-align:right}.ph{color:#a40}.note{background:#fff4d6;padding:.5em 1em}</style>"
                        + "</head><body>\n");
        h.append("<h1>生态系统生产总值（GEP）核算报告 · ").append(request.year()).append(" 年</h1>\n");
        h.append("<p class=\"note\">说明：本次核算的区划边界与输入数据若为示意（合成）数据，结果仅用于演示核算方法与流程，"
                + "不代表任何村庄的真实 GEP，不得作为考核、交易或生态补偿的依据。标为“暂定值”的参数须以浙江省 DB33/T 2274-2025 "
                + "或本地实测值替换后方可正式使用。</p>\n");
        method(p);
        totals();
        magnitude();
        villages();
        parameters(p);
        qualitySection();
        inputs();
        h.append("</body></html>\n");
        return h.toString();
    }

    private void method(ParameterSet p) {
        h.append("<h2>一、方法概要</h2>\n<p>方法版本 ")
                .append(esc(MethodClause.EDITION))
                .append("（欧阳志云等 RCEES 方法体系）；参数集 ")
                .append(esc(p.id()))
                .append("（")
                .append(esc(p.titleZh()))
                .append("，SHA-256 <code>")
                .append(p.sha256())
                .append("</code>）；引擎版本 ")
                .append(esc(provenance.engineVersion()))
                .append("。栅格坐标系 ")
                .append(esc(v.rasters().grid().crs()))
                .append("，像元 ")
                .append(v.rasters().grid().cellWidth())
                .append(" m × ")
                .append(v.rasters().grid().cellHeight())
                .append(" m，")
                .append(v.rasters().grid().width())
                .append(" × ")
                .append(v.rasters().grid().height())
                .append(" 像元。</p>\n");
        h.append("<p>调节服务逐像元计算后按“像元中心落入”规则汇总到村；不属于任何村的像元计入“区外”（outside）。"
                + "坡长坡度因子 LS 由 DEM 计算（Horn 坡度坡向、优先洪泛填洼、D8 汇流、Desmet-Govers 坡长、刘宝元坡度公式）；"
                + "水环境净化与空气净化按区县排放量封顶；水库洪水调蓄归属坝址所在村。物质产品与文化服务来自统计表，"
                + "仅有区县数据时按生产地类面积（或游客人次）分摊到村，并在明细中标注为分摊。价值量 = 功能量 × 价格，"
                + "逐行四舍五入（银行家舍入）到分。</p>\n<ul>\n");
        for (IndicatorSpec s : IndicatorSpecs.all()) {
            h.append("<li>")
                    .append(esc(s.nameZh()))
                    .append("（")
                    .append(esc(s.id()))
                    .append("，")
                    .append(esc(s.clause().name()))
                    .append("）</li>\n");
        }
        h.append("</ul>\n");
    }

    private void totals() {
        h.append(
                "<h2>二、各指标合计（全部村 + 区外）</h2>\n<table><tr><th>指标</th><th>功能量</th><th>单位</th>" + "<th>价值量（元）</th></tr>\n");
        Map<String, BigDecimal> qty = new LinkedHashMap<>();
        Map<String, String> unit = new LinkedHashMap<>();
        for (ZoneRow r : rows) {
            if (r.quantity() != null) {
                qty.merge(r.indicator(), r.quantity(), BigDecimal::add);
                unit.put(r.indicator(), r.unit());
            }
        }
        BigDecimal all = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<String, BigDecimal> e : ZoneRow.totalsByIndicator(rows).entrySet()) {
            IndicatorSpec s = IndicatorSpecs.byId(e.getKey());
            h.append("<tr><td>")
                    .append(esc(s.nameZh()))
                    .append("</td><td class=\"n\">")
                    .append(qty.containsKey(e.getKey()) ? qty.get(e.getKey()).toPlainString() : "—")
                    .append("</td><td>")
                    .append(esc(unit.getOrDefault(e.getKey(), "")))
                    .append("</td><td class=\"n\">")
                    .append(e.getValue().toPlainString())
                    .append("</td></tr>\n");
            all = all.add(e.getValue());
        }
        h.append("<tr><th>GEP 合计</th><td></td><td></td><td class=\"n\"><b>")
                .append(all.toPlainString())
                .append("</b></td></tr></table>\n");
    }

    private void magnitude() {
        h.append("<h3>数量级核对（与公开数据对比，仅供参考）</h3>\n<table><tr><th>项目</th><th>本次核算</th>"
                + "<th>公开数据</th><th>比值</th></tr>\n");
        for (MagnitudeCheck.Line l : MagnitudeCheck.of(rows)) {
            h.append("<tr><td>")
                    .append(esc(l.itemZh()))
                    .append("</td><td class=\"n\">")
                    .append(esc(l.run()))
                    .append("</td><td>")
                    .append(esc(l.published()))
                    .append("</td><td class=\"n\">")
                    .append(l.ratio() == null ? "—" : l.ratio().toPlainString())
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<p>合成（示意）景观的地类比例、气候与统计量仿照衢州设定，比值反映量级是否合理，"
                + "不是校准目标；真实数据的核算结果与公开数据不一致时，应先核对参数集中的暂定值。</p>\n");
    }

    private void villages() {
        Map<String, BigDecimal> byZone = new LinkedHashMap<>();
        rows.stream()
                .filter(r -> !r.zoneCode().equals("outside"))
                .forEach(r -> byZone.merge(r.zoneCode(), r.valueYuan(), BigDecimal::add));
        List<Map.Entry<String, BigDecimal>> sorted = new ArrayList<>(byZone.entrySet());
        sorted.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        h.append("<h2>三、村级 GEP 最高与最低</h2>\n");
        villageTable("最高 " + Math.min(TOP, sorted.size()) + " 个村", sorted.subList(0, Math.min(TOP, sorted.size())));
        List<Map.Entry<String, BigDecimal>> low =
                new ArrayList<>(sorted.subList(Math.max(0, sorted.size() - TOP), sorted.size()));
        java.util.Collections.reverse(low);
        villageTable("最低 " + low.size() + " 个村", low);
    }

    private void villageTable(String title, List<Map.Entry<String, BigDecimal>> list) {
        h.append("<h3>").append(esc(title)).append("</h3>\n<table><tr><th>村代码</th><th>GEP（元）</th></tr>\n");
        for (Map.Entry<String, BigDecimal> e : list) {
            h.append("<tr><td>")
                    .append(esc(e.getKey()))
                    .append("</td><td class=\"n\">")
                    .append(e.getValue().toPlainString())
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private void parameters(ParameterSet p) {
        h.append("<h2>四、参数与价格（含来源；<span class=\"ph\">暂定值</span>已标出）</h2>\n"
                + "<table><tr><th>参数</th><th>数值</th><th>单位</th><th>来源</th><th>暂定值</th></tr>\n");
        Map<String, SourcedValue> all = new LinkedHashMap<>();
        p.constants().forEach((k, x) -> all.put("constants." + k, x));
        p.prices().forEach((k, x) -> all.put("prices." + k, x));
        all.forEach((k, x) -> h.append(x.placeholder() ? "<tr class=\"ph\">" : "<tr>")
                .append("<td>")
                .append(esc(k))
                .append("</td><td class=\"n\">")
                .append(x.number() != null ? x.number().toPlainString() : String.valueOf(x.flag()))
                .append("</td><td>")
                .append(esc(x.unit().symbol()))
                .append("</td><td>")
                .append(esc(x.source()))
                .append("</td><td>")
                .append(x.placeholder() ? "是：" + esc(x.reason() == null ? "" : x.reason()) : "否")
                .append("</td></tr>\n"));
        h.append("</table>\n<p>地类参数中的暂定值共 ")
                .append(p.placeholders().stream()
                        .filter(x -> x.path().startsWith("classes"))
                        .count())
                .append(" 项，详见参数集文件（<code>gep params export --params ")
                .append(esc(p.id()))
                .append("</code>）。碳价依据：")
                .append(esc(String.valueOf(p.carbonPriceBasis())))
                .append("。</p>\n");
    }

    private void qualitySection() {
        h.append("<h2>五、数据质量</h2>\n<p>村数 ")
                .append(v.index().zoneCount())
                .append("；区外像元 ")
                .append(v.index().outsideCells())
                .append("；重叠像元（计入先列出的村）")
                .append(v.index().overlapCells())
                .append("；出现的地类代码 ")
                .append(esc(v.scan().codes().stream().sorted().toList().toString()))
                .append("。</p>\n<table><tr><th>输入</th><th>无数据像元</th></tr>\n");
        noDataByFile.forEach((f, n) -> h.append("<tr><td>")
                .append(esc(f))
                .append("</td><td class=\"n\">")
                .append(n)
                .append("</td></tr>\n"));
        h.append("</table>\n<table><tr><th>指标</th><th>像元</th><th>无数据</th><th>未知地类</th><th>不计地类</th></tr>\n");
        quality.forEach((id, q) -> h.append("<tr><td>")
                .append(esc(IndicatorSpecs.byId(id).nameZh()))
                .append("</td><td class=\"n\">")
                .append(q.cells())
                .append("</td><td class=\"n\">")
                .append(q.noDataCells())
                .append("</td><td class=\"n\">")
                .append(q.unknownClassCells())
                .append("</td><td class=\"n\">")
                .append(q.notCountedCells())
                .append("</td></tr>\n"));
        h.append("</table>\n<p>无数据像元对相应指标贡献为 0（方法 §G）。</p>\n");
    }

    private void inputs() {
        h.append("<h2>六、输入文件（SHA-256）</h2>\n<table><tr><th>输入</th><th>SHA-256</th></tr>\n");
        provenance.inputs().forEach(i -> h.append("<tr><td>")
                .append(esc(i.name()))
                .append("</td><td><code>")
                .append(i.sha256())
                .append("</code></td></tr>\n"));
        h.append("</table>\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
