package liangshan.app.credits.internal;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the module's jsonb columns back. */
final class Json {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Json() {}

    static JsonNode read(String json) {
        return json == null ? null : JSON.readTree(json);
    }

    static List<ReserveService.MilestoneInput> milestones(String json) {
        return JSON.readValue(json, new TypeReference<List<ReserveService.MilestoneInput>>() {});
    }
}
