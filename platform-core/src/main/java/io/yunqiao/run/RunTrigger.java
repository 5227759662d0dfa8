package io.yunqiao.run;

/** What started a run. */
public enum RunTrigger {
    SCHEDULE,
    MANUAL,
    REPUSH,
    /** Quartz re-fired the job of a node that died during a run: this run continues that work. */
    RECOVERY
}
