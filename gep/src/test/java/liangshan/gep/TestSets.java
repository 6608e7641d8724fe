package liangshan.gep;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import liangshan.gep.params.ParameterSet;
import liangshan.gep.params.ParameterSetLoader;
import liangshan.gep.params.ParameterSets;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Helpers to load the default set and edited copies of it in tests. */
public final class TestSets {

    public static final String DEFAULT_ID = "quzhou-2025-v1";
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private TestSets() {}

    public static ParameterSet defaults() {
        return ParameterSets.get(DEFAULT_ID);
    }

    /** The default file as a mutable JSON tree. */
    public static Map<String, Object> defaultTree() {
        return MAPPER.readValue(ParameterSets.export(DEFAULT_ID), new TypeReference<Map<String, Object>>() {});
    }

    public static byte[] bytes(Map<String, Object> tree) {
        return MAPPER.writeValueAsBytes(tree);
    }

    /** The default set after {@code edit} was applied to its JSON tree. */
    public static ParameterSet edited(Consumer<Map<String, Object>> edit) {
        Map<String, Object> tree = defaultTree();
        edit.accept(tree);
        return ParameterSetLoader.load("edited", bytes(tree));
    }

    /** The class row with {@code code} of a tree. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> classRow(Map<String, Object> tree, int code) {
        for (Map<String, Object> row : (List<Map<String, Object>>) tree.get("classes")) {
            if (((Number) row.get("code")).intValue() == code) {
                return row;
            }
        }
        throw new IllegalArgumentException("no class " + code);
    }

    /** The value entry of per-class parameter {@code name} of class {@code code}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> classValue(Map<String, Object> tree, int code, String name) {
        return (Map<String, Object>) ((Map<String, Object>) classRow(tree, code).get("values")).get(name);
    }

    /** The entry of constant or price {@code name} in {@code section}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> scalar(Map<String, Object> tree, String section, String name) {
        return (Map<String, Object>) ((Map<String, Object>) tree.get(section)).get(name);
    }
}
