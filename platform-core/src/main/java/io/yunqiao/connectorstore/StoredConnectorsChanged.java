package io.yunqiao.connectorstore;

/**
 * Published after a stored definition was created, changed or deleted and the registry holds the change.
 *
 * @param id      the definition's id
 * @param deleted whether it was deleted
 */
public record StoredConnectorsChanged(String id, boolean deleted) {
}
