package io.yunqiao.connection;

import java.time.Instant;
import java.util.Map;

/**
 * A connection as shown to users and in REST answers: secret values are always {@code ******}.
 *
 * @param values field values, secrets masked; a secret that is not set is absent
 */
public record ConnectionView(long id, String name, String connectorId, Map<String, String> values, Instant createdAt,
        Instant updatedAt) {
}
