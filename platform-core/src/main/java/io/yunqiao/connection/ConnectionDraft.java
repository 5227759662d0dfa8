package io.yunqiao.connection;

import java.util.Map;

/**
 * What a user submits to create or change a connection.
 *
 * @param name        unique, what users call it
 * @param connectorId which connector definition it belongs to
 * @param values      field values; on an update, a secret given as {@code ******} or left out keeps its stored value
 */
public record ConnectionDraft(String name, String connectorId, Map<String, String> values) {

    public ConnectionDraft {
        values = values == null ? Map.of() : Map.copyOf(values);
    }
}
