package io.yunqiao.connectorstore;

import java.time.Instant;

/**
 * A stored definition as lists and editors show it.
 *
 * @param id         the definition's id: a connector id, or an extension's own id
 * @param extendsId  the connector it extends, or {@code null} when it stands alone
 * @param format     how its text is written
 * @param version    its current version
 * @param definition its current text, exactly as saved
 * @param active     whether it is in effect: false when it no longer validated at start (e.g. after an upgrade)
 * @param createdAt  when it was created
 * @param createdBy  who created it
 * @param updatedAt  when its current version was saved
 * @param updatedBy  who saved its current version
 */
public record StoredConnectorView(String id, String extendsId, DefinitionFormat format, int version,
        String definition, boolean active, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
