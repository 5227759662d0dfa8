package io.yunqiao.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * A record shaped like an operation's declared fields, for checking a mapping before real data exists (the
 * validator) and for the editor's sample when nothing was fetched yet: numbers are 1, booleans true, arrays hold one
 * element, and text fields hold what {@code textOf} gives (the field's name, or its label).
 */
public final class ExampleRecord {

    private ExampleRecord() {
    }

    public static ObjectNode of(OperationDefinition operation, Function<FieldDefinition, String> textOf) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (FieldDefinition field : operation.fields()) {
            ObjectNode parent = root;
            String[] parts = field.name().split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode existing = parent.get(parts[i]);
                if (existing instanceof ArrayNode array) {
                    if (array.isEmpty()) {
                        array.addObject();
                    }
                    parent = array.get(0) instanceof ObjectNode first ? first : array.addObject();
                } else if (existing instanceof ObjectNode object) {
                    parent = object;
                } else {
                    parent = parent.putObject(parts[i]);
                }
            }
            String leaf = parts[parts.length - 1];
            switch (field.type()) {
                case "array" -> parent.putArray(leaf);
                case "object" -> parent.putObject(leaf);
                case "integer", "number" -> parent.put(leaf, 1);
                case "boolean" -> parent.put(leaf, true);
                default -> parent.put(leaf, textOf.apply(field));
            }
        }
        return root;
    }
}
