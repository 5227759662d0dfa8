package io.yunqiao.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.limit.InputLimits;
import io.yunqiao.problem.Problem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value-map tables a template ships ({@code "valueMaps": {"表名": {"源值": "目标值", …}, …}}), checked as the
 * value-map screen checks a table a person creates (name characters, entry sizes), so that a copy never fails on what
 * the template ships.
 */
final class TemplateValueMaps {

    /** The most value-map tables one template may ship. */
    static final int MAX_TABLES = 20;

    private TemplateValueMaps() {
    }

    /**
     * @param node the {@code valueMaps} node; missing or null = none
     * @throws Problem naming the table (and entry) and what is wrong
     */
    static Map<String, Map<String, String>> check(JsonNode node, InputLimits limits) {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return tables;
        }
        if (!node.isObject()) {
            throw Problem.coded(Problem.Kind.INVALID, "$.valueMaps", "problem.template.valueMaps.notObject");
        }
        if (node.size() > MAX_TABLES) {
            throw Problem.coded(Problem.Kind.INVALID, "$.valueMaps", "problem.template.valueMaps.tooMany",
                    node.size(), MAX_TABLES);
        }
        for (Map.Entry<String, JsonNode> table : node.properties()) {
            String name = table.getKey();
            String place = "$.valueMaps." + name;
            if (name.isBlank() || !name.equals(name.strip()) || name.length() > limits.nameLength()
                    || name.chars().anyMatch(c -> c < 0x20 || "\"'\\/%?#".indexOf(c) >= 0)) {
                throw Problem.coded(Problem.Kind.INVALID, place, "problem.template.valueMaps.badName", name,
                        limits.nameLength());
            }
            if (!table.getValue().isObject()) {
                throw Problem.coded(Problem.Kind.INVALID, place, "problem.template.valueMaps.tableNotObject", name);
            }
            if (table.getValue().size() > limits.valueMapEntries()) {
                throw Problem.coded(Problem.Kind.INVALID, place, "problem.template.valueMaps.tooManyEntries", name,
                        table.getValue().size(), limits.valueMapEntries());
            }
            Map<String, String> entries = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : table.getValue().properties()) {
                String key = entry.getKey();
                JsonNode value = entry.getValue();
                if (key.isEmpty() || key.length() > limits.valueMapKeyLength() || key.indexOf('\0') >= 0) {
                    throw Problem.coded(Problem.Kind.INVALID, place, "problem.template.valueMaps.badKey", name,
                            limits.valueMapKeyLength());
                }
                if (!value.isTextual() || value.asText().length() > limits.valueMapValueLength()
                        || value.asText().indexOf('\0') >= 0) {
                    throw Problem.coded(Problem.Kind.INVALID, place + "." + key,
                            "problem.template.valueMaps.badValue", name, key, limits.valueMapValueLength());
                }
                entries.put(key, value.asText());
            }
            tables.put(name, entries);
        }
        return tables;
    }
}
