package io.yunqiao.run;

/** What started a run. */
public enum RunTrigger {
    SCHEDULE,
    MANUAL,
    REPUSH
}
