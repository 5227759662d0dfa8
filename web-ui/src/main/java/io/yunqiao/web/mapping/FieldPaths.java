package io.yunqiao.web.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yunqiao.connector.ExampleRecord;
import io.yunqiao.connector.OperationDefinition;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Dotted field names of connector definitions as JSONata paths, as sample records, and looked up in JSON. */
final class FieldPaths {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$\\u00c0-\\uffff][\\w$\\u00c0-\\uffff]*");
    private static final Set<String> RESERVED = Set.of("and", "or", "in", "true", "false", "null", "function");

    private FieldPaths() {
    }

    /** {@code material_entity.qty} as JSONata: names that are not plain identifiers go in backticks. */
    static String jsonata(String dottedName) {
        return Arrays.stream(dottedName.split("\\."))
                .map(segment -> PLAIN.matcher(segment).matches() && !RESERVED.contains(segment) ? segment
                        : "`" + segment + "`")
                .collect(Collectors.joining("."));
    }

    /**
     * Whether a mapped body has a value at a dotted name: present, not null and not empty text — what the target's
     * required check asks. Inside an array, any element having it counts.
     */
    static boolean present(JsonNode body, String dottedName) {
        return present(body, dottedName.split("\\."), 0);
    }

    private static boolean present(JsonNode node, String[] segments, int index) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (index == segments.length) {
            return !(node.isTextual() && node.asText().isEmpty());
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (present(element, segments, index)) {
                    return true;
                }
            }
            return false;
        }
        return node.isObject() && present(node.get(segments[index]), segments, index + 1);
    }

    /**
     * A record shaped like the operation's fields, to try a mapping on before any real record is at hand: text
     * fields hold their label (so the output reads "客户名称: 供应商名称"), numbers 1, booleans true, arrays one
     * element.
     */
    static ObjectNode example(OperationDefinition operation, Locale locale) {
        return ExampleRecord.of(operation, field -> field.label() == null ? field.name() : field.label().in(locale));
    }
}
