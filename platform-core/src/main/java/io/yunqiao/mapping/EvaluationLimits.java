package io.yunqiao.mapping;

import java.time.Duration;

/**
 * Bounds on one evaluation, so a runaway expression (an endless tail recursion, a huge range) fails its record
 * instead of holding a worker thread forever.
 *
 * @param timeoutMillis wall-clock budget of one evaluation
 * @param maxDepth      maximum nesting of evaluation steps; {@link Integer#MAX_VALUE} for no limit (a deep
 *                      recursion then ends in a {@link StackOverflowError}, which is reported as a record error)
 */
record EvaluationLimits(long timeoutMillis, int maxDepth) {

    /**
     * Records are mapped with a time budget only: Dashjoin's depth count drifts upwards after array constructors
     * (its Timebox skips "parallel" frames on exit), so a depth limit would fail long but legitimate mappings.
     */
    static final EvaluationLimits RECORD = new EvaluationLimits(Duration.ofSeconds(10).toMillis(), Integer.MAX_VALUE);

    EvaluationLimits {
        if (timeoutMillis <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + timeoutMillis + " ms, depth " + maxDepth);
        }
    }
}
