package liangshan.gep.params;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import liangshan.gep.provenance.Sha256;
import tools.jackson.databind.json.JsonMapper;

/**
 * Canonical text of a parsed JSON tree, so that the hash of a parameter set does not change
 * with whitespace, key order or number spelling ({@code 0.50} = {@code 0.5}, {@code 1E+1} =
 * {@code 10}): object keys sorted by code point, no whitespace, numbers as plain decimals with
 * trailing zeros stripped, strings escaped by Jackson.
 */
final class CanonicalJson {

    private static final JsonMapper STRING_WRITER = JsonMapper.builder().build();

    private CanonicalJson() {}

    static String of(Object node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    static String sha256(Object node) {
        return Sha256.hex(of(node).getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Object node, StringBuilder out) {
        if (node == null) {
            out.append("null");
        } else if (node instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(STRING_WRITER.writeValueAsString(e.getKey())).append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (node instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (node instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
            out.append(d.signum() == 0 ? "0" : d.toPlainString());
        } else if (node instanceof Boolean b) {
            out.append(b);
        } else {
            out.append(STRING_WRITER.writeValueAsString(node.toString()));
        }
    }
}
