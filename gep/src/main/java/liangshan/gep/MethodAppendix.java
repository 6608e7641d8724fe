package liangshan.gep;

import java.util.List;
import liangshan.gep.params.LandCoverClass;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.params.SourcedValue;
import liangshan.gep.spec.IndicatorSpec;
import liangshan.gep.spec.IndicatorSpecs;
import liangshan.gep.spec.InputSpec;
import liangshan.gep.spec.MethodClause;
import liangshan.gep.spec.OutputSpec;
import liangshan.gep.spec.ParameterSpec;

/**
 * The method appendix of a report, generated from the specs and one parameter set (STYLE.md §7):
 * per indicator its clause, inputs, parameters with the values used and their sources, outputs;
 * then the class table and the list of placeholders. Markdown, Chinese first, English second.
 */
public final class MethodAppendix {

    private MethodAppendix() {}

    /** The appendix for {@code set}. */
    public static String markdown(ParameterSet set) {
        StringBuilder md = new StringBuilder();
        md.append("# 核算方法附录 / Method appendix\n\n")
                .append("- 方法版本 / method edition: ")
                .append(MethodClause.EDITION)
                .append('\n')
                .append("- 参数集 / parameter set: `")
                .append(set.id())
                .append("` (SHA-256 `")
                .append(set.sha256())
                .append("`)\n")
                .append("- 备选方案 / alternatives applied: ")
                .append(set.alternativesApplied().isEmpty() ? "—" : String.join(", ", set.alternativesApplied()))
                .append('\n')
                .append("- 碳价依据 / carbon price basis: ")
                .append(set.carbonPriceBasis())
                .append("\n\n");
        for (IndicatorSpec spec : IndicatorSpecs.all()) {
            indicator(md, spec, set);
        }
        classTable(md, set);
        placeholders(md, set);
        return md.toString();
    }

    private static void indicator(StringBuilder md, IndicatorSpec spec, ParameterSet set) {
        md.append("## ")
                .append(spec.nameZh())
                .append(" / ")
                .append(spec.nameEn())
                .append(" (`")
                .append(spec.id())
                .append("`)\n\n")
                .append(spec.serviceClass().nameZh())
                .append(" / ")
                .append(spec.serviceClass().nameEn())
                .append(" — ")
                .append(spec.clause().citation())
                .append("\n\n")
                .append("| 输入 input | 类型 kind | 单位 unit | 无数据 no-data |\n|---|---|---|---|\n");
        for (InputSpec in : spec.inputs()) {
            md.append("| ")
                    .append(in.nameZh())
                    .append(" / ")
                    .append(in.nameEn())
                    .append(" (`")
                    .append(in.name())
                    .append("`) | ")
                    .append(in.kind())
                    .append(' ')
                    .append(in.type())
                    .append(" | ")
                    .append(in.unit().symbol())
                    .append(" | ")
                    .append(in.noDataAllowed() ? "计 0 / counts 0" : "不允许 / not allowed")
                    .append(in.optional() ? ", 可选 / optional" : "")
                    .append(" |\n");
        }
        if (!spec.parameters().isEmpty()) {
            md.append("\n| 参数 parameter | 单位 unit | 范围 range | 取值 value | 来源 source |\n|---|---|---|---|---|\n");
            for (ParameterSpec p : spec.parameters()) {
                md.append("| ")
                        .append(p.nameZh())
                        .append(" / ")
                        .append(p.nameEn())
                        .append(" (`")
                        .append(p.name())
                        .append("`) | ")
                        .append(p.unit().symbol())
                        .append(" | ")
                        .append(p.isFlag() ? "true/false" : p.rangeText())
                        .append(" | ")
                        .append(value(p, set))
                        .append(" |\n");
            }
        }
        md.append("\n| 输出 output | 单位 unit |\n|---|---|\n");
        for (OutputSpec o : spec.outputs()) {
            md.append("| ")
                    .append(o.nameZh())
                    .append(" / ")
                    .append(o.nameEn())
                    .append(" (`")
                    .append(o.name())
                    .append("`) | ")
                    .append(o.unit().symbol())
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String value(ParameterSpec p, ParameterSet set) {
        SourcedValue v =
                switch (p.scope()) {
                    case CONSTANT -> set.constantEntry(p.name());
                    case PRICE -> set.priceEntry(p.name());
                    case PER_CLASS -> null;
                };
        if (v == null) {
            return "分地类，见类别表 / per class, see class table | —";
        }
        String text = v.number() != null ? v.number().toPlainString() : String.valueOf(v.flag());
        String year = v.year() == null ? "" : " (" + v.year() + ")";
        String flag = v.placeholder() ? " **占位 placeholder**" : "";
        return text + year + flag + " | " + v.source();
    }

    private static void classTable(StringBuilder md, ParameterSet set) {
        md.append("## 类别表 / Class table\n\n| 代码 code | 名称 name | 大类 category | GB/T 21010-2017 |\n")
                .append("|---|---|---|---|\n");
        for (LandCoverClass c : set.classes()) {
            md.append("| ")
                    .append(c.code())
                    .append(" | ")
                    .append(c.nameZh())
                    .append(" / ")
                    .append(c.nameEn())
                    .append(" | ")
                    .append(c.category().id())
                    .append(" | ")
                    .append(c.gbt21010().isEmpty() ? "— " + c.gbt21010Note() : String.join(", ", c.gbt21010()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void placeholders(StringBuilder md, ParameterSet set) {
        List<ParameterSet.Placeholder> list = set.placeholders();
        md.append("## 占位值 / Placeholders (")
                .append(list.size())
                .append(")\n\n")
                .append("| 位置 path | 取值 value | 原因 reason |\n|---|---|---|\n");
        for (ParameterSet.Placeholder p : list) {
            md.append("| `")
                    .append(p.path())
                    .append("` | ")
                    .append(p.value())
                    .append(" | ")
                    .append(p.reason())
                    .append(" |\n");
        }
    }
}
