package io.yunqiao.run;

/** Where a run is; every status but RUNNING is final. */
public enum RunStatus {
    RUNNING,
    /** Every fetched record was written or skipped as a duplicate. */
    SUCCESS,
    /** The window was fetched, but some records failed; they stay re-pushable. */
    PARTIAL,
    /** The run could not do its work (e.g. the fetch failed); the reason is in its error. */
    FAILED,
    /** Not started because another run of the same solution was running. */
    SKIPPED,
    /**
     * Stopped before its work was done because its node stopped (a deliberate stop, or a node that died); another run
     * continues the work ({@link Run#getContinuedByRunId()}). Not a failure: alerts fire on the continuing run's end.
     */
    INTERRUPTED;

    public boolean isFinal() {
        return this != RUNNING;
    }
}
