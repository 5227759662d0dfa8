package io.yunqiao.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Reads dotted paths ({@code data.rows}, {@code result.data.customerId}) out of vendor answers and records. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The node at a dotted path, or a missing node. */
    public static JsonNode at(JsonNode root, String dottedPath) {
        if (root == null) {
            return MissingNode.getInstance();
        }
        if (dottedPath == null || dottedPath.isEmpty()) {
            return root;
        }
        JsonNode node = root;
        for (String part : dottedPath.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** Whether a node is missing or JSON null. */
    public static boolean isAbsent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** The text of a scalar at the path, or {@code null} when absent or empty. */
    public static String text(JsonNode root, String dottedPath) {
        JsonNode node = at(root, dottedPath);
        if (isAbsent(node) || !node.isValueNode()) {
            return null;
        }
        String text = node.asText();
        return text.isEmpty() ? null : text;
    }
}
