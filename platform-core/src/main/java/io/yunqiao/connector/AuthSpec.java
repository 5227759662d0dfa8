package io.yunqiao.connector;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code auth} of a connector definition: either the id of an {@link AuthScheme} implementation (vendor Java,
 * found with {@link java.util.ServiceLoader}), or a chain of one or more declarative schemes, each an object with a
 * {@code type} ({@code none}, {@code basic}, {@code bearer}, {@code api-key}, {@code oauth2-client-credentials},
 * {@code session-token}, {@code signed-params}, {@code hmac-headers}) and its parameters, applied in order.
 *
 * @param schemeId the SPI scheme's id, or {@code null} for a declarative chain
 * @param chain    the declarative schemes' parameter objects, as written (validated by the schema); empty for an
 *                 SPI scheme
 */
public record AuthSpec(String schemeId, List<ObjectNode> chain) {

    public AuthSpec {
        List<ObjectNode> copies = new ArrayList<>();
        if (chain != null) {
            chain.forEach(scheme -> copies.add(scheme.deepCopy()));
        }
        chain = List.copyOf(copies);
        if ((schemeId == null) == chain.isEmpty()) {
            throw new IllegalArgumentException("an auth spec is either a scheme id or a non-empty chain");
        }
    }

    /** The spec that names an {@link AuthScheme} implementation. */
    public static AuthSpec named(String schemeId) {
        return new AuthSpec(schemeId, List.of());
    }

    /** Reads {@code auth} as written: a string, an object or a list of objects. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AuthSpec of(JsonNode node) {
        if (node != null && node.isTextual()) {
            return named(node.asText());
        }
        List<ObjectNode> chain = new ArrayList<>();
        if (node != null && node.isObject()) {
            chain.add((ObjectNode) node);
        } else if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isObject()) {
                    throw new IllegalArgumentException("every scheme of an auth chain is an object with a type");
                }
                chain.add((ObjectNode) item);
            }
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("auth is a scheme id, a scheme object or a non-empty list of them");
        }
        return new AuthSpec(null, chain);
    }

    /** Whether the schemes are declared in the definition rather than implemented in Java. */
    public boolean declarative() {
        return schemeId == null;
    }

    /** The types of the chain in order ({@code session-token}, {@code hmac-headers}); empty for an SPI scheme. */
    public List<String> types() {
        return chain.stream().map(scheme -> scheme.path("type").asText()).toList();
    }

    /** What people see: the SPI id, or the chain's types joined by {@code +}. */
    public String summary() {
        return declarative() ? types().stream().collect(Collectors.joining(" + ")) : schemeId;
    }

    /** The form it was written in: a string, one object, or a list. */
    @JsonValue
    public JsonNode toJson() {
        if (!declarative()) {
            return TextNode.valueOf(schemeId);
        }
        if (chain.size() == 1) {
            return chain.get(0).deepCopy();
        }
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        chain.forEach(scheme -> list.add(scheme.deepCopy()));
        return list;
    }

    @Override
    public String toString() {
        return summary();
    }
}
