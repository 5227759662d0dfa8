package io.yunqiao.connectors.jackyun.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields one gateway API keeps, with their labels, in the vendor's dictionary order, and the checks every such
 * API makes alike: values may be JSON strings, numbers or booleans and are kept as text, empty values count as not
 * given, fields outside the dictionary are ignored, and a field is named in refusals as {@code name（label）}.
 *
 * @param labels the label of each field, in dictionary order
 */
record FieldDictionary(Map<String, String> labels) {

    FieldDictionary {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /**
     * The given dictionary fields of {@code bizcontent} as trimmed text, in dictionary order.
     *
     * @throws GatewayRefusal of sub-code {@value GatewayRefusal#INVALID_PARAMETER}, naming the field, when a field
     *                        is an object or an array
     */
    Map<String, String> read(JsonNode bizcontent) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : labels.keySet()) {
            JsonNode value = bizcontent.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isValueNode()) {
                throw GatewayRefusal.invalid("字段 " + describe(name) + " 应为文本或数字，收到 " + value.getNodeType()
                        .name().toLowerCase(Locale.ROOT));
            }
            String text = value.asText().trim();
            if (!text.isEmpty()) {
                fields.put(name, text);
            }
        }
        return fields;
    }

    /**
     * @throws GatewayRefusal of sub-code {@value GatewayRefusal#INVALID_PARAMETER} when {@code fields} lacks
     *                        {@code name}
     */
    void require(Map<String, String> fields, String name) {
        if (!fields.containsKey(name)) {
            throw GatewayRefusal.invalid("缺少必填字段 " + describe(name));
        }
    }

    /** The field as refusals name it: {@code name（label）}. */
    String describe(String name) {
        return name + "（" + labels.get(name) + "）";
    }
}
