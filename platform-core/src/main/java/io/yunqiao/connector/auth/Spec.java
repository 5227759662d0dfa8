package io.yunqiao.connector.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.yunqiao.connector.ConnectionField;
import io.yunqiao.connector.ConnectorDefinition;
import io.yunqiao.connector.DefinitionException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one scheme's parameters (already shaped by the JSON schema) and refuses, naming the definition and the
 * JSON path, what only the reader can check: template names, time formats and zones, combinations.
 */
final class Spec {

    /** The zone of {@code {{now:…}}} when a scheme names none: the vendors this platform serves are in China. */
    static final String DEFAULT_ZONE = "Asia/Shanghai";

    private final ConnectorDefinition definition;
    private final JsonNode node;
    private final String path;
    private final ZoneId zone;
    private final Set<String> sessionValues;
    private final Set<String> referenced;

    private Spec(ConnectorDefinition definition, JsonNode node, String path, ZoneId zone, Set<String> sessionValues,
            Set<String> referenced) {
        this.definition = definition;
        this.node = node;
        this.path = path;
        this.zone = zone;
        this.sessionValues = sessionValues;
        this.referenced = referenced;
    }

    /** The spec of one scheme of the chain, whose templates may use the given session values. */
    static Spec scheme(ConnectorDefinition definition, JsonNode node, String path, Set<String> sessionValues) {
        Spec bare = new Spec(definition, node, path, null, sessionValues, new LinkedHashSet<>());
        String zoneName = node.path("timeZone").asText(DEFAULT_ZONE);
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw bare.at("timeZone").error("problem.definition.auth.timeZone", zoneName);
        }
        return new Spec(definition, node, path, zone, sessionValues, bare.referenced);
    }

    /** The parameter {@code name} (an object or list item), for reading and for messages. */
    Spec at(String name) {
        return new Spec(definition, node.path(name), path + "." + name, zone, sessionValues, referenced);
    }

    Spec at(int index) {
        return new Spec(definition, node.path(index), path + "[" + index + "]", zone, sessionValues, referenced);
    }

    /** The same place, where templates may also use these session values. */
    Spec withSessionValues(Set<String> names) {
        return new Spec(definition, node, path, zone, Set.copyOf(names), referenced);
    }

    JsonNode node() {
        return node;
    }

    String path() {
        return path;
    }

    ZoneId timeZone() {
        return zone;
    }

    ConnectorDefinition definition() {
        return definition;
    }

    boolean has(String name) {
        return node.hasNonNull(name);
    }

    String text(String name, String fallback) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    int integer(String name, int fallback) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? fallback : value.asInt(fallback);
    }

    boolean flag(String name) {
        return node.path(name).asBoolean(false);
    }

    List<String> strings(String name, List<String> fallback) {
        JsonNode value = node.get(name);
        if (value == null || !value.isArray()) {
            return fallback;
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> items.add(item.asText()));
        return List.copyOf(items);
    }

    /** A template or digest parameter, or {@code null} when absent. */
    Value value(String name) {
        return has(name) ? at(name).asValue() : null;
    }

    /** A text template parameter, or {@code fallback} (a literal) when absent. */
    Template template(String name, String fallback) {
        if (!has(name)) {
            return fallback == null ? null : Template.literal(fallback);
        }
        return Template.parse(node.get(name).asText(), at(name));
    }

    /** A map of names to values, in the order written; empty when absent. */
    Map<String, Value> values(String name) {
        Map<String, Value> values = new LinkedHashMap<>();
        Spec map = at(name);
        map.node.fieldNames().forEachRemaining(key -> values.put(key, map.at(key).asValue()));
        return values;
    }

    /** A map of names to texts, in the order written; empty when absent. */
    Map<String, String> texts(String name) {
        Map<String, String> texts = new LinkedHashMap<>();
        node.path(name).properties().forEach(e -> texts.put(e.getKey(), e.getValue().asText()));
        return texts;
    }

    private Value asValue() {
        if (node.isObject()) {
            Digest.Algorithm algorithm = Digest.Algorithm.named(node.path("digest").asText());
            Template key = has("key") ? Template.parse(node.get("key").asText(), at("key")) : null;
            if (algorithm.keyed() && key == null) {
                throw at("key").error("problem.definition.auth.hmacKey", node.path("digest").asText());
            }
            return new Digest(algorithm, key, Template.parse(node.path("message").asText(), at("message")),
                    Digest.Encoding.named(node.path("encoding").asText("hex")));
        }
        return Template.parse(node.asText(), this);
    }

    /** The declared connection field a template names; remembered for the scheme's messages. */
    ConnectionField connectionField(String name) {
        ConnectionField field = definition.connectionField(name).orElseThrow(() -> error(
                "problem.definition.auth.unknownField", name,
                definition.connection().stream().map(ConnectionField::name).toList()));
        referenced.add(name);
        return field;
    }

    /** The connection fields the templates of the whole scheme read, so far. */
    Set<String> referencedFields() {
        return Set.copyOf(referenced);
    }

    /** Refuses a session value that no earlier step extracts. */
    void requireSessionValue(String name) {
        if (!sessionValues.contains(name)) {
            throw error("problem.definition.auth.unknownSession", name, List.copyOf(sessionValues));
        }
    }

    /** A refusal at this place: the code's texts take the source as {0}, the path as {1}, then {@code params}. */
    DefinitionException error(String code, Object... params) {
        Object[] all = new Object[params.length + 2];
        all[0] = definition.source() == null ? definition.id() : definition.source();
        all[1] = path;
        System.arraycopy(params, 0, all, 2, params.length);
        return new DefinitionException(code, all);
    }
}
