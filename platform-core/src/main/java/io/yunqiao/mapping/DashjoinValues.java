package io.yunqiao.mapping;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dashjoin works on plain Java values ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean},
 * {@link Jsonata#NULL_VALUE} for JSON null, {@code null} for undefined); the rest of Yunqiao on Jackson nodes.
 */
final class DashjoinValues {

    private DashjoinValues() {
    }

    /** Java value of a JSON node; {@code null} (undefined) for a {@code null} node. */
    static Object toJava(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        return switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    map.put(field.getKey(), toJava(field.getValue()));
                }
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    list.add(toJava(element));
                }
                yield list;
            }
            case STRING -> node.textValue();
            case BOOLEAN -> node.booleanValue();
            case NULL -> Jsonata.NULL_VALUE;
            case NUMBER -> number(node);
            default -> node.asText();
        };
    }

    /** Numbers as Dashjoin's own JSON reader makes them: integral values as Integer or Long, others as Double. */
    private static Number number(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            long value = node.longValue();
            return value == (int) value ? (Number) (int) value : (Number) value;
        }
        double value = node.doubleValue();
        if (value == Math.rint(value) && Math.abs(value) < Long.MAX_VALUE) {
            long integral = (long) value;
            return integral == (int) integral ? (Number) (int) integral : (Number) integral;
        }
        return value;
    }

    /**
     * JSON node of a Dashjoin value. Functions have no JSON form: like {@code JSON.stringify} they are left out of
     * objects, become null in arrays and undefined on their own.
     */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value == Jsonata.NULL_VALUE) {
            return JsonValues.NODES.nullNode();
        }
        if (value instanceof String text) {
            return JsonValues.NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return JsonValues.NODES.booleanNode(bool);
        }
        if (value instanceof Number number) {
            return JsonValues.number(number);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = JsonValues.NODES.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() == null) {
                    object.putNull(String.valueOf(entry.getKey()));
                } else {
                    JsonNode element = toJson(entry.getValue());
                    if (element != null) {
                        object.set(String.valueOf(entry.getKey()), element);
                    }
                }
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JsonValues.NODES.arrayNode(list.size());
            for (Object element : list) {
                JsonNode json = toJson(element);
                array.add(json == null ? JsonValues.NODES.nullNode() : json);
            }
            return array;
        }
        return null;
    }
}
