package liangshan.gep.params;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import liangshan.gep.params.ParameterSet.CarbonPriceBasis;
import liangshan.gep.spec.ClassCategory;
import liangshan.gep.spec.IndicatorSpecs;
import liangshan.gep.spec.MethodClause;
import liangshan.gep.spec.ParameterSpec;
import liangshan.gep.spec.ParameterSpec.Scope;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a parameter-set JSON file and validates it against every indicator spec. All problems are
 * collected and reported together (STYLE.md §6): a missing per-class parameter names the class and
 * the parameter, an out-of-range value names the value and the range.
 *
 * <p>File layout: {@code id}, {@code methodEdition}, {@code title {zh,en}}, {@code
 * carbonPriceBasis}, {@code sources {key: citation}}, {@code classes [ {code, zh, en, category,
 * gbt21010 [...], gbt21010Note?, values {param: value}} ]}, {@code constants {param: value}},
 * {@code prices {param: value}}, {@code alternatives [ {name, zh, en, parameter, values {code:
 * value}} ]}. A value is {@code {value, unit?, year?, source, placeholder, reason?}}; unit is
 * required for constants and prices, year for prices, reason when placeholder is true.
 */
public final class ParameterSetLoader {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    private static final Pattern GBT_CODE = Pattern.compile("\\d{2}|\\d{4}");

    private ParameterSetLoader() {}

    /** Parses and validates; throws {@link InvalidParameterSetException} listing every problem. */
    public static ParameterSet load(String name, byte[] json) {
        Parse parse = parse(name, json);
        if (!parse.problems.isEmpty()) {
            throw new InvalidParameterSetException(name, parse.problems);
        }
        return parse.result;
    }

    /** Every problem of the file (empty when it is valid). */
    public static List<ParameterProblem> validate(String name, byte[] json) {
        return parse(name, json).problems;
    }

    /** SHA-256 of the canonical content of a parameter-set file (see {@link CanonicalJson}). */
    public static String canonicalSha256(byte[] json) {
        return CanonicalJson.sha256(readTree(json));
    }

    static Map<String, Object> readTree(byte[] json) {
        return MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {});
    }

    private static Parse parse(String name, byte[] json) {
        Parse p = new Parse();
        Map<String, Object> root;
        try {
            root = readTree(json);
        } catch (JacksonException e) {
            p.problem(
                    "param.bad_json",
                    name,
                    "文件不是有效的 JSON：" + e.getOriginalMessage(),
                    "the file is not valid JSON: " + e.getOriginalMessage());
            return p;
        }
        Node r = new Node(p, "", root);
        String id = r.text("id");
        if (id != null && !ID.matcher(id).matches()) {
            p.problem(
                    "param.bad_id",
                    "id",
                    "参数集编号“" + id + "”只能含小写字母、数字、点和连字符",
                    "parameter-set id '" + id + "' may only hold lower-case letters, digits, dots and hyphens");
        }
        String edition = r.text("methodEdition");
        if (edition != null && !MethodClause.EDITION.equals(edition)) {
            p.problem(
                    "param.wrong_edition",
                    "methodEdition",
                    "参数集适用方法版本 " + edition + "，本引擎实现 " + MethodClause.EDITION,
                    "the set is for method edition " + edition + ", this engine implements " + MethodClause.EDITION);
        }
        Node title = r.object("title");
        String titleZh = title == null ? null : title.text("zh");
        String titleEn = title == null ? null : title.text("en");
        CarbonPriceBasis basis = r.enumValue("carbonPriceBasis", CarbonPriceBasis.class);
        p.sources = sources(r);
        List<LandCoverClass> classes = classes(r);
        Map<String, SourcedValue> constants = scalars(r, "constants", Scope.CONSTANT);
        Map<String, SourcedValue> prices = scalars(r, "prices", Scope.PRICE);
        List<Alternative> alternatives = alternatives(r, classes);
        if (p.problems.isEmpty()) {
            p.result = new ParameterSet(
                    id,
                    edition,
                    titleZh,
                    titleEn,
                    basis,
                    classes,
                    constants,
                    prices,
                    alternatives,
                    List.of(),
                    CanonicalJson.sha256(root));
        }
        return p;
    }

    private static Map<String, String> sources(Node root) {
        Map<String, String> out = new LinkedHashMap<>();
        Node sources = root.object("sources");
        if (sources != null) {
            for (String key : sources.keys()) {
                String citation = sources.text(key);
                if (citation != null) {
                    out.put(key, citation);
                }
            }
        }
        return out;
    }

    private static List<LandCoverClass> classes(Node root) {
        List<Node> rows = root.list("classes");
        List<LandCoverClass> out = new ArrayList<>();
        Set<Integer> codes = new HashSet<>();
        Map<String, Integer> gbtOwner = new LinkedHashMap<>();
        for (Node row : rows) {
            LandCoverClass c = landCoverClass(row, codes, gbtOwner);
            if (c != null) {
                out.add(c);
            }
        }
        if (rows.isEmpty()) {
            root.parse.problem("param.no_classes", "classes", "类别表为空", "the class table is empty");
        }
        return out;
    }

    private static LandCoverClass landCoverClass(Node row, Set<Integer> codes, Map<String, Integer> gbtOwner) {
        Parse p = row.parse;
        BigDecimal codeNumber = row.number("code");
        String zh = row.text("zh");
        String en = row.text("en");
        ClassCategory category = row.category("category");
        if (codeNumber == null || zh == null || en == null || category == null) {
            return null;
        }
        int code = codeNumber.intValue();
        String path = "classes[code=" + code + "]";
        if (codeNumber.signum() < 0 || codeNumber.stripTrailingZeros().scale() > 0 || code > 255) {
            p.problem("param.bad_class_code", path, "地类代码须为 0–255 的整数", "class codes are integers 0–255");
            return null;
        }
        if (!codes.add(code)) {
            p.problem("param.duplicate_class", path, "地类代码 " + code + " 重复", "class code " + code + " appears twice");
        }
        List<String> gbt = gbtCodes(row, path, code, gbtOwner);
        String note = row.optionalText("gbt21010Note");
        if (gbt.isEmpty() && note == null) {
            p.problem(
                    "param.gbt_mapping_missing",
                    path + ".gbt21010",
                    "地类 " + code + "（" + zh + "）没有 GB/T 21010 映射，也没有说明原因",
                    "class " + code + " (" + en + ") maps to no GB/T 21010 code and gives no note why");
        }
        Map<String, SourcedValue> values = classValues(row, path, code, zh, en, category);
        return new LandCoverClass(code, zh, en, category, gbt, note, values);
    }

    private static List<String> gbtCodes(Node row, String path, int code, Map<String, Integer> gbtOwner) {
        List<String> out = new ArrayList<>();
        for (String g : row.textList("gbt21010")) {
            if (!GBT_CODE.matcher(g).matches()) {
                row.parse.problem(
                        "param.bad_gbt_code",
                        path + ".gbt21010",
                        "“" + g + "”不是 GB/T 21010 代码",
                        "'" + g + "' is not a GB/T 21010 code (2 or 4 digits)");
            } else if (gbtOwner.putIfAbsent(g, code) != null) {
                row.parse.problem(
                        "param.duplicate_gbt_code",
                        path + ".gbt21010",
                        "GB/T 21010 代码 " + g + " 已映射到地类 " + gbtOwner.get(g),
                        "GB/T 21010 code " + g + " is already mapped to class " + gbtOwner.get(g));
            } else {
                out.add(g);
            }
        }
        return out;
    }

    private static Map<String, SourcedValue> classValues(
            Node row, String path, int code, String zh, String en, ClassCategory category) {
        Parse p = row.parse;
        Map<String, SourcedValue> out = new LinkedHashMap<>();
        Node values = row.object("values");
        if (values == null) {
            return out;
        }
        Map<String, ParameterSpec> specs = IndicatorSpecs.allParameters();
        for (ParameterSpec spec : specs.values()) {
            if (spec.scope() != Scope.PER_CLASS) {
                continue;
            }
            Node v = values.optionalObject(spec.name());
            if (v == null) {
                if (spec.categories().contains(category)) {
                    p.problem(
                            "param.missing_class_parameter",
                            path + "." + spec.name(),
                            "地类 " + code + "（" + zh + "）缺少分地类参数“" + spec.name() + "”（" + spec.nameZh() + "）",
                            "class " + code + " (" + en + ") has no value for per-class parameter '" + spec.name()
                                    + "' (" + spec.nameEn() + ")");
                }
                continue;
            }
            SourcedValue sv = ValueParser.value(v, spec, false, false);
            if (sv != null) {
                out.put(spec.name(), sv);
            }
        }
        for (String key : values.keys()) {
            ParameterSpec spec = specs.get(key);
            if (spec == null || spec.scope() != Scope.PER_CLASS) {
                p.unknownParameter(path + ".values." + key, key);
            }
        }
        checkWaterRunoff(p, path, code, category, out);
        return out;
    }

    /** §R1: the runoff coefficient is 0 for water classes. */
    private static void checkWaterRunoff(
            Parse p, String path, int code, ClassCategory category, Map<String, SourcedValue> values) {
        SourcedValue alpha = values.get("runoff_coefficient");
        if (category == ClassCategory.WATER && alpha != null && alpha.number().signum() != 0) {
            p.problem(
                    "param.water_runoff_nonzero",
                    path + ".runoff_coefficient",
                    "水体地类 " + code + " 的径流系数须为 0（方法 §R1）",
                    "water class " + code + " must have runoff coefficient 0 (method §R1)");
        }
    }

    private static Map<String, SourcedValue> scalars(Node root, String section, Scope scope) {
        Map<String, SourcedValue> out = new LinkedHashMap<>();
        Node node = root.object(section);
        if (node == null) {
            return out;
        }
        Map<String, ParameterSpec> specs = IndicatorSpecs.allParameters();
        for (ParameterSpec spec : specs.values()) {
            if (spec.scope() != scope) {
                continue;
            }
            Node v = node.optionalObject(spec.name());
            if (v == null) {
                root.parse.problem(
                        "param.missing_" + (scope == Scope.PRICE ? "price" : "constant"),
                        section + "." + spec.name(),
                        "缺少" + (scope == Scope.PRICE ? "价格" : "常数") + "“" + spec.name() + "”（" + spec.nameZh() + "）",
                        "missing " + section.substring(0, section.length() - 1) + " '" + spec.name() + "' ("
                                + spec.nameEn() + ")");
                continue;
            }
            SourcedValue sv = ValueParser.value(v, spec, true, scope == Scope.PRICE);
            if (sv != null) {
                out.put(spec.name(), sv);
            }
        }
        for (String key : node.keys()) {
            ParameterSpec spec = specs.get(key);
            if (spec == null || spec.scope() != scope) {
                root.parse.unknownParameter(section + "." + key, key);
            }
        }
        return out;
    }

    private static List<Alternative> alternatives(Node root, List<LandCoverClass> classes) {
        List<Alternative> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<Integer, LandCoverClass> byCode = new LinkedHashMap<>();
        classes.forEach(c -> byCode.put(c.code(), c));
        Map<String, ParameterSpec> specs = IndicatorSpecs.allParameters();
        for (Node alt : root.optionalList("alternatives")) {
            String name = alt.text("name");
            String param = alt.text("parameter");
            String zh = alt.text("zh");
            String en = alt.text("en");
            Node values = alt.object("values");
            if (name == null || param == null || values == null) {
                continue;
            }
            String path = "alternatives[name=" + name + "]";
            ParameterSpec spec = specs.get(param);
            if (!names.add(name)) {
                root.parse.problem("param.duplicate_alternative", path, "备选方案名重复", "duplicate alternative name");
            }
            if (spec == null || spec.scope() != Scope.PER_CLASS || spec.isFlag()) {
                root.parse.problem(
                        "param.bad_alternative_parameter",
                        path + ".parameter",
                        "备选方案只能替换数值型分地类参数，“" + param + "”不是",
                        "an alternative may only replace a numeric per-class parameter; '" + param + "' is not");
                continue;
            }
            Map<Integer, SourcedValue> parsed = new LinkedHashMap<>();
            for (String key : values.keys()) {
                Integer code = key.matches("\\d{1,3}") ? Integer.valueOf(key) : null;
                if (code == null || !byCode.containsKey(code)) {
                    root.parse.problem(
                            "param.alternative_unknown_class",
                            path + ".values." + key,
                            "备选方案引用了不存在的地类 " + key,
                            "the alternative names unknown class " + key);
                    continue;
                }
                SourcedValue sv = ValueParser.value(values.object(key), spec, false, false);
                if (sv != null) {
                    parsed.put(code, sv);
                }
            }
            out.add(new Alternative(name, zh, en, param, parsed));
        }
        return out;
    }

    /** Problems and the parsed result of one file. */
    static final class Parse {
        final List<ParameterProblem> problems = new ArrayList<>();
        Map<String, String> sources = Map.of();
        ParameterSet result;

        void problem(String code, String path, String zh, String en) {
            problems.add(new ParameterProblem(code, path, zh, en));
        }

        void unknownParameter(String path, String key) {
            problem(
                    "param.unknown_parameter",
                    path,
                    "“" + key + "”不是本方法版本的参数",
                    "'" + key + "' is not a parameter of this method edition");
        }
    }
}
