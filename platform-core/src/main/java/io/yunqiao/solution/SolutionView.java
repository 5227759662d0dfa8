package io.yunqiao.solution;

import java.time.Instant;

/**
 * A solution as lists and the REST API show it.
 *
 * @param spec the current version's spec
 */
public record SolutionView(long id, String name, boolean enabled, String cron, int version, SolutionSpec spec,
        Instant createdAt, Instant updatedAt) {
}
