package liangshan.gep.params;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import liangshan.gep.spec.ClassCategory;

/**
 * A JSON object of a parameter-set file being read, with its path, reporting type and presence
 * problems to the shared {@link ParameterSetLoader.Parse} instead of throwing.
 */
final class Node {

    final ParameterSetLoader.Parse parse;
    final String path;
    private final Map<String, Object> map;

    Node(ParameterSetLoader.Parse parse, String path, Map<String, Object> map) {
        this.parse = parse;
        this.path = path;
        this.map = map;
    }

    Set<String> keys() {
        return map.keySet();
    }

    Object raw(String key) {
        return map.get(key);
    }

    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String text(String key) {
        Object v = map.get(key);
        if (v instanceof String s && !s.isBlank()) {
            return s;
        }
        missing(key, "非空文本", "non-empty text");
        return null;
    }

    String optionalText(String key) {
        Object v = map.get(key);
        return v instanceof String s && !s.isBlank() ? s : null;
    }

    BigDecimal number(String key) {
        Object v = map.get(key);
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        missing(key, "数值", "a number");
        return null;
    }

    Node object(String key) {
        Node n = optionalObject(key);
        if (n == null && !map.containsKey(key)) {
            missing(key, "对象", "an object");
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    Node optionalObject(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            return new Node(parse, at(key), (Map<String, Object>) m);
        }
        missing(key, "对象", "an object");
        return null;
    }

    List<Node> list(String key) {
        if (!map.containsKey(key)) {
            missing(key, "数组", "an array");
            return List.of();
        }
        return optionalList(key);
    }

    @SuppressWarnings("unchecked")
    List<Node> optionalList(String key) {
        Object v = map.get(key);
        List<Node> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> items)) {
            missing(key, "数组", "an array");
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> m) {
                out.add(new Node(parse, at(key) + "[" + i + "]", (Map<String, Object>) m));
            } else {
                missing(key + "[" + i + "]", "对象", "an object");
            }
        }
        return out;
    }

    List<String> textList(String key) {
        Object v = map.get(key);
        List<String> out = new ArrayList<>();
        if (!(v instanceof List<?> items)) {
            missing(key, "文本数组", "an array of text");
            return out;
        }
        for (Object item : items) {
            if (item instanceof String s) {
                out.add(s);
            } else {
                missing(key, "文本数组", "an array of text");
            }
        }
        return out;
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String s = text(key);
        if (s == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s.toUpperCase(Locale.ROOT))) {
                return e;
            }
        }
        parse.problem("param.bad_enum", at(key), "“" + s + "”不是有效取值", "'" + s + "' is not a valid choice");
        return null;
    }

    ClassCategory category(String key) {
        String s = text(key);
        if (s == null) {
            return null;
        }
        ClassCategory c = ClassCategory.parse(s);
        if (c == null) {
            parse.problem("param.unknown_category", at(key), "未知地类大类“" + s + "”", "unknown class category '" + s + "'");
        }
        return c;
    }

    void missing(String key, String whatZh, String whatEn) {
        parse.problem(
                "param.missing_field",
                at(key),
                "“" + key + "”缺失或不是" + whatZh,
                "'" + key + "' is missing or is not " + whatEn);
    }
}
