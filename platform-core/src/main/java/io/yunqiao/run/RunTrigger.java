package io.yunqiao.run;

/** What started a run. */
public enum RunTrigger {
    SCHEDULE,
    MANUAL,
    REPUSH,
    /**
     * Continues an interrupted run's work: Quartz re-fired the job of a node that died during a run, or a node
     * continues a run whose node stopped or died ({@code RunRecovery}).
     */
    RECOVERY
}
