package io.yunqiao.schedule;

import java.time.Instant;

/**
 * Whether the maintenance mode is on, and its last switch.
 *
 * @param on    every solution's schedule is paused cluster-wide
 * @param since when it was last switched (on or off); null if it never was
 * @param by    who switched it last; null if nobody ever did
 * @param note  why, as the person who switched it wrote it; null if they wrote nothing
 */
public record MaintenanceState(boolean on, Instant since, String by, String note) {
}
