package io.yunqiao.run;

/** Where a run is; the last four are final. */
public enum RunStatus {
    RUNNING,
    /** Every fetched record was written or skipped as a duplicate. */
    SUCCESS,
    /** The window was fetched, but some records failed; they stay re-pushable. */
    PARTIAL,
    /** The run could not do its work (e.g. the fetch failed); the reason is in its error. */
    FAILED,
    /** Not started because another run of the same solution was running. */
    SKIPPED;

    public boolean isFinal() {
        return this != RUNNING;
    }
}
