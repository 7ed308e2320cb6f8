package mtc.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the JSON header of a safetensors file into {@link HeaderEntry} records, rejecting any
 * structure the format does not allow, so that later checks only compare names, types and sizes.
 */
final class SafetensorsHeader {
    static final String METADATA = "__metadata__";

    private SafetensorsHeader() {}

    /** Parses {@code json}; {@code file} names the file in messages. */
    static Map<String, HeaderEntry> parse(String file, String json) throws WeightsException {
        Map<String, HeaderEntry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : root(file, json).entrySet()) {
            if (e.getKey().equals(METADATA)) continue;
            entries.put(e.getKey(), entry(file, e.getKey(), e.getValue()));
        }
        return entries;
    }

    /** The header's {@code __metadata__} string map (empty when there is none). */
    static Map<String, String> metadata(String file, String json) throws WeightsException {
        Object value = root(file, json).get(METADATA);
        if (value == null) return Map.of();
        if (!(value instanceof Map)) throw new WeightsException(file + ": \"" + METADATA + "\" is not a JSON object");
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : asMap(value).entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw new WeightsException(file + ": \"" + METADATA + "\" entry '" + e.getKey() + "' is not a string");
            }
            out.put(e.getKey(), s);
        }
        return out;
    }

    private static Map<String, Object> root(String file, String json) throws WeightsException {
        Object root;
        try {
            root = Json.parse(json);
        } catch (Json.SyntaxException e) {
            throw new WeightsException(file + ": malformed header JSON at character " + e.offset() + ": "
                    + e.getMessage());
        }
        if (!(root instanceof Map)) throw new WeightsException(file + ": the header is not a JSON object");
        return asMap(root);
    }

    private static HeaderEntry entry(String file, String name, Object value) throws WeightsException {
        String where = file + ": tensor '" + name + "': ";
        if (!(value instanceof Map)) throw new WeightsException(where + "header entry is not a JSON object");
        Map<String, Object> fields = asMap(value);
        if (!(fields.get("dtype") instanceof String dtype)) {
            throw new WeightsException(where + "header entry has no string \"dtype\"");
        }
        List<Long> shape = naturals(fields.get("shape"), where + "\"shape\"");
        List<Long> offsets = naturals(fields.get("data_offsets"), where + "\"data_offsets\"");
        if (offsets.size() != 2 || offsets.get(0) > offsets.get(1)) {
            throw new WeightsException(where + "\"data_offsets\" must be [begin, end] with begin <= end, found "
                    + offsets);
        }
        return new HeaderEntry(name, dtype, shape, offsets.get(0), offsets.get(1));
    }

    /** A JSON array of non-negative integers that fit in a long. */
    private static List<Long> naturals(Object value, String what) throws WeightsException {
        if (!(value instanceof List<?> items)) throw new WeightsException(what + " is missing or not a list");
        List<Long> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof BigDecimal d) || d.signum() < 0 || !isLong(d)) {
                throw new WeightsException(what + " must hold non-negative integers, found " + item);
            }
            out.add(d.longValueExact());
        }
        return out;
    }

    private static boolean isLong(BigDecimal d) {
        try {
            d.longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}
