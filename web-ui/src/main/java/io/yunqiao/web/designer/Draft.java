package io.yunqiao.web.designer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.yunqiao.connector.FieldDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A connector definition being designed, as the JSON tree of its YAML: the form edits parts of it by path, and
 * whatever the form does not show (success and error rules, an auth scheme's advanced parameters) is kept as it was.
 */
final class Draft {

    static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build();
    /** What an extension may declare; anything else would be refused on save. */
    private static final Set<String> EXTENSION_KEYS = Set.of("id", "name", "version", "extends", "operations");

    private ObjectNode root;

    Draft(ObjectNode root) {
        this.root = root;
    }

    static Draft empty() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putObject("name");
        root.put("version", "1.0");
        root.putArray("operations");
        return new Draft(root);
    }

    /** Reads a definition's YAML or JSON text; {@code null} when it is not a YAML object. */
    static Draft parse(String text) {
        try {
            JsonNode tree = YAML.readTree(text);
            return tree instanceof ObjectNode object ? new Draft(object) : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    ObjectNode root() {
        return root;
    }

    boolean isExtension() {
        return !text(root, "extends").isEmpty();
    }

    /** The text to save: for an extension, only the keys an extension may have. */
    String yaml() {
        ObjectNode copy = root.deepCopy();
        if (isExtension()) {
            copy.retain(EXTENSION_KEYS);
        }
        try {
            return YAML.writeValueAsString(copy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes as YAML", e);
        }
    }

    /**
     * The text to try {@code operation} with: while it has no fields yet (they come from the answer of this very
     * try), its key is declared as a provisional field, since a definition's key must be one of its fields.
     */
    String yamlToTry(ObjectNode operation) {
        ArrayNode operations = operations();
        for (int i = 0; i < operations.size(); i++) {
            if (operations.get(i) == operation) {
                String key = text(operation, "key");
                JsonNode fields = operation.get("fields");
                if (!key.isEmpty() && (fields == null || fields.isEmpty())) {
                    Draft copy = new Draft(root.deepCopy());
                    ObjectNode field = ((ObjectNode) copy.operations().get(i)).putArray("fields").addObject();
                    field.put("name", key);
                    field.putObject("label").put("zh", key);
                    return copy.yaml();
                }
            }
        }
        return yaml();
    }

    ArrayNode operations() {
        return array(root, "operations");
    }

    static ArrayNode array(ObjectNode node, String name) {
        JsonNode found = node.get(name);
        return found instanceof ArrayNode array ? array : node.putArray(name);
    }

    /** The text at a dotted path, empty when absent. */
    static String text(JsonNode node, String path) {
        JsonNode at = node;
        for (String part : path.split("\\.")) {
            at = at == null ? null : at.get(part);
        }
        return at == null || at.isNull() || at.isContainerNode() ? "" : at.asText();
    }

    /** Sets the text at a dotted path, creating objects on the way; a blank value removes the key. */
    static void set(ObjectNode node, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode at = node;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = at.get(parts[i]);
            at = next instanceof ObjectNode object ? object : at.putObject(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (value == null || value.isBlank()) {
            at.remove(last);
        } else {
            at.put(last, value.trim());
        }
    }

    static void setBoolean(ObjectNode node, String name, boolean value) {
        if (value) {
            node.put(name, true);
        } else {
            node.remove(name);
        }
    }

    /** An operation's fields replaced by {@code fields} (the derived ones), labels as given. */
    static void setFields(ObjectNode operation, List<FieldDefinition> fields) {
        ArrayNode array = operation.putArray("fields");
        for (FieldDefinition field : fields) {
            ObjectNode node = array.addObject();
            node.put("name", field.name());
            node.putObject("label").put("zh", field.label().zh()).put("en", field.label().en());
            node.put("type", field.type());
        }
    }

    static List<ObjectNode> objects(ArrayNode array) {
        List<ObjectNode> list = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext();) {
            if (it.next() instanceof ObjectNode object) {
                list.add(object);
            }
        }
        return list;
    }
}
