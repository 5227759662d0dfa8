package io.yunqiao.connectorstore;

import java.time.Instant;

/**
 * What tells whether the stored definitions changed since they were loaded: any create, save or delete on any node
 * changes the count, the sum of the versions or the latest save.
 *
 * @param count    how many are stored
 * @param versions the sum of their current versions
 * @param latest   the latest save, or {@code null} when none is stored
 */
record Fingerprint(Long count, Long versions, Instant latest) {
}
