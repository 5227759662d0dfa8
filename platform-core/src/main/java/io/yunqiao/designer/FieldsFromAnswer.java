package io.yunqiao.designer;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.FieldDefinition;
import io.yunqiao.connector.JsonPaths;
import io.yunqiao.connector.LocalizedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives an operation's field list from a real answer (从应答生成字段): every key of every record at the records
 * path, in the order first seen, with its JSON type; nested objects and arrays of objects as {@code parent.child}
 * names after their parent, as the connectors' own definitions nest {@code material_entity.qty}. Labels default to
 * the field's name, for a person to edit.
 */
public final class FieldsFromAnswer {

    /** Deeper nesting than this is declared as a plain {@code object} or {@code array}, without its children. */
    static final int MAX_DEPTH = 8;

    private FieldsFromAnswer() {
    }

    /**
     * The fields of the records at {@code recordsPath} in {@code answer} (a list of records, or one record); the
     * union of the keys of all records, so that a key only some records carry is still a field.
     *
     * @return the fields, parents before their children; empty when the path finds no record
     */
    public static List<FieldDefinition> of(JsonNode answer, String recordsPath) {
        JsonNode found = recordsPath == null || recordsPath.isBlank() ? answer : JsonPaths.at(answer, recordsPath);
        List<JsonNode> records = new ArrayList<>();
        if (found != null && found.isArray()) {
            found.forEach(records::add);
        } else if (found != null && found.isObject()) {
            records.add(found);
        }
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode record : records) {
            collect(record, "", types, 0);
        }
        List<FieldDefinition> fields = new ArrayList<>(types.size());
        types.forEach((name, type) -> fields.add(new FieldDefinition(name, new LocalizedText(name, name),
                "null".equals(type) ? "string" : type,
                false, null, null)));
        return fields;
    }

    private static void collect(JsonNode object, String prefix, Map<String, String> types, int depth) {
        if (!object.isObject()) {
            return;
        }
        object.properties().forEach(entry -> {
            String name = prefix + entry.getKey();
            JsonNode value = entry.getValue();
            types.merge(name, typeOf(value), FieldsFromAnswer::merged);
            if (depth + 1 >= MAX_DEPTH) {
                return;
            }
            if (value.isObject()) {
                collect(value, name + ".", types, depth + 1);
            } else if (value.isArray()) {
                for (JsonNode element : value) {
                    collect(element, name + ".", types, depth + 1);
                }
            }
        });
    }

    /** The JSON type of a value; {@code "null"} (not known yet) for a JSON null. */
    private static String typeOf(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isObject()) {
            return "object";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        return "string";
    }

    /** One type for a key seen with two: nulls give way, integers widen to numbers, anything else is text. */
    private static String merged(String seen, String more) {
        if (seen.equals(more) || "null".equals(more)) {
            return seen;
        }
        if ("null".equals(seen)) {
            return more;
        }
        if (isNumeric(seen) && isNumeric(more)) {
            return "number";
        }
        return "string";
    }

    private static boolean isNumeric(String type) {
        return "integer".equals(type) || "number".equals(type);
    }
}
