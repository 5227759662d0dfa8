package io.yunqiao.connector.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Dotted paths into login answers ({@code data.access_token}). A list met on the way is walked item by item, so
 * {@code data.accountGroups} gathers the account groups of every item of {@code data}.
 */
final class Paths {

    private Paths() {
    }

    /** Every node at the path; lists at the end are flattened into their items. */
    static List<JsonNode> all(JsonNode root, String dottedPath) {
        List<JsonNode> nodes = new ArrayList<>();
        nodes.add(root);
        for (String part : dottedPath.isEmpty() ? new String[0] : dottedPath.split("\\.")) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : flatten(nodes)) {
                JsonNode child = node.path(part);
                if (!child.isMissingNode() && !child.isNull()) {
                    next.add(child);
                }
            }
            nodes = next;
        }
        return flatten(nodes);
    }

    /** The text of the first scalar at the path, or empty. */
    static String text(JsonNode root, String dottedPath) {
        for (JsonNode node : all(root, dottedPath)) {
            if (node.isValueNode()) {
                return node.asText();
            }
        }
        return "";
    }

    /** The first scalar node at the path, or {@code null}. */
    static JsonNode first(JsonNode root, String dottedPath) {
        for (JsonNode node : all(root, dottedPath)) {
            if (node.isValueNode()) {
                return node;
            }
        }
        return null;
    }

    private static List<JsonNode> flatten(List<JsonNode> nodes) {
        List<JsonNode> flat = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (node.isArray()) {
                node.forEach(flat::add);
            } else {
                flat.add(node);
            }
        }
        return flat;
    }
}
