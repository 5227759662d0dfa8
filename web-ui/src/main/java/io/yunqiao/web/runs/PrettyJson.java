package io.yunqiao.web.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Request and response bodies indented for reading; a body that is not JSON is shown as it was logged. A string
 * value that is itself a JSON object or array (Jackyun's {@code bizcontent}, a form field carrying JSON) is shown
 * decoded, as the object it carries, rather than as escaped JSON inside JSON. For display only: what is stored is
 * unchanged.
 */
final class PrettyJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How deep strings inside decoded strings are decoded in turn; real bodies nest once. */
    private static final int MAX_NESTING = 3;
    /** A longer string is shown as it is: decoding it would cost more than it helps. */
    private static final int MAX_NESTED_CHARS = 1_000_000;

    private PrettyJson() {
    }

    static String of(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            JsonNode node = JSON.readTree(text);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(decoded(node, 0));
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    /** A copy of {@code node} with the strings that hold JSON objects or arrays replaced by what they hold. */
    private static JsonNode decoded(JsonNode node, int nesting) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(field -> copy.set(field.getKey(), decoded(field.getValue(), nesting)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(decoded(element, nesting)));
            return copy;
        }
        if (node.isTextual() && nesting < MAX_NESTING) {
            String value = node.asText().strip();
            if (value.length() <= MAX_NESTED_CHARS && (value.startsWith("{") && value.endsWith("}")
                    || value.startsWith("[") && value.endsWith("]"))) {
                try {
                    JsonNode inner = JSON.readTree(value);
                    if (inner != null && (inner.isObject() || inner.isArray())) {
                        return decoded(inner, nesting + 1);
                    }
                } catch (JsonProcessingException e) {
                    // not JSON after all ("[draft] order"): shown as the text it is
                }
            }
        }
        return node;
    }
}
