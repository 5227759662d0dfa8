package io.yunqiao.connector;

import io.yunqiao.problem.StoredMessage;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A saved set of credentials and a base URL for one system instance (连接器), as the runtime sees it: plain values,
 * already decrypted.
 *
 * @param id          stable identifier; auth schemes cache tokens per connection
 * @param name        what users call it; every error about the connection names it
 * @param connectorId the {@link ConnectorDefinition#id()} it belongs to
 * @param values      field name to value, as declared by the definition's connection fields
 */
public record Connection(String id, String name, String connectorId, Map<String, String> values) {

    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(connectorId, "connectorId");
        name = name == null ? id : name;
        values = values == null ? Map.of() : Map.copyOf(new TreeMap<>(values));
    }

    /** The value of a field, or {@code null} when it is not set. */
    public String value(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value;
    }

    /** The value of a field the caller cannot work without. */
    public String require(String field) {
        String value = value(field);
        if (value == null) {
            throw new ConnectorException(ErrorClass.AUTH, this, null,
                    StoredMessage.of("connector.connection.valueMissing", name, field).store());
        }
        return value;
    }

    /**
     * A key that changes whenever any value changes, so that a token cached for old credentials is not reused
     * after the connection is edited.
     */
    public String cacheKey() {
        return id + "#" + values.hashCode();
    }

    @Override
    public String toString() {
        return "Connection[" + name + " (" + connectorId + ")]";
    }
}
