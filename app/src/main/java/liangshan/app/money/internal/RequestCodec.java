package liangshan.app.money.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import liangshan.ledger.Asset;
import liangshan.ledger.TransferFlag;
import liangshan.ledger.TransferRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of a {@link TransferRequest}: a JSON object with sorted keys, absent fields as null.
 * Decoding gives back a request equal to the one encoded, which is what idempotency compares.
 */
final class RequestCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<TreeMap<String, String>> STRINGS = new TypeReference<>() {};

    private RequestCodec() {}

    static String encode(TransferRequest r) {
        Map<String, Object> m = new TreeMap<>();
        m.put("id", r.id().toString());
        m.put("debit", str(r.debitAccountId()));
        m.put("credit", str(r.creditAccountId()));
        m.put("amount", r.amount());
        m.put("asset", r.asset() == null ? null : r.asset().code());
        m.put("scale", r.asset() == null ? null : r.asset().scale());
        m.put("code", r.code());
        m.put("refs", new TreeMap<>(r.references()));
        m.put("flags", flags(r.flags()));
        m.put("pending", str(r.pendingId()));
        m.put("reverses", str(r.reverses()));
        m.put("timeout", r.timeout() == null ? null : r.timeout().toString());
        return JSON.writeValueAsString(m);
    }

    static TransferRequest decode(String json) {
        Map<String, Object> m = JSON.readValue(json, MAP);
        Object asset = m.get("asset");
        Asset decodedAsset = asset == null ? null : new Asset((String) asset, ((Number) m.get("scale")).intValue());
        @SuppressWarnings("unchecked")
        Map<String, String> refs = (Map<String, String>) m.get("refs");
        Object timeout = m.get("timeout");
        return new TransferRequest(
                UUID.fromString((String) m.get("id")),
                uuid(m.get("debit")),
                uuid(m.get("credit")),
                ((Number) m.get("amount")).longValue(),
                decodedAsset,
                (String) m.get("code"),
                new TreeMap<>(refs),
                parseFlags((String) m.get("flags")),
                uuid(m.get("pending")),
                uuid(m.get("reverses")),
                timeout == null ? null : Duration.parse((String) timeout));
    }

    static String refs(SortedMap<String, String> references) {
        return JSON.writeValueAsString(new LinkedHashMap<>(references));
    }

    static SortedMap<String, String> parseRefs(String json) {
        return JSON.readValue(json, STRINGS);
    }

    static String flags(Set<? extends Enum<?>> flags) {
        return flags.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static Set<TransferFlag> parseFlags(String names) {
        Set<TransferFlag> flags = EnumSet.noneOf(TransferFlag.class);
        if (names != null && !names.isEmpty()) {
            for (String name : names.split(",")) {
                flags.add(TransferFlag.valueOf(name));
            }
        }
        return flags;
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }

    private static UUID uuid(Object value) {
        return value == null ? null : UUID.fromString((String) value);
    }
}
