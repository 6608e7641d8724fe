package liangshan.app.distribution.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import liangshan.app.distribution.internal.ExportFiles.Report;
import liangshan.app.distribution.internal.ExportFiles.Table;

/** The exported reports (Chinese headers) of statements, village income, roll-ups and payables. */
final class ExportReports {

    private static final Map<String, String> KIND = Map.of(
            "distribution", "收益分配",
            "reversal", "冲回",
            "other", "其他",
            "rent", "租金",
            "dividend", "分红");

    private static final Map<String, String> STATUS = Map.of(
            "paid", "已付",
            "paid-late", "逾期后已付",
            "overdue", "逾期未付",
            "due", "今日到期",
            "declared", "已宣告未付");

    private static final Map<String, String> RESOURCE = Map.of(
            "mountain", "山",
            "water", "水",
            "forest", "林",
            "farmland", "田",
            "lake", "湖",
            "grassland", "草",
            "house", "房",
            "mine", "矿");

    private ExportReports() {}

    static Report statement(StatementService.Statement s) {
        List<String> summary = List.of(
                "农户：" + s.partyName() + "（编号 " + s.partyNumber() + "）",
                "所在村：" + s.villageName() + "（" + s.villageCode() + "）",
                "累计收入（元）：" + s.inYuan() + "；累计冲回/支出（元）：" + s.outYuan() + "；余额（元）：" + s.balanceYuan(),
                "说明：每一行对应资金台账中本户账户的一笔记账；来源按分配方案所含租金、分红的金额比例拆分，分项合计等于该行金额。");
        List<List<String>> periods = new ArrayList<>();
        List<List<String>> lines = new ArrayList<>();
        for (StatementService.Period p : s.periods()) {
            periods.add(List.of(p.period(), p.openingYuan(), p.inYuan(), p.outYuan(), p.closingYuan()));
            for (StatementService.Line l : p.lines()) {
                for (StatementService.Part part : l.parts()) {
                    lines.add(java.util.Arrays.asList(
                            l.date().toString(),
                            KIND.getOrDefault(l.kind(), l.kind()),
                            l.runPeriod(),
                            l.runId(),
                            l.shares() == null ? "" : Long.toString(l.shares()),
                            l.amountYuan(),
                            KIND.getOrDefault(part.kind(), part.kind()),
                            part.amountYuan(),
                            trace(part.source())));
                }
            }
        }
        return new Report(
                "农户收益明细 · " + s.partyName(),
                summary,
                List.of(
                        new Table(
                                "期间余额",
                                List.of("年度", "期初余额（元）", "本期收入（元）", "本期冲回（元）", "期末余额（元）"),
                                periods,
                                Set.of(1, 2, 3, 4)),
                        new Table(
                                "明细",
                                List.of("记账日期", "类型", "分配期间", "分配方案", "股数", "金额（元）", "来源类别", "来源金额（元）", "来源追溯"),
                                lines,
                                Set.of(5, 7),
                                new int[] {8, 6, 6, 13, 4, 8, 6, 8, 31})));
    }

    /** Where a part's money came from, in words: contract, package, resources; or project and period. */
    static String trace(Object source) {
        if (source instanceof StatementService.RentSource r) {
            String resources = r.resources().stream()
                    .map(x -> x.name() + "（" + RESOURCE.getOrDefault(x.type(), x.type()) + "）")
                    .collect(Collectors.joining("、"));
            return "租约合同 " + r.contractNumber() + " 第 " + r.leaseYear() + " 年（应付 " + r.dueOn() + "，到账 "
                    + r.paidOn() + "）；资产包 " + (r.packageName() == null ? r.packageId() : r.packageName())
                    + (resources.isEmpty() ? "" : "；资源 " + resources);
        }
        if (source instanceof StatementService.DividendSource d) {
            return "项目 " + d.projectName() + " " + d.period() + " 期分红";
        }
        return "未指明来源";
    }

    static Report villageIncome(IncomeService.VillageIncome v) {
        List<List<String>> rows = new ArrayList<>();
        for (IncomeService.Year y : v.years()) {
            rows.add(List.of(
                    Integer.toString(y.year()),
                    y.rentYuan(),
                    y.dividendYuan(),
                    y.otherYuan(),
                    y.totalYuan(),
                    y.targetYuan(),
                    y.reached() ? "达标" : "未达标",
                    y.shortfallYuan()));
        }
        return new Report(
                "村集体收入与增收目标 · " + v.villageName(),
                List.of("村：" + v.villageName() + "（" + v.villageCode() + "）", "租金按应付日期所在年度，分红按分红期间，其他收入按到账年度计。"),
                List.of(new Table(
                        "按年收入",
                        List.of("年度", "租金（元）", "分红（元）", "其他（元）", "合计（元）", "目标（元）", "是否达标", "差额（元）"),
                        rows,
                        Set.of(1, 2, 3, 4, 5, 7))));
    }

    static Report rollup(IncomeService.Rollup r) {
        List<List<String>> rows = new ArrayList<>();
        for (IncomeService.VillageRow v : r.villages()) {
            rows.add(List.of(
                    v.villageCode(),
                    v.villageName(),
                    v.rentYuan(),
                    v.dividendYuan(),
                    v.otherYuan(),
                    v.totalYuan(),
                    v.reached() ? "达标" : "未达标",
                    v.shortfallYuan()));
        }
        return new Report(
                r.divisionName() + " " + r.year() + " 年村集体增收目标完成情况",
                List.of(
                        "目标（元/村）：" + r.targetYuan(),
                        "村数 " + r.villageCount() + "，达标 " + r.reachedCount() + "，未达标 " + r.belowCount(),
                        "收入合计（元）：" + r.totalYuan()),
                List.of(new Table(
                        "各村",
                        List.of("村代码", "村名", "租金（元）", "分红（元）", "其他（元）", "合计（元）", "是否达标", "差额（元）"),
                        rows,
                        Set.of(2, 3, 4, 5, 7))));
    }

    static Report payables(PayablesService.Payables p) {
        List<List<String>> rent = new ArrayList<>();
        for (PayablesService.RentDue r : p.rent()) {
            rent.add(java.util.Arrays.asList(
                    r.contractNumber(),
                    r.villageName(),
                    r.packageName(),
                    Integer.toString(r.year()),
                    r.dueOn().toString(),
                    r.amountYuan(),
                    r.paidOn() == null ? "" : r.paidOn().toString(),
                    STATUS.getOrDefault(r.status(), r.status()),
                    r.daysOverdue() == 0 ? "" : Long.toString(r.daysOverdue())));
        }
        List<List<String>> dividends = new ArrayList<>();
        for (PayablesService.DividendDue d : p.dividends()) {
            dividends.add(java.util.Arrays.asList(
                    d.projectName(),
                    d.period(),
                    d.declaredOn().toString(),
                    d.dueOn().toString(),
                    d.totalYuan(),
                    d.villageYuan(),
                    d.paidOn() == null ? "" : d.paidOn().toString(),
                    STATUS.getOrDefault(d.status(), d.status()),
                    d.daysOverdue() == 0 ? "" : Long.toString(d.daysOverdue())));
        }
        PayablesService.Totals t = p.totals();
        return new Report(
                "两山合作社应付租金与分红 · " + p.divisionName() + "（" + p.divisionCode() + "）· 截至 " + p.asOf(),
                List.of(
                        "应付租金（元）：" + t.rentDueYuan() + "；已付：" + t.rentPaidYuan() + "；未付：" + t.rentOutstandingYuan()
                                + "；其中逾期：" + t.rentOverdueYuan(),
                        "已宣告分红（元）：" + t.dividendsDeclaredYuan() + "；已付：" + t.dividendsPaidYuan() + "；未付："
                                + t.dividendsOutstandingYuan() + "；其中逾期：" + t.dividendsOverdueYuan(),
                        "逾期笔数：" + t.overdueCount() + "（分红于宣告后 " + PayablesService.DIVIDEND_DAYS + " 天内应付）"),
                List.of(
                        new Table(
                                "租金",
                                List.of("合同编号", "村", "资产包", "租期年", "应付日期", "金额（元）", "到账日期", "状态", "逾期天数"),
                                rent,
                                Set.of(5)),
                        new Table(
                                "分红",
                                List.of("项目", "期间", "宣告日期", "应付日期", "总额（元）", "本辖区村集体（元）", "支付日期", "状态", "逾期天数"),
                                dividends,
                                Set.of(4, 5))));
    }
}
